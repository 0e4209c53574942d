// The community life area's pages, loaded together when one of them is first opened (App.tsx).
export { MemberMapView } from './views/MemberMapView';
export { MemberMapEntryView } from './views/MemberMapEntryView';
export { FunctionsView } from './views/FunctionsView';
export { AssignFunctionView, RotateFunctionView } from './views/AssignFunctionView';
export { WorkingPlanView, AddPlanNeedView } from './views/WorkingPlanView';
export { SupportRequestsView, RequestSupportView } from './views/SupportRequestsView';
export { SupportQueueView, SupportRequestView } from './views/SupportQueueView';
export { ChallengesView, PostChallengeView, ChallengeView } from './views/ChallengesView';

// The selection area's pages, loaded together when one of them is first opened (App.tsx).
export { ReviewsView } from './views/ReviewsView';
export { ReviewView } from './views/ReviewView';
export { DeclareConflictView } from './views/DeclareConflictView';
export { PanelCallView } from './views/PanelCallView';

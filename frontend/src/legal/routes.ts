// The legal area's pages, loaded together when one of them is first opened (App.tsx).
export { PrivacyView } from './views/PrivacyView';
export { AccessibilityView } from './views/AccessibilityView';

// The webhooks area's pages, loaded together when one of them is first opened (App.tsx).
export { WebhooksView } from './views/WebhooksView';
export { CreateWebhookView } from './views/CreateWebhookView';
export { WebhookView } from './views/WebhookView';
export { DeleteWebhookView } from './views/DeleteWebhookView';

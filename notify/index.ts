/** Notifications: webhooks and e-mail fed from the database outbox (see README.md). */
export { emailMessage, linkOf, type Notice, webhookBody } from './message.ts';
export {
  createNotifier,
  enqueueTestNotification,
  type Notifier,
  type NotifierOptions,
  retryDelayMs,
  type TickReport,
} from './notifier.ts';
export { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, signBody, type VerifyOptions, verifySignature } from './sign.ts';
export { type SendResult, type Target, targetsFromConfig } from './targets.ts';
export { scrubWebhookUrl, webhookKey } from './webhook-url.ts';

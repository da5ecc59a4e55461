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
export { SIGNATURE_HEADER, signBody, verifySignature } from './sign.ts';
export { type SendResult, type Target, targetsFromConfig } from './targets.ts';

export * from './alerts.ts';
export * from './audit.ts';
export * from './review.ts';
export * from './sites.ts';
export * from './users.ts';

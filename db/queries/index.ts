export * from './alerts.ts';
export * from './audit.ts';
export * from './sites.ts';

export * from './audit.ts';
export * from './sites.ts';

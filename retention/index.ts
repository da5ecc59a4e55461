/** Public surface of retention: the purge that `phenix purge` and the daily run of `phenix serve` call. */
export { type PurgeOptions, type PurgeReport, runPurge } from './purge.ts';
export { startDailyPurge } from './schedule.ts';

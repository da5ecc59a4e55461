/** Scale-out on pg-boss: cycles as jobs on the shared Postgres, processed by `phenix worker` anywhere. */
export { BOSS_SCHEMA, type Boss, openBoss, queueStatus, unfinishedJobs } from './boss.ts';
export { enqueueCycle, waitForCycle } from './enqueue.ts';
export { QueueSetupError, TargetBusyError } from './errors.ts';
export { recordFailedCycles } from './failed-cycles.ts';
export type { CycleJobData, CycleScope } from './job-context.ts';
export { isCycleQueue, jobId, QUEUE, scheduleQueue } from './names.ts';
export { syncSchedules } from './schedules.ts';
export { startWorker, type Worker } from './worker.ts';

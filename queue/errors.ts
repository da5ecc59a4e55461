/** Errors of the job queue, named by how they are handled. */

/** The queue needs a shared PostgreSQL server; the embedded database runs everything in one process. Exit 2. */
export class QueueSetupError extends Error {
  override readonly name = 'QueueSetupError';
}

/** Another process holds the target's lease: the job fails this attempt and pg-boss retries it later. */
export class TargetBusyError extends Error {
  override readonly name = 'TargetBusyError';
}

/** A requested row does not exist (an alert id, a site name): the CLI says so and exits 2. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** The database cannot be used as it is (not reachable, not migrated, locked by another process). Exit 1. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** A request that contradicts the data (e.g. deciding an alert with an unknown status). Exit 2. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

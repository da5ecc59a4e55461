/**
 * One session at a time on the embedded database. PGlite is a single Postgres backend: a transaction begun by one user
 * of it is the transaction of everyone who sends a statement before it ends. The gate is held by the service's own
 * queries (each query, or a whole transaction) and by each socket client from its first message until its session is
 * idle again, so transactions never interleave. First come, first served.
 */
export interface Gate {
  /** Waits for the gate; the returned function releases it (a second call does nothing). */
  acquire(): Promise<() => void>;
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Sessions waiting for the gate (for tests and logs). */
  readonly waiting: number;
}

export function createGate(): Gate {
  let held = false;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else held = false;
  };
  const acquire = (): Promise<() => void> =>
    new Promise((resolve) => {
      let released = false;
      const grant = () =>
        resolve(() => {
          if (released) return;
          released = true;
          release();
        });
      if (held) queue.push(grant);
      else {
        held = true;
        grant();
      }
    });
  return {
    acquire,
    async run(fn) {
      const done = await acquire();
      try {
        return await fn();
      } finally {
        done();
      }
    },
    get waiting() {
      return queue.length;
    },
  };
}

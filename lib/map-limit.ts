/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export interface Slots {
  /** Runs `fn` once one of the `limit` places is free (first come, first served). */
  run<R>(fn: () => Promise<R>): Promise<R>;
}

/** At most `limit` tasks at once, shared by every caller holding the same slots (several batches at a time). */
export function createSlots(limit: number): Slots {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(fn) {
      // A finished task hands its place to the first waiting one directly, so a newcomer cannot slip in between.
      if (running >= Math.max(1, limit)) await new Promise<void>((resolve) => waiting.push(resolve));
      else running++;
      try {
        return await fn();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
}

/**
 * A worker pool over a queue that grows while it runs: `fn` may push new items (a crawl that reveals
 * new candidates). Ends when the queue is empty and no item is in flight.
 */
export async function runGrowingQueue<T>(
  initial: readonly T[],
  limit: number,
  fn: (item: T, push: (...items: T[]) => void) => Promise<void>,
): Promise<void> {
  const queue = [...initial];
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const push = (...items: T[]) => {
    queue.push(...items);
    notify();
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      const item = queue.shift();
      if (item === undefined) {
        if (inFlight === 0) {
          notify();
          return;
        }
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      inFlight++;
      try {
        await fn(item, push);
      } finally {
        inFlight--;
        notify();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

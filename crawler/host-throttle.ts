/**
 * Politeness delay between requests to one host. Replaces Crawlee's `sameDomainDelaySecs`, which
 * re-enqueues delayed requests while they are still marked in progress and, with persisted request
 * storage, crashes the process on a held file lock (apify/crawlee#2078, #3148). Here each request
 * reserves the next slot of its host before navigating, so concurrent requests are spaced too.
 */
export type HostThrottle = (url: string) => Promise<void>;

export function createHostThrottle(delayMs: number): HostThrottle {
  const nextSlot = new Map<string, number>();
  return async (url) => {
    if (!(delayMs > 0)) return;
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return;
    }
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + delayMs);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

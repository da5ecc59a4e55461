/**
 * What became of each page of a run: captured (its Capture handed over to onCapture) or failed (handed to onFailure),
 * never both, never twice. The invariant: pagesOk + pagesFailed ≤ pages requested, and no URL is both captured and
 * failed.
 *
 * Why a ledger is needed: Crawlee's request-handler timeout does not stop the handler, it stops waiting for it. An
 * attempt that overruns its budget (a slow favicon, a slow onCapture, a renderer that stalls after the watchdog
 * recycled it) is failed by Crawlee while its handler goes on, and that handler may still hand its capture over,
 * before or after the failure is recorded; a page captured and then failed as a lost tab would even be retried and
 * captured again. So the first outcome of a URL wins:
 *   - a failure for a page already captured is logged as a warning on that page and not counted;
 *   - a failure arriving while the page's capture is being handed over waits on the handover: it is recorded only
 *     if the handover itself fails;
 *   - a capture of a page already captured or failed is not handed over (logged), and one arriving while another
 *     handover of the same page is in progress waits for it.
 */
import type { CrawlLogger } from './types.ts';

/** What a failure is logged with when it is not counted. */
export interface FailureNote {
  reason: string;
  message: string;
}

interface Handover {
  done: Promise<void>;
  /** The failure Crawlee reported for the page while its capture was being handed over (recorded if that fails). */
  deferred: { failure: FailureNote; record: () => Promise<void> } | null;
}

export function createPageOutcomes(log: CrawlLogger) {
  const settled = new Map<string, 'captured' | 'failed'>();
  const handovers = new Map<string, Handover>();

  return {
    /**
     * Runs `handover` (build the capture, call onCapture, count it) unless the page already has an outcome.
     * Resolves true when this call captured the page, false when it was not handed over; a handover that throws
     * rethrows, and then counts as no outcome unless a failure was deferred on it (that failure is recorded).
     */
    async capture(url: string, handover: () => Promise<void>): Promise<boolean> {
      for (let other = handovers.get(url); other; other = handovers.get(url)) await other.done;
      const outcome = settled.get(url);
      if (outcome) {
        log.warn({ url, outcome }, 'page already counted: a later attempt’s capture is not handed over');
        return false;
      }
      let finish = () => {};
      const entry: Handover = { done: new Promise<void>((r) => (finish = r)), deferred: null };
      handovers.set(url, entry);
      try {
        await handover();
        settled.set(url, 'captured');
        if (entry.deferred)
          log.warn(
            { url, ...entry.deferred.failure },
            'page captured; its attempt failed during the handover: not counted as failed',
          );
        return true;
      } catch (error) {
        if (entry.deferred) {
          settled.set(url, 'failed');
          await entry.deferred.record();
        }
        throw error;
      } finally {
        handovers.delete(url);
        finish();
      }
    },

    /** Runs `record` (count the failure, call onFailure) unless the page was captured or already failed. */
    async fail(url: string, failure: FailureNote, record: () => Promise<void>): Promise<boolean> {
      const outcome = settled.get(url);
      if (outcome) {
        if (outcome === 'captured')
          log.warn({ url, ...failure }, 'page captured; its attempt failed afterwards: not counted as failed');
        else log.warn({ url, ...failure }, 'page already failed: not counted twice');
        return false;
      }
      const handover = handovers.get(url);
      if (handover) {
        handover.deferred = { failure, record };
        return false;
      }
      settled.set(url, 'failed');
      await record();
      return true;
    },

    /** The page was captured, or its capture is being handed over: its attempt must not be retried. */
    handedOver(url: string): boolean {
      return settled.get(url) === 'captured' || handovers.has(url);
    },

    /**
     * Waits (at most `timeoutMs`) for the handovers in progress, so the summary counts them: a handler Crawlee gave
     * up on may still be handing its capture over when the crawl's queues are done.
     */
    async settle(timeoutMs: number): Promise<void> {
      if (handovers.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([...handovers.values()].map((h) => h.done)),
        new Promise<void>((r) => {
          timer = setTimeout(r, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (handovers.size > 0)
        log.warn({ urls: [...handovers.keys()] }, 'captures still being handed over when the crawl ended');
    },
  };
}

export type PageOutcomes = ReturnType<typeof createPageOutcomes>;

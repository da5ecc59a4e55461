/**
 * A cursor over a stream of name batches: the comparison loops of the zone diff and the k-way merge read the current
 * name synchronously and wait only when a batch is used up (one asynchronous step per few thousand names, not one
 * per name: that cost more than the comparison itself).
 */
export class NameCursor {
  private batch: string[] = [];
  private index = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<string[]>) {}

  /** True when a current name is there (after waiting for the next batch if needed). */
  async ready(): Promise<boolean> {
    while (this.index >= this.batch.length) {
      if (this.ended) return false;
      const next = await this.source.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.batch = next.value;
      this.index = 0;
    }
    return true;
  }

  /** The current name; only after ready() said true. */
  get current(): string {
    return this.batch[this.index];
  }

  /** Moves on; true when the next name is already at hand (no wait needed). */
  step(): boolean {
    this.index++;
    return this.index < this.batch.length;
  }

  async close(): Promise<void> {
    await this.source.return?.(undefined);
  }
}

/** Names of a batch stream, in batches of about `size`, written as lines by `write`. */
export async function* batchesOf(names: Iterable<string>, size = 4096): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for (const name of names) {
    batch.push(name);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Lines of a feed read under caps. `readline` keeps a whole line in memory however long it is (a 305 KB gzip held
 * one 300 MB line and ran the heap out), so lines are split here: a line longer than `maxLineBytes` is skipped to
 * its end without being kept, and the whole input stops at `maxBytes` decompressed bytes. Lines come out as text
 * (UTF-8, or Latin-1 when a line is not valid UTF-8: AFNIC's open data is ISO-8859-1), without their line end.
 */
import type { Readable } from 'node:stream';

export interface FeedCaps {
  /** A longer line is refused (counted as a bad line) without being held in memory. */
  maxLineBytes: number;
  /** Decompressed bytes read from one file at most; past it the file is set aside. */
  maxBytes: number;
  /** Names recorded from one file at most; past it the file is set aside. */
  maxNames: number;
}

/** Defaults: a zone file's longest records (DNSSEC keys, long TXT) fit in 64 KiB; `.com` is ~25 GB unpacked. */
export const DEFAULT_FEED_CAPS: FeedCaps = {
  maxLineBytes: 64 * 1024,
  maxBytes: 64 * 1024 ** 3,
  maxNames: 500_000_000,
};

/** A file went past one of its caps: it is set aside (what was read before is kept), the other files go on. */
export class FeedCapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedCapError';
  }
}

export type FeedLineText = { text: string } | { tooLong: number };

const NEWLINE = 0x0a;
const REPLACEMENT = '\ufffd';

function decode(bytes: Buffer): string {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0d) end--;
  const text = bytes.toString('utf8', 0, end);
  return text.includes(REPLACEMENT) ? bytes.toString('latin1', 0, end) : text;
}

/** The lines of `input`; `label` names the file in cap errors. */
export async function* readFeedLines(input: Readable, caps: FeedCaps, label: string): AsyncGenerator<FeedLineText> {
  for await (const batch of readFeedLineBatches(input, caps, label)) yield* batch;
}

/**
 * The lines of `input` a chunk at a time (one array per chunk read): readers of millions of lines (the zone diff)
 * pay one asynchronous step per chunk rather than per line.
 */
export async function* readFeedLineBatches(
  input: Readable,
  caps: FeedCaps,
  label: string,
): AsyncGenerator<FeedLineText[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = 0;
  let total = 0;
  for await (const chunk of input) {
    const bytes: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += bytes.length;
    if (total > caps.maxBytes) {
      input.destroy();
      throw new FeedCapError(
        `${label} holds more than ${caps.maxBytes} bytes once unpacked (feeds.maxFileBytes); set aside after that point`,
      );
    }
    const out: FeedLineText[] = [];
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      const piece = end === -1 ? bytes.subarray(start) : bytes.subarray(start, end);
      if (skipping > 0) skipping += piece.length;
      else if (pendingBytes + piece.length > caps.maxLineBytes) {
        skipping = pendingBytes + piece.length;
        pending = [];
        pendingBytes = 0;
      } else if (piece.length > 0) {
        pending.push(piece);
        pendingBytes += piece.length;
      }
      if (end === -1) break;
      if (skipping > 0) {
        out.push({ tooLong: skipping });
        skipping = 0;
      } else {
        out.push({ text: decode(pending.length === 1 ? pending[0] : Buffer.concat(pending)) });
        pending = [];
        pendingBytes = 0;
      }
      start = end + 1;
    }
    // Keep copies of what waits for its line end, not views on the whole chunk.
    if (pending.length > 0) pending = [Buffer.from(Buffer.concat(pending))];
    if (out.length > 0) yield out;
  }
  if (skipping > 0) yield [{ tooLong: skipping }];
  else if (pendingBytes > 0) yield [{ text: decode(Buffer.concat(pending)) }];
}

/**
 * The names delegated in a new zone file and not in the old one (`phenix feeds diff OLD NEW`), with memory that
 * does not grow with the zone: both files are streamed side by side in sorted order and compared name by name.
 * Zone files come sorted, but not all in the same order: plain text order first, then DNS canonical order (labels
 * compared from the right, RFC 4034 §6.1), are tried; the order is checked while streaming and, when a file follows
 * neither, it is sorted externally (external-sort.ts) and the comparison starts again. The new names go to a
 * temporary file first, so an attempt abandoned for a file found unsorted has emitted nothing.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstControl } from '../lib/safe-text.ts';
import { externalSort } from './external-sort.ts';
import { decodeFeed } from './ingest.ts';
import { DEFAULT_FEED_CAPS, type FeedCaps, readFeedLineBatches } from './line-reader.ts';
import { NameCursor } from './name-cursor.ts';
import { createZoneOwnerReader } from './zone-reader.ts';

export type ZoneOrder = 'text' | 'canonical';

export interface ZoneDiffOptions {
  /** The zone's name when a file gives neither $ORIGIN nor SOA. */
  origin?: string;
  caps?: Partial<FeedCaps>;
  /** Names sorted in memory at once when a file must be sorted. */
  chunkNames?: number;
  tmpDir?: string;
}

export interface ZoneDiffResult {
  /** One new name a line, sorted; removed by `cleanup`. */
  file: string;
  added: number;
  oldNames: number;
  newNames: number;
  /** Zone lines that were not understood (both files). */
  badLines: number;
  order: ZoneOrder;
  /** Which files had to be sorted externally ('old', 'new'). */
  sorted: ('old' | 'new')[];
  cleanup(): Promise<void>;
}

class UnsortedError extends Error {
  constructor(readonly which: 'old' | 'new') {
    super(`the ${which} zone file is not sorted`);
  }
}

/** Canonical DNS order as a string key: labels from the right, a label ending before any longer one. */
export function canonicalKey(name: string): string {
  return name.split('.').reverse().join('\u0001');
}

/** The delegated names of a zone file (gz or plain), in file order, a batch per chunk read. */
export async function* zoneFileNames(
  path: string,
  options: ZoneDiffOptions,
  stats: { bad: number },
): AsyncGenerator<string[]> {
  const caps = { ...DEFAULT_FEED_CAPS, ...options.caps };
  const owners = createZoneOwnerReader({ origin: options.origin });
  for await (const lines of readFeedLineBatches(await decodeFeed(createReadStream(path)), caps, path)) {
    const names: string[] = [];
    for (const line of lines) {
      if ('tooLong' in line || firstControl(line.text) !== null) {
        stats.bad++;
        continue;
      }
      const owner = owners(line.text);
      if (owner === null) continue;
      if (typeof owner === 'string') names.push(owner);
      else stats.bad++;
    }
    if (names.length > 0) yield names;
  }
}

/** Batches of sort keys, repeats removed, failing as soon as a name comes before the previous one in `order`. */
async function* checkedSorted(
  batches: AsyncIterable<string[]>,
  order: ZoneOrder,
  which: 'old' | 'new',
  count: { n: number },
): AsyncGenerator<string[]> {
  let previous: string | null = null;
  for await (const batch of batches) {
    const keys: string[] = [];
    for (const name of batch) {
      const key = order === 'text' ? name : canonicalKey(name);
      if (previous !== null && key <= previous) {
        if (key === previous) continue;
        throw new UnsortedError(which);
      }
      previous = key;
      keys.push(key);
    }
    count.n += keys.length;
    if (keys.length > 0) yield keys;
  }
}

async function attempt(
  oldPath: string,
  newPath: string,
  order: ZoneOrder,
  sortFiles: Set<'old' | 'new'>,
  options: ZoneDiffOptions,
  outFile: string,
  stats: { bad: number },
): Promise<{ added: number; oldNames: number; newNames: number }> {
  const source = (path: string, which: 'old' | 'new') => {
    const names = zoneFileNames(path, options, stats);
    return sortFiles.has(which) ? externalSort(names, options) : names;
  };
  const oldCount = { n: 0 };
  const newCount = { n: 0 };
  const olds = new NameCursor(checkedSorted(source(oldPath, 'old'), order, 'old', oldCount)[Symbol.asyncIterator]());
  const news = new NameCursor(checkedSorted(source(newPath, 'new'), order, 'new', newCount)[Symbol.asyncIterator]());
  const out = createWriteStream(outFile);
  const toName = (key: string) => (order === 'text' ? key : key.split('\u0001').reverse().join('.'));
  let added = 0;
  let buffer = '';
  try {
    let a = await olds.ready();
    let b = await news.ready();
    while (b) {
      const next = news.current;
      if (a && olds.current < next) {
        a = olds.step() || (await olds.ready());
        continue;
      }
      if (a && olds.current === next) a = olds.step() || (await olds.ready());
      else {
        added++;
        buffer += `${toName(next)}\n`;
        if (buffer.length > 1 << 16) {
          if (!out.write(buffer)) await once(out, 'drain');
          buffer = '';
        }
      }
      b = news.step() || (await news.ready());
    }
    // The old file is read to its end too, so an unsorted tail is caught and its name count is whole.
    while (a) a = olds.step() || (await olds.ready());
  } finally {
    out.end(buffer);
    await once(out, 'finish');
    await olds.close();
    await news.close();
  }
  return { added, oldNames: oldCount.n, newNames: newCount.n };
}

export async function diffZoneFiles(
  oldPath: string,
  newPath: string,
  options: ZoneDiffOptions = {},
): Promise<ZoneDiffResult> {
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'phenix-zone-diff-'));
  const file = join(dir, 'new-names.txt');
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const sortFiles = new Set<'old' | 'new'>();
  // Text order as the files come, then canonical order as they come, then text order with unsorted files sorted.
  let order: ZoneOrder = 'text';
  let firstUnsorted: 'old' | 'new' | null = null;
  try {
    for (;;) {
      const stats = { bad: 0 };
      try {
        const result = await attempt(oldPath, newPath, order, sortFiles, options, file, stats);
        return { file, ...result, badLines: stats.bad, order, sorted: [...sortFiles], cleanup };
      } catch (error) {
        if (!(error instanceof UnsortedError)) throw error;
        if (order === 'text' && firstUnsorted === null) {
          firstUnsorted = error.which;
          order = 'canonical';
        } else if (order === 'canonical') {
          order = 'text';
          sortFiles.add(firstUnsorted ?? error.which);
        } else if (sortFiles.has(error.which)) throw error;
        else sortFiles.add(error.which);
      }
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Sorting more names than memory holds: names are gathered in chunks of `chunkNames`, each chunk sorted and
 * deduplicated in memory and written to a temporary file, then the files are merged k ways (a small binary heap
 * over one cursor per file). Memory is one chunk plus one batch per file, whatever the total; the temporary
 * folder is removed when the merged stream ends or is abandoned.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FEED_CAPS, readFeedLineBatches } from './line-reader.ts';
import { batchesOf, NameCursor } from './name-cursor.ts';

export interface ExternalSortOptions {
  /** Names sorted in memory at once (default 1,000,000: ~60 MB of short strings). */
  chunkNames?: number;
  /** Where the temporary files go (default the system's temporary folder). */
  tmpDir?: string;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function* unique(sorted: string[]): Generator<string> {
  let previous: string | null = null;
  for (const name of sorted) {
    if (name === previous) continue;
    previous = name;
    yield name;
  }
}

async function writeChunk(dir: string, index: number, names: string[]): Promise<string> {
  names.sort(byteOrder);
  const path = join(dir, `chunk-${index}.txt`);
  const out = createWriteStream(path);
  let buffer = '';
  for (const name of unique(names)) {
    buffer += `${name}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return path;
}

async function* fileBatches(path: string): AsyncGenerator<string[]> {
  // Chunk files hold names this process wrote, one a line: the caps only guard against a disk gone wrong.
  for await (const batch of readFeedLineBatches(createReadStream(path), DEFAULT_FEED_CAPS, path))
    yield batch.flatMap((line) => ('text' in line ? [line.text] : []));
}

/** Batches of `names` sorted in byte order and deduplicated, with bounded memory. */
export async function* externalSort(
  names: AsyncIterable<string[]>,
  options: ExternalSortOptions = {},
): AsyncGenerator<string[]> {
  const chunkNames = options.chunkNames ?? 1_000_000;
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'phenix-sort-'));
  try {
    const files: string[] = [];
    let chunk: string[] = [];
    for await (const batch of names) {
      for (const name of batch) chunk.push(name);
      if (chunk.length >= chunkNames) {
        files.push(await writeChunk(dir, files.length, chunk));
        chunk = [];
      }
    }
    if (files.length === 0) {
      // Everything fitted in one chunk: no file needed.
      yield* batchesOf(unique(chunk.sort(byteOrder)));
      return;
    }
    if (chunk.length > 0) files.push(await writeChunk(dir, files.length, chunk));
    chunk = [];
    yield* mergeSortedFiles(files);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** k-way merge of sorted files of one name a line, duplicates across files given once. */
async function* mergeSortedFiles(files: string[]): AsyncGenerator<string[]> {
  const cursors = files.map((f) => new NameCursor(fileBatches(f)));
  // Heap of cursors, the one with the smallest current name on top.
  const heap: NameCursor[] = [];
  const less = (i: number, j: number) => heap[i].current < heap[j].current;
  const down = (start: number) => {
    for (let i = start; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const cursor of cursors) if (await cursor.ready()) heap.push(cursor);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  let previous: string | null = null;
  let out: string[] = [];
  try {
    while (heap.length > 0) {
      const top = heap[0];
      const name = top.current;
      if (name !== previous) {
        previous = name;
        out.push(name);
        if (out.length >= 4096) {
          yield out;
          out = [];
        }
      }
      if (top.step() || (await top.ready())) down(0);
      else {
        const last = heap.pop() as NameCursor;
        if (heap.length > 0) {
          heap[0] = last;
          down(0);
        }
      }
    }
    if (out.length > 0) yield out;
  } finally {
    for (const cursor of cursors) await cursor.close();
  }
}

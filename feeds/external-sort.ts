/**
 * Sorting more names than memory holds: names are gathered in chunks of `chunkNames`, each chunk sorted and
 * deduplicated in memory and written to a temporary file, then the files are merged k ways (a small binary heap
 * over one pending line per file). Memory is one chunk plus one line per file, whatever the total; the temporary
 * folder is removed when the merged stream ends or is abandoned.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface ExternalSortOptions {
  /** Names sorted in memory at once (default 1,000,000: ~60 MB of short strings). */
  chunkNames?: number;
  /** Where the temporary files go (default the system's temporary folder). */
  tmpDir?: string;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function writeChunk(dir: string, index: number, names: string[]): Promise<string> {
  names.sort(byteOrder);
  const path = join(dir, `chunk-${index}.txt`);
  const out = createWriteStream(path);
  let previous: string | null = null;
  let buffer = '';
  for (const name of names) {
    if (name === previous) continue;
    previous = name;
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

/** `names` sorted in byte order and deduplicated, with bounded memory. */
export async function* externalSort(
  names: AsyncIterable<string>,
  options: ExternalSortOptions = {},
): AsyncGenerator<string> {
  const chunkNames = options.chunkNames ?? 1_000_000;
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'phenix-sort-'));
  try {
    const files: string[] = [];
    let chunk: string[] = [];
    for await (const name of names) {
      chunk.push(name);
      if (chunk.length >= chunkNames) {
        files.push(await writeChunk(dir, files.length, chunk));
        chunk = [];
      }
    }
    if (files.length === 0) {
      // Everything fitted in one chunk: no file needed.
      chunk.sort(byteOrder);
      let previous: string | null = null;
      for (const name of chunk) {
        if (name === previous) continue;
        previous = name;
        yield name;
      }
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
async function* mergeSortedFiles(files: string[]): AsyncGenerator<string> {
  const readers = files.map((f) =>
    createInterface({ input: createReadStream(f), crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator](),
  );
  // Heap of [name, reader index], smallest name on top.
  const heap: [string, number][] = [];
  const less = (i: number, j: number) => heap[i][0] < heap[j][0];
  const swap = (i: number, j: number) => {
    [heap[i], heap[j]] = [heap[j], heap[i]];
  };
  const push = (item: [string, number]) => {
    heap.push(item);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!less(i, parent)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const pop = (): [string, number] => {
    const top = heap[0];
    const last = heap.pop() as [string, number];
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };
  for (let i = 0; i < readers.length; i++) {
    const next = await readers[i].next();
    if (!next.done) push([next.value, i]);
  }
  let previous: string | null = null;
  try {
    while (heap.length > 0) {
      const [name, i] = pop();
      if (name !== previous) {
        previous = name;
        yield name;
      }
      const next = await readers[i].next();
      if (!next.done) push([next.value, i]);
    }
  } finally {
    for (const reader of readers) await reader.return?.();
  }
}

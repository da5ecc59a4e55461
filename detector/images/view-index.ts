/**
 * An exact index of many ad photos' views (views.ts), to find every photo that can be the same picture as a given one
 * without comparing it with all of them. Each hash is filed under its four 16-bit bands. Two hashes within d bits
 * differ by at most ⌊d/4⌋ bits on one band at least (were every band ⌊d/4⌋ + 1 bits apart, they would be more than d
 * apart), so a lookup probes, band by band, every value within ⌊d/4⌋ bits of its own: for the detector's 6 and 4,
 * the band's value and its 16 one-bit neighbours. Candidates are then decided by `matchParsed`, as any pair is.
 *
 * Views are filed by kind, as they are compared: whole pictures (looked up by whole pictures within the whole-picture
 * bound, and by windows within the window bound), windows of each size class (looked up by whole pictures, and by
 * windows of their class), the ladder's windows (looked up by whole pictures and ladder windows within the
 * whole-picture bound: views.ts `ladderDistance`). So a lookup never wades through windows that no rule would compare.
 */
import type { Hash64 } from '../hash64.ts';
import type { ParsedPhoto } from './views.ts';
import { WINDOW_CLASSES } from './windows.ts';

type Bands = Map<number, number[]>[];

const newBands = (): Bands => Array.from({ length: 4 }, () => new Map<number, number[]>());

function bandValues(h: Hash64): [number, number, number, number] {
  return [h.hi >>> 16, h.hi & 0xffff, h.lo >>> 16, h.lo & 0xffff];
}

/** Values of 16 bits within `radius` bits of `v`. */
function around(v: number, radius: number, out: number[] = [], from = 0): number[] {
  if (from === 0) out.push(v);
  if (radius === 0) return out;
  for (let b = from; b < 16; b++) {
    const w = v ^ (1 << b);
    out.push(w);
    around(w, radius - 1, out, b + 1);
  }
  return out;
}

function file(bands: Bands, h: Hash64, id: number): void {
  bandValues(h).forEach((v, b) => {
    const list = bands[b].get(v);
    if (!list) bands[b].set(v, [id]);
    else if (list.at(-1) !== id) list.push(id);
  });
}

function probe(bands: Bands, h: Hash64, distance: number, into: Set<number>): void {
  if (!(distance >= 0)) return;
  const radius = Math.floor(distance / 4);
  bandValues(h).forEach((v, b) => {
    for (const w of around(v, radius)) for (const id of bands[b].get(w) ?? []) into.add(id);
  });
}

export interface ViewIndex {
  /** Ids of every filed photo that may match `photo` under the bounds (a superset of the matches). */
  candidates(photo: ParsedPhoto): Set<number>;
}

/** Files `photos` (their ids are their positions) for lookups within `maxDistance` / `cropMaxDistance`. */
export function viewIndex(photos: readonly ParsedPhoto[], maxDistance: number, cropMaxDistance: number): ViewIndex {
  const wholes = newBands();
  const windows: Bands[] = Array.from({ length: WINDOW_CLASSES }, newBands);
  const extras = newBands();
  const ladders = newBands();
  photos.forEach((p, id) => {
    file(wholes, p.full, id);
    for (let k = 1; k < p.ladder.length; k++) file(ladders, p.ladder[k], id);
    p.byClass.forEach((ws, k) => {
      for (const w of ws) file(windows[k], w, id);
    });
    for (const w of p.extra) file(extras, w, id);
  });
  return {
    candidates(p) {
      const out = new Set<number>();
      probe(wholes, p.full, maxDistance, out);
      probe(ladders, p.full, maxDistance, out);
      for (let k = 1; k < p.ladder.length; k++) {
        probe(wholes, p.ladder[k], maxDistance, out);
        probe(ladders, p.ladder[k], maxDistance, out);
      }
      for (const bands of windows) probe(bands, p.full, cropMaxDistance, out);
      probe(extras, p.full, cropMaxDistance, out);
      p.byClass.forEach((ws, k) => {
        for (const w of ws) {
          probe(wholes, w, cropMaxDistance, out);
          probe(windows[k], w, cropMaxDistance, out);
        }
      });
      for (const w of p.extra) probe(wholes, w, cropMaxDistance, out);
      return out;
    },
  };
}

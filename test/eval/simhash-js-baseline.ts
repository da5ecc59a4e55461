/**
 * The simhash-js 1.0.0 baseline (named in the design card), plugged into the detector's pipeline through the
 * Fingerprinter seam. It is CommonJS and writes globals (SimHash, Jenkins, Comparator, shingle) when required, so it
 * is loaded here, in the evaluation only, never by detector/. Its 32-bit hashes are padded to 16 hex digits; its own
 * Comparator.hammingDistance is not used (it returns twice the distance), the pipeline's popcount is.
 */
import { createRequire } from 'node:module';
import type { DetectorThresholds, Fingerprinter } from '../../detector/index.ts';

interface SimHashJs {
  hash(input: string): number | undefined;
}

const require = createRequire(import.meta.url);
const { SimHash } = require('simhash-js') as { SimHash: new () => SimHashJs };
const engine = new SimHash();

function hex32(input: string): string | null {
  const h = engine.hash(input);
  return h === undefined ? null : (h >>> 0).toString(16).padStart(16, '0');
}

export const simhashJsFingerprinter: Fingerprinter = {
  // simhash-js takes a string: the layout tokens in decreasing weight order stand for the weighted set.
  layout: (weights) =>
    hex32(
      [...weights]
        .sort((a, b) => b[1] - a[1])
        .map(([t]) => t)
        .join(' '),
    ),
  text: (_shingles, words) => hex32(words.join(' ')),
};

/** The 64-bit thresholds scaled to 32-bit hashes (same share of the bits). */
export function scaledThresholds(t: DetectorThresholds): Partial<DetectorThresholds> {
  return {
    adMaxDistance: Math.round(t.adMaxDistance / 2),
    adCounterpartDistance: Math.round(t.adCounterpartDistance / 2),
    layoutZeroDistance: Math.round(t.layoutZeroDistance / 2),
    layoutSameDistance: Math.round(t.layoutSameDistance / 2),
  };
}

/** A worker thread of `npm run eval:worlds`: profiles one seed of world 2 to 10 and grades its pairs on every grid point. */
import { parentPort, workerData } from 'node:worker_threads';
import {
  gradePairs,
  type WorldPair,
  world2Pairs,
  world3Pairs,
  world4Pairs,
  world5Pairs,
  world6Pairs,
  world7Pairs,
  world8Pairs,
  world9Pairs,
  world10Pairs,
} from './worlds-lib.ts';

const { world, seed, pictures } = workerData as {
  world: 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
  seed: string;
  pictures: boolean;
};
const profile: Record<typeof world, (seeds: string[]) => Promise<WorldPair[]>> = {
  2: (s) => world2Pairs(s, { pictures }),
  3: (s) => world3Pairs(s, { pictures }),
  4: (s) => world4Pairs(s),
  5: (s) => world5Pairs(s),
  6: (s) => world6Pairs(s),
  7: (s) => world7Pairs(s),
  8: (s) => world8Pairs(s),
  9: (s) => world9Pairs(s),
  10: (s) => world10Pairs(s),
};
parentPort!.postMessage(gradePairs(await profile[world]([seed])));

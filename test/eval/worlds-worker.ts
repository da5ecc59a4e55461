/** A worker thread of `npm run eval:worlds`: profiles one seed of world 2, 3, 4 or 5 and grades its pairs on every grid point. */
import { parentPort, workerData } from 'node:worker_threads';
import { gradePairs, world2Pairs, world3Pairs, world4Pairs, world5Pairs } from './worlds-lib.ts';

const { world, seed, pictures } = workerData as { world: 2 | 3 | 4 | 5; seed: string; pictures: boolean };
const pairs =
  world === 5
    ? await world5Pairs([seed])
    : world === 4
      ? await world4Pairs([seed])
      : world === 3
        ? await world3Pairs([seed], { pictures })
        : await world2Pairs([seed], { pictures });
parentPort!.postMessage(gradePairs(pairs));

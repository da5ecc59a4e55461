/** A worker thread of `npm run eval:worlds`: profiles one seed of world 2 or 3 and grades its pairs on every grid point. */
import { parentPort, workerData } from 'node:worker_threads';
import { gradePairs, world2Pairs, world3Pairs } from './worlds-lib.ts';

const { world, seed, pictures } = workerData as { world: 2 | 3; seed: string; pictures: boolean };
parentPort!.postMessage(
  gradePairs(world === 3 ? await world3Pairs([seed], { pictures }) : await world2Pairs([seed], { pictures })),
);

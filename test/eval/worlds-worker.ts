/** A worker thread of `npm run eval:worlds`: profiles one world-2 seed and grades its pairs on every grid point. */
import { parentPort, workerData } from 'node:worker_threads';
import { gradePairs, world2Pairs } from './worlds-lib.ts';

const seed = (workerData as { seed: string }).seed;
parentPort!.postMessage(gradePairs(world2Pairs([seed])));

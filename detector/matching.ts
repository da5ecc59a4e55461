/**
 * Maximum one-to-one matching in a bipartite graph (Kuhn's augmenting paths): `neighbours[j]` lists the right-hand
 * nodes left-hand node j may pair with, in order of preference (tried first). One edge more never makes the matching
 * smaller, which greedy pairing can (a first pair taking the only partner of a later node): the ad texts and the ad
 * photos are both paired this way, so more shared evidence never lowers what they count.
 */

/** For each right-hand node, the left-hand node paired with it, or -1. */
export function matchingOwners(neighbours: readonly (readonly number[])[], rightCount: number): Int32Array {
  const owner = new Int32Array(rightCount).fill(-1);
  const seen = new Uint8Array(rightCount);
  const augment = (j: number): boolean => {
    for (const i of neighbours[j]) {
      if (seen[i]) continue;
      seen[i] = 1;
      if (owner[i] === -1 || augment(owner[i])) {
        owner[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let j = 0; j < neighbours.length; j++) {
    if (neighbours[j].length === 0) continue;
    seen.fill(0);
    augment(j);
  }
  return owner;
}

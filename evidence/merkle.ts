/**
 * Merkle root of a cycle's captures (RFC 6962 hashing: leaf = SHA-256(0x00 ‖ leaf), node = SHA-256(0x01 ‖ left ‖ right),
 * an odd node is carried up unpaired). The 0x00/0x01 prefixes stop an inner node from passing for a leaf. One root
 * in the audit log, timestamped, commits to every capture of the cycle: a capture added, removed or altered later
 * gives another root.
 */
import { createHash } from 'node:crypto';

const h = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** Leaves are hex SHA-256 strings (in the caller's order); the root of no leaf is SHA-256 of nothing. */
export function merkleRoot(leavesHex: string[]): string {
  if (leavesHex.length === 0) return h().toString('hex');
  let level: Buffer[] = leavesHex.map((x) => h(Buffer.from([0]), Buffer.from(x, 'hex')));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? h(Buffer.from([1]), level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}

/**
 * Content-addressed evidence store: every artifact (HTML, text, screenshots, favicons, headers) is kept once
 * under `<dir>/sha256/ab/cd/<hex>`, named by the SHA-256 of its bytes, so a court copy can be re-hashed and
 * compared with the hash recorded in the database. Writes go through a temp file and a rename so a crash
 * never leaves a half-written file under a valid name; the same bytes written twice are stored once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface EvidenceStoreOptions {
  /** Root directory of the store (config `evidence.dir`). */
  dir: string;
}

export interface StoredObject {
  sha256: string;
  size: number;
  /** Path relative to the store root: `sha256/ab/cd/<hex>`. */
  path: string;
  /** True when these bytes were already in the store (nothing was written). */
  existed: boolean;
}

export interface EvidenceStore {
  readonly dir: string;
  put(bytes: Uint8Array | string, mediaType?: string): Promise<StoredObject>;
  read(sha256: string): Promise<Buffer>;
  /** Re-hashes the stored file: true when it is present and its bytes still match its name. */
  verify(sha256: string): Promise<boolean>;
  has(sha256: string): Promise<boolean>;
  /** Absolute path of an object (it may not exist). */
  absolutePath(sha256: string): string;
  /**
   * Deletes an object (retention); false when it was not there. The caller checks first that no capture still
   * references it: the store itself does not know who uses a file.
   */
  remove(sha256: string): Promise<boolean>;
}

/** The asked object is not in the store (never stored, or deleted by hand). */
export class EvidenceNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`Evidence ${sha256} is not in the evidence store.`);
    this.name = 'EvidenceNotFoundError';
  }
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function relativeEvidencePath(sha256: string): string {
  if (!HEX_SHA256.test(sha256)) throw new EvidenceNotFoundError(sha256);
  return path.posix.join('sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export function createEvidenceStore(options: EvidenceStoreOptions): EvidenceStore {
  const dir = path.resolve(options.dir);
  const absolutePath = (sha256: string) => path.join(dir, relativeEvidencePath(sha256));

  async function exists(file: string): Promise<boolean> {
    try {
      await stat(file);
      return true;
    } catch {
      return false;
    }
  }

  return {
    dir,
    absolutePath,
    async put(input) {
      const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
      const sha256 = sha256Hex(bytes);
      const rel = relativeEvidencePath(sha256);
      const target = path.join(dir, rel);
      if (await exists(target)) return { sha256, size: bytes.byteLength, path: rel, existed: true };
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await open(temp, 'wx', 0o444);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        // rename() replaces atomically; a concurrent writer of the same bytes produces the same content.
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return { sha256, size: bytes.byteLength, path: rel, existed: false };
    },
    async read(sha256) {
      try {
        return await readFile(absolutePath(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EvidenceNotFoundError(sha256);
        throw error;
      }
    },
    async verify(sha256) {
      try {
        return sha256Hex(await readFile(absolutePath(sha256))) === sha256;
      } catch {
        return false;
      }
    },
    has: (sha256) => exists(absolutePath(sha256)),
    async remove(sha256) {
      const file = absolutePath(sha256);
      if (!(await exists(file))) return false;
      await rm(file, { force: true });
      return true;
    },
  };
}

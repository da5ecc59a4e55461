/**
 * The ZIP container of a WACZ, written by hand so it is byte-for-byte deterministic: entries stored (no compression,
 * as WACZ asks so readers can seek into the WARC), a fixed DOS date (1980-01-01, no time zone in play), no extra
 * fields. Because the writer is deterministic, `readStoredZip` can demand that the file equals what the writer makes
 * of its entries: a changed byte in a header, a comment or an appended blob is caught, not only changed contents.
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Not a ZIP this tool wrote (damaged, altered, or compressed by another tool). */
export class UnreadableZipError extends Error {
  override readonly name = 'UnreadableZipError';
}

const DOS_DATE_1980_01_01 = 0x21;

export function writeStoredZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE_1980_01_01, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
    if (offset > 0xffffffff) throw new UnreadableZipError('The package would exceed 4 GB (ZIP64 is not written)');
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Entries in order; throws when the file is not exactly what writeStoredZip makes of them. */
export function readStoredZip(file: Buffer): ZipEntry[] {
  const { entries, problem } = readStoredZipLoosely(file);
  if (problem) throw new UnreadableZipError(problem);
  return entries;
}

/**
 * Entries in order, and what is wrong with the container when it is not exactly what writeStoredZip makes of them
 * (so a verifier can go on and say what else differs); throws only when no entry can be read at all.
 */
export function readStoredZipLoosely(file: Buffer): { entries: ZipEntry[]; problem: string | null } {
  if (file.length < 22 || file.readUInt32LE(file.length - 22) !== 0x06054b50) {
    throw new UnreadableZipError('the file is not a WACZ written by Phénix (no ZIP end record where expected)');
  }
  const count = file.readUInt16LE(file.length - 22 + 10);
  let at = file.readUInt32LE(file.length - 22 + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) {
      throw new UnreadableZipError(`the ZIP directory is damaged at entry ${i + 1}`);
    }
    const nameLength = file.readUInt16LE(at + 28);
    const size = file.readUInt32LE(at + 20);
    const local = file.readUInt32LE(at + 42);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + nameLength;
    if (file.readUInt16LE(at + 10) !== 0 || start + size > file.length) {
      throw new UnreadableZipError(`${name}: not stored as Phénix stores it, or cut short`);
    }
    entries.push({ name, data: file.subarray(start, start + size) });
    at += 46 + nameLength;
  }
  const rebuilt = writeStoredZip(entries);
  if (rebuilt.equals(file)) return { entries, problem: null };
  let i = 0;
  while (i < file.length && rebuilt[i] === file[i]) i++;
  return {
    entries,
    problem: `the ZIP container was altered (byte ${i} differs from what its own contents make: CRC, header, comment or extra bytes)`,
  };
}

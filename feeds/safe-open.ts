/**
 * Opening a dropped file without being led elsewhere. Whoever can write to the drop folder (a supplier's sync job)
 * could drop a link to the unit's signing key or to `/proc/self/environ`, or a FIFO that blocks the scan forever.
 * Only a regular file is read: it is opened with O_NOFOLLOW (a link fails to open) and O_NONBLOCK (a FIFO does not
 * block), then the open descriptor is checked to be a regular file and the very file that was listed (same device
 * and inode as lstat saw), so a swap between listing and opening is caught too.
 */
import { constants, type Stats } from 'node:fs';
import { type FileHandle, lstat, open } from 'node:fs/promises';

/** A dropped entry that is not a regular file, said in plain words; the file is skipped, never read. */
export class NotRegularFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotRegularFileError';
  }
}

function kind(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link';
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The entry's lstat when it is a regular file, or why it is not. */
export async function regularFileInfo(path: string): Promise<{ info: Stats } | { refused: string }> {
  const info = await lstat(path);
  return info.isFile() ? { info } : { refused: `${kind(info)}; only regular files are read` };
}

/** Opens `path` for reading only if it is a regular file and still the one `listed` described. */
export async function openRegularFile(path: string, listed: Stats): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP')
      throw new NotRegularFileError('a symbolic link; only regular files are read');
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegularFileError(`${kind(info)}; only regular files are read`);
    if (info.dev !== listed.dev || info.ino !== listed.ino)
      throw new NotRegularFileError('replaced between listing and opening; read at the next scan');
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

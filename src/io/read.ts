import { Buffer } from 'node:buffer';
import { closeSync, constants, createReadStream, fstat, open } from 'node:fs';
import { readlink, realpath } from 'node:fs/promises';
import { Socket } from 'node:net';
import { isAbsolute, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

/** Why a file was not read; callers turn it into a message in their own words. */
export type ReadRefusalReason = 'missing' | 'directory' | 'not-regular' | 'outside' | 'too-large' | 'unreadable' | 'aborted';

/** A file that was not read, and why. `limit` is the byte limit for `too-large`. */
export class ReadRefusal extends Error {
  override readonly name = 'ReadRefusal';
  constructor(
    readonly reason: ReadRefusalReason,
    readonly limit?: number,
  ) {
    super(`file not read: ${reason}`);
  }
}

/** What a read may touch and how much of it. */
export interface ReadLimits {
  /** At most this many bytes; a longer file (or stream) is refused as soon as the limit is passed. */
  maxBytes: number;
  /**
   * The folder the file must lie in once every symlink is resolved. Embedded files (a theme's
   * logo or font) are read only from their theme's folder, so a symlink or `../` cannot pull a
   * private file into a deck.
   */
  within?: string;
  /**
   * Only regular files: no device, FIFO or socket, and nothing in the kernel's virtual file systems
   * (`/proc`, `/sys`), whose files claim a size of 0 and hold the environment and secrets.
   */
  regularOnly?: boolean;
  /** Stops a read that waits (a FIFO without a writer, a slow pipe) when the run is stopped. */
  signal?: AbortSignal;
}

/** Folders whose "files" are the kernel's views of processes and devices, never articles or logos. */
const VIRTUAL_FOLDERS = ['/proc', '/sys', '/dev'];

/**
 * Reads a whole file within limits: opened once, its kind checked on the open handle, its bytes
 * counted as they arrive (sizes reported by `/proc` or a device mean nothing), and every wait
 * abandoned when `signal` aborts. Throws {@link ReadRefusal}, never a raw file-system error.
 */
export async function readBounded(path: string, limits: ReadLimits): Promise<Buffer> {
  const { maxBytes, within, regularOnly = false, signal } = limits;
  if (signal?.aborted) throw new ReadRefusal('aborted');
  const real = await realpath(path).catch((error: NodeJS.ErrnoException) => {
    throw new ReadRefusal(error.code === 'ENOENT' || error.code === 'ENOTDIR' ? 'missing' : 'unreadable');
  });
  if (within !== undefined && !isInside(real, await realpath(within).catch(() => within))) throw new ReadRefusal('outside');
  if (regularOnly && VIRTUAL_FOLDERS.some((folder) => isInside(real, folder))) throw new ReadRefusal('not-regular');

  // Opened without blocking, so that no worker thread ever waits on a FIFO without a writer (such
  // a thread cannot be cancelled, and would keep the process from exiting when it is stopped).
  const fd = await openFile(real, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
    throw new ReadRefusal(error.code === 'EISDIR' ? 'directory' : 'unreadable');
  });
  let stream: Readable | undefined;
  try {
    // What was opened may differ from what was checked, if a folder on the way was swapped for a
    // link in between: where the system tells an open file's path, check that path again.
    const opened = await readlink(`/proc/self/fd/${fd}`).catch(() => real);
    if (within !== undefined && !isInside(opened, await realpath(within).catch(() => within))) throw new ReadRefusal('outside');
    if (regularOnly && VIRTUAL_FOLDERS.some((folder) => isInside(opened, folder))) throw new ReadRefusal('not-regular');
    const info = await statFile(fd);
    if (info.isDirectory()) throw new ReadRefusal('directory');
    if (!info.isFile() && regularOnly) throw new ReadRefusal('not-regular');
    if (info.isFile() && info.size > maxBytes) throw new ReadRefusal('too-large', maxBytes);
    // A FIFO or socket is read the way Node reads a piped stdin, waiting in the event loop for a
    // writer and for data; files and devices in plain chunks.
    stream = info.isFIFO() || info.isSocket() ? new Socket({ fd, readable: true, writable: false }) : createReadStream('', { fd, autoClose: true });
  } finally {
    if (!stream) closeSync(fd);
  }
  return readStreamBounded(stream, maxBytes, signal);
}

const openFile = promisify(open);
const statFile = promisify(fstat);

/**
 * Reads a stream to its end, refusing it as soon as it passes `maxBytes` (so `/dev/zero` or an
 * endless pipe costs at most that much memory) and giving up when `signal` aborts.
 */
export async function readStreamBounded(stream: Readable, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const onAbort = () => stream.destroy(new ReadRefusal('aborted'));
  if (signal?.aborted) throw new ReadRefusal('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += bytes.length;
      if (total > maxBytes) {
        stream.destroy();
        throw new ReadRefusal('too-large', maxBytes);
      }
      chunks.push(bytes);
    }
  } catch (error) {
    throw error instanceof ReadRefusal ? error : new ReadRefusal(signal?.aborted ? 'aborted' : 'unreadable');
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(chunks, total);
}

/** Whether `path` is `folder` or lies inside it (both absolute and already resolved). */
export function isInside(path: string, folder: string): boolean {
  const shown = relative(folder, path);
  return shown === '' || (shown !== '..' && !shown.startsWith(`..${sep}`) && !isAbsolute(shown));
}

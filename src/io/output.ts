import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fail, firstLine } from '../errors.js';
import { isInside } from './read.js';

/**
 * Temporary files live in a hidden folder of the output folder: on the same file system, so that
 * the final rename is atomic, and never under an output's own name, so that a run killed at any
 * moment (even by SIGKILL) leaves no half-written output behind. One folder per process.
 */
const TEMP_PREFIX = '.ringkas-tmp-';

/**
 * Creates the output folder, checks that it can be written, and removes temporary folders left by
 * runs that were killed, so that a bad `--out` fails before any work is done.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch {
    fail(`${dir}: cannot write to the output folder; choose another with --out or fix its permissions`);
  }
  for (const entry of await readdir(dir)) {
    const pid = Number(entry.startsWith(TEMP_PREFIX) ? entry.slice(TEMP_PREFIX.length) : Number.NaN);
    if (Number.isInteger(pid) && !isRunning(pid)) await rm(join(dir, entry), { recursive: true, force: true });
  }
}

/**
 * Writes one output file atomically: the data goes to a temporary file, is flushed to disk, and
 * is renamed into place. A failed or interrupted run never leaves half a file, and the previous
 * good output stays until the new one is complete. `fileName` may hold subfolders (`2024/intro.md`),
 * made as needed, and never one that leads out of `dir`.
 */
export async function writeOutput(dir: string, fileName: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, fileName);
  if (dirname(path) !== dir) await outputFolder(dir, dirname(path));
  const tempDir = join(dir, `${TEMP_PREFIX}${process.pid}`);
  // The temporary name is short and random, not derived from the output's: a name that is just
  // within the file system's limit must not fail for the temporary file alone.
  const temp = join(tempDir, randomBytes(8).toString('hex'));
  try {
    await mkdir(tempDir, { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    fail(`${path}: cannot write it ${failureAndFix(error)}`);
  }
  return path;
}

/** Makes `folder` inside the output folder `dir`, refusing one that is a link to elsewhere. */
async function outputFolder(dir: string, folder: string): Promise<void> {
  let inside: boolean;
  try {
    await mkdir(folder, { recursive: true });
    const [realDir, realFolder] = await Promise.all([realpath(dir), realpath(folder)]);
    inside = isInside(realFolder, realDir);
  } catch (error) {
    fail(`${folder}: cannot make the folder ${failureAndFix(error)}`);
  }
  if (!inside) fail(`${folder}: is a link out of the output folder, so decks would be written elsewhere; remove the link, or choose another --out`);
}

/** What to do about the common reasons a write fails. */
const WRITE_FIXES: Record<string, string> = {
  ENOSPC: 'free some disk space, or choose another output folder with --out',
  EDQUOT: 'free some of your disk quota, or choose another output folder with --out',
  EACCES: 'fix the output folder’s permissions, or choose another with --out',
  EPERM: 'fix the output folder’s permissions, or choose another with --out',
  EROFS: 'the output folder is read-only; choose another with --out',
  EISDIR: 'a folder has the output’s name; move it away, or choose another --out',
  ENAMETOOLONG: 'shorten the article’s file name',
  ENOTDIR: 'a file has the name of the output’s folder; move it away, or choose another --out',
  EEXIST: 'a file has the name of the output’s folder; move it away, or choose another --out',
};

/** Why a write failed and what to do about it: "(ENOSPC: no space left on device); free some disk space, …". */
function failureAndFix(error: unknown): string {
  const fix = WRITE_FIXES[(error as NodeJS.ErrnoException).code ?? ''] ?? 'check the output folder, or choose another with --out';
  return `(${writeFailure(error)}); ${fix}`;
}

/** A file-system error in a few words ("ENOSPC: no space left on device"), without the path it repeats. */
function writeFailure(error: unknown): string {
  const message = firstLine(error);
  // Node's messages read "CODE: what happened, syscall 'path'": keep what happened.
  return (error as NodeJS.ErrnoException).code ? message.split(',', 1)[0]! : message;
}

/** Removes this process's temporary folder from `dir` (at the end of a run, or when it is stopped). */
export async function cleanTemporaryFiles(dir: string): Promise<void> {
  const tempDir = join(dir, `${TEMP_PREFIX}${process.pid}`);
  await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

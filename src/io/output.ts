import { access, constants, mkdir } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { fail } from '../errors.js';

/**
 * Creates the output folder and checks that it can be written, so that a bad `--out` fails before
 * any work is done.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch {
    fail(`${dir}: cannot write to the output folder; choose another with --out or fix its permissions`);
  }
}

/**
 * Writes one output file atomically (a temporary file renamed into place): a failed or interrupted
 * run never leaves half a file, and the previous good output stays until the new one is complete.
 */
export async function writeOutput(dir: string, fileName: string, data: string | Uint8Array): Promise<string> {
  const path = join(dir, fileName);
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  return path;
}

/**
 * The worker thread that reads a syntax model file (see `readModel` in model.ts): waits for the
 * file's path, reads and gunzips it, decodes it into lookup tables, and hands them to the thread
 * that asked: the weights are laid out in shared WebAssembly memory, which the other thread uses as
 * it is. Then it ends.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { type ReaderAnswer, decodeModelTables } from './model.js';

/** The decoded model of the file at `path`, or why there is none. */
function read(path: string): ReaderAnswer {
  let bytes: Uint8Array;
  try {
    bytes = gunzipSync(readFileSync(path));
  } catch (error) {
    return { error: (error as Error).message, reading: true };
  }
  try {
    return { tables: decodeModelTables(bytes) };
  } catch (error) {
    return { error: (error as Error).message, reading: false };
  }
}

parentPort!.once('message', ({ path }: { path: string }) => {
  const answer = read(path);
  parentPort!.postMessage(answer);
  parentPort!.close();
});

#!/usr/bin/env node
/**
 * Part of `npm run build`, after tsc: compiles src/syntax/score.wat, the inner loop of the tagger
 * and parser, into dist/syntax/score.wasm with wabt (the WebAssembly Binary Toolkit's own text
 * format parser, a development dependency). The same text gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'src', 'syntax', 'score.wat');
const TARGET = join(ROOT, 'dist', 'syntax', 'score.wasm');

const wabt = await initWabt();
const module = wabt.parseWat(SOURCE, readFileSync(SOURCE, 'utf8'), { simd: true, threads: true });
const { buffer } = module.toBinary({ log: false, write_debug_names: false });
module.destroy();
// Validated by the engine that will run it (wabt.js's own check refuses shared memory whatever the features).
if (!WebAssembly.validate(buffer)) throw new Error(`${SOURCE}: not a valid WebAssembly module for this Node`);
mkdirSync(dirname(TARGET), { recursive: true });
writeFileSync(TARGET, buffer);

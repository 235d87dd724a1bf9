/**
 * The linear models behind the tagger and the parser: features are 32-bit hashes of a template and
 * its values, each with (class, weight) pairs. Hashing keeps the feature tables free of strings,
 * so that scoring is integer work on typed arrays, done by a small WebAssembly module (score.wat).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** FNV-1a over the UTF-16 code units of a string: the hash every string feature value starts from. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Folds one more value into a running hash (the MurmurHash3 block step). */
export function mix(hash: number, value: number): number {
  let block = Math.imul(value, 0xcc9e2d51);
  block = (block << 15) | (block >>> 17);
  block = Math.imul(block, 0x1b873593);
  let mixed = hash ^ block;
  mixed = (mixed << 13) | (mixed >>> 19);
  return (Math.imul(mixed, 5) + 0xe6546b64) | 0;
}

/** Finishes a running hash into a well-spread unsigned 32-bit feature key (the MurmurHash3 finaliser). */
export function finish(hash: number): number {
  let mixed = hash ^ (hash >>> 16);
  mixed = Math.imul(mixed, 0x85ebca6b);
  mixed ^= mixed >>> 13;
  mixed = Math.imul(mixed, 0xc2b2ae35);
  mixed ^= mixed >>> 16;
  return mixed >>> 0;
}

/** The key of a feature made of a template number and one or two values. */
export function featureKey(template: number, first: number, second = 0): number {
  return finish(mix(mix(template, first), second));
}

/** The key of a feature made of a template number and three values. */
export function featureKey3(template: number, first: number, second: number, third: number): number {
  return finish(mix(mix(mix(template, first), second), third));
}

/**
 * A model's weights as plain arrays: features sorted by key, feature `f`'s (class, weight) pairs
 * at `offsets[f]` up to `offsets[f + 1]`. The form both training and the model file produce.
 */
export interface WeightArrays {
  classCount: number;
  keys: Uint32Array;
  offsets: Uint32Array;
  classes: Uint8Array;
  values: Float32Array;
}

/** A weight in whole units of `step`, clamped to 16 bits: how weights are stored and scored. */
export function quantize(value: number, step: number): number {
  return Math.max(-32767, Math.min(32767, Math.round(value / step)));
}

/**
 * Frozen weights for scoring, in the memory of a WebAssembly module (src/syntax/score.wat) that
 * adds them up: an open-addressing table of feature keys; for each feature either a short list of
 * (class, weight) pairs or, when it has a weight for many classes, a dense row of 16-bit weights
 * added eight classes at a time. Scores are whole multiples of `step`, the same bit for bit as
 * adding the pairs one by one.
 */
export class Weights {
  readonly classCount: number;
  /** Features held. */
  readonly size: number;
  private readonly score: (features: number, count: number, scores: number, table: number, mask: number, pairs: number, dense: number, rowBytes: number) => void;
  /** The arguments of `score` after the count. */
  private readonly layout: readonly [scores: number, table: number, mask: number, pairs: number, dense: number, rowBytes: number];
  private readonly featureView: Uint32Array;
  private readonly scoreView: Int32Array;

  constructor(
    source: WeightArrays | PackedWeights | WeightTable,
    readonly step: number,
  ) {
    const table = 'memory' in source ? source : weightTable('pairs' in source ? source : pack(source, step));
    this.classCount = table.classCount;
    this.size = table.featureCount;
    const { exports } = new WebAssembly.Instance(scorerModule(), { ringkas: { memory: table.memory } });
    this.score = exports.score as Weights['score'];
    this.featureView = new Uint32Array(table.memory.buffer, 0, MAX_SCORED_FEATURES);
    this.scoreView = new Int32Array(table.memory.buffer, table.scoresAt, table.classCount);
    this.layout = [table.scoresAt, table.tableAt, table.mask, table.pairsAt, table.denseAt, table.rowBytes];
  }

  /**
   * The scores of the first `count` of `features` (at most {@link MAX_SCORED_FEATURES}): per
   * class, the sum of its weights in units of {@link step}. The array is these weights' own and
   * is overwritten by the next call.
   */
  scores(features: Uint32Array, count: number): Int32Array {
    if (count > MAX_SCORED_FEATURES) throw new Error(`at most ${MAX_SCORED_FEATURES} features a state, not ${count}`);
    this.featureView.set(count === features.length ? features : features.subarray(0, count));
    this.score(0, count, ...this.layout);
    return this.scoreView;
  }
}

/** The most features one state can have scored (the parser has 106, the tagger 48). */
export const MAX_SCORED_FEATURES = 256;
const WASM_PAGE = 65536;
/** The largest memory score.wat accepts, in pages (1 GB; a model takes tens of megabytes). */
const MAX_PAGES = 16384;

/**
 * The compiled scorer, read on first use from the built package (two folders up from dist/syntax/,
 * dist/bundle/ and, under the tests, src/syntax/).
 */
let scorer: WebAssembly.Module | undefined;
const SCORER_URL = new URL('../../dist/syntax/score.wasm', import.meta.url);

function scorerModule(): WebAssembly.Module {
  if (scorer === undefined) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(readFileSync(SCORER_URL));
    } catch (error) {
      throw new Error(`cannot read the syntax scorer ${fileURLToPath(SCORER_URL)}: ${(error as Error).message}; run "npm run build"`);
    }
    scorer = new WebAssembly.Module(bytes);
  }
  return scorer;
}

/** The weights in a dense row: one per class, rounded up to a multiple of eight (one SIMD step). */
function rowLength(classCount: number): number {
  return Math.ceil(classCount / 8) * 8;
}

/**
 * A feature with at least this many weights gets a dense row. A row costs one SIMD step per eight
 * classes, a pair a handful of scalar steps; at a quarter of the row the two cost about the same.
 * (Measured on the parser: features with 16 weights or more as rows, 2 times the speed; 32 or more,
 * the same speed in a fifth of the memory.)
 */
function denseFrom(classCount: number): number {
  return Math.max(4, rowLength(classCount) / 4);
}

/**
 * Weights already in the form {@link Weights} scores: pairs of a class (high 16 bits) and a weight
 * in whole steps (low 16), and per feature its key, where its pairs start and how many there are.
 */
export interface PackedWeights {
  classCount: number;
  pairs: Int32Array;
  /** Three numbers per feature: key, first pair, pair count. */
  kept: Uint32Array;
  featureCount: number;
}

/**
 * Weights laid out in the memory score.wat reads, and where each part starts (bytes): the feature
 * keys being scored at 0, then the sums, the table, the pairs and the dense rows (see score.wat).
 * The memory is shared, so the worker thread that reads a model builds it and the thread that
 * parses uses it as it is, without a copy.
 */
export interface WeightTable {
  classCount: number;
  featureCount: number;
  memory: WebAssembly.Memory;
  scoresAt: number;
  tableAt: number;
  /** Slots of the table less one (a power of two less one). */
  mask: number;
  pairsAt: number;
  denseAt: number;
  rowBytes: number;
}

/**
 * Lays packed weights out for scoring: an open-addressing table at most half full, so that a
 * probe for an absent feature ends after a step or two; features with many weights as dense rows
 * of a weight per class, the rest as their lists of pairs.
 */
export function weightTable({ classCount, pairs, kept, featureCount }: PackedWeights): WeightTable {
  if (classCount > 255) throw new Error('at most 255 classes');
  let slots = 16;
  while (slots < featureCount * 2) slots *= 2;
  const mask = slots - 1;
  const lanes = rowLength(classCount);
  const denseCount = denseFrom(classCount);
  let rows = 0;
  let listed = 0;
  for (let feature = 0; feature < featureCount; feature += 1) {
    if (kept[3 * feature + 2]! >= denseCount) rows += 1;
    else listed += kept[3 * feature + 2]!;
  }
  if (listed >= 1 << 23) throw new Error('too many weights for the table (at most 2^23 listed)');
  const at16 = (offset: number) => Math.ceil(offset / 16) * 16;
  const rowBytes = lanes * 2;
  const scoresAt = MAX_SCORED_FEATURES * 4;
  const tableAt = at16(scoresAt + rowBytes * 2);
  const pairsAt = tableAt + slots * 8;
  const denseAt = at16(pairsAt + listed * 4);
  const pages = Math.ceil((denseAt + rows * rowBytes) / WASM_PAGE);
  if (pages > MAX_PAGES) throw new Error(`weights need ${pages} pages of memory, more than ${MAX_PAGES}`);
  // A new memory is all zeros: empty slots, sums at 0, rows 0 past their last class.
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  const table = new Int32Array(memory.buffer, tableAt, slots * 2);
  const lists = new Int32Array(memory.buffer, pairsAt, listed);
  const dense = new Int16Array(memory.buffer, denseAt, rows * lanes);
  rows = 0;
  listed = 0;
  for (let feature = 0; feature < featureCount; feature += 1) {
    const key = kept[3 * feature]!;
    const start = kept[3 * feature + 1]!;
    const count = kept[3 * feature + 2]!;
    let slot = key & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    table[slot * 2] = key | 0;
    if (count >= denseCount) {
      for (let entry = start; entry < start + count; entry += 1) dense[rows * lanes + (pairs[entry]! >>> 16)] = pairs[entry]! & 0xffff;
      table[slot * 2 + 1] = -rows - 1;
      rows += 1;
    } else {
      table[slot * 2 + 1] = (listed << 8) | count;
      // A loop, not lists.set(pairs.subarray(…)): a view per feature cost more than the copying.
      for (let entry = start; entry < start + count; entry += 1) lists[listed++] = pairs[entry]!;
    }
  }
  return { classCount, featureCount, memory, scoresAt, tableAt, mask, pairsAt, denseAt, rowBytes };
}

/** Quantises weights into {@link PackedWeights}, leaving out weights that round to 0 and features left with none. */
function pack(arrays: WeightArrays, step: number): PackedWeights {
  const pairs = new Int32Array(arrays.values.length);
  const kept = new Uint32Array(arrays.keys.length * 3);
  let pairCount = 0;
  let featureCount = 0;
  for (let feature = 0; feature < arrays.keys.length; feature += 1) {
    const start = pairCount;
    for (let entry = arrays.offsets[feature]!; entry < arrays.offsets[feature + 1]!; entry += 1) {
      const units = quantize(arrays.values[entry]!, step);
      if (units !== 0) pairs[pairCount++] = (arrays.classes[entry]! << 16) | (units & 0xffff);
    }
    if (pairCount > start) {
      kept[3 * featureCount] = arrays.keys[feature]!;
      kept[3 * featureCount + 1] = start;
      kept[3 * featureCount + 2] = pairCount - start;
      featureCount += 1;
    }
  }
  return { classCount: arrays.classCount, pairs: pairs.slice(0, pairCount), kept, featureCount };
}

/**
 * Reads what {@link encodeWeights} wrote straight into the form {@link Weights} scores, without
 * the detour through floating-point values: a model loads in about half the time.
 */
export function decodePackedWeights(reader: ByteReader): PackedWeights {
  const classCount = reader.varint();
  const featureCount = reader.varint();
  const entryCount = reader.varint();
  const kept = new Uint32Array(featureCount * 3);
  const numbers = reader.varints(featureCount);
  let key = 0;
  for (let feature = 0; feature < featureCount; feature += 1) {
    key += numbers[feature]!;
    kept[3 * feature] = key;
  }
  const counts = reader.varints(featureCount);
  let start = 0;
  for (let feature = 0; feature < featureCount; feature += 1) {
    kept[3 * feature + 1] = start;
    kept[3 * feature + 2] = counts[feature]!;
    start += counts[feature]!;
  }
  const classes = reader.take(entryCount);
  const zigzags = reader.varints(entryCount);
  const pairs = new Int32Array(entryCount);
  for (let entry = 0; entry < entryCount; entry += 1) {
    const zigzag = zigzags[entry]!;
    const units = zigzag & 1 ? -((zigzag + 1) >>> 1) : zigzag >>> 1;
    pairs[entry] = (classes[entry]! << 16) | (units & 0xffff);
  }
  return { classCount, pairs, kept, featureCount };
}

/** The highest-scoring class; ties go to the lower class. */
export function argmax(scores: Int32Array | Float64Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let klass = 0; klass < scores.length; klass += 1) {
    if (scores[klass]! > bestScore) {
      best = klass;
      bestScore = scores[klass]!;
    }
  }
  return best;
}

/**
 * Writes weights compactly: keys as varint gaps, pair counts as varints, classes as bytes, weights
 * as whole units of `step` in zigzag varints (most take one byte). A weight that rounds to 0 is left out, and so is a
 * feature left without weights: that is the pruning, and `step` sets how much of it there is.
 */
export function encodeWeights(weights: WeightArrays, step: number): Uint8Array {
  const writer = new ByteWriter();
  const kept: { key: number; pairs: [number, number][] }[] = [];
  for (let feature = 0; feature < weights.keys.length; feature += 1) {
    const pairs: [number, number][] = [];
    for (let entry = weights.offsets[feature]!; entry < weights.offsets[feature + 1]!; entry += 1) {
      const units = quantize(weights.values[entry]!, step);
      if (units !== 0) pairs.push([weights.classes[entry]!, units]);
    }
    if (pairs.length > 0) kept.push({ key: weights.keys[feature]!, pairs });
  }
  writer.varint(weights.classCount);
  writer.varint(kept.length);
  writer.varint(kept.reduce((sum, feature) => sum + feature.pairs.length, 0));
  let previous = 0;
  for (const { key } of kept) {
    writer.varint(key - previous);
    previous = key;
  }
  for (const { pairs } of kept) writer.varint(pairs.length);
  for (const { pairs } of kept) for (const [klass] of pairs) writer.byte(klass);
  for (const { pairs } of kept) for (const [, units] of pairs) writer.varint(units >= 0 ? units * 2 : -units * 2 - 1);
  return writer.bytes();
}

/** Appends bytes to a growing buffer. */
export class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** An unsigned integer below 2^32 in 7-bit groups, low group first. */
  varint(value: number): void {
    this.reserve(5);
    let rest = value >>> 0;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.buffer[this.length++] = rest;
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** Reads what a {@link ByteWriter} wrote, in the same order. */
export class ByteReader {
  private position = 0;
  constructor(private readonly buffer: Uint8Array) {}

  varint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.buffer[this.position++];
      if (byte === undefined) throw new Error('model file ends early');
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  /** `count` varints below 2^32 in a row (the bulk of a model file), read in one tight loop. */
  varints(count: number): Uint32Array {
    const values = new Uint32Array(count);
    const buffer = this.buffer;
    let position = this.position;
    // Integer shifts for the first four bytes (28 bits, which nearly every value fits), and a
    // multiplication only for a fifth: the loop decodes a model's millions of numbers.
    for (let index = 0; index < count; index += 1) {
      let byte = buffer[position++]!;
      let value = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = buffer[position++]!;
        if (shift === 28) {
          if (byte >= 0x10) throw new Error('model file holds a number of more than 32 bits');
          value += byte * 2 ** 28;
          break;
        }
        value |= (byte & 0x7f) << shift;
      }
      values[index] = value;
    }
    // A read past the end gave undefined, which the masks turned into 0: caught here, once.
    if (position > buffer.length) throw new Error('model file ends early');
    this.position = position;
    return values;
  }

  take(length: number): Uint8Array {
    if (this.position + length > this.buffer.length) throw new Error('model file ends early');
    const bytes = this.buffer.subarray(this.position, this.position + length);
    this.position += length;
    return bytes;
  }

  /** Bytes up to (not including) the next `byte`, which is skipped. */
  until(byte: number): Uint8Array {
    const end = this.buffer.indexOf(byte, this.position);
    if (end < 0) throw new Error('model file ends early');
    const bytes = this.buffer.subarray(this.position, end);
    this.position = end + 1;
    return bytes;
  }
}

/**
 * The linear models behind the tagger and the parser: features are 32-bit hashes of a template and
 * its values, each with a short list of (class, weight) pairs. Hashing keeps the feature tables
 * free of strings, so that scoring is a few integer operations and typed-array reads per feature.
 */

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
 * Frozen weights for scoring, laid out for few memory reads per feature: an open-addressing table
 * of (key, where its pairs start and how many) and one array of pairs, each a class in the high
 * 16 bits and the weight in units of `step` in the low 16. Scoring a state reads a hundred features
 * scattered over megabytes, so cache misses, not arithmetic, set the speed.
 */
export class Weights {
  readonly classCount: number;
  /** Two numbers per slot: the key, then `start << 8 | count` (0: empty slot). */
  private readonly table: Int32Array;
  private readonly pairs: Int32Array;
  private readonly mask: number;
  /** Features held. */
  readonly size: number;
  /** Scratch: the table entry of each feature being scored. */
  private found = new Int32Array(128);
  /** Keeps the read-ahead pass of {@link addScores} from being optimised away. */
  private touched = 0;

  constructor(
    source: WeightArrays | PackedWeights | WeightTable,
    readonly step: number,
  ) {
    const { classCount, table, pairs, featureCount } = 'table' in source ? source : weightTable('pairs' in source ? source : pack(source, step));
    if (classCount > 255) throw new Error('at most 255 classes');
    this.classCount = classCount;
    this.table = table;
    this.pairs = pairs;
    this.size = featureCount;
    this.mask = table.length / 2 - 1;
  }

  /** Adds the weights (in units of {@link step}) of the first `count` features to `scores`. */
  addScores(features: Uint32Array, count: number, scores: Int32Array): void {
    const { table, mask, pairs } = this;
    const found = this.found.length >= count ? this.found : (this.found = new Int32Array(count));
    // Three passes, so that the memory reads of different features overlap instead of waiting on
    // each other: look every feature up, then touch every feature's pairs, then add them up.
    for (let index = 0; index < count; index += 1) {
      const key = features[index]! | 0;
      let slot = key & mask;
      let packed = table[slot * 2 + 1]!;
      while (packed !== 0 && table[slot * 2] !== key) {
        slot = (slot + 1) & mask;
        packed = table[slot * 2 + 1]!;
      }
      found[index] = packed;
    }
    let touched = 0;
    for (let index = 0; index < count; index += 1) if (found[index] !== 0) touched |= pairs[found[index]! >>> 8]!;
    this.touched = touched;
    for (let index = 0; index < count; index += 1) {
      const packed = found[index]!;
      if (packed === 0) continue;
      const end = (packed >>> 8) + (packed & 0xff);
      for (let entry = packed >>> 8; entry < end; entry += 1) {
        const pair = pairs[entry]!;
        scores[pair >>> 16]! += (pair << 16) >> 16;
      }
    }
  }
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
 * Weights laid out as {@link Weights} reads them: its lookup table and pairs, plain typed arrays
 * that a worker thread can build and hand over without copying.
 */
export interface WeightTable {
  classCount: number;
  /** Two numbers per slot: the key, then `start << 8 | count` (0: empty slot); a power of two of slots. */
  table: Int32Array;
  pairs: Int32Array;
  featureCount: number;
}

/** Puts packed weights into an open-addressing table, at most half full so that a probe for an absent feature ends after a step or two. */
export function weightTable({ classCount, pairs, kept, featureCount }: PackedWeights): WeightTable {
  let slots = 16;
  while (slots < featureCount * 2) slots *= 2;
  const mask = slots - 1;
  const table = new Int32Array(slots * 2);
  for (let feature = 0; feature < featureCount; feature += 1) {
    const key = kept[3 * feature]!;
    const start = kept[3 * feature + 1]!;
    const count = kept[3 * feature + 2]!;
    let slot = key & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    table[slot * 2] = key | 0;
    table[slot * 2 + 1] = (start << 8) | count;
  }
  return { classCount, table, pairs, featureCount };
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
    for (let index = 0; index < count; index += 1) {
      let byte = buffer[position++]!;
      let value = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        if (position >= buffer.length) throw new Error('model file ends early');
        byte = buffer[position++]!;
        value += (byte & 0x7f) * 2 ** shift;
      }
      values[index] = value;
    }
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

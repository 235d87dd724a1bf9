import type { WeightArrays } from '../perceptron.js';

/**
 * An averaged perceptron over hashed features (Collins 2002; the lazy averaging of Honnibal's
 * tagger): each (feature, class) weight remembers when it last changed, so that averaging costs
 * nothing per example, only per update.
 *
 * Storage is an open-addressing table of feature keys, each owning a block of consecutive
 * (class, weight) entries in typed arrays that doubles (moving to the end of the arrays) when
 * full. Scoring, the hot loop of training, then reads each feature's weights as one short run of
 * memory; a perceptron touches few classes of most features, so the blocks stay small.
 */
export class AveragedPerceptron {
  /** Examples seen so far: the clock that weights are averaged over. */
  private clock = 0;
  /**
   * Four numbers per slot, side by side so that a lookup reads one cache line: the feature key,
   * the first entry of its block (-1: empty slot), the entries in use and the block's capacity,
   * and how many updates the feature took part in (the evidence its weights rest on).
   */
  private slots: Int32Array;
  private featureCount = 0;
  private classes: Uint16Array;
  /** Perceptron weights are whole numbers: sums of ±1 updates. */
  private weights: Int32Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  /** Scratch: the slot of each feature being scored. */
  private found = new Int32Array(128);
  /** Entries handed out to blocks so far (including blocks since outgrown). */
  private used = 0;

  constructor(readonly classCount: number) {
    this.slots = emptySlots(1 << 16);
    const capacity = 1 << 16;
    this.classes = new Uint16Array(capacity);
    this.weights = new Int32Array(capacity);
    this.totals = new Float64Array(capacity);
    this.stamps = new Float64Array(capacity);
  }

  /** Adds the current weights of the first `count` features to `scores`. */
  addScores(features: Uint32Array, count: number, scores: Int32Array): void {
    const { slots, classes, weights } = this;
    const mask = (slots.length >> 2) - 1;
    const found = this.found.length >= count ? this.found : (this.found = new Int32Array(count));
    // Look every feature up first, then add: the lookups' cache misses overlap that way.
    for (let index = 0; index < count; index += 1) {
      const key = features[index]! | 0;
      let slot = key & mask;
      while (slots[slot * 4 + 1] !== -1 && slots[slot * 4] !== key) slot = (slot + 1) & mask;
      found[index] = slot;
    }
    for (let index = 0; index < count; index += 1) {
      const at = found[index]! * 4;
      const start = slots[at + 1]!;
      if (start === -1) continue;
      const end = start + (slots[at + 2]! & 0xffff);
      for (let entry = start; entry < end; entry += 1) scores[classes[entry]!]! += weights[entry]!;
    }
  }

  /** Counts one training example, whether or not it led to an update. */
  tick(): void {
    this.clock += 1;
  }

  /** Moves the features' weights towards `truth` and away from `guess`. */
  update(truth: number, guess: number, features: Uint32Array, count: number): void {
    if (truth === guess) return;
    for (let index = 0; index < count; index += 1) {
      const at = this.findSlot(features[index]! | 0) * 4;
      this.slots[at + 3]! += 1;
      this.change(at, truth, 1);
      this.change(at, guess, -1);
    }
  }

  private change(at: number, klass: number, delta: number): void {
    const start = this.slots[at + 1]!;
    const end = start + (this.slots[at + 2]! & 0xffff);
    let entry = start;
    while (entry < end && this.classes[entry] !== klass) entry += 1;
    if (entry === end) entry = this.addEntry(at, klass);
    this.totals[entry]! += (this.clock - this.stamps[entry]!) * this.weights[entry]!;
    this.stamps[entry] = this.clock;
    this.weights[entry]! += delta;
  }

  /** The slot of `key`, claimed for it (with an empty block) if it is new. */
  private findSlot(key: number): number {
    let mask = (this.slots.length >> 2) - 1;
    let slot = key & mask;
    while (this.slots[slot * 4 + 1] !== -1) {
      if (this.slots[slot * 4] === key) return slot;
      slot = (slot + 1) & mask;
    }
    if ((this.featureCount + 1) * 8 > this.slots.length) {
      this.growSlots();
      mask = (this.slots.length >> 2) - 1;
      slot = key & mask;
      while (this.slots[slot * 4 + 1] !== -1) slot = (slot + 1) & mask;
    }
    const at = slot * 4;
    this.slots[at] = key;
    this.slots[at + 1] = this.allocate(2);
    this.slots[at + 2] = 2 << 16;
    this.slots[at + 3] = 0;
    this.featureCount += 1;
    return slot;
  }

  /** Appends a zero weight for `klass` to the slot's block, moving the block when it is full. */
  private addEntry(at: number, klass: number): number {
    let start = this.slots[at + 1]!;
    const count = this.slots[at + 2]! & 0xffff;
    let capacity = this.slots[at + 2]! >>> 16;
    if (count === capacity) {
      capacity = Math.min(count * 2, this.classCount);
      const moved = this.allocate(capacity);
      this.classes.copyWithin(moved, start, start + count);
      this.weights.copyWithin(moved, start, start + count);
      this.totals.copyWithin(moved, start, start + count);
      this.stamps.copyWithin(moved, start, start + count);
      start = moved;
      this.slots[at + 1] = moved;
    }
    const entry = start + count;
    this.slots[at + 2] = (capacity << 16) | (count + 1);
    this.classes[entry] = klass;
    this.weights[entry] = 0;
    this.totals[entry] = 0;
    this.stamps[entry] = this.clock;
    return entry;
  }

  /** Hands out `size` consecutive entries at the end of the arrays, growing them when needed. */
  private allocate(size: number): number {
    if (this.used + size > this.classes.length) {
      let capacity = this.classes.length * 2;
      while (this.used + size > capacity) capacity *= 2;
      this.classes = grow(this.classes, new Uint16Array(capacity));
      this.weights = grow(this.weights, new Int32Array(capacity));
      this.totals = grow(this.totals, new Float64Array(capacity));
      this.stamps = grow(this.stamps, new Float64Array(capacity));
    }
    const start = this.used;
    this.used += size;
    return start;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = emptySlots(old.length * 2);
    const mask = (this.slots.length >> 2) - 1;
    for (let from = 0; from < old.length; from += 4) {
      if (old[from + 1] === -1) continue;
      let slot = old[from]! & mask;
      while (this.slots[slot * 4 + 1] !== -1) slot = (slot + 1) & mask;
      this.slots.set(old.subarray(from, from + 4), slot * 4);
    }
  }

  /**
   * The averaged weights, features sorted by key and classes ascending within a feature, so that
   * the same training run always yields the same arrays. Weights that average to 0 are dropped,
   * and so are features that took part in fewer than `minUpdates` updates: rare word pairs, mostly,
   * whose weights rest on one or two examples and whose number would otherwise swell the model.
   */
  averaged(minUpdates = 1): WeightArrays {
    const clock = Math.max(1, this.clock);
    const { slots } = this;
    const order: number[] = [];
    for (let at = 0; at < slots.length; at += 4) if (slots[at + 1] !== -1 && slots[at + 3]! >= minUpdates) order.push(at);
    order.sort((a, b) => (slots[a]! >>> 0) - (slots[b]! >>> 0));
    const keys: number[] = [];
    const offsets: number[] = [0];
    const classes: number[] = [];
    const values: number[] = [];
    for (const at of order) {
      const pairs: [number, number][] = [];
      const start = slots[at + 1]!;
      for (let entry = start; entry < start + (slots[at + 2]! & 0xffff); entry += 1) {
        const total = this.totals[entry]! + (clock - this.stamps[entry]!) * this.weights[entry]!;
        if (total !== 0) pairs.push([this.classes[entry]!, total / clock]);
      }
      if (pairs.length === 0) continue;
      pairs.sort((a, b) => a[0] - b[0]);
      keys.push(slots[at]! >>> 0);
      for (const [klass, value] of pairs) {
        classes.push(klass);
        values.push(value);
      }
      offsets.push(classes.length);
    }
    return {
      classCount: this.classCount,
      keys: Uint32Array.from(keys),
      offsets: Uint32Array.from(offsets),
      classes: Uint8Array.from(classes),
      values: Float32Array.from(values),
    };
  }

  /** Features held, for progress reports. */
  get features(): number {
    return this.featureCount;
  }
}

/** A slot table of `size` numbers (four per slot), every slot empty. */
function emptySlots(size: number): Int32Array {
  const slots = new Int32Array(size);
  for (let at = 1; at < size; at += 4) slots[at] = -1;
  return slots;
}

function grow<T extends Uint16Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

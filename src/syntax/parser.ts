import { Weights, featureKey, featureKey3, hashString, mix } from './perceptron.js';
import { UPOS_TAGS } from './tagger.js';

/**
 * A greedy arc-hybrid dependency parser (Kuhlmann, Gómez-Rodríguez & Satta 2011) with labelled
 * transitions, scored by a perceptron over Zhang & Nivre (2011)-style features.
 *
 * Words are numbered from 1; 0 is the root, which starts on the stack. The transitions:
 * - SHIFT moves the first buffer word onto the stack;
 * - LEFT-l makes the first buffer word the head of the stack's top, with relation l, and pops it;
 * - RIGHT-l makes the word below the top the head of the top, with relation l, and pops it.
 * The root takes exactly one dependent, labelled `root`, as the very last transition, so every
 * parse is a tree with one root.
 */

/** Transition kinds. SHIFT is transition 0; LEFT and RIGHT with label l are 1 + 2l and 2 + 2l. */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

/** The kind (SHIFT, LEFT, RIGHT) of a transition number. */
export function kindOf(transition: number): number {
  return transition === SHIFT ? SHIFT : transition % 2 === 1 ? LEFT : RIGHT;
}

/** The label of a LEFT or RIGHT transition number. */
export function labelOf(transition: number): number {
  return (transition - 1) >> 1;
}

/** How many feature keys one state produces at most. */
export const PARSER_FEATURES = 106;

/** Tag values for the root and for an absent position, after the 17 UPOS tags. */
const ROOT_TAG = UPOS_TAGS.length;
const NO_TAG = UPOS_TAGS.length + 1;
const NO_WORD = hashString('<none>');
const ROOT_WORD = hashString('<root>');
/** Label value for a word without a head yet, or an absent position. */
const NO_LABEL = 255;

/**
 * The parser's configuration on one sentence: stack, buffer and the arcs so far, with the
 * leftmost and rightmost dependents and the label sets that features read.
 */
export class ParseState {
  readonly size: number;
  readonly stack: Int32Array;
  depth = 1;
  /** The first word of the buffer; the buffer is every word from here to the end. */
  next = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  private readonly leftmost: Int32Array;
  private readonly leftmost2: Int32Array;
  private readonly rightmost: Int32Array;
  private readonly rightmost2: Int32Array;
  private readonly leftCount: Int32Array;
  private readonly rightCount: Int32Array;
  /** Sets of the labels of each word's left and right dependents, as 32-bit masks. */
  private readonly leftLabels: Uint32Array;
  private readonly rightLabels: Uint32Array;

  constructor(
    /** Three hashes per word, index 0 for the root: lowercase word, its last three letters, its first two. */
    readonly words: Uint32Array,
    /** Tags, index 0 for the root. */
    readonly tags: Int32Array,
    /** The number of the `root` label. */
    readonly rootLabel: number,
  ) {
    this.size = words.length / 3 - 1;
    const slots = this.size + 1;
    this.stack = new Int32Array(slots + 1);
    this.heads = new Int32Array(slots).fill(-1);
    this.labels = new Int32Array(slots).fill(NO_LABEL);
    this.leftmost = new Int32Array(slots).fill(-1);
    this.leftmost2 = new Int32Array(slots).fill(-1);
    this.rightmost = new Int32Array(slots).fill(-1);
    this.rightmost2 = new Int32Array(slots).fill(-1);
    this.leftCount = new Int32Array(slots);
    this.rightCount = new Int32Array(slots);
    this.leftLabels = new Uint32Array(slots);
    this.rightLabels = new Uint32Array(slots);
  }

  /** The word `from` places below the top of the stack (0: the top), or -1. */
  stackAt(from: number): number {
    return from < this.depth ? this.stack[this.depth - 1 - from]! : -1;
  }

  /** The word `from` places into the buffer (0: its first), or -1. */
  bufferAt(from: number): number {
    const word = this.next + from;
    return word <= this.size ? word : -1;
  }

  get done(): boolean {
    return this.next > this.size && this.depth === 1;
  }

  /**
   * Which transitions can be taken now, for a loop over all of them: bit 1 SHIFT, 2 LEFT, 4 RIGHT,
   * and 8 when RIGHT may only attach to the root (and so only with the root label).
   */
  allowedKinds(): number {
    const top = this.stackAt(0);
    const buffered = this.next <= this.size;
    let kinds = 0;
    if (buffered) kinds |= 1;
    if (buffered && top > 0) kinds |= 2;
    // RIGHT onto the root only as the last transition (so the root has one dependent).
    if (this.depth >= 2) {
      if (this.stackAt(1) !== 0) kinds |= 4;
      else if (!buffered && this.depth === 2) kinds |= 4 | 8;
    }
    return kinds;
  }

  /** Takes a transition (assumed allowed). */
  apply(transition: number): void {
    const kind = kindOf(transition);
    if (kind === SHIFT) {
      this.stack[this.depth++] = this.next++;
      return;
    }
    const dependent = this.stack[--this.depth]!;
    const head = kind === LEFT ? this.next : this.stack[this.depth - 1]!;
    this.attach(head, dependent, labelOf(transition));
  }

  private attach(head: number, dependent: number, label: number): void {
    this.heads[dependent] = head;
    this.labels[dependent] = label;
    const bit = 1 << (label & 31);
    if (dependent < head) {
      this.leftCount[head]! += 1;
      this.leftLabels[head]! |= bit;
      if (this.leftmost[head] === -1 || dependent < this.leftmost[head]!) {
        this.leftmost2[head] = this.leftmost[head]!;
        this.leftmost[head] = dependent;
      } else if (this.leftmost2[head] === -1 || dependent < this.leftmost2[head]!) {
        this.leftmost2[head] = dependent;
      }
    } else {
      this.rightCount[head]! += 1;
      this.rightLabels[head]! |= bit;
      if (dependent > this.rightmost[head]!) {
        this.rightmost2[head] = this.rightmost[head]!;
        this.rightmost[head] = dependent;
      } else if (dependent > this.rightmost2[head]!) {
        this.rightmost2[head] = dependent;
      }
    }
  }

  /** Writes the state's feature keys into `out` and returns how many it wrote. */
  features(out: Uint32Array): number {
    const s0 = this.stackAt(0);
    const s1 = this.stackAt(1);
    const s2 = this.stackAt(2);
    const b0 = this.bufferAt(0);
    const b1 = this.bufferAt(1);
    const b2 = this.bufferAt(2);
    const at = (array: Int32Array, word: number) => (word < 0 ? -1 : array[word]!);
    const s0l = at(this.leftmost, s0);
    const s0l2 = at(this.leftmost2, s0);
    const s0r = at(this.rightmost, s0);
    const s0r2 = at(this.rightmost2, s0);
    const s1l = at(this.leftmost, s1);
    const s1r = at(this.rightmost, s1);
    const s1r2 = at(this.rightmost2, s1);
    const b0l = at(this.leftmost, b0);
    const b0l2 = at(this.leftmost2, b0);

    const w = (word: number) => (word < 0 ? NO_WORD : this.words[word * 3]!);
    // Affixes carry what tags miss or get wrong: -ly, -ing, -tion; me-, di-, ber-, -kan.
    const suffix = (word: number) => (word < 0 ? NO_WORD : this.words[word * 3 + 1]!);
    const prefix = (word: number) => (word < 0 ? NO_WORD : this.words[word * 3 + 2]!);
    const p = (word: number) => (word < 0 ? NO_TAG : this.tags[word]!);
    const l = (word: number) => (word < 0 ? NO_LABEL : this.labels[word]!);
    const wp = (word: number) => mix(w(word), p(word));

    const s0w = w(s0), s0p = p(s0), s0wp = wp(s0);
    const s1w = w(s1), s1p = p(s1), s1wp = wp(s1);
    const b0w = w(b0), b0p = p(b0), b0wp = wp(b0);
    const b1w = w(b1), b1p = p(b1);
    const b2p = p(b2);
    const distance = s0 >= 0 && b0 >= 0 ? bucket(b0 - s0) : 0;
    const stackDistance = s1 >= 0 && s0 >= 0 ? bucket(s0 - s1) : 0;
    const s0LeftCount = s0 >= 0 ? this.leftCount[s0]! : -1;
    const s0RightCount = s0 >= 0 ? this.rightCount[s0]! : -1;
    const b0LeftCount = b0 >= 0 ? this.leftCount[b0]! : -1;
    const s0LeftLabels = s0 >= 0 ? this.leftLabels[s0]! : 0;
    const s0RightLabels = s0 >= 0 ? this.rightLabels[s0]! : 0;
    const b0LeftLabels = b0 >= 0 ? this.leftLabels[b0]! : 0;
    const s1RightLabels = s1 >= 0 ? this.rightLabels[s1]! : 0;

    let count = 0;
    const add = (template: number, a: number, b = 0) => {
      out[count++] = featureKey(template, a, b);
    };
    const add3 = (template: number, a: number, b: number, c: number) => {
      out[count++] = featureKey3(template, a, b, c);
    };
    add(0, 0);
    // Single positions.
    add(1, s0wp); add(2, s0w); add(3, s0p);
    add(4, b0wp); add(5, b0w); add(6, b0p);
    add(7, wp(b1)); add(8, b1w); add(9, b1p);
    add(10, w(b2)); add(11, b2p);
    add(12, s1wp); add(13, s1w); add(14, s1p);
    add(15, w(s2)); add(16, p(s2));
    // Pairs.
    add(17, s0wp, b0wp); add(18, s0wp, b0w); add(19, s0w, b0wp); add(20, s0wp, b0p); add(21, s0p, b0wp);
    add(22, s0w, b0w); add(23, s0p, b0p); add(24, b0p, b1p);
    add(25, s1wp, s0wp); add(26, s1w, s0w); add(27, s1p, s0p); add(28, s1wp, s0p); add(29, s1p, s0wp);
    add(30, s1p, b0p); add(31, s1w, b0w);
    // Triples of tags.
    add3(32, b0p, b1p, b2p); add3(33, s0p, b0p, b1p); add3(34, s1p, s0p, b0p); add3(35, p(s2), s1p, s0p);
    add3(36, s0p, p(s0l), b0p); add3(37, s0p, p(s0r), b0p); add3(38, s0p, b0p, p(b0l));
    add3(39, s1p, p(s1r), s0p); add3(40, s1p, s0p, p(s0l)); add3(41, s1p, p(s1l), s0p);
    add3(42, s0w, b0p, b1p); add3(43, s0p, b0w, b1p);
    // Distances.
    add(44, s0w, distance); add(45, s0p, distance); add(46, b0w, distance); add(47, b0p, distance);
    add3(48, s0w, b0w, distance); add3(49, s0p, b0p, distance);
    add3(50, s1p, s0p, stackDistance); add3(51, s1w, s0w, stackDistance);
    add(52, s1wp, stackDistance); add(53, s0wp, stackDistance);
    // Valency: how many dependents on each side so far.
    add(54, s0w, s0RightCount); add(55, s0p, s0RightCount); add(56, s0w, s0LeftCount); add(57, s0p, s0LeftCount);
    add(58, b0w, b0LeftCount); add(59, b0p, b0LeftCount);
    add(60, s1p, s1 >= 0 ? this.rightCount[s1]! : -1);
    // Dependents already attached.
    add(61, w(s0l)); add(62, p(s0l)); add(63, l(s0l));
    add(64, w(s0r)); add(65, p(s0r)); add(66, l(s0r));
    add(67, w(b0l)); add(68, p(b0l)); add(69, l(b0l));
    add(70, w(s1r)); add(71, p(s1r)); add(72, l(s1r)); add(73, l(s1l));
    add(74, w(s0l2)); add(75, p(s0l2)); add(76, l(s0l2));
    add(77, w(s0r2)); add(78, p(s0r2)); add(79, l(s0r2));
    add(80, w(b0l2)); add(81, p(b0l2)); add(82, l(b0l2));
    add3(83, s0p, p(s0l), p(s0l2)); add3(84, s0p, p(s0r), p(s0r2)); add3(85, b0p, p(b0l), p(b0l2));
    add3(86, s1p, p(s1r), p(s1r2));
    add3(87, s0p, l(s0l), b0p); add3(88, s0p, l(s0r), b0p);
    // Label sets of the dependents.
    add(89, s0w, s0RightLabels); add(90, s0p, s0RightLabels); add(91, s0w, s0LeftLabels); add(92, s0p, s0LeftLabels);
    add(93, b0w, b0LeftLabels); add(94, b0p, b0LeftLabels); add(95, s1p, s1RightLabels);
    // Affixes.
    add(96, suffix(s0)); add(97, suffix(b0)); add(98, suffix(b1)); add(99, suffix(s1));
    add(100, prefix(s0)); add(101, prefix(b0));
    add(102, suffix(s0), suffix(b0)); add(103, s0p, suffix(b0)); add(104, suffix(s0), b0p); add(105, suffix(s1), suffix(s0));
    return count;
  }
}

/** Whether a transition is among the {@link ParseState.allowedKinds} for the given root label. */
export function isAllowed(transition: number, kinds: number, rootLabel: number): boolean {
  if (transition === SHIFT) return (kinds & 1) !== 0;
  const isRoot = (transition - 1) >> 1 === rootLabel;
  if (transition % 2 === 1) return (kinds & 2) !== 0 && !isRoot;
  return (kinds & 4) !== 0 && isRoot === ((kinds & 8) !== 0);
}

/** The highest-scoring allowed transition; ties go to the lower number. */
export function bestAllowed(scores: Int32Array | Float64Array, kinds: number, rootLabel: number): number {
  let best = -1;
  for (let transition = 0; transition < scores.length; transition += 1) {
    if ((best < 0 || scores[transition]! > scores[best]!) && isAllowed(transition, kinds, rootLabel)) best = transition;
  }
  return best;
}

/** Distances 1–4 as they are, then 5–9 and 10 or more together. */
function bucket(distance: number): number {
  return distance < 5 ? distance : distance < 10 ? 5 : 6;
}

/** The hashes {@link ParseState} reads of each word, the root's in front. */
export function parserWords(forms: readonly string[]): Uint32Array {
  const words = new Uint32Array((forms.length + 1) * 3);
  words.fill(ROOT_WORD, 0, 3);
  forms.forEach((form, index) => {
    const lower = form.toLowerCase();
    const chars = [...lower];
    words[(index + 1) * 3] = hashString(lower);
    words[(index + 1) * 3 + 1] = hashString(`-${chars.slice(-3).join('')}`);
    words[(index + 1) * 3 + 2] = hashString(`${chars.slice(0, 2).join('')}-`);
  });
  return words;
}

/** Tags with the root's in front, as {@link ParseState} reads them. */
export function parserTags(tags: readonly number[]): Int32Array {
  const result = new Int32Array(tags.length + 1);
  result[0] = ROOT_TAG;
  result.set(tags, 1);
  return result;
}

/** A sentence's dependency tree: per word, its head (0 for the root) and relation. */
export interface Tree {
  heads: number[];
  labels: string[];
}

/** Parses tagged sentences into labelled dependency trees. */
export class Parser {
  private readonly features = new Uint32Array(PARSER_FEATURES);
  private readonly rootLabel: number;

  constructor(
    readonly weights: Weights,
    /** Relation names, numbered as the transitions use them. */
    readonly labels: readonly string[],
  ) {
    this.rootLabel = labels.indexOf('root');
    if (this.rootLabel < 0) throw new Error('parser labels lack "root"');
  }

  /** The tree of a sentence of words and their tag numbers. */
  parse(forms: readonly string[], tags: readonly number[]): Tree {
    const state = new ParseState(parserWords(forms), parserTags(tags), this.rootLabel);
    while (!state.done) {
      const count = state.features(this.features);
      state.apply(bestAllowed(this.weights.scores(this.features, count), state.allowedKinds(), this.rootLabel));
    }
    return {
      heads: Array.from(state.heads.subarray(1)),
      labels: Array.from(state.labels.subarray(1), (label) => this.labels[label]!),
    };
  }
}

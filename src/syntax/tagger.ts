import { Weights, argmax, featureKey, featureKey3, hashString } from './perceptron.js';

/** The 17 Universal POS tags, in the order the tagger numbers its classes. */
export const UPOS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;

/** A Universal POS tag. */
export type Upos = (typeof UPOS_TAGS)[number];

/** Words either side of a sentence that features may look at. */
const PAD = 2;
/** Stand-ins for the tag of a position before the sentence. */
const START_TAG = UPOS_TAGS.length;
const START_TAG_2 = UPOS_TAGS.length + 1;
/** How many feature keys one word produces at most. */
export const TAGGER_FEATURES = 48;

/**
 * What the tagger's features read of each word of a sentence, hashed once per sentence; index
 * `PAD + i` holds word `i`, with padding either side.
 */
export interface TaggerContext {
  form: Uint32Array;
  lower: Uint32Array;
  shape: Uint32Array;
  shortShape: Uint32Array;
  /** Suffixes of 1–5 and prefixes of 1–3 characters of the lowercase word, five and three per word. */
  suffix: Uint32Array;
  prefix: Uint32Array;
  /** The lowercase word after its last hyphen ("sekolah-sekolah" → "sekolah"), or the word. */
  lastPart: Uint32Array;
  /** Bit flags: see {@link flagsOf}. */
  flags: Uint32Array;
  /** The tags the word had in training (a bit per tag; 0: unknown word), its "ambiguity class". */
  ambiguity: Uint32Array;
}

const SUFFIXES = 5;
const PREFIXES = 3;

/** Hashes what the features need of a sentence's words. */
export function taggerContext(forms: readonly string[], lexicon: ReadonlyMap<string, number>): TaggerContext {
  const size = forms.length + 2 * PAD;
  const context: TaggerContext = {
    form: new Uint32Array(size),
    lower: new Uint32Array(size),
    shape: new Uint32Array(size),
    shortShape: new Uint32Array(size),
    suffix: new Uint32Array(size * SUFFIXES),
    prefix: new Uint32Array(size * PREFIXES),
    lastPart: new Uint32Array(size),
    flags: new Uint32Array(size),
    ambiguity: new Uint32Array(size),
  };
  for (let pad = 0; pad < PAD; pad += 1) {
    for (const [index, marker] of [
      [pad, PAD_MARKERS[pad]!],
      [size - 1 - pad, PAD_MARKERS[PAD + pad]!],
    ] as const) {
      context.form[index] = marker;
      context.lower[index] = marker;
      context.shape[index] = marker;
      context.shortShape[index] = marker;
      context.lastPart[index] = marker;
      context.ambiguity[index] = 1 << 30;
      context.suffix.fill(marker, index * SUFFIXES, (index + 1) * SUFFIXES);
      context.prefix.fill(marker, index * PREFIXES, (index + 1) * PREFIXES);
    }
  }
  forms.forEach((form, word) => {
    const index = word + PAD;
    const hashes = wordHashes(form);
    context.form[index] = hashes[0]!;
    context.lower[index] = hashes[1]!;
    context.shape[index] = hashes[2]!;
    context.shortShape[index] = hashes[3]!;
    context.lastPart[index] = hashes[4]!;
    context.flags[index] = hashes[5]! | (word === 0 ? FIRST_WORD : 0);
    context.suffix.set(hashes.subarray(6, 6 + SUFFIXES), index * SUFFIXES);
    context.prefix.set(hashes.subarray(6 + SUFFIXES), index * PREFIXES);
    context.ambiguity[index] = lexicon.get(form.toLowerCase()) ?? 0;
  });
  return context;
}

/** Hashes standing for the padding positions: two before the sentence, then two after it. */
const PAD_MARKERS = ['<s0>', '<s1>', '</s0>', '</s1>'].map(hashString);

/**
 * What a word's features read of its letters, hashed: form, lowercase, shape, short shape, last
 * part, flags (but the first-word one), then the suffixes and prefixes. Kept per word form, since
 * a text repeats its words and hashing their affixes is most of a tagger's work.
 */
function wordHashes(form: string): Uint32Array {
  let hashes = HASHES.get(form);
  if (hashes) return hashes;
  hashes = new Uint32Array(6 + SUFFIXES + PREFIXES);
  const lower = form.toLowerCase();
  const shape = shapeOf(form);
  hashes[0] = hashString(form);
  hashes[1] = hashString(lower);
  hashes[2] = hashString(shape);
  hashes[3] = hashString(shape.replace(/(.)\1+/gu, '$1'));
  const hyphen = lower.lastIndexOf('-');
  hashes[4] = hyphen > 0 && hyphen < lower.length - 1 ? hashString(lower.slice(hyphen + 1)) : hashes[1];
  hashes[5] = flagsOf(form);
  const chars = [...lower];
  for (let length = 1; length <= SUFFIXES; length += 1) hashes[5 + length] = hashString(chars.slice(-length).join(''));
  for (let length = 1; length <= PREFIXES; length += 1) hashes[5 + SUFFIXES + length] = hashString(chars.slice(0, length).join(''));
  // A bound on memory for long runs over many texts; what is dropped is computed again.
  if (HASHES.size >= 200_000) HASHES.clear();
  HASHES.set(form, hashes);
  return hashes;
}

const HASHES = new Map<string, Uint32Array>();

/**
 * A word's shape: capitals as X, small letters as x, digits as d, other characters as they are,
 * runs cut at four ("Jakarta" → "Xxxxx", "2024" → "dddd", "COVID-19" → "XXXX-dd").
 */
function shapeOf(form: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (const char of form) {
    const kind = /\p{Lu}/u.test(char) ? 'X' : /\p{L}/u.test(char) ? 'x' : /\p{N}/u.test(char) ? 'd' : char;
    run = kind === last ? run + 1 : 1;
    last = kind;
    if (run <= 4) shape += kind;
  }
  return shape;
}

/** The flag of a sentence's first word, whose capital says less than others'. */
const FIRST_WORD = 1;

/** Facts about a word that no hash of its letters captures: capitals, digits, hyphen (and position: {@link FIRST_WORD}). */
function flagsOf(form: string): number {
  const title = /^\p{Lu}/u.test(form) ? 2 : 0;
  const upper = form.length > 1 && form === form.toUpperCase() && /\p{Lu}/u.test(form) ? 4 : 0;
  const digit = /\p{N}/u.test(form) ? 8 : 0;
  const hyphen = form.length > 1 && form.includes('-') ? 16 : 0;
  return title | upper | digit | hyphen;
}

/**
 * The feature keys of word `word` given the tags already chosen for the two words before it:
 * the word, its lowercase form, affixes and shape, its neighbours two either side, and the tags
 * before it (Ratnaparkhi 1996; Honnibal's "good part-of-speech tagger", with more affixes).
 * Writes into `out` and returns how many it wrote.
 */
export function taggerFeatures(context: TaggerContext, word: number, previousTag: number, tagBeforeThat: number, out: Uint32Array): number {
  const i = word + PAD;
  const { form, lower, shape, shortShape, suffix, prefix, lastPart, flags } = context;
  const suffixOf = (index: number, length: number) => suffix[index * SUFFIXES + length - 1]!;
  let count = 0;
  out[count++] = featureKey(0, 0);
  out[count++] = featureKey(1, form[i]!);
  out[count++] = featureKey(2, lower[i]!);
  for (let length = 1; length <= SUFFIXES; length += 1) out[count++] = featureKey(2 + length, suffixOf(i, length));
  for (let length = 1; length <= PREFIXES; length += 1) out[count++] = featureKey(7 + length, prefix[i * PREFIXES + length - 1]!);
  out[count++] = featureKey(11, shape[i]!);
  out[count++] = featureKey(12, shortShape[i]!);
  out[count++] = featureKey(13, flags[i]!);
  out[count++] = featureKey(14, lastPart[i]!);
  out[count++] = featureKey(15, lower[i - 1]!);
  out[count++] = featureKey(16, lower[i + 1]!);
  out[count++] = featureKey(17, lower[i - 2]!);
  out[count++] = featureKey(18, lower[i + 2]!);
  out[count++] = featureKey(19, suffixOf(i - 1, 3));
  out[count++] = featureKey(20, suffixOf(i + 1, 3));
  out[count++] = featureKey(21, suffixOf(i + 1, 1));
  out[count++] = featureKey(22, shortShape[i - 1]!);
  out[count++] = featureKey(23, shortShape[i + 1]!);
  out[count++] = featureKey(24, previousTag);
  out[count++] = featureKey(25, previousTag, tagBeforeThat);
  out[count++] = featureKey(26, previousTag, lower[i]!);
  out[count++] = featureKey(27, previousTag, suffixOf(i, 3));
  out[count++] = featureKey(28, lower[i - 1]!, lower[i]!);
  out[count++] = featureKey(29, lower[i]!, lower[i + 1]!);
  out[count++] = featureKey(30, previousTag, lower[i + 1]!);
  out[count++] = featureKey3(31, lower[i - 1]!, lower[i]!, lower[i + 1]!);
  out[count++] = featureKey(32, suffixOf(i, 2), suffixOf(i + 1, 2));
  out[count++] = featureKey(33, flags[i]!, suffixOf(i, 3));
  out[count++] = featureKey(34, shortShape[i]!, lower[i + 1]!);
  // What the words around may be: the right context's tags, as far as the lexicon knows them.
  const { ambiguity } = context;
  out[count++] = featureKey(35, ambiguity[i]!);
  out[count++] = featureKey(36, ambiguity[i + 1]!);
  out[count++] = featureKey(37, ambiguity[i + 2]!);
  out[count++] = featureKey(38, ambiguity[i]!, ambiguity[i + 1]!);
  out[count++] = featureKey(39, previousTag, ambiguity[i]!);
  out[count++] = featureKey3(40, previousTag, ambiguity[i]!, ambiguity[i + 1]!);
  out[count++] = featureKey(41, lower[i]!, ambiguity[i + 1]!);
  out[count++] = featureKey(42, ambiguity[i - 1]!);
  return count;
}

/**
 * Tags a sentence's words with Universal POS tags: a greedy pass left to right and one right to
 * left, each with its own model, and per word the tag the two passes' scores favour together
 * (each pass sees the tags it chose on one side, the words on both).
 */
export class Tagger {
  private readonly features = new Uint32Array(TAGGER_FEATURES);

  constructor(
    /** The left-to-right model. */
    readonly forward: Weights,
    /** The right-to-left model, trained on reversed sentences. */
    readonly backward: Weights,
    /** Lowercase words → the tags they had in training, as bits. */
    readonly lexicon: ReadonlyMap<string, number>,
  ) {}

  /** The tag numbers (indices into {@link UPOS_TAGS}) of a sentence's words. */
  tag(forms: readonly string[]): number[] {
    const classes = this.forward.classCount;
    const totals = new Int32Array(forms.length * classes);
    this.pass(this.forward, forms, (word) => word, totals);
    this.pass(this.backward, [...forms].reverse(), (word) => forms.length - 1 - word, totals);
    return Array.from(forms, (_, word) => argmax(totals.subarray(word * classes, (word + 1) * classes)));
  }

  /** One greedy pass over `forms`, adding each word's scores to `totals` at its place in the sentence. */
  private pass(weights: Weights, forms: readonly string[], placeOf: (word: number) => number, totals: Int32Array): void {
    const context = taggerContext(forms, this.lexicon);
    const tags: number[] = [];
    const classes = weights.classCount;
    for (let word = 0; word < forms.length; word += 1) {
      const [previous, beforeThat] = historyOf(tags, word);
      const count = taggerFeatures(context, word, previous, beforeThat, this.features);
      const scores = weights.scores(this.features, count);
      tags.push(argmax(scores));
      const at = placeOf(word) * classes;
      for (let tag = 0; tag < classes; tag += 1) totals[at + tag]! += scores[tag]!;
    }
  }
}

/** The tag history a word's features see, the same in training and tagging. */
export function historyOf(tags: readonly number[], word: number): [previous: number, beforeThat: number] {
  return [tags[word - 1] ?? START_TAG, tags[word - 2] ?? (word === 0 ? START_TAG_2 : START_TAG)];
}

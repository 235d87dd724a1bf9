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
export const TAGGER_FEATURES = 40;

/**
 * What the tagger's features read of each word of a sentence, hashed once per sentence; index
 * `PAD + i` holds word `i`, with padding either side.
 */
export interface TaggerContext {
  length: number;
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
}

const SUFFIXES = 5;
const PREFIXES = 3;

/** Hashes what the features need of a sentence's words. */
export function taggerContext(forms: readonly string[]): TaggerContext {
  const size = forms.length + 2 * PAD;
  const context: TaggerContext = {
    length: forms.length,
    form: new Uint32Array(size),
    lower: new Uint32Array(size),
    shape: new Uint32Array(size),
    shortShape: new Uint32Array(size),
    suffix: new Uint32Array(size * SUFFIXES),
    prefix: new Uint32Array(size * PREFIXES),
    lastPart: new Uint32Array(size),
    flags: new Uint32Array(size),
  };
  for (let pad = 0; pad < PAD; pad += 1) {
    for (const index of [pad, size - 1 - pad]) {
      const marker = hashString(index < PAD ? `<s${pad}>` : `</s${pad}>`);
      context.form[index] = marker;
      context.lower[index] = marker;
      context.shape[index] = marker;
      context.shortShape[index] = marker;
      context.lastPart[index] = marker;
      context.suffix.fill(marker, index * SUFFIXES, (index + 1) * SUFFIXES);
      context.prefix.fill(marker, index * PREFIXES, (index + 1) * PREFIXES);
    }
  }
  forms.forEach((form, word) => {
    const index = word + PAD;
    const lower = form.toLowerCase();
    context.form[index] = hashString(form);
    context.lower[index] = hashString(lower);
    const shape = shapeOf(form);
    context.shape[index] = hashString(shape);
    context.shortShape[index] = hashString(shape.replace(/(.)\1+/gu, '$1'));
    const chars = [...lower];
    for (let length = 1; length <= SUFFIXES; length += 1) context.suffix[index * SUFFIXES + length - 1] = hashString(chars.slice(-length).join(''));
    for (let length = 1; length <= PREFIXES; length += 1) context.prefix[index * PREFIXES + length - 1] = hashString(chars.slice(0, length).join(''));
    const hyphen = lower.lastIndexOf('-');
    context.lastPart[index] = hyphen > 0 && hyphen < lower.length - 1 ? hashString(lower.slice(hyphen + 1)) : context.lower[index]!;
    context.flags[index] = flagsOf(form, word);
  });
  return context;
}

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

/** Facts about a word that no hash of its letters captures: position, capitals, digits, hyphen. */
function flagsOf(form: string, position: number): number {
  const first = position === 0 ? 1 : 0;
  const title = /^\p{Lu}/u.test(form) ? 2 : 0;
  const upper = form.length > 1 && form === form.toUpperCase() && /\p{Lu}/u.test(form) ? 4 : 0;
  const digit = /\p{N}/u.test(form) ? 8 : 0;
  const hyphen = form.length > 1 && form.includes('-') ? 16 : 0;
  return first | title | upper | digit | hyphen;
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
  return count;
}

/** Tags a sentence's words with Universal POS tags. */
export class Tagger {
  private readonly features = new Uint32Array(TAGGER_FEATURES);
  private readonly scores: Int32Array;

  constructor(
    readonly weights: Weights,
    /** Frequent words that (nearly) always have one tag, tagged without scoring. */
    readonly dictionary: ReadonlyMap<string, number>,
  ) {
    this.scores = new Int32Array(weights.classCount);
  }

  /** The tag numbers (indices into {@link UPOS_TAGS}) of a sentence's words. */
  tag(forms: readonly string[]): number[] {
    const context = taggerContext(forms);
    const tags: number[] = [];
    for (let word = 0; word < forms.length; word += 1) {
      const previous = tags[word - 1] ?? START_TAG;
      const beforeThat = tags[word - 2] ?? (word === 0 ? START_TAG_2 : START_TAG);
      const known = this.dictionary.get(forms[word]!);
      if (known !== undefined) {
        tags.push(known);
        continue;
      }
      const count = taggerFeatures(context, word, previous, beforeThat, this.features);
      this.scores.fill(0);
      this.weights.addScores(this.features, count, this.scores);
      tags.push(argmax(this.scores));
    }
    return tags;
  }
}

/** The tag history a word's features see, the same in training and tagging. */
export function historyOf(tags: readonly number[], word: number): [previous: number, beforeThat: number] {
  return [tags[word - 1] ?? START_TAG, tags[word - 2] ?? (word === 0 ? START_TAG_2 : START_TAG)];
}

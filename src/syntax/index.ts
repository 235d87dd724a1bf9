/**
 * The syntax stage: a sentence → Universal Dependencies words with their part of speech, head and
 * relation, for Indonesian and English. Tokenise ({@link tokenize}), tag, parse; the models are
 * data files read the first time a language is parsed.
 *
 * ```ts
 * const words = await parseSentence('Presiden membelinya kemarin.', 'id');
 * // [{ form: 'Presiden', start: 0, end: 8, token: 0, upos: 'NOUN', head: 2, deprel: 'nsubj' }, …]
 * ```
 */
import type { Language } from '../model.js';
import { type ConlluSentence, plainWord } from './conllu.js';
import { type ModelHeader, type SyntaxModel, loadModel } from './model.js';
import { UPOS_TAGS, type Upos } from './tagger.js';
import { type Token, tokenize } from './tokenize.js';

export { tokenize, type Token } from './tokenize.js';
export { startModelReader } from './model.js';
export type { Upos } from './tagger.js';

/** A word with its analysis. */
export interface ParsedWord extends Token {
  upos: Upos;
  /** The head word's number, counting the sentence's words from 1; 0 for the root. */
  head: number;
  /** The Universal Dependencies relation to the head (`nsubj`, `obj`, `nmod:poss`, …; `root`). */
  deprel: string;
}

/** A loaded language: parses synchronously. */
export interface Syntax {
  lang: Language;
  /** What the model file says about itself: training data, held-out accuracy, licence. */
  header: ModelHeader;
  /** Tokenises, tags and parses a sentence. */
  parseSentence(text: string): ParsedWord[];
  /**
   * Tags and parses words given as they are. Plain strings are taken as written one space apart,
   * which sets their offsets; each is a token of its own.
   */
  parseTokens(tokens: readonly (string | Token)[]): ParsedWord[];
}

/** Loads a language's model (once per run) and returns its parser. */
export async function loadSyntax(lang: Language): Promise<Syntax> {
  const model = await loadModel(lang);
  const parseTokens = (tokens: readonly (string | Token)[]) => analyse(model, asTokens(tokens));
  return {
    lang,
    header: model.header,
    parseSentence: (text) => parseTokens(tokenize(text, lang)),
    parseTokens,
  };
}

/**
 * Starts reading a language's model, for a run that will soon need it; a failure is reported by
 * {@link loadSyntax} when the model is asked for.
 */
export function prefetchSyntax(lang: Language): void {
  loadModel(lang).catch(() => undefined);
}

/** Tokenises, tags and parses a sentence, loading the language's model on first use. */
export async function parseSentence(text: string, lang: Language): Promise<ParsedWord[]> {
  return (await loadSyntax(lang)).parseSentence(text);
}

/** Tags and parses words given as they are (see {@link Syntax.parseTokens}). */
export async function parseTokens(tokens: readonly (string | Token)[], lang: Language): Promise<ParsedWord[]> {
  return (await loadSyntax(lang)).parseTokens(tokens);
}

function asTokens(tokens: readonly (string | Token)[]): Token[] {
  let offset = 0;
  return tokens.map((token, index) => {
    if (typeof token !== 'string') return token;
    const start = offset;
    offset += token.length + 1;
    return { form: token, start, end: start + token.length, token: index };
  });
}

function analyse(model: SyntaxModel, tokens: readonly Token[]): ParsedWord[] {
  if (tokens.length === 0) return [];
  const forms = tokens.map((token) => token.form);
  const tags = model.tagger.tag(forms);
  const tree = model.parser.parse(forms, tags);
  return tokens.map((token, index) => ({ ...token, upos: UPOS_TAGS[tags[index]!]!, head: tree.heads[index]!, deprel: tree.labels[index]! }));
}

/**
 * A parsed sentence as CoNLL-U: one line per word with FORM, UPOS, HEAD and DEPREL filled in; a
 * multiword token's line above its words; `SpaceAfter=No` where the next word follows without a
 * space in `text` (when given); comments as given (`sent_id = 1`, `text = …`).
 */
export function toConllu(words: readonly ParsedWord[], comments: readonly string[], text?: string): ConlluSentence {
  const sentence: ConlluSentence = { comments: [...comments], words: [], multiwords: [] };
  const spaceAfterNo = (end: number, next: number | undefined) => text !== undefined && next !== undefined && end === next;
  words.forEach((word, index) => {
    const next = words[index + 1];
    // SpaceAfter belongs on a multiword token's line, not on its words'.
    const inMultiword = next?.token === word.token || words[index - 1]?.token === word.token;
    const line = { ...plainWord(index + 1, word.form), upos: word.upos, head: word.head, deprel: word.deprel };
    if (!inMultiword && spaceAfterNo(word.end, next?.start)) line.misc = 'SpaceAfter=No';
    sentence.words.push(line);
    if (index === 0 || words[index - 1]!.token !== word.token) {
      let last = index;
      while (words[last + 1]?.token === word.token) last += 1;
      if (last > index) {
        const after = words[last + 1];
        sentence.multiwords.push({
          first: index + 1,
          last: last + 1,
          form: text !== undefined ? text.slice(word.start, words[last]!.end) : words.slice(index, last + 1).map((part) => part.form).join(''),
          misc: spaceAfterNo(words[last]!.end, after?.start) ? 'SpaceAfter=No' : '_',
        });
      }
    }
  });
  return sentence;
}

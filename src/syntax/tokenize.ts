import { type TokenizerRules, LANGUAGES } from '../lang/index.js';
import type { CliticRule } from '../lang/types.js';
import type { Language } from '../model.js';

/**
 * One syntactic word of a sentence, as the UD treebanks cut them, with where it stands in the
 * sentence: `text.slice(start, end) === form` always, so later stages can delete words by span.
 * Offsets count UTF-16 code units, as JavaScript's string indices do.
 */
export interface Token {
  form: string;
  start: number;
  end: number;
  /**
   * The number of the written token it belongs to, from 0. Words that share it form a multiword
   * token: `membelinya` = `membeli` + `nya`, `don't` = `do` + `n't`.
   */
  token: number;
}

/** Opening punctuation split off the front of a written token (a doubled `` or '' as one). */
const OPENING = /^(?:``|''|["'“‘«‹([{¿¡*„])/u;
/** Closing punctuation split off the end of a written token; a run of dots is one ellipsis. */
const CLOSING = /(?:''|\.{2,}|[!?]+|["'”’»›)\]},;:.…*])$/u;
/** Web and mail addresses: one token whatever their punctuation. */
const ADDRESS = /^(?:(?:https?|ftp):\/\/|www\.)\S+$|^[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}$/iu;
/**
 * Points inside a written token where it is cut: most punctuation; a comma, a colon or a period
 * only where not between digits (`1,000`, `12:30`, `9.000` stay whole); a slash between lower-case
 * words (`and/or`, `dan/atau`); an ampersand not inside a capitalised acronym (`AT&T` stays whole);
 * a currency sign before a number; a percent sign after one.
 */
const INNER_CUT = /[!?]+|[;"“”«»()[\]{}…]|\.{2,}|-{2,}|(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)|(?<=\p{L}{2})\/(?=\p{L}{2})|(?<!\p{Lu})&|&(?!\p{Lu})|^[$€£¥](?=\d)|^Rp\.?(?=\d)|(?<=\d)%/gu;
/** A hyphen between words, for languages that split them. */
const HYPHEN_CUT = /(?<=\p{L})-(?=[\p{L}\d])|(?<=\d)-(?=\p{L})/gu;
/** A range of two numbers ("30-35", "1990-1995"), cut at its hyphen; phone numbers ("713-853-3989", "646-8420") stay whole. */
const NUMBER_RANGE = /^(?!\d{3}-\d{4}$)\d{1,4}-\d{1,4}$/u;
/** Words of the form "U.S" or "Ph.D" (before their last period): the period stays with them. */
const DOTTED = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;

/**
 * Cuts a sentence into the syntactic words of the language's UD treebank (EWT for English; GSD
 * and CSUI for Indonesian): punctuation split off, clitics split from their host as multiword
 * tokens (`'s`, `n't` in English; `-nya`, `-lah`, `-kah`, `-pun` in Indonesian), web addresses,
 * numbers and abbreviations kept whole.
 */
export function tokenize(text: string, lang: Language): Token[] {
  const rules = LANGUAGES[lang].tokenizer;
  const tokens: Token[] = [];
  let written = 0;
  // Where a capital letter says nothing of a name: the first word, and the first after an opening quote or bracket.
  let capitalIsNeutral = true;
  for (const chunk of text.matchAll(/\S+/gu)) {
    for (const [start, end] of pieces(chunk[0], rules)) {
      const offset = chunk.index + start;
      const piece = text.slice(offset, chunk.index + end);
      let at = offset;
      const lengths = syntacticWords(piece, rules, capitalIsNeutral);
      capitalIsNeutral = OPENING.test(piece) && piece.length <= 2;
      for (const length of lengths) {
        tokens.push({ form: text.slice(at, at + length), start: at, end: at + length, token: written });
        at += length;
      }
      written += 1;
    }
  }
  return tokens;
}

/** Cuts a whitespace-free chunk into written tokens: [start, end) pairs within the chunk. */
function pieces(chunk: string, rules: TokenizerRules): [number, number][] {
  let start = 0;
  let end = chunk.length;
  const front: [number, number][] = [];
  const back: [number, number][] = [];
  for (let opening = OPENING.exec(chunk); opening && start < end; opening = OPENING.exec(chunk.slice(start, end))) {
    front.push([start, start + opening[0].length]);
    start += opening[0].length;
  }
  for (let closing = CLOSING.exec(chunk.slice(start, end)); closing && end > start; closing = CLOSING.exec(chunk.slice(start, end))) {
    if (closing[0] === '.' && keepsPeriod(chunk.slice(start, end - 1), rules)) break;
    back.unshift([end - closing[0].length, end]);
    end -= closing[0].length;
  }
  const middle = start < end ? cutInside(chunk.slice(start, end), rules).map(([from, to]): [number, number] => [start + from, start + to]) : [];
  return [...front, ...middle, ...back];
}

/** Whether a word's final period is part of it: an abbreviation, an initial, "U.S.". */
function keepsPeriod(word: string, rules: TokenizerRules): boolean {
  if (word === '' || /[.]$/u.test(word)) return false;
  return rules.abbreviations.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || DOTTED.test(word);
}

/** Cuts the core of a written token (its outer punctuation gone) at inner punctuation and hyphens. */
function cutInside(core: string, rules: TokenizerRules): [number, number][] {
  if (ADDRESS.test(core)) return [[0, core.length]];
  const result: [number, number][] = [];
  let from = 0;
  const cutAt = (index: number, length: number) => {
    if (index > from) result.push([from, index]);
    result.push([index, index + length]);
    from = index + length;
  };
  for (const match of core.matchAll(INNER_CUT)) cutAt(match.index, match[0].length);
  if (from < core.length) result.push([from, core.length]);
  return result.flatMap(([start, end]) => cutHyphens(core.slice(start, end), rules).map(([a, b]): [number, number] => [start + a, start + b]));
}

/**
 * Cuts a word at its hyphens where the treebank does: before a clitic in any language ("PPh-nya"
 * → "PPh", "-", "nya"); between numbers of a range; and, in a language that splits hyphens,
 * between words unless the first part is a prefix ("long-term" → three, "anti-war" one).
 */
function cutHyphens(word: string, rules: TokenizerRules): [number, number][] {
  const cuts: number[] = [];
  const hyphen = word.lastIndexOf('-');
  const cliticAfter = hyphen > 0 && rules.clitics.some((clitic) => word.slice(hyphen + 1).toLowerCase() === clitic.suffix);
  if (cliticAfter) cuts.push(hyphen);
  else if (NUMBER_RANGE.test(word)) cuts.push(word.indexOf('-'));
  else if (rules.splitHyphens) {
    for (const match of word.matchAll(HYPHEN_CUT)) {
      const before = word.slice(0, match.index).toLowerCase();
      if (!(cuts.length === 0 && rules.hyphenPrefixes.has(before))) cuts.push(match.index);
    }
  }
  const result: [number, number][] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut > from) result.push([from, cut]);
    result.push([cut, cut + 1]);
    from = cut + 1;
  }
  if (from < word.length) result.push([from, word.length]);
  return result;
}

/**
 * The lengths of the syntactic words of one written token (one length when it is not split).
 * `capitalIsNeutral`: the token stands where any word is capitalised (see {@link CliticRule.lowercase}).
 */
function syntacticWords(written: string, rules: TokenizerRules, capitalIsNeutral: boolean): number[] {
  const lower = written.toLowerCase().replaceAll('’', "'");
  const special = rules.specialWords.get(lower);
  if (special) return [...special];
  if (isWhole(lower, rules)) return [written.length];
  for (const clitic of rules.clitics) {
    const stemLength = written.length - clitic.suffix.length;
    if (stemLength < clitic.minStem || !lower.endsWith(clitic.suffix)) continue;
    const stem = lower.slice(0, stemLength);
    if (!/\p{L}$/u.test(stem)) continue;
    if (clitic.lowercase && !capitalIsNeutral && written !== written.toLowerCase()) continue;
    if (clitic.after && !clitic.after.includes(stem)) continue;
    // A stem may carry a clitic of its own: "dirinyalah" = "diri" + "nya" + "lah".
    return [...syntacticWords(written.slice(0, stemLength), rules, capitalIsNeutral), clitic.suffix.length];
  }
  return [written.length];
}

/** Whether a word, or the last part of a reduplicated one ("sekolah-sekolah"), stays whole. */
function isWhole(lower: string, rules: TokenizerRules): boolean {
  if (rules.wholeWords.has(lower)) return true;
  const hyphen = lower.lastIndexOf('-');
  return hyphen >= 0 && rules.wholeWords.has(lower.slice(hyphen + 1));
}

import type { GlossaryEntry } from '../model.js';

/** Whether a token is an acronym: 2–10 letters and digits starting with a capital, mostly capitals ("NATO", "G20", "SoC"). */
function isAcronym(token: string): boolean {
  if (!/^\p{Lu}[\p{L}\d&]{1,9}$/u.test(token)) return false;
  const capitals = token.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && capitals * 2 >= token.length;
}

/** Words that may sit inside a long form without giving it a letter ("Ministry of Defense"). */
const LINKING_WORDS = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'to', 'de', 'dan', 'untuk', 'bagi', 'dari', 'di', 'atas']);

/** `Long Form (ACR)` and `ACR (Long Form)`. */
const PARENTHESIS = /\(([^()]{1,120})\)/gu;

/**
 * Collects the acronyms a text defines, in both orders: "Pakta Pertahanan Atlantik Utara (NATO)"
 * and "NATO (North Atlantic Treaty Organization)". The long form is found by matching the acronym's
 * letters to word starts (Schwartz and Hearst's rule); where they do not match — an acronym kept
 * from another language, as NATO in Indonesian — the run of capitalised words before it counts.
 * The first definition of each term wins.
 */
export function findAcronyms(sentences: readonly string[]): GlossaryEntry[] {
  const found = new Map<string, string>();
  for (const sentence of sentences) {
    for (const match of sentence.matchAll(PARENTHESIS)) {
      const inside = match[1]!.trim();
      const entry = isAcronym(inside) ? longFormBefore(inside, sentence, match.index) : shortFormBefore(inside, sentence, match.index);
      if (entry && !found.has(entry.term)) found.set(entry.term, entry.expansion);
    }
  }
  return [...found].map(([term, expansion]) => ({ term, expansion }));
}

/** The longest word a long form is read across: a longer one is a run of symbols, not a word, and ends it. */
const MAX_WORD_LENGTH = 64;

/**
 * The last `count` words of `text` before `end`, read backwards from `end`, so that the cost of a
 * parenthesis does not grow with the length of its sentence; a word longer than
 * {@link MAX_WORD_LENGTH} ends the list.
 */
function wordsBefore(text: string, end: number, count: number): string[] {
  const words: string[] = [];
  let position = end;
  while (words.length < count) {
    while (position > 0 && isSpace(text, position - 1)) position -= 1;
    const wordEnd = position;
    while (position > 0 && !isSpace(text, position - 1) && wordEnd - position <= MAX_WORD_LENGTH) position -= 1;
    if (position === wordEnd || wordEnd - position > MAX_WORD_LENGTH) break;
    words.unshift(text.slice(position, wordEnd));
  }
  return words;
}

/** Whether the character at `index` is white space (`\s`), told without a pattern for ASCII. */
function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : /\s/u.test(text[index]!);
}

/** "…, Pakta Pertahanan Atlantik Utara" before "(NATO)" at `end` of `sentence`. */
function longFormBefore(term: string, sentence: string, end: number): GlossaryEntry | undefined {
  const window = wordsBefore(sentence, end, Math.min(term.length + 5, term.length * 2));
  const matched = matchLetters(term, window);
  if (matched) return { term, expansion: matched };
  const capitalised = capitalisedRun(window);
  return capitalised ? { term, expansion: capitalised } : undefined;
}

/** "NATO" before "(North Atlantic Treaty Organization)" at `end` of `sentence`. */
function shortFormBefore(inside: string, sentence: string, end: number): GlossaryEntry | undefined {
  const [last] = wordsBefore(sentence, end, 1);
  const term = last === undefined ? undefined : trimNonWord(last, TRAILING_NON_WORD);
  if (!term || !isAcronym(term)) return undefined;
  const words = inside.replace(/^(or|atau|yaitu|i\.e\.|alias)\s+/iu, '').split(/\s+/u);
  if (words.length < 2) return undefined;
  const expansion = matchLetters(term, words) ?? capitalisedRun(words);
  return expansion && expansion.split(/\s+/u).length === words.length ? { term, expansion } : undefined;
}

/**
 * Schwartz and Hearst's long-form match: reading the acronym and the words backwards, every letter
 * of the acronym must appear in order, and its first letter must start a word. Returns the words
 * from that word on.
 */
function matchLetters(term: string, words: readonly string[]): string | undefined {
  const longForm = trimNonWord(words.join(' '), TRAILING_NON_WORD_OR_APOSTROPHE);
  const short = term.toLowerCase();
  const long = longForm.toLowerCase();
  let shortIndex = short.length - 1;
  let longIndex = long.length - 1;
  while (shortIndex >= 0) {
    const char = short[shortIndex]!;
    if (!/[\p{L}\d]/u.test(char)) {
      shortIndex -= 1;
      continue;
    }
    while (longIndex >= 0 && (long[longIndex] !== char || (shortIndex === 0 && longIndex > 0 && /[\p{L}\d]/u.test(long[longIndex - 1]!)))) {
      longIndex -= 1;
    }
    if (longIndex < 0) return undefined;
    longIndex -= 1;
    shortIndex -= 1;
  }
  const start = longForm.lastIndexOf(' ', longIndex) + 1;
  const expansion = longForm.slice(start).replace(/^[^\p{L}\d]+/u, '');
  return expansion.split(' ').length >= 2 || term.length <= expansion.length / 2 ? expansion : undefined;
}

/** The run of capitalised words (linking words allowed inside) that ends the list; two words at least. */
function capitalisedRun(words: readonly string[]): string | undefined {
  const run: string[] = [];
  for (const raw of [...words].reverse()) {
    const word = cleanWord(raw);
    // A word that ends in punctuation closes an earlier phrase ("(PBB), Pakta …").
    if (run.length > 0 && /[,;:.)]$/u.test(raw)) break;
    if (/^\p{Lu}/u.test(word)) run.unshift(word);
    else if (LINKING_WORDS.has(word.toLowerCase()) && run.length > 0) run.unshift(word);
    else break;
  }
  while (run.length > 0 && LINKING_WORDS.has(run[0]!.toLowerCase())) run.shift();
  return run.length >= 2 ? run.join(' ') : undefined;
}

function cleanWord(word: string): string {
  return trimNonWord(word, TRAILING_NON_WORD_OR_APOSTROPHE);
}

/**
 * What a trailing run of non-word characters is: with or without the apostrophes that may end a
 * word ("Ministers’"). Only the start of such a run is tried (the lookbehind), so that a long run
 * followed by a letter costs its length once, not its square.
 */
const TRAILING_NON_WORD = /(?<![^\p{L}\d])[^\p{L}\d]+$/u;
const TRAILING_NON_WORD_OR_APOSTROPHE = /(?<![^\p{L}\d’'])[^\p{L}\d’']+$/u;

/** `text` without the non-word characters at its start and the `trailing` run at its end. */
function trimNonWord(text: string, trailing: RegExp): string {
  return text.replace(/^[^\p{L}\d]+/u, '').replace(trailing, '');
}

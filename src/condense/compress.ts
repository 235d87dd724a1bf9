import type { Language } from '../model.js';
import { STOPWORDS } from '../stopwords.js';

/** Sentence openers that link to the previous sentence and mean nothing on a slide. */
const LEADING_CONNECTIVES: Record<Language, readonly string[]> = {
  id: [
    'namun', 'akan tetapi', 'tetapi', 'selain itu', 'oleh karena itu', 'oleh sebab itu', 'karena itu',
    'dengan demikian', 'misalnya', 'contohnya', 'sebagai contoh', 'di sisi lain', 'sementara itu',
    'selanjutnya', 'kemudian', 'bahkan', 'meski demikian', 'meskipun demikian', 'walaupun demikian',
    'sebaliknya', 'pada akhirnya', 'akhirnya', 'ke depan', 'di masa depan', 'dalam hal ini',
    'dengan kata lain', 'penting juga', 'jadi', 'maka', 'lalu',
  ],
  en: [
    'however', 'in addition', 'additionally', 'moreover', 'furthermore', 'therefore', 'thus', 'hence',
    'for example', 'for instance', 'on the other hand', 'meanwhile', 'in contrast', 'consequently',
    'as a result', 'nevertheless', 'nonetheless', 'finally', 'also', 'indeed', 'in fact', 'still',
    'then', 'so', 'but', 'and',
  ],
};

/** Words that open a subordinate clause: a bullet cut down to one would lack its main clause. */
const SUBORDINATORS: Record<Language, RegExp> = {
  id: /^(meskipun|walaupun|walau|biarpun|setelah|sesudah|sebelum|ketika|saat|sejak|jika|apabila|bila|kalau|karena|sebab|agar|supaya|sehingga|dengan|untuk|dalam|bagi|seperti|sementara|selama|hingga|sampai|yang|di|pada|dari|ke|menurut|oleh)\b/iu,
  en: /^(although|though|even though|while|whereas|when|whenever|after|before|since|until|if|unless|because|as|so that|with|for|in|by|like|which|who|at|on|from|to|according to)\b/iu,
};

/** Words that continue a list: a cut right before one leaves the list half told. */
const LIST_CONTINUATION = /^(dan|atau|serta|maupun|and|or|nor)\b/iu;

/** Clause boundaries: a comma or semicolon before a space, and their CJK forms, which need no space after them. */
const CLAUSE_BOUNDARY = /[,;] |[、，；]/gu;

/** Longer than any word {@link LIST_CONTINUATION} or a subordinator is, with the character after it. */
const LEAD_WORD_REACH = 32;

/**
 * The longest prefix of `text` that ends at a clause boundary (comma or semicolon), fits the word
 * budget, reads as a main clause, and does not stop in the middle of an enumeration. Every test
 * looks at a few characters around one boundary and the word counts of all prefixes come from one
 * pass, so that a sentence with 50,000 commas costs its length, not its length times its commas.
 */
function clauseCut(text: string, options: CompressOptions): string | undefined {
  // Where each boundary starts and ends, and the last comma or semicolon before a space (not a CJK
  // mark) at or before it: plain arrays of numbers, as a sentence may have hundreds of thousands.
  const starts: number[] = [];
  const ends: number[] = [];
  const lastAscii: number[] = [];
  for (const match of text.matchAll(CLAUSE_BOUNDARY)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
    lastAscii.push(match[0].length === 2 ? starts.length - 1 : (lastAscii.at(-1) ?? -1));
  }
  const words = prefixWordCounts(text, starts);
  const keptStart = skipSpaces(text, 0, text.length);
  const subordinate = startsWith(SUBORDINATORS[options.lang], text, keptStart, text.length);

  for (let index = starts.length - 1; index >= 0; index -= 1) {
    if (words[index]! > options.maxWords) continue;
    const at = starts[index]!;
    // What the cut removes, up to its next two clauses, must not go on with a list.
    if (startsWith(LIST_CONTINUATION, text, ends[index]!, starts[index + 1] ?? text.length)) continue;
    if (index + 1 < starts.length && startsWith(LIST_CONTINUATION, text, ends[index + 1]!, starts[index + 2] ?? text.length)) continue;
    // A subordinate lead-in ("Meskipun …", "Dengan A, B, serta C") is not a statement on its own:
    // the main clause comes after it. Without a comma, or when the kept part ends on the last item
    // of a list, all that was kept is the lead-in.
    let keptEnd = at;
    while (keptEnd > keptStart && /\s/u.test(text[keptEnd - 1]!)) keptEnd -= 1;
    if (subordinate && startsWith(SUBORDINATORS[options.lang], text, keptStart, keptEnd)) {
      let comma = lastAscii[index - 1] ?? -1;
      // A comma whose space was trimmed off the end of the kept part is not inside it.
      if (comma >= 0 && ends[comma]! > keptEnd) comma = lastAscii[comma - 1] ?? -1;
      if (comma < 0 || startsWith(LIST_CONTINUATION, text, ends[comma]!, keptEnd)) continue;
    }
    return text.slice(0, at).trim();
  }
  return undefined;
}

/** Whether the text between `start` and `end`, leading spaces skipped, opens with `pattern` (anchored with `^`). */
function startsWith(pattern: RegExp, text: string, start: number, end: number): boolean {
  const from = skipSpaces(text, start, end);
  return pattern.test(text.slice(from, Math.min(end, from + LEAD_WORD_REACH)));
}

/** The first position from `start` (before `end`) that is not a space. */
function skipSpaces(text: string, start: number, end: number): number {
  let position = start;
  while (position < end && /\s/u.test(text[position]!)) position += 1;
  return position;
}

/**
 * {@link wordCount} of `text.slice(0, cut).trim()` for each of the ascending positions `cuts`, in
 * one pass over the text.
 */
function prefixWordCounts(text: string, cuts: readonly number[]): number[] {
  const counts: number[] = [];
  let done = 0;
  let inWord = false;
  let unspaced = 0;
  let cut = 0;
  const wordCost = () => (unspaced > 0 ? Math.max(1, Math.ceil(unspaced / 2)) : 1);
  for (let position = 0; position <= text.length && cut < cuts.length; ) {
    while (cut < cuts.length && cuts[cut] === position) {
      counts.push(done + (inWord ? wordCost() : 0));
      cut += 1;
    }
    if (position === text.length) break;
    const point = text.codePointAt(position)!;
    const width = point > 0xffff ? 2 : 1;
    // Below U+0E00 (Thai) no character is of a script written without spaces, and ASCII needs no pattern to tell a space.
    const character = point < 0x80 ? undefined : text.slice(position, position + width);
    if (character === undefined ? point === 0x20 || (point >= 0x09 && point <= 0x0d) : /\s/u.test(character)) {
      if (inWord) done += wordCost();
      inWord = false;
      unspaced = 0;
    } else {
      inWord = true;
      if (point >= 0x0e00 && UNSPACED_CHARACTER.test(character!)) unspaced += 1;
    }
    position += width;
  }
  return counts;
}

/** Pronouns whose referent is in an earlier sentence or clause. */
export const DANGLING_PRONOUN = /^(ia|dia|mereka|beliau|itu|ini|hal ini|hal itu|he|she|it|they|this|these|those|that)\b/iu;

/** Budget for one bullet. */
export interface CompressOptions {
  lang: Language;
  maxWords: number;
}

/**
 * Shortens a sentence into a bullet by deletion only: drops a leading connective, parenthetical
 * asides, and — when still over budget — trailing clauses at commas or semicolons. Capitalises the
 * first letter and drops the final period. Returns `undefined` when no cut at a clause boundary
 * fits the budget, so that the caller picks another sentence instead of cutting mid-phrase.
 */
export function compressSentence(sentence: string, options: CompressOptions): string | undefined {
  let text = stripLeadingConnective(sentence.trim(), options.lang);
  text = stripAttribution(text, options.lang);
  text = text.replace(INLINE_ASIDE[options.lang], ' ');
  // A parenthetical goes with the space before it; one glued to the next word ("(CNN)Guilty")
  // leaves a space so that the words stay apart. (Each pattern that starts with a run of spaces or
  // ends the text with a run of marks tries only the run's first character, through a lookbehind:
  // tried from each character of a long run, it would read the rest of the run every time.)
  text = text.replace(/(?<!\s)\s*\([^()]*\)(?=[\p{L}\p{N}])/gu, ' ').replace(/(?<!\s)\s*\([^()]*\)/gu, '').replace(/(?<!\s)\s+([,.;:!?])/gu, '$1').trim();
  text = text.replace(/(?<![.;:,。．！])[.;:,。．！]+$/u, '').trim();
  // Cuts for sentences over budget, mildest first: examples at the end, then a subordinate lead-in,
  // then trailing clauses. The first that fits wins.
  for (const shorten of [(t: string) => t, dropTrailingExamples, dropLeadIn]) {
    const shorter = shorten(text, options.lang);
    if (shorter !== text && wordCount(shorter) < MIN_WORDS) continue;
    text = shorter;
    if (wordCount(text) <= options.maxWords) return finish(text);
  }
  const cut = clauseCut(text, options) ?? phraseCut(text, options);
  return cut === undefined ? undefined : finish(cut);
}

/** Words that open a phrase attached to what precedes it: a prepositional phrase, a relative or adverbial clause. */
const PHRASE_OPENERS: Record<Language, ReadonlySet<string>> = {
  id: new Set([
    'yang', 'dalam', 'pada', 'di', 'ke', 'dari', 'untuk', 'dengan', 'demi', 'karena', 'sehingga', 'agar', 'supaya',
    'setelah', 'sebelum', 'ketika', 'saat', 'sejak', 'hingga', 'sampai', 'terhadap', 'tentang', 'melalui', 'oleh',
    'bagi', 'atas', 'serta', 'namun', 'sedangkan', 'sementara', 'meski', 'meskipun', 'walaupun', 'selama', 'menjelang',
  ]),
  en: new Set([
    'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'after', 'before', 'because', 'since', 'although',
    'though', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'during', 'amid', 'despite', 'following', 'as', 'until', 'without',
  ]),
};

/** Correlatives whose second half must stay: "tidak hanya … tetapi juga", "not only … but also", "baik … maupun". */
const OPEN_CORRELATIVE = /\b(tidak hanya|bukan hanya|tak hanya|baik|not only|both|either|neither)\b/iu;

/** The fewest words a phrase cut may leave: a subject, a verb and an object at least. */
const MIN_PHRASE_CUT_WORDS = 5;

/**
 * The longest prefix that fits the budget and ends where an attached phrase begins ("… menyesalkan
 * kisruh | yang terjadi …", "… was found | in the unit …"): a phrase boundary, never the middle of
 * one. The prefix must not end on a function word or leave a correlative half told.
 */
function phraseCut(text: string, options: CompressOptions): string | undefined {
  const tokens = text.split(/\s+/u);
  const stopwords = STOPWORDS[options.lang];
  for (let end = Math.min(options.maxWords, tokens.length - 1); end >= MIN_PHRASE_CUT_WORDS; end -= 1) {
    const next = tokens[end]!.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (!PHRASE_OPENERS[options.lang].has(next)) continue;
    const kept = tokens.slice(0, end).join(' ').replace(/(?<![,;:])[,;:]+$/u, '');
    const last = tokens[end - 1]!.toLowerCase().replace(/[^\p{L}\d-]/gu, '');
    if (stopwords.has(last) || OPEN_CORRELATIVE.test(kept)) continue;
    // A subordinate clause alone ("Meskipun aliansi … berkontribusi") is only a lead-in.
    if (SUBORDINATORS[options.lang].test(kept) && !/[,;] /u.test(kept)) continue;
    // An unclosed quotation or parenthesis would be cut in half.
    if ((kept.match(/["“”]/gu)?.length ?? 0) % 2 === 1 || (kept.match(/\(/gu)?.length ?? 0) !== (kept.match(/\)/gu)?.length ?? 0)) continue;
    return kept;
  }
  return undefined;
}

/** Fewer words than this is a fragment, not a statement. */
const MIN_WORDS = 3;

function finish(text: string): string | undefined {
  let bullet = text.replace(/(?<![.;:,。．、，；])[.;:,。．、，；]+$/u, '').trim();
  // A cut that took a quotation's closing mark takes its opening mark too; any other unpaired
  // mark means the cut fell inside a quotation.
  if ((bullet.match(/["“”]/gu)?.length ?? 0) % 2 === 1) {
    if (!/^["“]/u.test(bullet)) return undefined;
    bullet = bullet.replace(/^["“]\s*/u, '');
  }
  return wordCount(bullet) < MIN_WORDS ? undefined : capitalise(bullet);
}

/** Asides set off by commas inside a sentence: "NATO, misalnya, awalnya …". */
const INLINE_ASIDE: Record<Language, RegExp> = {
  id: /,\s*(misalnya|contohnya|sebagai contoh|tentu saja|pada dasarnya|bagaimanapun)\s*,\s*/giu,
  en: /,\s*(for example|for instance|of course|however|in fact|moreover|in turn)\s*,\s*/giu,
};

/**
 * Words that introduce examples: a short list of them at the end of a sentence can go. Matched
 * only after the sentence's last semicolon, where `[^;]*$` cannot fail: before it, every opener
 * would read on to the semicolon and fail there.
 */
const EXAMPLE_OPENER: Record<Language, RegExp> = {
  id: /(?<!\s)\s+(seperti|misalnya|antara lain|termasuk|contohnya)\s+([^;]*)$/iu,
  en: /(?<!\s)\s+(such as|including|like|for example|e\.g\.)\s+([^;]*)$/iu,
};

/** Words that mark a predicate: an "example" phrase holding one is really the rest of the sentence. */
const PREDICATE_MARKERS: Record<Language, RegExp> = {
  id: /\b(dapat|akan|telah|sudah|sedang|harus|juga|adalah|merupakan|menjadi|bisa|mampu|tidak|perlu|masih)\b/iu,
  en: /\b(is|are|was|were|will|can|could|should|would|has|have|had|also|may|must|do|does|did)\b/iu,
};

/** The longest example list that is dropped whole. */
const MAX_EXAMPLE_WORDS = 8;

/** "…tantangan baru seperti misi perdamaian dan operasi antiterorisme" → "…tantangan baru". */
function dropTrailingExamples(text: string, lang: Language): string {
  const tail = text.lastIndexOf(';') + 1;
  const match = EXAMPLE_OPENER[lang].exec(text.slice(tail));
  if (!match || wordCount(match[2]!) > MAX_EXAMPLE_WORDS || PREDICATE_MARKERS[lang].test(match[2]!)) return text;
  return text.slice(0, tail + match.index).trim();
}

/**
 * "Dengan kerja sama yang erat, dunia dapat …" → "dunia dapat …": the main clause without its
 * subordinate lead-in. When the lead-in is itself a list ("Dengan A, B, serta C, dunia …"), the
 * main clause starts after the segment that closes the list.
 */
function dropLeadIn(text: string, lang: Language): string {
  if (!SUBORDINATORS[lang].test(text)) return text;
  const segments = text.split(', ');
  if (segments.length < 2) return text;
  const closing = segments.findIndex((segment, index) => index > 0 && index < segments.length - 1 && LIST_CONTINUATION.test(segment));
  const start = closing > 0 ? closing + 1 : 1;
  const main = segments.slice(start).join(', ').trim();
  // "Meskipun aliansi …, mereka juga …": the lead-in names whom "mereka" means; keep it.
  return DANGLING_PRONOUN.test(main) ? text : main;
}

/** Who said it: a trailing "…, kata X." / "…, he said." or a leading "Menurut X," / "According to X,". */
const TRAILING_ATTRIBUTION: Record<Language, RegExp> = {
  id: /,["”’]?\s+(kata|ujar|ucap|tutur|jelas|tambah|ungkap|imbuh|terang|sebut|papar|lanjut)(nya)?\b[^,]{0,80}[.!]?$/iu,
  en: /,["”’]?\s+([\p{L}.'’-]+\s+){0,4}(said|says|told|added|explained|according to)\b[^,]{0,80}[.!]?$/iu,
};
const LEADING_ATTRIBUTION: Record<Language, RegExp> = {
  id: /^(menurut|kata|dikutip dari|mengutip)\s[^,]{1,60},\s*/iu,
  en: /^(according to)\s[^,]{1,60},\s*/iu,
};

/**
 * Removes an attribution ("…," ujarnya / "Menurut X, …") so that the claim itself is the bullet;
 * a quotation left whole by it loses its quotation marks.
 */
function stripAttribution(text: string, lang: Language): string {
  let stripped = text.replace(LEADING_ATTRIBUTION[lang], '');
  const trailing = TRAILING_ATTRIBUTION[lang].exec(stripped);
  if (trailing) {
    const claim = stripped.slice(0, trailing.index).trim();
    stripped = /^["“].*$/u.test(claim) ? claim.replace(/^["“]\s*/u, '').replace(/(?<![,\s])[,\s]+$/u, '') : claim;
  }
  return stripped;
}

function stripLeadingConnective(text: string, lang: Language): string {
  const lower = text.toLowerCase();
  for (const connective of LEADING_CONNECTIVES[lang]) {
    if (lower.startsWith(`${connective},`)) return text.slice(connective.length + 1).trim();
  }
  return text;
}

/** A character of a script written without spaces between words. */
const UNSPACED_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * Words as a reader counts them: runs of non-space characters — except in Chinese, Japanese,
 * Korean and Thai, written without spaces, where every two characters count as a word (their
 * average word length), so that budgets mean the same amount of text in every language.
 */
export function wordCount(text: string): number {
  return prefixWordCounts(text, [text.length])[0]!;
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}

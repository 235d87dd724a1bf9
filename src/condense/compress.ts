import type { Language } from '../model.js';

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
  text = text.replace(/\s*\([^()]*\)/gu, '').replace(/\s+([,.;:!?])/gu, '$1');
  text = text.replace(/[.;:,]+$/u, '').trim();
  if (wordCount(text) > options.maxWords) {
    const cut = clauseCut(text, options);
    if (cut === undefined) return undefined;
    text = cut;
  }
  // A fragment of two words is not a statement.
  if (wordCount(text) < 3) return undefined;
  return capitalise(text);
}

/** Words that open a subordinate clause: a bullet cut down to one would lack its main clause. */
const SUBORDINATORS: Record<Language, RegExp> = {
  id: /^(meskipun|walaupun|walau|biarpun|setelah|sesudah|sebelum|ketika|saat|sejak|jika|apabila|bila|kalau|karena|sebab|agar|supaya|sehingga|dengan|untuk|dalam|bagi|seperti|sementara|selama|hingga|sampai|yang|di|pada|dari|ke|menurut|oleh)\b/iu,
  en: /^(although|though|even though|while|whereas|when|whenever|after|before|since|until|if|unless|because|as|so that|with|for|in|by|like|which|who|at|on|from|to|according to)\b/iu,
};

/** Words that continue a list: a cut right before one leaves the list half told. */
const LIST_CONTINUATION = /^(dan|atau|serta|maupun|and|or|nor)\b/iu;

/**
 * The longest prefix of `text` that ends at a clause boundary (comma or semicolon), fits the word
 * budget, reads as a main clause, and does not stop in the middle of an enumeration.
 */
function clauseCut(text: string, options: CompressOptions): string | undefined {
  const boundaries = [...text.matchAll(/[,;] /gu)].map((match) => match.index).reverse();
  for (const boundary of boundaries) {
    const kept = text.slice(0, boundary).trim();
    if (wordCount(kept) > options.maxWords) continue;
    const removed = text.slice(boundary + 2).split(/[,;] /u).slice(0, 2);
    if (removed.some((segment) => LIST_CONTINUATION.test(segment.trim()))) continue;
    // A subordinate lead-in ("Meskipun …", "Dengan A, B, serta C") is not a statement on its own:
    // the main clause comes after it. Without a comma, or when the kept part ends on the last item
    // of a list, all that was kept is the lead-in.
    const lastSegment = kept.split(/[,;] /u).at(-1)!.trim();
    if (SUBORDINATORS[options.lang].test(kept) && (!/[,;] /u.test(kept) || LIST_CONTINUATION.test(lastSegment))) continue;
    return kept;
  }
  return undefined;
}

function stripLeadingConnective(text: string, lang: Language): string {
  const lower = text.toLowerCase();
  for (const connective of LEADING_CONNECTIVES[lang]) {
    if (lower.startsWith(`${connective},`)) return text.slice(connective.length + 1).trim();
  }
  return text;
}

/** Words as a reader counts them: runs of non-space characters. */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

function capitalise(text: string): string {
  return text.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase());
}

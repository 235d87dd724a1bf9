/**
 * English: what the language-specific stages need to know, as data. So far the syntax stage's
 * tokeniser rules, as the UD English Web Treebank (EWT) tokenises.
 */
import type { ConclusionCues, TokenizerRules } from './types.js';

/** Contractions written without their apostrophe, which EWT still splits: "dont" = "do" + "nt". */
const APOSTROPHE_LESS = ['didnt', 'doesnt', 'dont', 'isnt', 'wasnt', 'arent', 'werent', 'couldnt', 'wouldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt'];

/** English tokenisation as EWT has it. */
export const tokenizer: TokenizerRules = {
  clitics: [
    { suffix: "n't", minStem: 1 },
    { suffix: "'s", minStem: 1 },
    { suffix: "'re", minStem: 1 },
    { suffix: "'ve", minStem: 1 },
    { suffix: "'ll", minStem: 1 },
    { suffix: "'d", minStem: 1 },
    { suffix: "'m", minStem: 1 },
  ],
  wholeWords: new Set(),
  specialWords: new Map<string, readonly number[]>([
    ['cannot', [3, 3]],
    ['gonna', [3, 2]],
    ['wanna', [3, 2]],
    ['gotta', [3, 2]],
    ['cant', [2, 2]],
    ['wont', [2, 2]],
    ...APOSTROPHE_LESS.map((word): [string, number[]] => [word, [word.length - 2, 2]]),
  ]),
  // EWT writes "long-term" as "long", "-", "term", but keeps words with a prefix whole.
  splitHyphens: true,
  hyphenPrefixes: new Set(['anti', 'co', 'counter', 'e', 'ex', 'mid', 'multi', 'non', 'post', 'pre', 'pro', 're', 'semi']),
  abbreviations: new Set([
    'a.m', 'p.m', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp',
    'vs', 'etc', 'no', 'gen', 'gov', 'lt', 'rev', 'sen', 'rep', 'reps', 'ft', 'mt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'v', 'mon', 'tue', 'wed', 'thu', 'thur', 'fri', 'sat', 'sun', 'approx', 'dept', 'est', 'fig', 'vol', 'attn',
  ]),
};

/** How an English article marks its conclusion (see `closingPart` in the condense stage). */
export const conclusionCues: ConclusionCues = {
  headings: new Set(['conclusion', 'conclusions', 'concluding', 'summary', 'outlook']),
  openers: ['in conclusion', 'in short', 'in sum', 'in summary', 'to sum up', 'to conclude', 'all in all', 'overall', 'ultimately'],
  backMatter: new Set(['acknowledgements', 'acknowledgments', 'acknowledgement', 'acknowledgment', 'references', 'bibliography', 'appendix', 'appendices']),
};

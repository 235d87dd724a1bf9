/**
 * Indonesian: what the language-specific stages need to know, as data. So far the syntax stage's
 * tokeniser rules; the stages read them from here rather than restating them.
 */
import type { ConclusionCues, TokenizerRules } from './types.js';

/**
 * Adverbs and other words that end in a clitic's letters but that the UD Indonesian treebanks (GSD,
 * CSUI) keep as one word: mostly `se-…-nya` adverbs and lexicalised `-nya` forms, and words whose
 * `-lah`, `-kah` or `-pun` is part of the stem. Taken from the words both treebanks leave unsplit
 * more often than they split them, less annotation slips, plus a few of the same kind.
 */
const WHOLE_WORDS = [
  // -nya
  'agaknya', 'akhirnya', 'berikutnya', 'bertanya', 'biasanya', 'contohnya', 'diantaranya', 'ditanya', 'hanya', 'hendaknya',
  'kesemuanya', 'khususnya', 'kiranya', 'lainnya', 'makanya', 'menanya', 'mestinya', 'misalnya', 'nampaknya', 'nya',
  'pastinya', 'punya', 'rupanya', 'seadanya', 'seandainya', 'sebaiknya', 'sebaliknya', 'sebelumnya', 'sebenarnya',
  'sedikitnya', 'seharusnya', 'selanjutnya', 'selengkapnya', 'seluruhnya', 'semestinya', 'sepatutnya', 'sepenuhnya',
  'sepertinya', 'sesampainya', 'sesungguhnya', 'setidaknya', 'seyogianya', 'seyogyanya', 'tampaknya', 'tanya', 'umumnya',
  // -lah
  'abdullah', 'adalah', 'allah', 'belah', 'berjumlah', 'bermasalah', 'bersalah', 'bersekolah', 'celah', 'diolah', 'ialah',
  'istilah', 'jumlah', 'kalah', 'lelah', 'majalah', 'malah', 'masalah', 'mengalah', 'mengolah', 'olah', 'pengolah',
  'salah', 'salasilah', 'sebelah', 'sejumlah', 'sekolah', 'seolah', 'setelah', 'silsilah', 'telah', 'terbelah', 'terolah', 'ulah',
  // -kah
  'langkah', 'melangkah', 'menikah', 'naskah', 'nikah', 'paskah', 'sedekah', 'tingkah', 'merekah',
  // -pun
  'adapun', 'ampun', 'biarpun', 'dihimpun', 'himpun', 'kendatipun', 'maupun', 'meskipun', 'menghimpun', 'rumpun',
  'sungguhpun', 'terhimpun', 'walaupun',
];

/** Prepositions after which `-ku` and `-mu` are the pronouns "me" and "you" (`kepadaku`, `bagimu`). */
const PERSONAL_AFTER = ['bagi', 'dengan', 'kepada', 'oleh', 'pada', 'untuk'];

/** Indonesian tokenisation as the UD Indonesian treebanks have it. */
export const tokenizer: TokenizerRules = {
  clitics: [
    // Possessive or object "-nya" ("membelinya" = "membeli" + "nya"), the most frequent by far.
    { suffix: 'nya', minStem: 3 },
    // Particles: "tidaklah" = "tidak" + "lah", "apakah" = "apa" + "kah", "apapun" = "apa" + "pun".
    // Only on lower-case words, or the first word: a capitalised word ending so is mostly a name.
    { suffix: 'lah', minStem: 2, lowercase: true },
    { suffix: 'kah', minStem: 2, lowercase: true },
    { suffix: 'pun', minStem: 2, lowercase: true },
    { suffix: 'ku', minStem: 3, after: PERSONAL_AFTER },
    { suffix: 'mu', minStem: 3, after: PERSONAL_AFTER },
  ],
  wholeWords: new Set(WHOLE_WORDS),
  specialWords: new Map(),
  // "sekolah-sekolah", "rata-rata", "non-migas": one word each.
  splitHyphens: false,
  hyphenPrefixes: new Set(),
  abbreviations: new Set([
    'a.n', 'bpk', 'cv', 'dll', 'dr', 'dra', 'drs', 'dkk', 'dsb', 'dst', 'h', 'hj', 'hlm', 'ir', 'jl', 'jln', 'kab', 'kec', 'kel', 'llc',
    'ltd', 'no', 'ny', 'pt', 'pte', 'prof', 'sdr', 'st', 'tbk', 'tgl', 'telp', 'u.p', 'yth',
  ]),
};

/** How an Indonesian article marks its conclusion (see `closingPart` in the condense stage). */
export const conclusionCues: ConclusionCues = {
  headings: new Set(['kesimpulan', 'simpulan', 'penutup', 'ringkasan', 'rangkuman']),
  openers: ['dengan demikian', 'kesimpulannya', 'singkatnya', 'pada akhirnya', 'secara keseluruhan', 'akhir kata', 'sebagai penutup'],
  // "Ucapan Terima Kasih", "Daftar Pustaka", "Referensi", "Lampiran".
  backMatter: new Set(['terima', 'pustaka', 'referensi', 'lampiran', 'rujukan']),
};

/**
 * Indonesian: what the language-specific stages need to know, as data — the syntax stage's
 * tokeniser rules, the stop words, the slide labels and the compressor's word lists. The stages
 * read them from here rather than restating them.
 */
import { ind } from 'stopword';
import type { CompressionRules, ConclusionCues, Labels, TokenizerRules } from './types.js';

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

/** Function words (the `stopword` package's list), for language detection, titles and ranking. */
export const stopwords: ReadonlySet<string> = new Set(ind);

/** Words ringkas itself puts on slides. */
export const labels: Labels = {
  introduction: 'Pendahuluan',
  overview: 'Ikhtisar',
  agenda: 'Agenda',
  continued: 'lanjutan',
  glossary: 'Glosarium',
  conclusion: 'Kesimpulan',
  more: (count) => `… dan ${count} bagian lainnya`,
  sources: 'Sumber',
  sourceLines: { title: 'Judul', author: 'Penulis', publication: 'Penerbit', date: 'Tanggal', address: 'Tautan' },
};

const DAYS_AND_MONTHS = [
  'senin', 'selasa', 'rabu', 'kamis', 'jumat', "jum'at", 'sabtu', 'minggu', 'ahad',
  'januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember',
];

/** What closes "tidak hanya …": the longest that follows wins ("tetapi juga" over "tetapi"). */
const NOT_ONLY_SECOND = ['tetapi juga', 'tapi juga', 'melainkan juga', 'namun juga', 'tetapi', 'tapi', 'melainkan', 'namun', 'juga', 'pun'];

/** What the compressor needs to know of Indonesian. */
export const compression: CompressionRules = {
  negators: new Set(['tidak', 'tak', 'bukan', 'belum', 'jangan', 'tiada', 'enggak', 'nggak', 'gak', 'ndak', 'tidaklah', 'bukanlah', 'belumlah']),
  connectives: [
    'namun', 'tetapi', 'tapi', 'akan tetapi', 'sedangkan', 'sementara', 'sementara itu', 'justru', 'bahkan', 'malah', 'pun',
    'selain itu', 'di samping itu', 'oleh karena itu', 'oleh sebab itu', 'karena itu', 'sebab itu', 'dengan demikian', 'maka',
    'jadi', 'lalu', 'kemudian', 'selanjutnya', 'berikutnya', 'akhirnya', 'pada akhirnya', 'sebaliknya', 'di sisi lain', 'padahal',
    'meski demikian', 'meskipun demikian', 'walaupun demikian', 'walau demikian', 'kendati demikian', 'namun demikian',
    'misalnya', 'contohnya', 'sebagai contoh', 'dalam hal ini', 'dengan kata lain', 'artinya', 'intinya', 'alhasil', 'makanya',
    'apalagi', 'lagipula', 'lagi pula', 'tak hanya itu', 'tidak hanya itu', 'bukan hanya itu', 'adapun', 'dan', 'atau', 'serta',
    'sehingga', 'karena', 'sebab', 'yakni', 'yaitu', 'juga', 'pula', 'ke depan', 'di masa depan', 'untuk itu', 'oleh karenanya',
  ],
  commaConnectives: new Set(['pertama', 'kedua', 'ketiga', 'keempat', 'kelima', 'terakhir', 'selain', 'terlebih', 'sebelumnya', 'penting']),
  anaphors: [
    'ia', 'dia', 'mereka', 'beliau', 'nya', 'ini', 'itu', 'tersebut', 'hal ini', 'hal itu', 'hal tersebut', 'keduanya', 'ketiganya',
    'semuanya', 'kesemuanya', 'sebagian', 'sebagiannya', 'begitu', 'demikian',
    // The tokeniser splits the clitic off: "Keduanya" is "Kedua" + "nya".
    'kedua nya', 'ketiga nya', 'semua nya', 'kesemua nya', 'sebagian nya',
    // "Salah satunya" (one of them): of what the sentence before named.
    'salah satu nya',
  ],
  pointingDeterminers: new Set(['ini', 'itu', 'tersebut']),
  possessiveAnaphors: new Set(['nya', 'mereka', 'beliau']),
  firstPerson: new Set(['saya', 'aku', 'ku', 'daku', 'kami', 'kita']),
  firstPersonSingular: new Set(['saya', 'aku', 'ku', 'daku']),
  sayingVerbs: new Set(['mengatakan', 'menyatakan', 'kata', 'katanya', 'ujar', 'ujarnya', 'tutur', 'tuturnya', 'ucap', 'ucapnya']),
  reportingVerbs: new Set([
    'kata', 'katanya', 'ujar', 'ucap', 'tutur', 'jelas', 'tambah', 'ungkap', 'imbuh', 'terang', 'sebut', 'papar', 'lanjut', 'tegas',
    'berkata', 'mengatakan', 'menyatakan', 'menjelaskan', 'mengungkapkan', 'menuturkan', 'menambahkan', 'menyebutkan', 'menyebut',
    'memaparkan', 'menerangkan', 'melanjutkan', 'mengimbuhkan', 'menegaskan', 'mengucapkan', 'dikatakan', 'disampaikan',
    'menyampaikan', 'bilang', 'mengonfirmasi', 'membenarkan', 'mengumumkan', 'melaporkan', 'memastikan', 'mencontohkan',
    'menggarisbawahi', 'menekankan', 'menulis', 'mengabarkan', 'memberitakan', 'mengingatkan', 'menerangkan', 'mengemukakan',
    'mengungkap', 'memaparkan', 'menandaskan', 'menuturkan', 'diungkapkan', 'dijelaskan', 'disebutkan',
  ]),
  opinionVerbs: new Set(['berpandangan', 'berpendapat', 'menilai', 'meyakini', 'berharap', 'harap', 'mengharapkan', 'menganggap', 'yakin', 'percaya', 'mengklaim', 'membantah']),
  fixedPhrases: ['sama sekali', 'salah satu', 'sama halnya', 'begitu pula', 'demikian pula'],
  bareAdjectivePredicates: true,
  adjectivesBeforeNouns: false,
  roleMarkers: new Set(['sebagai', 'selaku']),
  resultVerbs: new Set(['jadi', 'menjadi']),
  capitalsMarkNames: true,
  copulas: new Set(['adalah', 'ialah', 'merupakan']),
  placeNamePrefixes: new Set(['gunung', 'pulau', 'danau', 'selat', 'teluk', 'tanjung', 'kota', 'kabupaten', 'provinsi', 'jalan', 'jl.', 'jl', 'sungai']),
  attributionMarkers: new Set(['menurut', 'dilansir', 'dikutip', 'mengutip', 'melansir']),
  sourceFrames: ['menurut', 'dilansir', 'melansir', 'dikutip', 'mengutip', 'seperti dilansir', 'seperti dikutip', 'sebagaimana dilansir', 'sebagaimana dikutip', 'berdasarkan laporan', 'dilaporkan oleh'],
  clausePrepositions: new Set(['dengan', 'tanpa', 'dalam', 'oleh', 'atas', 'terhadap', 'tentang', 'akan', 'dari', 'kepada', 'lewat', 'melalui']),
  sequenceMarkers: new Set(['setelah', 'sesudah', 'sebelum', 'usai', 'seusai', 'sehabis', 'hingga', 'sampai']),
  genitiveMarkers: new Set([]),
  focusAdverbs: new Set(['hanya', 'cuma', 'sekadar', 'bahkan', 'sekedar', 'semata']),
  ordinals: new Set(['pertama', 'terakhir', 'satu-satunya', 'pertamanya']),
  purposeMarkers: new Set(['untuk', 'agar', 'supaya', 'guna', 'demi']),
  complementizers: new Set(['bahwa', 'bahwasanya']),
  conditionMarkers: new Set(['jika', 'jikalau', 'kalau', 'apabila', 'bila', 'asalkan', 'asal', 'seandainya', 'andaikan', 'andai', 'manakala', 'kecuali']),
  exampleMarkers: ['seperti', 'misalnya', 'contohnya', 'antara lain', 'termasuk', 'di antaranya', 'di antara nya', 'diantaranya', 'yakni', 'yaitu', 'semisal'],
  adjunctMarkers: ['meski', 'meskipun', 'walaupun', 'walau', 'kendati', 'kendatipun', 'biarpun', 'menyusul', 'selain', 'sebagai bagian dari', 'terkait dengan', 'mengacu', 'berdasarkan'],
  agentMarkers: new Set(['oleh']),
  timeQualifiers: new Set([]),
  timeWords: new Set([
    ...DAYS_AND_MONTHS, 'pagi', 'siang', 'sore', 'petang', 'malam', 'dini', 'hari', 'kemarin', 'besok', 'lusa', 'kini', 'sekarang',
    'tadi', 'nanti', 'lalu', 'pekan', 'bulan', 'tahun', 'abad', 'dekade', 'pukul', 'jam', 'wib', 'wita', 'wit', 'saat', 'waktu',
    'masa', 'periode', 'musim', 'belakangan', 'baru-baru', 'kala', 'dahulu', 'dulu', 'silam',
  ]),
  timeMarkers: new Set(['sejak', 'selama', 'menjelang', 'sebelum', 'sesudah', 'setelah', 'semenjak', 'sepanjang', 'ketika', 'saat', 'tatkala', 'sewaktu']),
  keptAdverbs: new Set([
    'hanya', 'cuma', 'sekadar', 'saja', 'akan', 'bakal', 'bisa', 'dapat', 'harus', 'mesti', 'wajib', 'perlu', 'boleh', 'mungkin',
    'mampu', 'sanggup', 'ingin', 'mau', 'hendak', 'telah', 'sudah', 'sedang', 'tengah', 'masih', 'pernah', 'baru', 'segera',
    'lebih', 'paling', 'kurang', 'terlalu', 'sangat', 'amat', 'makin', 'semakin', 'kian', 'hampir', 'nyaris', 'sekitar', 'kira-kira',
    'setidaknya', 'sedikitnya', 'paling', 'minimal', 'maksimal', 'lebih', 'hingga', 'sampai', 'seharusnya', 'sebaiknya',
    'semestinya', 'sepenuhnya', 'selalu', 'jarang', 'sering', 'kerap', 'terus', 'tetap', 'lagi', 'kembali', 'pasti', 'tentu',
  ]),
  pairs: [
    ...['tidak hanya', 'tak hanya', 'bukan hanya', 'bukan saja', 'tidak saja', 'tak saja'].map((first) => ({ first, second: NOT_ONLY_SECOND })),
    { first: 'semakin', second: ['semakin'] },
    { first: 'makin', second: ['makin'] },
    { first: 'kian', second: ['kian'] },
    { first: 'baik', second: ['maupun'] },
    { first: 'bukan', second: ['melainkan', 'tetapi', 'tapi'] },
    { first: 'entah', second: ['entah'] },
    { first: 'begitu', second: ['sehingga'] },
    { first: 'sedemikian', second: ['sehingga', 'rupa sehingga'] },
    { first: 'terlalu', second: ['untuk'] },
  ],
  contrastCoordinators: new Set(['tetapi', 'tapi', 'namun', 'melainkan', 'sedangkan', 'padahal']),
  teaserOpeners: ['simak', 'simaklah', 'berikut', 'berikut ini', 'inilah', 'ini dia', 'saksikan', 'yuk', 'ayo', 'mari', 'baca', 'tonton', 'lihat', 'klik', 'cek'],
  teaserPhrases: ['selengkapnya di', 'baca selengkapnya', 'simak ulasan', 'simak selengkapnya', 'simak video', 'berikut ulasannya'],
  questionOpeners: new Set(['apakah', 'apa', 'siapa', 'mengapa', 'kenapa', 'bagaimana', 'kapan', 'dimana', 'berapa', 'manakah', 'bukankah']),
};

/** How an Indonesian article marks its conclusion (see `closingPart` in the condense stage). */
export const conclusionCues: ConclusionCues = {
  headings: new Set(['kesimpulan', 'simpulan', 'penutup', 'ringkasan', 'rangkuman']),
  openers: ['dengan demikian', 'kesimpulannya', 'singkatnya', 'pada akhirnya', 'secara keseluruhan', 'akhir kata', 'sebagai penutup'],
  // "Ucapan Terima Kasih", "Daftar Pustaka", "Referensi", "Lampiran".
  backMatter: new Set(['terima', 'pustaka', 'referensi', 'lampiran', 'rujukan']),
};

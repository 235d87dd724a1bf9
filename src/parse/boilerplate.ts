/**
 * Text that news sites and blogs wrap around an article and that must never reach a slide:
 * cross-links, share prompts, ads, credits, bylines. Each pattern is matched against a whole
 * trimmed paragraph (or line of plain text).
 */
const BOILERPLATE: readonly RegExp[] = [
  // Cross-links to other articles.
  /^(baca juga|baca pula|baca selengkapnya|lihat juga|simak juga|simak video|tonton juga|berita terkait|artikel terkait|read more|read also|also read|see also|related( articles?| stories| news)?|recommended|more from)\b\s*[:：\-–—]?/iu,
  // Ads and ad placeholders.
  /^(advertisement|advertisment|iklan|sponsored|promoted|ads?|scroll to (continue|resume)( with content)?|lanjutkan membaca|gulir untuk melanjutkan)\b[\s.:]*$/iu,
  /^(advertisement|iklan|sponsored)\s*[:：\-–—]/iu,
  // Share, follow and subscribe prompts: a call to action that names a channel, or a bare button.
  /^(share|bagikan|follow|ikuti|subscribe|berlangganan|sign up|daftar|gabung|join|download|unduh|dapatkan|like)\b.{0,100}\b(kami|us|our|newsletter|channel|kanal|saluran|instagram|twitter|facebook|tiktok|youtube|whatsapp|telegram|google news|aplikasi|app|media sosial|social media|notifikasi|notifications?)\b.{0,40}$/iu,
  /^(share|bagikan|tweet|copy link|salin tautan|print|cetak|komentar|comments?)(\s+\S+){0,3}$/iu,
  // Photo, video and illustration credits and captions.
  /^(foto|photo|photograph|gambar|image|sumber foto|sumber gambar|video|ilustrasi|illustration|credit|kredit)\s*[:：]/iu,
  /^.{0,200}\((foto|photo|dok|dokumentasi|doc|sumber|source|ilustrasi|image)\s*[:：.][^)]*\)\s*\.?$/iu,
  // Copyright lines (short: a long paragraph that starts with a picture's credit is still text).
  /^(©|\(c\)|copyright\b|hak cipta\b).{0,200}$/iu,
  /\ball rights reserved\b/iu,
  // Bylines, editors and tags.
  /^(editor|penulis|reporter|pewarta|penyunting|writer|author|by|oleh|tags?|topik|kata kunci|keywords?)\s*[:：]/iu,
  // An author line without a colon: "By Ann Lee and Budi Santoso", "OLEH BUDI" — names only.
  /^(?:By|BY|Oleh|OLEH)\s+\p{Lu}[\p{L}.'’-]*,?(?:\s+(?:\p{Lu}[\p{L}.'’-]*,?|and|dan|&))*$/u,
  // Headings of lists of other articles.
  /^(most (read|popular|viewed|shared|commented)|terpopuler|populer|trending( now)?|editor'?s picks?|pilihan editor|top stories|latest news|berita terkini|terbaru)[\s.:!]*$/iu,
  // Controls and labels of players, galleries and page tools, left behind as lines of their own.
  /^(close|tutup|caption|keterangan|back to (gallery|top|article|home)|kembali ke (atas|galeri|artikel)|video|play( video)?|pause|mute|unmute|full ?screen|text size|font size|ukuran (teks|huruf)|enlarge( this)?( image| photo)?|expand|collapse|show (more|less)|load more|view (gallery|comments|all)|next|previous|prev|sebelumnya|selanjutnya|loading|image \d+ of \d+|\d+ of \d+)[\s.:!…]*$/iu,
  // A portal's standing invitation to its channels: "Simak breaking news dan berita pilihan kami …".
  /^(simak|ikuti|dapatkan|baca) (breaking news|berita (terkini|terbaru|pilihan|menarik)|update berita|informasi (terkini|menarik))\b/iu,
  // Paywall and sign-in prompts.
  /^(subscribe|sign in|sign up|log ?in|register|berlangganan|masuk|daftar)\b.{0,80}\b(continue reading|keep reading|read the (full|rest|whole)|full (story|article)|untuk (melanjutkan|membaca)|baca selengkapnya)\b/iu,
];

/** Whether a paragraph or line is page chrome rather than part of the article. */
export function isBoilerplate(text: string): boolean {
  const trimmed = text.trim();
  return BOILERPLATE.some((pattern) => pattern.test(trimmed));
}

/**
 * A news dateline at the start of the lead paragraph, then a dash: a news site with an optional
 * place ("Merdeka.com -", "Liputan6.com, Jakarta -"), a place in capitals with a source
 * ("JAKARTA, KOMPAS.com —"), or a place with an agency in parentheses ("Jakarta (ANTARA) -").
 */
const DATELINE =
  /^((?:\p{L}[\p{L}\d]*\.(?:com|co\.id|id|net|org|tv)(?:\s*,\s*[^—–\-\n]{2,40}?)?)|(?:\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*)*\s*,\s*[^—–\-\n]{2,60}?)|(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*\s*\([^)\n]{2,40}\)(?:\s*,\s*[^—–\-\n]{2,40}?)?))\s*(?:—|–|--?)\s+(?=\S)/u;

/** A dateline taken off a paragraph, and the paragraph without it. */
export interface DatelineSplit {
  dateline: string;
  rest: string;
}

/** A wire-service credit opening the lead, with or without a place: "(CNN)", "WASHINGTON (AP) —". */
const AGENCY_CREDIT = /^((?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*)?\((?:CNN|AP|AFP|Reuters|ANTARA|Antara|Bernama|UPI|dpa|Xinhua)\))\s*(?:(?:—|–|--?)\s+)?(?=\S)/u;

/** Takes a news dateline or wire-service credit off the start of a paragraph, if it has one. */
export function splitDateline(paragraph: string): DatelineSplit | undefined {
  const match = AGENCY_CREDIT.exec(paragraph.trimStart()) ?? DATELINE.exec(paragraph.trimStart());
  if (!match) return undefined;
  return { dateline: match[1]!.trim(), rest: paragraph.trimStart().slice(match[0].length) };
}

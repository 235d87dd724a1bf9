/**
 * Text that news sites and blogs wrap around an article and that must never reach a slide:
 * cross-links, share prompts, ads, credits, bylines. Each pattern is matched against a whole
 * trimmed paragraph (or line of plain text).
 */
const BOILERPLATE: readonly RegExp[] = [
  // Cross-links to other articles ("Related" alone or with a noun of links: a paper's "Related
  // Work" or a "Recommended dose" is the article's own).
  /^(baca juga|baca pula|baca selengkapnya|lihat juga|simak juga|simak video|tonton juga|berita terkait|artikel terkait|read more|read also|also read|see also|related (?:articles?|stories|news|posts|links)|recommended (?:for you|articles?|stories|news|posts|reading)|(?:related|recommended)(?=\s*(?:[:：\-–—]|$))|more from)\b\s*[:：\-–—]?/iu,
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
  // Wire and newsroom credits closing a story: "CNN's Ann Lee contributed to this report.",
  // "(Reporting by Ann Lee; Editing by Budi Santoso)".
  /^.{0,120}\bcontributed (?:reporting )?to this (?:report|story|article)\.?$/iu,
  /^\((?:additional )?(?:reporting|writing|editing) by\b[^)]{0,200}\)\.?$/iu,
  // "Dana Ford reported from Atlanta.", "… Ann O'Neill and Jim Lee reported from Boston" (the start may be a video link's text left on the line).
  /^(?:[^.!?]{0,60}\s)?\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,3}(?:\s(?:and|dan)\s\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,3})?\sreported from\s\p{Lu}[\p{L}'’.-]*(?:[ ,]+\p{Lu}[\p{L}'’.-]*){0,3}\.?$/u,
  /^(?:additional )?(?:reporting|writing) by\b[^;]{0,120};\s*editing by\b.{0,120}$/iu,
  // Headings of lists of other articles.
  /^(most (read|popular|viewed|shared|commented)|terpopuler|populer|trending( now)?|editor'?s picks?|pilihan editor|top stories|latest news|berita terkini|terbaru)[\s.:!]*$/iu,
  // Controls and labels of players, galleries and page tools, left behind as lines of their own.
  /^(close|tutup|caption|keterangan|back to (gallery|top|article|home)|kembali ke (atas|galeri|artikel)|video|play( video)?|pause|mute|unmute|full ?screen|text size|font size|ukuran (teks|huruf)|enlarge( this)?( image| photo)?|expand|collapse|show (more|less)|load more|view (gallery|comments|all)|next|previous|prev|sebelumnya|selanjutnya|loading|image \d+ of \d+|\d+ of \d+)[\s.:!…]*$/iu,
  // A portal's standing invitation to its channels: "Simak breaking news dan berita pilihan kami …".
  /^(simak|ikuti|dapatkan|baca) (breaking news|berita (terkini|terbaru|pilihan|menarik)|update berita|informasi (terkini|menarik))\b/iu,
  // A site describing itself below the article: "DailySocial.id adalah portal berita startup …".
  /^[\p{L}\d-]+\.(?:com|co\.id|id|net|org|tv|co|co\.uk)\s+(?:adalah|merupakan|is|is an?)\s+(?:(?:sebuah|salah satu|the|a|an|leading|terkemuka)\s+)?(?:portal|situs|media|website|web ?site|platform|publication|news (?:site|portal|outlet))\b/iu,
  // Paywall and sign-in prompts.
  /^(subscribe|sign in|sign up|log ?in|register|berlangganan|masuk|daftar)\b.{0,80}\b(continue reading|keep reading|read the (full|rest|whole)|full (story|article)|untuk (melanjutkan|membaca)|baca selengkapnya)\b/iu,
];

/** Whether a paragraph or line is page chrome rather than part of the article. */
export function isBoilerplate(text: string): boolean {
  const trimmed = text.trim();
  return BOILERPLATE.some((pattern) => pattern.test(trimmed));
}

/** A dateline taken off a paragraph, and the paragraph without it. */
export interface DatelineSplit {
  dateline: string;
  rest: string;
}

/** A wire-service credit opening the lead, with or without a place: "(CNN)", "WASHINGTON (AP) —". */
const AGENCY_CREDIT = /^((?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*)?\((?:CNN|AP|AFP|Reuters|ANTARA|Antara|Bernama|UPI|dpa|Xinhua)\))\s*(?:(?:—|–|--?)\s+)?(?=\S)/u;

/** The dash after a dateline, with a space either side: "-", "--", "–" or "—". */
const DATELINE_DASH = /\s(?:--?|–|—)\s+(?=\S)/u;
/** A news site's name: "Merdeka.com", "JUARA.NET", "Liputan6.com". */
const SITE = /^[\p{L}\d-]+\.(?:com|co\.id|id|net|org|tv|co)$/iu;
/** A place or source: up to five capitalised words ("Jakarta", "NEW YORK", "CNN Indonesia"), perhaps with an agency in brackets. */
const PLACE = /^\p{Lu}[\p{L}.'’&-]*(?: \p{Lu}[\p{L}.'’&-]*){0,4}(?: ?\([^()]{2,40}\))?$/u;
/** A dateline is no longer than this: it is looked for in the paragraph's first characters only. */
const DATELINE_REACH = 90;

/**
 * A news dateline at the start of the lead paragraph, then a dash: a news site with or without a
 * place ("Merdeka.com -", "JUARA.NET, TOKYO -"), a place with a source ("Jakarta, CNN Indonesia
 * --", "JAKARTA, KOMPAS.com —"), a place with an agency in brackets ("Jakarta (ANTARA) -"), or a
 * place in capitals ("SUKABUMI –"). A capitalised word alone before a dash ("Jalan - jalan") is not one.
 */
function findDateline(text: string): { dateline: string; end: number } | undefined {
  const head = text.slice(0, DATELINE_REACH);
  const dash = DATELINE_DASH.exec(head);
  if (!dash) return undefined;
  const parts = head.slice(0, dash.index).split(',').map((part) => part.trim());
  if (parts.length > 3 || !parts.every((part) => SITE.test(part) || PLACE.test(part))) return undefined;
  const first = parts[0]!;
  const marked = parts.length > 1 || parts.some((part) => SITE.test(part) || part.includes('(')) || (/\p{Lu}{3}/u.test(first) && first === first.toUpperCase());
  return marked ? { dateline: head.slice(0, dash.index).trim(), end: dash.index + dash[0].length } : undefined;
}

/** Takes a news dateline or wire-service credit off the start of a paragraph, if it has one. */
export function splitDateline(paragraph: string): DatelineSplit | undefined {
  const text = paragraph.trimStart();
  const credit = AGENCY_CREDIT.exec(text);
  if (credit) return { dateline: credit[1]!.trim(), rest: text.slice(credit[0].length) };
  const found = findDateline(text);
  return found && { dateline: found.dateline, rest: text.slice(found.end) };
}

/**
 * Lines that news sites and blogs wrap around an article and that must never reach a slide:
 * cross-links, share prompts, ads, credits. Matched against a whole trimmed line (or paragraph).
 */
const BOILERPLATE: readonly RegExp[] = [
  /^(baca juga|lihat juga|simak juga|read more|read also|see also|related( articles?| stories)?)\b\s*[:：-]?/iu,
  /^(advertisement|advertisment|iklan|scroll to (continue|resume)|sponsored)\b/iu,
  /^(share|bagikan|follow|ikuti|subscribe|berlangganan)\b.{0,80}$/iu,
  /^(foto|photo|gambar|image|sumber foto|video)\s*[:：]/iu,
  /^\(?(photo|foto)\s*[:：].*\)?$/iu,
  /^(©|\(c\)|copyright\b|hak cipta\b)/iu,
];

/** Whether a line (or a one-line paragraph) is page chrome rather than part of the article. */
export function isBoilerplate(line: string): boolean {
  const text = line.trim();
  return BOILERPLATE.some((pattern) => pattern.test(text));
}

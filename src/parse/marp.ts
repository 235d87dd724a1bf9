/**
 * Telling a Markdown file that is already a Marp deck (`marp: true` in its front matter, as Marp
 * for VS Code and marp-cli mark one) from an article: such a deck is rendered as it is.
 */

/** The `marp: true` line, as YAML writes true (true, True, TRUE), a comment allowed after it. */
const MARP_TRUE = /^marp[ \t]*:[ \t]*(?:true|True|TRUE)[ \t]*(?:#.*)?$/u;

/** The front matter's closing line: `---` or YAML's document end `...`. */
const FENCE_END = /^(?:---|\.\.\.)[ \t]*$/u;

/** Front matter longer than this is not looked into: a deck's is a few lines. */
const MAX_FRONT_MATTER_LINES = 200;

/**
 * The lines of the YAML front matter `markdown` opens with, or `undefined` without one. Read line
 * by line, each against an anchored pattern without nested repetition, and no further than
 * {@link MAX_FRONT_MATTER_LINES}: any text is answered in time linear in its size.
 */
function frontMatterLines(markdown: string): string[] | undefined {
  const text = markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
  if (!/^---[ \t]*\r?\n/u.test(text)) return undefined;
  const lines = text
    .slice(0, 64 * 1024)
    .split('\n', MAX_FRONT_MATTER_LINES + 1)
    .slice(1)
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const end = lines.findIndex((line) => FENCE_END.test(line));
  return end < 0 ? undefined : lines.slice(0, end);
}

/** Whether `markdown` opens with YAML front matter that says `marp: true` at its top level. */
export function isMarpDeck(markdown: string): boolean {
  return frontMatterLines(markdown)?.some((line) => MARP_TRUE.test(line)) ?? false;
}

/** The value of a top-level front matter key written on one line (`lang: en`), quotes taken off. */
export function frontMatterValue(markdown: string, key: string): string | undefined {
  const line = frontMatterLines(markdown)?.find((each) => each.startsWith(`${key}:`));
  if (line === undefined) return undefined;
  const value = line.slice(key.length + 1).trim();
  const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
  return (quoted ? value.slice(1, -1) : value) || undefined;
}

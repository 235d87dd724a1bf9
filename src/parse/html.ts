import type { Root as HastRoot } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { type Block, clip } from './blocks.js';
import { extractArticle } from './html-extract.js';
import { readHtmlMeta } from './html-meta.js';
import { checkHtmlNesting } from './html-nesting.js';
import { type TextUnit, readPageText } from './html-units.js';
import type { ArticleMeta } from './markdown.js';

/** What a saved web page holds: its metadata and the blocks of its article body. */
export interface HtmlContent {
  meta: ArticleMeta;
  blocks: Block[];
}

/**
 * Reads a saved web page with rehype: its metadata (see {@link readHtmlMeta}), then its text as
 * units (see {@link readPageText}), of which the article's are kept (see {@link extractArticle})
 * and turned into blocks — without the title and the author line above the text. What was left
 * out is reported on `file`. A page nested deeper than the tree walks can take is refused first
 * (see {@link checkHtmlNesting}).
 */
export function readHtml(text: string, file: VFile): HtmlContent {
  checkHtmlNesting(text);
  const tree = unified().use(rehypeParse).parse(text) as HastRoot;
  const meta = readHtmlMeta(tree);
  const units = extractArticle(readPageText(tree), file);
  return { meta, blocks: toBlocks(units, meta, file) };
}

/** Text compared for sameness: letters and digits only, lower case. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The units as blocks. Before the first paragraph, a heading that is the title is the title and
 * not a section; a short line that names the author is a byline ("By Ann Lee", "Oleh Budi").
 */
function toBlocks(units: readonly TextUnit[], meta: ArticleMeta, file: VFile): Block[] {
  const title = meta.title === undefined ? undefined : comparable(meta.title);
  const author = meta.author === undefined ? undefined : comparable(meta.author);
  const blocks: Block[] = [];
  let seenProse = false;
  for (const [index, unit] of units.entries()) {
    const key = comparable(unit.text);
    if (!seenProse && title !== undefined && key === title) continue;
    if (!seenProse && unit.kind === 'paragraph' && isDateLine(unit.text)) {
      file.message(`dropped a date line: "${clip(unit.text)}"`, { place: { line: unit.line, column: 1 }, ruleId: 'byline', source: 'ringkas' });
      continue;
    }
    if (author !== undefined && author !== '' && unit.kind === 'paragraph' && unit.text.length < 120 && isAuthorLine(key, author)) {
      file.message(`dropped the author line: "${clip(unit.text)}"`, { place: { line: unit.line, column: 1 }, ruleId: 'byline', source: 'ringkas' });
      continue;
    }
    const next = units[index + 1];
    const boldHeading = isBoldHeading(unit) && next?.kind === 'paragraph' && !isBoldHeading(next);
    if (unit.kind === 'paragraph' && !boldHeading) seenProse = true;
    const block: Block = { kind: boldHeading ? 'heading' : unit.kind, text: unit.text, line: unit.line };
    if (unit.depth !== undefined) block.depth = unit.depth;
    // Below any real heading: a bold line is the least of headings.
    if (boldHeading) block.depth = 6;
    if (unit.listItem) block.listItem = true;
    blocks.push(block);
  }
  return blocks;
}

/**
 * A short line all in bold that does not end like a sentence: when a paragraph follows, the
 * heading of a page written without heading elements ("<b>Savings</b><br><br>").
 */
function isBoldHeading(unit: TextUnit): boolean {
  return unit.kind === 'paragraph' && !unit.listItem && unit.boldChars >= unit.text.length - 1 && unit.text.length <= 100 && unit.text.split(' ').length <= 12 && !/[.!?,;:…"”。！？；：，、]$/u.test(unit.text);
}

/** A month's name or its abbreviation, in English or Indonesian. */
const MONTH = '(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|june?|juni|july?|juli|aug(?:ust)?|agu(?:stus)?|sep(?:t|tember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|des(?:ember)?)';
/** A date as news sites write it: "June 14, 2019", "14 Juni 2019", "22/07/2024", "2024-07-22". */
const DATE = new RegExp(`\\b(?:${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\.?\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d{2}-\\d{2})\\b`, 'iu');

/**
 * A short line above the text that dates it ("Staff report · June 14, 2019", "Updated 22/07/2024,
 * 09:15 WIB"): at most 80 characters, with a date and no sentence end.
 */
function isDateLine(text: string): boolean {
  return text.length <= 80 && !/[.!?]$/u.test(text) && DATE.test(text);
}

/** A line that is the author's name, with "By" or "Oleh" before it or a date after it. */
function isAuthorLine(line: string, author: string): boolean {
  const at = line.indexOf(author);
  if (at < 0) return false;
  const before = line.slice(0, at);
  return ['', 'by', 'oleh', 'penulis', 'writtenby', 'postedby', 'author'].includes(before) && line.length - author.length - before.length <= 40;
}

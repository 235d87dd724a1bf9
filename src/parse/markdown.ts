import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Block } from './blocks.js';
import { CHUNK_SIZES, type ChunkSizes, chunkMarkdown } from './markdown-chunks.js';

/** Metadata an article can carry: front matter keys in Markdown, `<meta>` tags in HTML. */
export interface ArticleMeta {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
  /** The publication it appeared in (a site's name). */
  publication?: string;
  /** Where it came from: the address of the page. */
  source?: string;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** What a Markdown source holds: its front matter and its blocks. */
export interface MarkdownContent {
  meta: ArticleMeta;
  blocks: Block[];
}

/** Front matter that is not valid YAML: the caller names the file. */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
}

/**
 * Reads Markdown (CommonMark with GFM and YAML front matter) with remark, chunk by chunk (see
 * {@link chunkMarkdown}, which also refuses nesting the parser cannot take). Throws
 * {@link FrontMatterError} for front matter that is not valid YAML.
 */
export function readMarkdown(text: string, sizes: ChunkSizes = CHUNK_SIZES): MarkdownContent {
  let meta: ArticleMeta = {};
  const blocks: Block[] = [];
  for (const chunk of chunkMarkdown(text, sizes)) {
    const tree = processor.parse(chunk.text) as Root;
    const yaml = chunk.line === 1 ? tree.children.find((node) => node.type === 'yaml') : undefined;
    if (yaml) meta = readFrontMatter(yaml.value);
    const chunkBlocks = blocksFromMdast(tree);
    for (const block of chunkBlocks) block.line += chunk.line - 1;
    // A paragraph cut between chunks is one paragraph again.
    const [first] = chunkBlocks;
    const previous = blocks.at(-1);
    if (chunk.continues && first?.kind === 'paragraph' && first.line === chunk.line && previous?.kind === 'paragraph') {
      previous.text += { line: '\n', space: ' ', word: '' }[chunk.continues] + first.text;
      chunkBlocks.shift();
    }
    blocks.push(...chunkBlocks);
  }
  return { meta, blocks };
}

/**
 * The prose of a Markdown tree as blocks: headings, paragraphs, list items and block quotes.
 * Code, tables, raw HTML, images and footnote definitions are not prose and are left out. The
 * tree is walked with a stack of its own, not by recursion, so that no nesting overflows the
 * call stack.
 */
export function blocksFromMdast(tree: Root): Block[] {
  const blocks: Block[] = [];
  // Each node with the line of the list item it is directly in, if it is: a paragraph there is the item's text.
  const pending: { node: RootContent; itemLine?: number }[] = tree.children.map((node) => ({ node })).reverse();
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const { node, itemLine } = entry;
    const line = node.position?.start.line ?? (node.type === 'paragraph' ? itemLine : undefined) ?? 1;
    switch (node.type) {
      case 'heading': {
        const text = plainText(node).trim();
        if (text !== '') blocks.push({ kind: 'heading', text, line, depth: node.depth });
        break;
      }
      case 'paragraph': {
        const text = plainText(node).trim();
        if (text !== '') blocks.push(itemLine === undefined ? { kind: 'paragraph', text, line } : { kind: 'paragraph', text, line, listItem: true });
        break;
      }
      case 'listItem':
      case 'list':
      case 'blockquote':
        for (let index = node.children.length - 1; index >= 0; index -= 1) {
          pending.push(node.type === 'listItem' ? { node: node.children[index]!, itemLine: line } : { node: node.children[index]! });
        }
        break;
      default:
        break;
    }
  }
  return blocks;
}

/**
 * The visible words of inline content: no HTML, no image alt text, line breaks as spaces. Walked
 * with a stack of its own, as {@link blocksFromMdast}: emphasis and links nest without limit.
 */
function plainText(root: Nodes): string {
  const parts: string[] = [];
  const pending: Nodes[] = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        parts.push(node.value);
        break;
      case 'break':
        parts.push(' ');
        break;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) pending.push(node.children[index] as Nodes);
    }
  }
  return parts.join('');
}

function readFrontMatter(source: string): ArticleMeta {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw new FrontMatterError((error as Error).message.split('\n', 1)[0], { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const meta: ArticleMeta = {};
  for (const key of ['title', 'subtitle', 'author', 'date', 'lang', 'publication', 'source'] as const) {
    const value = record[key];
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : Array.isArray(value) ? value.join(', ') : undefined;
    if (text) meta[key] = text;
  }
  return meta;
}

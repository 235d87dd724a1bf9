import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Block } from './blocks.js';

/** Front matter keys ringkas honours; anything else is ignored. */
export interface FrontMatter {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
}

/** What a Markdown source holds: its front matter and its blocks. */
export interface MarkdownContent {
  frontMatter: FrontMatter;
  blocks: Block[];
  /** Depth of each heading block, by index into `blocks`, to tell a title (`#`) from sections. */
  headingDepths: Map<number, number>;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/**
 * Reads Markdown with remark: YAML front matter, headings, paragraphs, list items and block quotes.
 * Code, tables, raw HTML and images are not prose and are left out.
 */
export function readMarkdown(text: string): MarkdownContent {
  const tree = processor.parse(text) as Root;
  const blocks: Block[] = [];
  const headingDepths = new Map<number, number>();
  let frontMatter: FrontMatter = {};

  const visit = (node: RootContent) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'yaml':
        frontMatter = readFrontMatter(node.value);
        return;
      case 'heading':
        headingDepths.set(blocks.length, node.depth);
        blocks.push({ kind: 'heading', text: toString(node).trim(), line });
        return;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', text: toString(node), line });
        return;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      default:
        return;
    }
  };
  for (const node of tree.children) visit(node);
  return { frontMatter, blocks, headingDepths };
}

function readFrontMatter(source: string): FrontMatter {
  const data: unknown = parseYaml(source);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const text = (key: string) => {
    const value = record[key];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
  };
  const result: FrontMatter = {};
  for (const key of ['title', 'subtitle', 'author', 'date', 'lang'] as const) {
    const value = text(key);
    if (value) result[key] = value;
  }
  return result;
}

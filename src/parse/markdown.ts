import type { Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { Block } from './blocks.js';

/** Metadata an article can carry: front matter keys in Markdown, `<meta>` tags in HTML. */
export interface ArticleMeta {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  lang?: string;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** What a Markdown source holds: its front matter and its blocks. */
export interface MarkdownContent {
  meta: ArticleMeta;
  blocks: Block[];
}

/**
 * Reads Markdown (CommonMark with GFM and YAML front matter) with remark. Throws a plain `Error`
 * for front matter that is not valid YAML; the caller names the file.
 */
export function readMarkdown(text: string): MarkdownContent {
  const tree = processor.parse(text) as Root;
  const yaml = tree.children.find((node) => node.type === 'yaml');
  return { meta: yaml ? readFrontMatter(yaml.value) : {}, blocks: blocksFromMdast(tree) };
}

/**
 * The prose of a Markdown tree as blocks: headings, paragraphs, list items and block quotes.
 * Code, tables, raw HTML, images and footnote definitions are not prose and are left out.
 */
export function blocksFromMdast(tree: Root): Block[] {
  const blocks: Block[] = [];
  const visit = (node: RootContent) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'heading': {
        const text = plainText(node).trim();
        if (text !== '') blocks.push({ kind: 'heading', text, line, depth: node.depth });
        return;
      }
      case 'paragraph': {
        const text = plainText(node).trim();
        if (text !== '') blocks.push({ kind: 'paragraph', text, line });
        return;
      }
      case 'listItem':
        for (const child of node.children) {
          if (child.type === 'paragraph') {
            const text = plainText(child).trim();
            if (text !== '') blocks.push({ kind: 'paragraph', text, line: child.position?.start.line ?? line, listItem: true });
          } else {
            visit(child);
          }
        }
        return;
      case 'list':
      case 'blockquote':
        for (const child of node.children) visit(child);
        return;
      default:
        return;
    }
  };
  for (const node of tree.children) visit(node);
  return blocks;
}

/** The visible words of inline content: no HTML, no image alt text, line breaks as spaces. */
function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
  }
}

function readFrontMatter(source: string): ArticleMeta {
  const data: unknown = parseYaml(source);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const meta: ArticleMeta = {};
  for (const key of ['title', 'subtitle', 'author', 'date', 'lang'] as const) {
    const value = record[key];
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' ? String(value).trim() : Array.isArray(value) ? value.join(', ') : undefined;
    if (text) meta[key] = text;
  }
  return meta;
}

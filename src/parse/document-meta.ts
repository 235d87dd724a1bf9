import type { ArticleMeta } from './markdown.js';

/**
 * The title, author and language a document's properties give (a PDF's information dictionary, a
 * Word document's core properties), read through `field` by the names the format uses; blank
 * values count as none.
 */
export function propertiesMeta(field: (name: string) => string | undefined, names: { title: string; author: string; lang: string }): Pick<ArticleMeta, 'title' | 'author' | 'lang'> {
  const meta: Pick<ArticleMeta, 'title' | 'author' | 'lang'> = {};
  for (const key of ['title', 'author', 'lang'] as const) {
    const value = field(names[key])?.replace(/\s+/gu, ' ').trim();
    if (value) meta[key] = value;
  }
  return meta;
}

/**
 * A title from a document's properties that says something: not an editor's placeholder
 * ("Untitled", "Document1", "Microsoft Word - draft.docx") or a file's name.
 */
export function plausibleTitle(title: string | undefined): string | undefined {
  const text = title?.replace(/\s+/gu, ' ').trim();
  if (!text || text.length < 4) return undefined;
  if (/^(?:untitled|judul|title|document\d*|dokumen\d*|microsoft word\b|slide \d+)/iu.test(text) || /\.(?:docx?|dotx?|pdf|odt|tex|dvi|rtf|indd|pages)$/iu.test(text)) return undefined;
  return text;
}

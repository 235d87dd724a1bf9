import { basename, relative, sep } from 'node:path';
import type { DeckReport } from '../build.js';
import { FORMATS, FORMAT_SPECS, formatOfFile } from '../formats.js';
import { escapeHtml } from '../html-escape.js';

/** The linked formats, in the order the index lists them: the deck to present first, its source last. */
const LINKED = [...FORMATS.filter((format) => format !== 'md'), 'md' as const].filter((format) => FORMAT_SPECS[format].label !== undefined);

/**
 * A relative URL for a file in the folder or a subfolder (`2024/intro.html`): in every segment,
 * every character that means something in a URL (`#`, `?`, `%`, `:`) escaped, so that
 * `notes #1.html` links to that file and not to a fragment, and a name like `javascript:x.html`
 * stays a relative path.
 */
function fileUrl(fileName: string): string {
  return fileName.split('/').map(encodeURIComponent).join('/');
}

/**
 * `index.html` for a folder of decks: every deck with its title, language, slide count, links to
 * each format in the folder and, where PNGs exist, a thumbnail of its first slide. Self-contained (inline
 * styles, relative links) so the output folder can be published as it is. `filesInOutDir` are the
 * files of the decks' folders, relative to `outDir` and `/`-separated (`2024/intro.html`).
 */
export function indexPage(reports: readonly DeckReport[], outDir: string, filesInOutDir: readonly string[], indexName = 'index.html'): string {
  const cards = reports.map((report) => {
    // Link every format of the deck that is in the folder, also those an earlier run wrote
    // (a CI job may build PDFs in shards and the index in a last, HTML-only run).
    const markdown = report.outputs.map((path) => relative(outDir, path).split(sep).join('/')).find((file) => file.endsWith('.md'));
    const stem = markdown?.slice(0, -'.md'.length);
    const files = stem === undefined ? [] : filesInOutDir.filter((file) => file !== indexName && formatOfFile(stem, file) !== undefined);
    const thumbnail = files.find((file) => file === `${stem}.001.png`);
    const links = LINKED.flatMap((format) => {
      const file = files.find((name) => formatOfFile(stem!, name) === format);
      return file ? [`<a href="${escapeHtml(fileUrl(file))}">${FORMAT_SPECS[format].label}</a>`] : [];
    });
    const title = escapeHtml(report.title ?? basename(report.input));
    return [
      '<li class="deck">',
      thumbnail ? `<img src="${escapeHtml(fileUrl(thumbnail))}" alt="" width="320" height="180">` : '<div class="placeholder"></div>',
      `<h2>${title}</h2>`,
      report.error
        ? `<p class="error">${escapeHtml(report.error)}</p>`
        : `<p class="meta">${escapeHtml(basename(report.input))} · ${escapeHtml(report.lang ?? '')} · ${report.slides ?? 0} slides</p><p class="links">${links.join(' ')}</p>`,
      '</li>',
    ].join('');
  });
  const heading = escapeHtml(basename(outDir));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ringkas">
<title>Decks — ${heading}</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;background:#f4f3ef;color:#1f2430}
header{padding:24px 32px;background:#14305a;color:#fff}header h1{margin:0;font-size:24px}
ul{list-style:none;margin:0;padding:24px 32px;display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:24px}
.deck{background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12);overflow:hidden}
.deck img,.placeholder{display:block;width:100%;height:auto;aspect-ratio:16/9;background:#dfe3ea}
.deck h2{font-size:18px;margin:12px 16px 4px}.meta,.links,.error{margin:4px 16px 12px;font-size:14px}
.links a{margin-right:12px;color:#14305a;font-weight:600}.error{color:#a4001d}
</style>
</head>
<body>
<header><h1>${reports.length} decks</h1></header>
<ul>
${cards.join('\n')}
</ul>
</body>
</html>
`;
}

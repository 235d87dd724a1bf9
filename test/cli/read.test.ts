import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { run } from '../../src/cli/run.js';
import { parseArticle } from '../../src/parse/index.js';
import { ROOT, captureIo, tempDir } from '../helpers.js';

const WORDPRESS = join(ROOT, 'test', 'fixtures', 'web-wordpress-tag-classes', 'web-wordpress-tag-classes.html');

/** The paragraphs of a parsed article, each as one string. */
async function paragraphsOf(text: string, kind: 'markdown' | 'html') {
  const article = await parseArticle({ path: `read.${kind === 'html' ? 'html' : 'md'}`, text, kind });
  return { article, paragraphs: article.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((s) => s.text).join(' '))) };
}

describe('ringkas read', () => {
  it('prints the article as Markdown with front matter, headings and paragraphs; warnings go to stderr', async () => {
    const io = captureIo();
    expect(await run(['read', WORDPRESS], io)).toBe(0);
    const [, frontMatter, body] = io.out.split(/^---$/mu);
    expect(parseYaml(frontMatter!)).toEqual({
      title: 'Community Gardens Cut Grocery Bills in Leeds',
      author: 'Priya Natarajan',
      date: '2023-05-12',
      lang: 'en',
      publication: 'The Allotment Post',
      source: 'https://allotmentpost.example/2023/05/community-gardens-leeds/',
    });
    expect(body).toMatch(/^\n\nFamilies who rent a plot/u);
    expect(body).toContain('\n## Savings that grow over time\n');
    expect(body).toContain('\n## Waiting lists keep growing\n');
    expect(body!.trimEnd()).toMatch(/once used for car parking\.$/u);
    expect(io.out).not.toMatch(/Share this|Gordon says|Recent Posts|Proudly powered/u);
    const warnings = io.err.trimEnd().split('\n');
    expect(warnings.length).toBeGreaterThan(0);
    for (const line of warnings) expect(line).toMatch(/^warning: .*web-wordpress-tag-classes\.html:\d+: /u);
  });

  it('--json prints the documented shape, warnings included', async () => {
    const io = captureIo();
    expect(await run(['read', WORDPRESS, '--json'], io)).toBe(0);
    expect(io.err).toBe('');
    const view = JSON.parse(io.out) as Record<string, unknown>;
    expect(Object.keys(view).sort()).toEqual(['author', 'date', 'lang', 'publication', 'sections', 'source', 'title', 'warnings']);
    expect(view['sections']).toEqual([
      { heading: null, depth: 1, paragraphs: [expect.stringMatching(/^Families who rent/u), expect.stringMatching(/^The survey asked/u)] },
      { heading: 'Savings that grow over time', depth: 1, paragraphs: [expect.stringMatching(/^Gardeners in their first/u), expect.stringMatching(/^By the second season/u)] },
      { heading: 'Waiting lists keep growing', depth: 1, paragraphs: [expect.stringMatching(/^Demand for plots/u), expect.stringMatching(/^The council plans/u)] },
    ]);
    expect((view['warnings'] as string[]).some((warning) => /dropped page chrome/u.test(warning))).toBe(true);
  });

  it('reads back as the same article: Markdown out is ringkas input', async () => {
    const io = captureIo();
    await run(['read', WORDPRESS], io);
    const html = await paragraphsOf(io.out, 'markdown');
    const original = await parseArticle({ path: WORDPRESS, text: (await import('node:fs')).readFileSync(WORDPRESS, 'utf8'), kind: 'html' });
    expect(html.article.title).toBe(original.title);
    expect(html.article.author).toBe(original.author);
    expect(html.article.date).toBe(original.date);
    expect(html.article.sections.map((section) => section.heading)).toEqual(original.sections.map((section) => section.heading));
    expect(html.paragraphs).toEqual(original.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((s) => s.text).join(' '))));
  });

  it("writes a page's text as data: no markup, HTML, directive or front matter can come of it", async () => {
    const hostile = [
      '<!-- theme: gaia --> and <!-- _class: lead --> are Marp directives written in the text of this page.',
      '--- is a line that would open front matter or break a slide when it starts a line of the output.',
      '# is not a heading here, and neither is ## or ###, because the page wrote them inside a paragraph.',
      '<script>alert(1)</script> and <img src=x onerror=alert(1)> are written as text on this page too.',
      '* not a list item, 1. not a numbered one, > not a quote, and [a link](javascript:alert(1)) is not a link.',
      '`code`, **bold**, _emphasis_, ~~struck~~, $math$, | a | table | and \\ a backslash, all as plain text.',
    ];
    const title = 'A "quoted" title: with --- and\u2028 a # and a <b>tag</b>';
    const page = `<html><head><title>${title.replace(/</gu, '&lt;')}</title><meta name="author" content="Ann: &quot;Lee&quot; #1"></head><body><article>${hostile
      .map((text) => `<p>${text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')}</p>`)
      .join('')}</article></body></html>`;
    const dir = await tempDir();
    await writeFile(join(dir, 'hostile.html'), page);
    const io = captureIo(dir);
    expect(await run(['read', 'hostile.html'], io)).toBe(0);

    const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(io.out) as Root;
    const kinds = new Set<string>();
    visit(tree, (node) => {
      kinds.add(node.type);
    });
    // Only the front matter, paragraphs and their text: no html, heading, list, link, code, break.
    expect([...kinds].sort()).toEqual(['paragraph', 'root', 'text', 'yaml']);
    const yaml = tree.children.find((node) => node.type === 'yaml');
    expect(parseYaml(yaml && 'value' in yaml ? yaml.value : '')).toMatchObject({ title: title.replace(/\s+/gu, ' '), author: 'Ann: "Lee" #1' });
    const { paragraphs } = await paragraphsOf(io.out, 'markdown');
    const fromPage = await paragraphsOf(page, 'html');
    expect(paragraphs).toEqual(fromPage.paragraphs);
    expect(paragraphs).toHaveLength(hostile.length);
  });

  it('reads standard input with -, and says "unknown" for a language it has no word lists for', async () => {
    const korean = '<html><body><article>' + '<p>서울시는 내년부터 모든 초등학교에 무료 급식을 확대하기로 했다고 밝혔다. 시 관계자는 예산이 충분하다고 설명했다.</p>'.repeat(3) + '</article></body></html>';
    const stdin = Readable.from([Buffer.from(korean)]);
    const io = captureIo();
    const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
    Object.defineProperty(process, 'stdin', { value: stdin, configurable: true });
    try {
      expect(await run(['read', '-', '--json'], io)).toBe(0);
    } finally {
      Object.defineProperty(process, 'stdin', original);
    }
    const view = JSON.parse(io.out) as { lang: string; source?: string; sections: { paragraphs: string[] }[] };
    expect(view.lang).toBe('unknown');
    expect(view.source).toBeUndefined();
    expect(view.sections[0]!.paragraphs[0]).toMatch(/^서울시는/u);
  });

  it('fails with one line and the documented exit codes', async () => {
    const missing = captureIo();
    expect(await run(['read', 'no-such-page.html'], missing)).toBe(1);
    expect(missing.err).toMatch(/^error: no-such-page\.html: no such file or folder; check the path\n$/u);
    const badLang = captureIo();
    expect(await run(['read', WORDPRESS, '--lang', 'fr'], badLang)).toBe(2);
    expect(badLang.err.split('\n')).toHaveLength(2);
    const noInput = captureIo();
    expect(await run(['read'], noInput)).toBe(2);
  });
});

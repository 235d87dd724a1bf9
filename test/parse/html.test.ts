import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/index.js';
import { isChromeToken } from '../../src/parse/html-names.js';
import { detectLanguage } from '../../src/parse/language.js';

/** An article page: the given body inside a plain document with the given head. */
function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

async function read(html: string) {
  const article = await parseArticle({ path: 'page.html', text: html, kind: 'html' });
  const paragraphs = article.sections.flatMap((section) => section.paragraphs.map((paragraph) => paragraph.sentences.map((s) => s.text).join(' ')));
  return { article, paragraphs, text: paragraphs.join('\n') };
}

/** Paragraphs of prose, numbered so that each can be found again. */
function prose(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, index) => `Paragraph ${from + index} tells the reader what happened in the town hall, who spoke, and what was decided.`);
}

const paragraphs = (texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('');

describe('class and id names', () => {
  it.each([
    ['sidebar', true],
    ['post-tags', true],
    ['social-share', true],
    ['share-buttons', true],
    ['related-posts', true],
    ['comments-area', true],
    ['baca-juga', true],
    ['baca-juga-box', true],
    ['bacaJuga', true],
    ['widget', true],
    ['elementor-widget', true],
    ['tag-ads', false],
    ['tag-sidebar', false],
    ['category-sponsored-promotion', false],
    ['content-with-sidebar-wrp', false],
    ['contentWithSidebar', false],
    ['modal-enabled', false],
    ['l-sidebar-fixed', false],
    ['has-comments', false],
    ['entry-content', false],
    ['shareholders', false],
    ['header', false],
  ])('%s is chrome: %s', (token, chrome) => {
    expect(isChromeToken(token)).toBe(chrome);
  });
});

describe('choosing the article', () => {
  it('never prunes the article away, whatever its classes say', async () => {
    const html = page(
      `<nav><a href="/">Home</a></nav><article class="post tag-ads tag-comments category-sidebar-promotion comments"><div class="share widget">${paragraphs(prose(6))}</div></article><footer>Footer text that is long enough to be read as a paragraph of its own.</footer>`,
    );
    const { paragraphs: found } = await read(html);
    expect(found).toEqual(prose(6));
  });

  it('counts loose text and <br>-separated text as paragraphs, against a longer comments block', async () => {
    const comments = prose(12, 100).map((text) => `<div class="comment"><b>reader</b> wrote:<br>${text}</div>`).join('');
    const html = page(`<div id="story">${prose(4).join('<br><br>')}</div><div id="comments">${comments}</div>`);
    const { paragraphs: found } = await read(html);
    expect(found).toEqual(prose(4));
  });

  it('joins a single <br> only where the line runs on in lower case', async () => {
    const html = page(`<div class="text">The committee met on Monday and it talked<br>about the budget for the coming year, at length.<br>Then it voted.<br>${prose(3).join('<br>')}</div>`);
    const { paragraphs: found } = await read(html);
    expect(found.slice(0, 2)).toEqual(['The committee met on Monday and it talked about the budget for the coming year, at length.', 'Then it voted.']);
    expect(found.slice(2)).toEqual(prose(3));
  });

  it('keeps an element holding most of the article even when it is named like chrome', async () => {
    const html = page(`<div class="article-body">${paragraphs(prose(2))}<div class="read-more">${paragraphs(prose(5, 3))}</div></div>`);
    const { paragraphs: found } = await read(html);
    expect(found).toEqual(prose(7));
  });

  it('reads an article cut into blocks by ads as one', async () => {
    const block = (texts: string[]) => `<div class="wrap"><div class="story-body">${paragraphs(texts)}</div><div class="ad-slot"><p>Advertisement</p></div></div>`;
    const html = page(`${block(prose(3))}${block(prose(3, 4))}${block(prose(3, 7))}`);
    const { paragraphs: found } = await read(html);
    expect(found).toEqual(prose(9));
  });

  it('leaves out reader comments, galleries and related links inside the article, even when they hold more text', async () => {
    const gallery = `<div class="gallery">${prose(10, 50).map((text) => `<figure><h3>Picture</h3><p>${text}</p></figure>`).join('')}</div>`;
    const related = `<div class="related-stories"><h3>Related</h3>${paragraphs(prose(8, 80))}</div>`;
    const html = page(`<div class="entry-content">${paragraphs(prose(4))}${gallery}${related}</div>`);
    const { paragraphs: found } = await read(html);
    expect(found).toEqual(prose(4));
  });

  it('drops the leftovers of players and page tools, and the author line', async () => {
    const controls = ['Close', 'Caption', 'Back to Gallery', 'Video', 'Text size', 'Play Video', 'By Ann Lee'].map((text) => `<span>${text}</span>`).join('<br>');
    const html = page(`<article><div>${controls}</div>${paragraphs(prose(3))}</article>`, '<meta name="author" content="Ann Lee">');
    const { paragraphs: found, article } = await read(html);
    expect(found).toEqual(prose(3));
    expect(article.author).toBe('Ann Lee');
  });

  it('reads a page with no prose to speak of as its body, and fails it cleanly when it has none', async () => {
    await expect(read(page('<div><a href="/a">One</a> <a href="/b">Two</a></div>'))).rejects.toThrow(/^page\.html: no article text found; give a file with at least one paragraph of prose$/u);
  });
});

describe('metadata', () => {
  it('takes the title from JSON-LD or og:title and strips the site name', async () => {
    const body = `<article>${paragraphs(prose(3))}</article>`;
    const cases: [string, string][] = [
      ['<meta property="og:title" content="Rivers Run Low | ZDNet"><meta property="og:site_name" content="ZDNet">', 'Rivers Run Low'],
      ['<title>Rivers Run Low in Summer - The Daily Planet</title>', 'Rivers Run Low in Summer'],
      ['<title>Daily Planet :: Rivers Run Low Across the Whole of Europe</title>', 'Rivers Run Low Across the Whole of Europe'],
      ['<title>Mozilla - Wikipedia</title>', 'Mozilla - Wikipedia'],
      [
        '<title>New Zealand - Wikipedia</title><script type="application/ld+json">{"@type":"Article","name":"New Zealand","headline":"island country in the Pacific"}</script>',
        'New Zealand',
      ],
      ['<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":"NewsArticle","headline":"Graph Headline"}]}</script><title>Other</title>', 'Graph Headline'],
    ];
    for (const [head, title] of cases) expect((await read(page(body, head))).article.title).toBe(title);
  });

  it('takes author, date, publication and address from JSON-LD, meta tags and bylines', async () => {
    const body = `<article><p class="byline">By Budi Santoso | 3 March 2021</p>${paragraphs(prose(3))}</article>`;
    const ld = '<script type="application/ld+json">{"@type":"BlogPosting","headline":"H","author":[{"name":"Ann Lee"},{"name":"Budi Santoso"}],"datePublished":"2021-03-03T10:00:00Z","publisher":{"name":"The Paper"},"url":"https://paper.example/h"}</script>';
    const fromLd = (await read(page(body, ld))).article;
    expect([fromLd.author, fromLd.date, fromLd.publication, fromLd.source]).toEqual(['Ann Lee, Budi Santoso', '2021-03-03', 'The Paper', 'https://paper.example/h']);
    const fromMeta = (await read(page(body, '<meta property="article:published_time" content="March 3, 2021"><meta property="og:site_name" content="Paper"><link rel="canonical" href="https://paper.example/x">'))).article;
    expect([fromMeta.author, fromMeta.date, fromMeta.publication, fromMeta.source]).toEqual(['Budi Santoso', '2021-03-03', 'Paper', 'https://paper.example/x']);
    expect((await read(page(body))).paragraphs).toEqual(prose(3));
  });
});

describe('language', () => {
  it('says unknown for languages other than Indonesian and English, and reads them with English labels', async () => {
    const russian = 'Городской совет утвердил новый бюджет на следующий год после долгого обсуждения. '.repeat(5);
    const french = 'Le conseil municipal a approuvé le nouveau budget pour l’année prochaine après un long débat sur les écoles. '.repeat(5);
    const korean = '서울시는 내년부터 모든 초등학교에 무료 급식을 확대하기로 했다고 밝혔다. '.repeat(5);
    for (const text of [russian, french, korean]) {
      expect(detectLanguage(text)).toBe('unknown');
      const { article } = await read(page(`<article><p>${text}</p></article>`));
      expect([article.lang, article.unknownLanguage]).toEqual(['en', true]);
    }
    expect(detectLanguage('The city council approved the new budget for the coming year after a long debate about schools. '.repeat(3))).toBe('en');
    expect(detectLanguage('Dewan kota menyetujui anggaran baru untuk tahun depan setelah perdebatan panjang tentang sekolah. '.repeat(3))).toBe('id');
  });

  it('trusts a declared Indonesian or English page, and detects the others', async () => {
    const english = `<article>${paragraphs(prose(3))}</article>`;
    expect((await read(page(english).replace('<html>', '<html lang="ko">'))).article.lang).toBe('en');
    expect((await read(page(english).replace('<html>', '<html lang="ko">'))).article.unknownLanguage).toBeUndefined();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { RingkasError } from '../../src/errors.js';
import { parseArticle } from '../../src/parse/index.js';
import { syntaxFor } from '../../src/pipeline.js';

/**
 * Random and hostile HTML through the parse stage (and on to a deck): every page must end in a
 * deck or in a one-line error that says what is wrong with the page — never in anything else,
 * which would be a bug ("unexpected failure").
 */

/** The one-line refusals the HTML reader may give, each for a page that deserves it. */
const CLEAN_ERRORS = /^page\.html: (no article text found; give a file with at least one paragraph of prose|HTML elements nested more than 256 levels deep \(line \d+\); flatten the nesting or save the text as plain text \(\.txt\))$/u;

async function deckOrCleanError(html: string): Promise<'deck' | 'refused'> {
  let article;
  try {
    article = await parseArticle({ path: 'page.html', text: html, kind: 'html' });
  } catch (error) {
    expect(error).toBeInstanceOf(RingkasError);
    expect((error as Error).message).toMatch(CLEAN_ERRORS);
    return 'refused';
  }
  const deck = condense(article, await syntaxFor(article));
  expect(deck.slides.length).toBeGreaterThan(0);
  for (const warning of article.warnings) expect(warning.message).not.toContain('\n');
  return 'deck';
}

const TAGS = [
  'div', 'p', 'span', 'article', 'main', 'section', 'aside', 'nav', 'footer', 'header', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'a', 'b', 'strong', 'i',
  'h1', 'h2', 'h3', 'pre', 'code', 'blockquote', 'figure', 'figcaption', 'form', 'template', 'svg', 'math', 'iframe', 'noscript', 'select', 'font', 'center',
  'script', 'style', 'title', 'meta', 'html', 'head', 'body', 'time', 'dl', 'dt', 'dd', 'q', 'xmp', 'plaintext', 'textarea', 'br', 'hr', 'img',
];
const CLASS_WORDS = [
  'sidebar', 'comments', 'tag-ads', 'category-news-promotion', 'entry-content', 'post-body', 'widget', 'Blog', 'share-buttons', 'baca-juga', 'modal-enabled',
  'content-with-sidebar-wrp', 'l-sidebar-fixed', 'paywall', 'read-more', 'gallery', 'caption', 'byline', 'author', 'story-body-1', 'story-body-2', 'x'.repeat(200),
];

const sentence = fc.lorem({ maxCount: 12, mode: 'sentences' });
const attribute = fc.oneof(
  fc.array(fc.constantFrom(...CLASS_WORDS), { minLength: 1, maxLength: 4 }).map((words) => ` class="${words.join(' ')}"`),
  fc.constantFrom(
    ' itemprop="articleBody"', ' hidden', ' style="display:none"', ' style="visibility : hidden ; color: red"', ' role="navigation"', ' role="main"', ' aria-hidden="true"',
    ' rel="author"', ' property="og:title" content="A | Site"', ' name="author" content="By Ann Lee"', ' charset="windows-1252"', ' lang="ko"', ' id="comments"',
    ' type="application/ld+json"', ' datetime="2020-02-30"', ' pubdate', ' class', ' class=""', ' style=', ' href="javascript:alert(1)"',
  ),
  fc.string({ maxLength: 30 }).map((value) => ` data-x="${value.replace(/"/gu, '&quot;')}"`),
);
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 })).map(([tag, attributes]) => `<${tag}${attributes.join('')}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((tag) => `</${tag}>`) },
  { weight: 4, arbitrary: sentence },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<br><br>', '<!-- comment -->', '<!--', ']]>', '<![CDATA[x]]>', '&amp;&lt;&#0;&#xD800;&nbsp;', '<p>Baca juga: <a href="/x">Judul lain</a></p>', 'Close', 'Video',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":[{"name":"A"},"B",{"name":null}],"datePublished":"x"}</script>',
      '<script type="application/ld+json">[[[[{"@graph":[{"@type":["Article"],"headline":{"x":1}}]}]]]]</script>', '<script type="application/ld+json">{not json</script>',
      '<meta name="author" content="https://example.com/ann">', '<title>Site :: A title of several words here</title>', '\u0000', '\u202e', '\r\n',
    ),
  },
);

describe('HTML fuzz: a deck or a clean one-line error', () => {
  it('random pages made of hostile pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 80 }), fc.constantFrom('', '\n', ' '), async (pieces, joiner) => {
        await deckOrCleanError(pieces.join(joiner));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('arbitrary text read as HTML', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 800 }), async (text) => {
        await deckOrCleanError(text);
      }),
      { numRuns: 150, seed: 16 },
    );
  });

  const prose = '<p>The council met on Monday, and it approved the budget for the coming year after a long debate.</p>';
  it.each([
    ['nesting just within the limit', `<html><body>${'<div>'.repeat(250)}${prose}${'</div>'.repeat(250)}</body></html>`, 'deck'],
    ['nesting past the limit', `<html><body>${'<div class="entry-content">'.repeat(300)}${prose}</body></html>`, 'refused'],
    ['ten thousand unclosed paragraphs and list items', `<html><body>${prose}${'<p>Words, of text. <li>more <b>words '.repeat(10_000)}</body></html>`, 'deck'],
    ['unclosed inline tags nesting past the limit', `<html><body>${prose}${'<span><b><i>words '.repeat(10_000)}</body></html>`, 'refused'],
    ['a 1 MB class attribute', `<html><body><div class="${'sidebar '.repeat(130_000)}">${prose}</div></body></html>`, 'deck'],
    ['a 1 MB title and author', `<html><head><title>${'a | '.repeat(250_000)}</title><meta name="author" content="${'By '.repeat(300_000)}"></head><body>${prose}</body></html>`, 'deck'],
    ['a thousand chrome-named wrappers, each around one paragraph', `<html><body>${`<div class="comments">${prose}</div>`.repeat(1000)}</body></html>`, 'deck'],
    ['only chrome and links', `<html><body><nav><a href="/">Home</a></nav><footer><a href="/p">Privacy</a></footer></body></html>`, 'refused'],
    ['ten thousand <br>', `<html><body><div>${'Line of text<br>'.repeat(10_000)}</div></body></html>`, 'deck'],
  ])('%s', async (_, html, outcome) => {
    expect(await deckOrCleanError(html)).toBe(outcome);
  });
});

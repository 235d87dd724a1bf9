import { Marp as InstalledMarp } from '@marp-team/marp-core';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/io/inputs.js';
import { deckFromFile } from '../../src/pipeline.js';
import { MARP_OPTIONS, deckDocument, prepareMarp } from '../../src/render/marp.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { markdownSettings, resolveTheme } from '../../src/themes/index.js';
import { ROOT, SAMPLE } from '../helpers.js';

/** marp-core as `npm run build` bundles it for ringkas (scripts/bundle.mjs), math engines left out. */
const { Marp: BundledMarp } = createRequire(import.meta.url)(join(ROOT, 'dist', 'vendor', 'marp-core.cjs')) as typeof import('@marp-team/marp-core');

function rendered(Marp: typeof InstalledMarp, markdown: string, themeCss?: string) {
  const marp = new Marp(MARP_OPTIONS as never);
  if (themeCss !== undefined) marp.themeSet.add(themeCss);
  const { html, css, comments } = marp.render(markdown);
  return { html, css, comments };
}

describe('the bundled marp-core', () => {
  it('renders exactly what the installed marp-core renders: the sample deck in each bundled theme, and Markdown that math or code would change', async () => {
    const { deck } = await deckFromFile(SAMPLE);
    const cases: { markdown: string; css?: string }[] = [];
    for (const name of ['ringkas', 'default', 'gaia', 'uncover']) {
      const theme = await resolveTheme(name, ROOT);
      cases.push({ markdown: serializeDeck(deck, markdownSettings(theme)), ...(theme.css !== undefined ? { css: theme.css } : {}) });
    }
    // Text that the math and highlighting plugins would turn into markup if they were on.
    cases.push({ markdown: '---\nmarp: true\ntheme: gaia\n---\n\n# $x^2$ and $$y$$\n\n```js\nconst a = 1;\n```\n\n- \\(a\\) and 1 :smile:\n' });
    // An article as it is, with its headings, lists and front matter read as a deck.
    cases.push({ markdown: (await readSource(join(ROOT, 'test', 'fixtures', 'markdown-nested-headings', 'markdown-nested-headings.md'))).text });
    for (const { markdown, css } of cases) {
      expect(rendered(BundledMarp, markdown, css)).toEqual(rendered(InstalledMarp, markdown, css));
    }
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves the math engines out', () => {
    const bundle = statSync(join(ROOT, 'dist', 'vendor', 'marp-core.cjs')).size;
    // MathJax alone is over 2 MB of code when bundled; without it the bundle stays near 3 MB.
    expect(bundle).toBeLessThan(4_000_000);
    const text = readFileSync(join(ROOT, 'dist', 'vendor', 'marp-core.cjs'), 'utf8');
    expect(text).not.toContain('node_modules/mathjax-full/');
    expect(text).not.toContain('node_modules/katex/dist');
  });

  it('renders a deck with a Marp made ahead (while the model loads) exactly as with a new one, and uses it only for its theme', async () => {
    const { deck } = await deckFromFile(SAMPLE);
    const [ringkas, gaia] = [await resolveTheme('ringkas', ROOT), await resolveTheme('gaia', ROOT)];
    const fresh = deckDocument(deck, ringkas, 'present');
    prepareMarp(ringkas);
    expect(deckDocument(deck, ringkas, 'present')).toBe(fresh);
    // Made for one theme, a Marp is not used for another.
    prepareMarp(gaia);
    expect(deckDocument(deck, ringkas, 'present')).toBe(fresh);
    expect(deckDocument(deck, gaia, 'present')).not.toBe(fresh);
  });
});

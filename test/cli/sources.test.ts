import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo, tempDir } from '../helpers.js';

/** An English news article with front matter, three sections and an acronym defined in a key sentence. */
const ARTICLE = `---
title: Measles Returns to European Cities
author: Hannah Okafor
date: 2024-03-18
source: https://health-desk.example/2024/03/measles-europe
---

## A sharp rise

The World Health Organization (WHO) said on Monday that measles cases in Europe rose thirty-fold last year.
More than 42,000 people caught the disease across forty countries, against 941 cases the year before.
Health officials blame the gaps in vaccination that opened while clinics were closed.

## Where the cases are

Romania and Kazakhstan reported the most cases, with hospitals in Bucharest treating hundreds of children.
The WHO counted cases in nearly every country of the region, including several that had eliminated measles.
Doctors in Lyon and Birmingham said they saw infected children for the first time in their careers.

## What comes next

The WHO asked governments to run catch-up vaccination campaigns in schools before the summer.
Two doses of the vaccine protect about 97 percent of children from the disease for life.
Officials in Romania plan to open weekend clinics in every county by April.
`;

interface MarkdownSlide {
  kind: string;
  title: string;
  bullets: string[];
}

/** The slides of a deck's Marp Markdown: class, heading and bullets, escapes undone. */
function slidesOf(markdown: string): MarkdownSlide[] {
  const unescape = (text: string) => text.replace(/(?<!\\)\*\*/gu, '').replace(/\\(.)/gu, '$1');
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .split(/^---$/mu)
    .map((slide) => ({
      kind: /<!-- _class: (\w+)/u.exec(slide)?.[1] ?? '',
      title: unescape(/^#{1,2} (.*)$/mu.exec(slide)?.[1] ?? ''),
      bullets: [...slide.replace(/<!--[\s\S]*?-->/gu, '').matchAll(/^- (.*)$/gmu)].map((match) => unescape(match[1]!)),
    }));
}

describe('the sources slide and the optional slides on the command line', () => {
  let dir: string;

  /** Builds the article's Markdown deck with the given flags, in `dir`, and reads its slides back. */
  async function build(name: string, ...flags: string[]): Promise<MarkdownSlide[]> {
    const io = captureIo(dir);
    const code = await run(['build', 'measles.md', '--out', name, '--format', 'md', '--quiet', ...flags], io);
    expect(code, io.err).toBe(0);
    return slidesOf(await readFile(join(dir, name, 'measles.md'), 'utf8'));
  }

  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'measles.md'), ARTICLE);
  });

  it('ends the deck with a "Source" slide of what the front matter holds', async () => {
    const slides = await build('default');
    expect(slides.at(-1)).toEqual({
      kind: 'sources',
      title: 'Source',
      bullets: ['Title: Measles Returns to European Cities', 'Author: Hannah Okafor', 'Date: 2024-03-18', 'URL: https://health-desk.example/2024/03/measles-europe'],
    });
    expect(slides.filter((slide) => slide.kind === 'sources')).toHaveLength(1);
  });

  it('has no sources slide with --no-sources, nor with sources: false in the config, unless --sources', async () => {
    expect((await build('none', '--no-sources')).map((slide) => slide.kind)).not.toContain('sources');
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ sources: false }));
    try {
      expect((await build('config')).map((slide) => slide.kind)).not.toContain('sources');
      expect((await build('flag', '--sources')).at(-1)!.kind).toBe('sources');
    } finally {
      await writeFile(join(dir, 'ringkas.config.json'), '{}');
    }
  });

  it('credits what --source says instead of the front matter', async () => {
    const slides = await build('credit', '--source', 'Health Desk, 18 March 2024, p. 4');
    expect(slides.at(-1)!.bullets).toEqual(['Title: Measles Returns to European Cities', 'Author: Hannah Okafor', 'Date: 2024-03-18', 'Health Desk, 18 March 2024, p. 4']);
  });

  it('lists the lines in the outline, and reports the address as the source of the deck', async () => {
    const lines = ['Title: Measles Returns to European Cities', 'Author: Hannah Okafor', 'Date: 2024-03-18', 'URL: https://health-desk.example/2024/03/measles-europe'];
    const json = captureIo(dir);
    expect(await run(['outline', 'measles.md', '--json'], json), json.err).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ source: 'https://health-desk.example/2024/03/measles-europe', sources: lines });
    const markdown = captureIo(dir);
    expect(await run(['outline', 'measles.md'], markdown), markdown.err).toBe(0);
    expect(markdown.out.trimEnd().endsWith(['## Source', '', ...lines.map((line) => `- ${line}`)].join('\n'))).toBe(true);
    const report = captureIo(dir);
    expect(await run(['build', 'measles.md', '--out', 'report', '--format', 'md', '--json', '--quiet'], report), report.err).toBe(0);
    expect(JSON.parse(report.out).decks[0].source).toBe('https://health-desk.example/2024/03/measles-europe');
  });

  it('leaves the agenda out with --no-agenda and the glossary with --no-glossary', async () => {
    const kinds = (await build('full')).map((slide) => slide.kind);
    expect(kinds).toContain('agenda');
    expect(kinds).toContain('glossary');
    const without = (await build('bare', '--no-agenda', '--no-glossary')).map((slide) => slide.kind);
    expect(without).not.toContain('agenda');
    expect(without).not.toContain('glossary');
    expect(without.at(-1)).toBe('sources');
  });
});

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { syntaxFor } from '../../src/pipeline.js';
import { parseArticle } from '../../src/parse/index.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { SAMPLE, sentenceTexts } from '../helpers.js';

const sample = async () => await parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' });

describe('parseArticle on the bundled sample', () => {
  it('finds the introduction and the three headings, in order, with their exact words', async () => {
    const article = await sample();
    expect(article.sections.map((section) => section.heading)).toEqual([
      undefined,
      'Aliansi Keamanan dan Dinamika Politik Global',
      'Tantangan dan Masa Depan Aliansi Keamanan',
      'Masa Depan Aliansi Keamanan Internasional',
    ]);
    expect(article.sections.map((section) => section.paragraphs.length)).toEqual([2, 4, 5, 2]);
  });

  it('detects Indonesian and takes the dominant key phrase as the title, whatever the file is called', async () => {
    const article = await parseArticle({ path: 'artikel.txt', text: await readFile(SAMPLE, 'utf8'), kind: 'text' });
    expect(article.lang).toBe('id');
    expect(article.title).toBe('Aliansi Keamanan Internasional');
  });

  it('collects the glossary of acronyms the sample defines', async () => {
    expect((await sample()).glossary).toEqual([
      { term: 'PBB', expansion: 'Perserikatan Bangsa-Bangsa' },
      { term: 'NATO', expansion: 'Pakta Pertahanan Atlantik Utara' },
      { term: 'ADMM', expansion: 'ASEAN Defense Ministers’ Meeting' },
      { term: 'SCO', expansion: 'Shanghai Cooperation Organization' },
    ]);
  });

  it('lets --lang override the detected language', async () => {
    const article = await parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' }, { lang: 'en' });
    expect(article.lang).toBe('en');
  });

  it('drops the "BACA JUGA" trailer with a warning naming its line, so that none of it reaches the deck', async () => {
    const article = await sample();
    const text = JSON.stringify(article.sections);
    expect(text).not.toMatch(/BACA JUGA|Aliansi Ekonomi Dunia/u);
    expect(serializeDeck(condense(article, await syntaxFor(article)), { theme: 'ringkas' })).not.toMatch(/BACA|Aliansi Ekonomi Dunia|Pertumbuhan Berkelanjutan/u);
    expect(article.warnings).toEqual([expect.objectContaining({ line: 17, message: expect.stringContaining('BACA JUGA') })]);
  });

  it('splits paragraphs into sentences with their source line', async () => {
    const article = await sample();
    const intro = article.sections[0]!.paragraphs;
    expect(intro[1]!.sentences.map((sentence) => sentence.text)).toEqual([
      'Di dunia yang semakin terhubung, konflik di satu wilayah dapat berdampak luas terhadap ekonomi, sosial, dan keamanan negara lain.',
      'Oleh karena itu, kerja sama internasional dalam sektor keamanan menjadi hal yang tak terelakkan.',
      'Aliansi keamanan berfungsi tidak hanya sebagai sistem pertahanan kolektif, tetapi juga sebagai forum diplomasi yang memungkinkan negara-negara menyelesaikan perbedaan melalui dialog daripada konfrontasi.',
    ]);
    expect(intro[1]!.sentences[0]!.line).toBe(2);
  });
});

describe('parseArticle on other sources', () => {
  it('drops a newsroom credit closing a story, and keeps a sentence that only mentions reporting', async () => {
    const text = [
      'Kansas Signs Abortion Law',
      '',
      'Kansas became the first state to ban a common second-trimester abortion procedure on Tuesday.',
      '',
      'Critics said the law would be challenged in court within weeks.',
      '',
      "CNN's Sam Stringer contributed to this report.",
      '',
      '(Reporting by Ann Lee; Editing by Budi Santoso)',
      '',
      'Watch the hearing Maya Ortiz reported from Topeka',
      '',
      'Reporting by local papers had described the bill as likely to pass.',
      '',
      'A clerk reported from Topeka that the bill had passed.',
    ].join('\n');
    const article = await parseArticle({ path: 'kansas.txt', text, kind: 'text' });
    const sentences = sentenceTexts(article);
    expect(sentences.join(' ')).not.toMatch(/contributed to this report|Editing by|Maya Ortiz/u);
    expect(sentences).toContain('A clerk reported from Topeka that the bill had passed.');
    expect(sentences).toContain('Reporting by local papers had described the bill as likely to pass.');
    expect(article.warnings.map((warning) => warning.message)).toEqual(expect.arrayContaining([expect.stringMatching(/dropped boilerplate: "CNN's Sam Stringer contributed/u)]));
  });

  it("drops a site's description of itself below the article, and takes a line that closes a quote for a sentence, not a heading", async () => {
    const text = [
      'Pemerintah Kota Bandung meresmikan jalur sepeda baru sepanjang dua belas kilometer pada Senin pagi.',
      '',
      'Wali kota mengatakan jalur itu menghubungkan kampus dengan stasiun kereta.',
      '',
      "Her neighbour said: 'I heard the alarm at two in the morning",
      '',
      "and we all went out into the street.'",
      '',
      "It probably saved all our lives.'",
      '',
      'Warga berharap jalur itu segera dilengkapi lampu penerangan.',
      '',
      'KabarKota.id adalah portal berita kota dan gaya hidup urban. Kamu bisa menjadi member komunitas KabarKota.id secara cuma-cuma.',
    ].join('\n');
    const article = await parseArticle({ path: 'bandung.txt', text, kind: 'text' });
    const sentences = sentenceTexts(article);
    expect(sentences.join(' ')).not.toMatch(/portal berita|member komunitas/u);
    expect(article.sections.map((section) => section.heading)).not.toContain("It probably saved all our lives.'");
    expect(sentences).toContain("It probably saved all our lives.'");
  });

  it('reads Markdown with front matter, a title heading and sections', async () => {
    const markdown = [
      '---',
      'title: Climate Briefing',
      'author: Dr. A. Rahman',
      'lang: en',
      '---',
      '',
      '# Ignored Because Front Matter Wins',
      '',
      'The climate is changing fast. Scientists agree on the causes.',
      '',
      '## Effects',
      '',
      '- Sea levels are rising along every coast.',
      '- Heat waves last longer than before.',
      '',
      '```js',
      'console.log("code is not prose")',
      '```',
    ].join('\n');
    const article = await parseArticle({ path: 'brief.md', text: markdown, kind: 'markdown' });
    expect(article.title).toBe('Climate Briefing');
    expect(article.author).toBe('Dr. A. Rahman');
    expect(article.lang).toBe('en');
    expect(article.sections.map((section) => section.heading)).toEqual([undefined, 'Effects']);
    expect(article.sections[1]!.paragraphs.flatMap((p) => p.sentences.map((s) => s.text))).toEqual([
      'Sea levels are rising along every coast.',
      'Heat waves last longer than before.',
    ]);
    expect(JSON.stringify(article)).not.toContain('console.log');
  });

  it('reads English acronyms defined in both orders', async () => {
    const text = 'The North Atlantic Treaty Organization (NATO) met in Brussels. Officials of the WHO (World Health Organization) joined them. The U.S. team (led by Ms. Lee) arrived late.';
    expect((await parseArticle({ path: 'a.txt', text, kind: 'text' })).glossary).toEqual([
      { term: 'NATO', expansion: 'North Atlantic Treaty Organization' },
      { term: 'WHO', expansion: 'World Health Organization' },
    ]);
  });

  it('takes a leading heading-like line of plain text as the title and detects English', async () => {
    const text = 'Ocean Heat Report\n\nThe oceans absorb most of the extra heat. This changes the weather.\n\nWhat Comes Next\n\nScientists expect more storms in the coming years.\n';
    const article = await parseArticle({ path: 'report.txt', text, kind: 'text' });
    expect(article.title).toBe('Ocean Heat Report');
    expect(article.lang).toBe('en');
    expect(article.sections.map((section) => section.heading)).toEqual([undefined, 'What Comes Next']);
  });

  it('fails with a one-line message naming the file for invalid front matter', async () => {
    await expect(parseArticle({ path: 'bad.md', text: '---\ntitle: [unclosed\n---\n\nText here.', kind: 'markdown' })).rejects.toThrow(
      /^bad\.md: invalid YAML front matter .*; fix or remove/u,
    );
  });

  it('fails for a source without prose', async () => {
    await expect(parseArticle({ path: 'empty.md', text: '# Only\n\n## Headings\n', kind: 'markdown' })).rejects.toThrow(/^empty\.md: no article text found/u);
  });
});

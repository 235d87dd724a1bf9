import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SAMPLE, runBin, tempDir } from '../helpers.js';

describe('ringkas outline', () => {
  it('says "unknown" for a language other than Indonesian and English, with English labels', async () => {
    const dir = await tempDir();
    const french = 'Le conseil municipal a approuvé le nouveau budget pour l’année prochaine après un long débat sur les écoles et les routes.';
    await writeFile(join(dir, 'conseil.html'), `<html><body><article><p>${french}</p><p>${french}</p></article></body></html>`);
    const json = await runBin(['outline', join(dir, 'conseil.html'), '--json']);
    expect(JSON.parse(json.stdout).lang).toBe('unknown');
    const markdown = await runBin(['outline', join(dir, 'conseil.html')]);
    expect(markdown.stdout).toMatch(/^Language: unknown$/mu);
    expect(markdown.stdout).toMatch(/^## Key takeaways$/mu);
  });

  it('prints the understood sample as one JSON object of the documented shape', async () => {
    const result = await runBin(['outline', SAMPLE, '--json']);
    expect(result.code).toBe(0);
    const outline = JSON.parse(result.stdout);
    expect(Object.keys(outline)).toEqual(['title', 'lang', 'sections', 'takeaways', 'glossary', 'warnings']);
    expect(outline.title).toBe('Aliansi Keamanan Internasional');
    expect(outline.lang).toBe('id');
    expect(outline.sections.map((section: { heading: string }) => section.heading)).toEqual([
      'Pendahuluan',
      'Aliansi Keamanan dan Dinamika Politik Global',
      'Tantangan dan Masa Depan Aliansi Keamanan',
      'Masa Depan Aliansi Keamanan Internasional',
    ]);
    // Every section shows points but the closing one, whose points are the takeaways.
    expect(outline.sections.at(-1).points).toEqual([]);
    expect(outline.takeaways.length).toBeGreaterThanOrEqual(3);
    for (const section of outline.sections.slice(0, -1)) {
      expect(section.points.length).toBeGreaterThan(0);
      for (const point of section.points) expect(typeof point).toBe('string');
    }
    expect(Array.isArray(outline.takeaways)).toBe(true);
    expect(outline.glossary).toEqual([
      { term: 'PBB', expansion: 'Perserikatan Bangsa-Bangsa' },
      { term: 'NATO', expansion: 'Pakta Pertahanan Atlantik Utara' },
      { term: 'ADMM', expansion: 'ASEAN Defense Ministers’ Meeting' },
      { term: 'SCO', expansion: 'Shanghai Cooperation Organization' },
    ]);
    expect(outline.warnings).toEqual([expect.stringMatching(/aliansi-keamanan-internasional\.txt:17: dropped boilerplate: "BACA JUGA/u)]);
    expect(JSON.stringify([outline.title, outline.sections, outline.takeaways, outline.glossary])).not.toMatch(/BACA JUGA|Aliansi Ekonomi Dunia/u);
    // Warnings also go to stderr, so that stdout stays pure JSON.
    expect(result.stderr).toMatch(/^warning: .*BACA JUGA/u);
  });

  it('reads a folder’s article as the file itself (its kind comes from the file, not the folder)', async () => {
    const fromFolder = JSON.parse((await runBin(['outline', 'source', '--json'])).stdout);
    const fromFile = JSON.parse((await runBin(['outline', SAMPLE, '--json'])).stdout);
    expect(fromFolder.sections).toEqual(fromFile.sections);
    expect(fromFolder.title).toBe(fromFile.title);
  });

  it('prints Markdown by default', async () => {
    const result = await runBin(['outline', SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Aliansi Keamanan Internasional\n\nLanguage: id\n\n## Pendahuluan\n\n- /u);
    expect(result.stdout).toContain('## Glosarium');
    expect(result.stdout).toContain('- NATO: Pakta Pertahanan Atlantik Utara');
  });

  it('reads standard input with -, sniffing Markdown', async () => {
    const markdown = '---\ntitle: From Stdin\nlang: en\n---\n\nThe first point is clear. The second point follows.\n\n## Details\n\nDetails matter a great deal here.\n';
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [BIN, 'outline', '-', '--json'], (error, out) => (error ? reject(error) : resolve(out)));
      child.stdin!.end(markdown);
    });
    const outline = JSON.parse(stdout);
    expect(outline.title).toBe('From Stdin');
    expect(outline.sections.map((section: { heading: string }) => section.heading)).toEqual(['Introduction', 'Details']);
  });
});

describe('unreadable inputs', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['notes.odt', 'whatever', /: unsupported file type "\.odt"; give \.md, \.markdown, \.txt, \.html, \.htm, \.pdf, \.docx$/u],
    ['notes.docx', 'whatever', /: is not a Word document that can be read \(.+\); check that the file is complete, or save it again as \.docx$/u],
    ['notes.pdf', 'whatever', /: is not a PDF that can be read \(.+\); check that the file is complete, or export it again$/u],
    ['empty.txt', '  \n\n \t\n', /: the file is empty; give an article with some text$/u],
    ['binary.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]), /: looks like a binary file, not an article; give a text, Markdown or HTML file$/u],
    ['latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x2e]), /: not valid UTF-8 text; save the file as UTF-8 and try again$/u],
  ];

  it.each(cases)('%s gives exit code 1 and one line naming the file, for build and outline', async (name, content, message) => {
    const dir = await tempDir();
    const path = join(dir, name);
    await writeFile(path, content);
    for (const args of [['build', path, '--out', join(dir, 'out'), '--format', 'md'], ['outline', path]]) {
      const result = await runBin(args);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`error: ${path}: `)).toBe(true);
      expect(lines[0]).toMatch(message);
    }
  });
});

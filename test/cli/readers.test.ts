import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDir } from '../helpers.js';

const TEST_DOCS = join(ROOT, '..', 'shared', 'test-docs');
const BRIEF = join(ROOT, 'test', 'fixtures', 'pdf-two-column-brief', 'pdf-two-column-brief.pdf');
const DOCX = join(ROOT, 'test', 'fixtures', 'docx-aliansi-keamanan', 'docx-aliansi-keamanan.docx');

interface Report {
  decks: { input: string; title?: string; slides?: number; outputs: string[]; warnings: string[]; error?: string }[];
}

describe('PDF and Word inputs on the command line', () => {
  it('builds decks from a PDF and a .docx in a folder; a damaged PDF beside them is one line and exit 1', async () => {
    const dir = await tempDir();
    const articles = join(dir, 'articles');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(articles);
    await writeFile(join(articles, 'brief.pdf'), await readFile(BRIEF));
    await writeFile(join(articles, 'aliansi.docx'), await readFile(DOCX));
    await writeFile(join(articles, 'broken.pdf'), '%PDF-1.7\nnot really\n');
    const result = await runBin(['build', articles, '--out', join(dir, 'out'), '--format', 'md', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const byName = Object.fromEntries(report.decks.map((deck) => [deck.input.split('/').at(-1), deck]));
    expect(byName['brief.pdf']).toMatchObject({ title: 'Rainwater Harvesting in Dense Cities' });
    expect(byName['aliansi.docx']).toMatchObject({ title: 'Aliansi Keamanan Internasional' });
    expect(byName['broken.pdf']!.error).toMatch(/broken\.pdf: (is not a PDF that can be read \(.+\); check that the file is complete, or export it again|has no text layer .+)$/u);
    const markdown = await readFile(join(dir, 'out', 'brief.md'), 'utf8');
    expect(markdown).toContain('# Rainwater Harvesting in Dense Cities');
    expect(markdown).toContain('## Why Cities Run Short');
    expect(markdown).not.toMatch(/Urban Water Brief|Gould, J\./u);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(1);
  });

  it.skipIf(!existsSync(TEST_DOCS))('builds tracemonkey.pdf with its title, authors and sections, and no references (skipped when ../shared/test-docs is absent)', async () => {
    const dir = await tempDir();
    const result = await runBin(['outline', join(TEST_DOCS, 'tracemonkey.pdf'), '--json']);
    expect(result.code).toBe(0);
    const outline = JSON.parse(result.stdout) as { title: string; sections: { heading: string; points: string[] }[] };
    expect(outline.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
    expect(outline.sections[0]!.heading).toBe('Abstract');
    expect(outline.sections[0]!.points.length).toBeGreaterThan(0);
    expect(outline.sections.map((section) => section.heading)).not.toContain('References');
    expect(JSON.stringify(outline)).not.toContain('LuaJIT roadmap');
    const build = await runBin(['build', join(TEST_DOCS, 'tracemonkey.pdf'), '--out', join(dir, 'out'), '--format', 'md']);
    expect(build.code).toBe(0);
    expect(await readFile(join(dir, 'out', 'tracemonkey.md'), 'utf8')).toContain('author: "Andreas Gal et al."');
  });

  it.skipIf(!existsSync(TEST_DOCS))('refuses TAMReview.pdf in one line naming the unreadable pages (skipped when ../shared/test-docs is absent)', async () => {
    const result = await runBin(['outline', join(TEST_DOCS, 'TAMReview.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: .*TAMReview\.pdf: the text of pages 2–22 cannot be read/u)]);
  });

  it('reads a PDF and a .docx from standard input, told by their bytes', async () => {
    const { execFile } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    for (const [path, title] of [[BRIEF, 'Rainwater Harvesting in Dense Cities'], [DOCX, 'Aliansi Keamanan Internasional']] as const) {
      const stdout = await new Promise<string>((resolve, reject) => {
        const child = execFile(process.execPath, [BIN, 'outline', '-', '--json'], { encoding: 'utf8' }, (error, out) => (error ? reject(error) : resolve(out)));
        void readFile(path).then((bytes) => child.stdin!.end(bytes));
      });
      expect(JSON.parse(stdout).title).toBe(title);
    }
  });
});

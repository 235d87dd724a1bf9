import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { SAMPLE, captureIo, runBin, tempDir } from '../helpers.js';

describe('run(argv)', () => {
  it('returns the exit code and leaves process.exitCode alone', async () => {
    const io = captureIo();
    const before = process.exitCode;
    expect(await run(['build', '--frobnicate'], io)).toBe(2);
    expect(process.exitCode).toBe(before);
    expect(io.err).toMatch(/^error: Unknown argument: frobnicate \(see ringkas --help\)\n$/u);
  });

  it('exits 2 without a command', async () => {
    const io = captureIo();
    expect(await run([], io)).toBe(2);
    expect(io.err).toBe('error: give a command, e.g. "ringkas build" (see ringkas --help)\n');
  });

  it('exits 2 for an unknown command, and suggests the command meant', async () => {
    const io = captureIo();
    expect(await run(['bulid'], io)).toBe(2);
    expect(io.err).toBe('error: Did you mean build? (see ringkas --help)\n');
  });

  it('says a number option was not given a number, rather than echo NaN', async () => {
    const io = captureIo();
    expect(await run(['build', 'source', '--slides', 'abc'], io)).toBe(2);
    expect(io.err).toBe('error: --slides: expected a whole number of at least 1, got something that is not a number (see ringkas --help)\n');
  });
});

describe("marp-cli's names and units", () => {
  it('takes -P and --parallel for --concurrency, --pptx-editable for --editable-pptx, and --browser-timeout in seconds', async () => {
    for (const flag of ['-P', '--parallel', '--concurrency']) {
      const io = captureIo();
      expect(await run(['build', 'source', flag, '0'], io)).toBe(2);
      expect(io.err).toMatch(/^error: --concurrency: expected a whole number of at least 1, got "0"/u);
    }
    const io = captureIo();
    expect(await run(['build', 'source', '--pptx-editable', '--browser-timeout', '0.0001'], io)).toBe(2);
    expect(io.err).toMatch(/^error: --browser-timeout: expected seconds from 0\.001 to 2147483\.647, got "0\.0001"/u);
  });

  it('reads the config file given with -c or --config-file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'kuliah.json'), JSON.stringify({ maxBullets: 2, format: 'md' }));
    for (const flag of ['-c', '--config-file']) {
      const out = join(dir, `out${flag}`);
      const result = await runBin(['build', SAMPLE, flag, join(dir, 'kuliah.json'), '--out', out, '--json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const markdown = await readFile(join(out, 'aliansi-keamanan-internasional.md'), 'utf8');
      // Every slide but the agenda (a line per section) holds at most the config's two bullets
      // (its speaker notes, a list inside a comment, are left out of the count).
      const slides = markdown.split(/\n---\n/u).filter((slide) => !slide.includes('## Agenda'));
      const bulletRuns = slides.map((slide) => slide.replace(/<!--[\s\S]*?-->/gu, '').split('\n').filter((line) => line.startsWith('- ')).length);
      expect(Math.max(...bulletRuns)).toBe(2);
    }
  });
});

describe('inputs from the config', () => {
  it('check, like build, takes the config file\'s inputs when none are given, and help says so', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'articles'));
    await copyFile(SAMPLE, join(dir, 'articles', 'aliansi.txt'));
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ inputs: ['articles'] }));
    const result = await runBin(['check', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { decks: { input: string; slides: number }[] };
    expect(report.decks.map((deck) => deck.input)).toEqual(['articles/aliansi.txt']);
    expect(report.decks[0]!.slides).toBeGreaterThan(3);
    // A command that takes nothing from the config does not fail on a key it does not use.
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ inputs: ['articles'], maxWords: 'many' }));
    const themes = await runBin(['themes'], { cwd: dir });
    expect(themes.code, themes.stderr).toBe(0);
    expect(themes.stdout).toMatch(/^ringkas +bundled/mu);
    expect((await runBin(['build', '--format', 'md'], { cwd: dir })).stderr).toMatch(/"maxWords" must be a number/u);
    const help = await runBin(['build', '--help']);
    expect(help.stdout).toMatch(/inputs {2}articles or folders of articles +\[array\] \[default: source, or the config's inputs\]\n/u);
    expect(help.stdout).not.toContain('[default: []]');
  });
});

describe('ringkas completion', () => {
  it('prints a shell completion script and builds nothing', async () => {
    const dir = await tempDir();
    const result = await runBin(['completion'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^###-begin-ringkas-completions-###/u);
    expect(result.stdout).toContain('complete -o bashdefault -o default -F _ringkas_yargs_completions ringkas');
    expect(await readdir(dir)).toEqual([]);
  });
});

import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { SAMPLE, captureIo, runBin, tempDir } from '../helpers.js';

const NAME = 'aliansi-keamanan-internasional';

/** A theme set as a department keeps it: a Marp CSS theme named by its @theme comment, not its file name, and a theme YAML. */
async function themeSet(): Promise<string> {
  const dir = await tempDir();
  const set = join(dir, 'tema');
  await mkdir(set);
  await writeFile(join(set, 'kampus-2025.css'), "/* @theme campus */\n@import 'default';\nsection { background: #0b3d2e; color: #fafaf0; }\nh1, h2 { color: #f2c14e; }\n");
  await writeFile(join(set, 'rapat.yml'), 'extends: briefing\ncolors:\n  accent: "#00aa88"\n');
  return dir;
}

describe('--theme-set <dir>', () => {
  it('makes the folder\'s themes nameable with --theme: a CSS theme by its @theme name', async () => {
    const dir = await themeSet();
    const out = join(dir, 'out');
    const result = await runBin(['build', SAMPLE, '--theme-set', 'tema', '--theme', 'campus', '--format', 'md,html', '--out', out], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(out, `${NAME}.md`), 'utf8')).toMatch(/^theme: "?campus"?$/mu);
    const html = await readFile(join(out, `${NAME}.html`), 'utf8');
    // Marp minifies the theme's CSS: its colours are there, scoped to the deck.
    expect(html).toMatch(/#0b3d2e/iu);
    expect(html).toMatch(/#f2c14e/iu);
  });

  it('takes a theme YAML of the set by its file name, and themeSet from a config, relative to it', async () => {
    const dir = await themeSet();
    await writeFile(join(dir, 'ringkas.config.json'), JSON.stringify({ themeSet: 'tema', theme: 'rapat', format: 'md' }));
    const io = captureIo(join(dir));
    expect(await run(['build', SAMPLE, '--out', join(dir, 'out')], io)).toBe(0);
    expect(await readFile(join(dir, 'out', `${NAME}.md`), 'utf8')).toMatch(/^theme: "?rapat"?$/mu);
  });

  it('says which names there are for an unknown one, in one line, with exit code 4', async () => {
    const dir = await themeSet();
    const io = captureIo(dir);
    expect(await run(['build', SAMPLE, '--theme-set', 'tema', '--theme', 'kampus', '--format', 'md', '--out', join(dir, 'out')], io)).toBe(4);
    expect(io.err).toMatch(/^error: unknown theme "kampus": use one of ringkas, briefing, institution, campus, rapat, default, gaia, uncover, or a path/u);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  it('reads nothing outside the folder: a link to a theme elsewhere is refused', async () => {
    const dir = await themeSet();
    const outside = join(dir, 'elsewhere.css');
    await writeFile(outside, '/* @theme luar */\nsection { color: #111; }\n');
    await symlink(outside, join(dir, 'tema', 'luar.css'));
    const io = captureIo(dir);
    expect(await run(['build', SAMPLE, '--theme-set', 'tema', '--theme', 'campus', '--format', 'md', '--out', join(dir, 'out')], io)).toBe(4);
    expect(io.err).toMatch(/luar\.css: lies outside the theme set's folder .*tema/u);
  });

  it('a missing folder is a theme error naming it', async () => {
    const dir = await tempDir();
    const io = captureIo(dir);
    expect(await run(['build', SAMPLE, '--theme-set', 'nowhere', '--format', 'md', '--out', join(dir, 'out')], io)).toBe(4);
    expect(io.err).toMatch(/nowhere: theme set folder not found/u);
  });

  it('themes list --theme-set lists them', async () => {
    const dir = await themeSet();
    const io = captureIo(dir);
    expect(await run(['themes', 'list', '--theme-set', 'tema'], io)).toBe(0);
    expect(io.out).toMatch(/^campus +theme set, tema\/kampus-2025\.css$/mu);
    expect(io.out).toMatch(/^rapat +theme set, tema\/rapat\.yml$/mu);
  });
});

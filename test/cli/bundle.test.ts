import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SAMPLE, runBin, tempDir } from '../helpers.js';

/** The command as tsc builds it, one module per file: what the bundle is made from. */
const UNBUNDLED_BIN = join(ROOT, 'dist', 'bin.js');

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)));
}

describe('the bundled command (dist/bundle/bin.js, package.json bin)', () => {
  it('writes byte for byte what the unbundled modules write, for an Indonesian article, an English one and a web page', async () => {
    const inputs = [SAMPLE, join(ROOT, 'test', 'fixtures', 'english-numbered-headings', 'english-numbered-headings.txt'), join(ROOT, 'test', 'fixtures', 'html-news-page', 'html-news-page.html')];
    // The same folder name under two parents: the batch's index.html is titled after it.
    const bundled = join(await tempDir(), 'decks');
    const unbundled = join(await tempDir(), 'decks');
    const result = await runBin(['build', ...inputs, '--format', 'md,html', '--out', bundled]);
    expect(result.code, result.stderr).toBe(0);
    await promisify(execFile)(process.execPath, [UNBUNDLED_BIN, 'build', ...inputs, '--format', 'md,html', '--out', unbundled], { env: { ...process.env, CI: 'true' } });
    const [fromBundle, fromModules] = [await filesOf(bundled), await filesOf(unbundled)];
    // A .md and a .html for each input, and the batch's index.html.
    expect([...fromBundle.keys()]).toHaveLength(7);
    expect([...fromBundle.keys()]).toEqual([...fromModules.keys()]);
    for (const [name, bytes] of fromBundle) expect(bytes.equals(fromModules.get(name)!), name).toBe(true);
  });

  it('is what the package runs, and loads the stages from its own chunks', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(ROOT, manifest.bin.ringkas!)).toBe(BIN);
    const text = await readFile(BIN, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node')).toBe(true);
    // yargs is inside; the condenser is a chunk of its own, loaded when a deck is made.
    expect(text).toContain('node_modules/yargs/');
    expect(text).not.toMatch(/from ["']\.\.\/condense\//u);
    expect((await readdir(join(ROOT, 'dist', 'bundle'))).some((name) => name.startsWith('condense-'))).toBe(true);
  });

  it('holds of zod only what src/zod.ts names: no locale but English, not the classic API', async () => {
    // An import of zod/mini's whole namespace (or of zod) elsewhere would bring back 0.7 MB loaded at every build.
    const dir = join(ROOT, 'dist', 'bundle');
    const text = (await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')))).join('\n');
    const modules = [...new Set(text.match(/^\/\/ node_modules\/zod\/\S+/gmu))];
    expect(modules.filter((path) => path.includes('/locales/'))).toEqual(['// node_modules/zod/v4/locales/en.js']);
    expect(modules.filter((path) => path.includes('/classic/'))).toEqual([]);
  });
});

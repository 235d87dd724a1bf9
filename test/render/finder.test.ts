import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { findBrowser } from '../../src/render/browser/finder.js';
import { tempDir } from '../helpers.js';

async function fakeExecutable(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, 0o755);
  return path;
}

describe('findBrowser', () => {
  it('prefers --browser-path, then CHROME_PATH, then a browser on the PATH', async () => {
    const dir = await tempDir();
    const explicit = await fakeExecutable(dir, 'my-chrome');
    const fromEnv = await fakeExecutable(dir, 'env-chrome');
    await fakeExecutable(dir, 'chromium');
    const env = { CHROME_PATH: fromEnv, PATH: dir };
    expect(await findBrowser({ explicitPath: explicit, env })).toEqual({ path: explicit, source: 'option' });
    expect(await findBrowser({ env })).toEqual({ path: fromEnv, source: 'env' });
    expect(await findBrowser({ env: { PATH: dir } })).toEqual({ path: join(dir, 'chromium'), source: 'installed' });
  });

  it('refuses a given path that is not an executable, with exit code 3', async () => {
    await expect(findBrowser({ explicitPath: '/nonexistent/chrome', env: {} })).rejects.toMatchObject({
      exitCode: ExitCode.noBrowser,
      message: expect.stringMatching(/^--browser-path: no executable browser at "\/nonexistent\/chrome"; install Chrome/u),
    });
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'falls back to the Chromium shipped in @sparticuz/chromium when nothing is installed',
    async () => {
      const found = await findBrowser({ env: { PATH: '' }, locations: [] });
      expect(found.source).toBe('bundled');
      expect(found.path).toMatch(/chromium$/u);
    },
  );

  it('says how to point to a browser when there is none', async () => {
    await expect(findBrowser({ env: { PATH: '' }, locations: [], allowBundled: false })).rejects.toMatchObject({
      exitCode: ExitCode.noBrowser,
      message: 'no browser found for PDF/PPTX/PNG output: install Chrome or Chromium, or point to one with --browser-path <file> or the CHROME_PATH environment variable',
    });
  });
});

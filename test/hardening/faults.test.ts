import { chmod, copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { browserLaunchCount, lastBrowserPid } from '../../src/render/browser/manager.js';
import { SAMPLE, readPdf, runBin, tempDir } from '../helpers.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function articles(count: number): Promise<{ dir: string; inputs: string }> {
  const dir = await tempDir();
  const inputs = join(dir, 'articles');
  await import('node:fs/promises').then(({ mkdir }) => mkdir(inputs));
  for (let copy = 1; copy <= count; copy += 1) await copyFile(SAMPLE, join(inputs, `deck-${copy}.txt`));
  return { dir, inputs };
}

describe('browser faults', () => {
  it('a browser that hangs at start: a clear error within --browser-timeout, Markdown and HTML kept, the process cleaned up', async () => {
    const dir = await tempDir();
    const fake = join(dir, 'hanging-chrome');
    const pidFile = join(dir, 'pid');
    await writeFile(fake, `#!/bin/sh\necho $$ > "${pidFile}"\nexec sleep 600\n`);
    await chmod(fake, 0o755);
    const out = join(dir, 'out');
    const started = Date.now();
    const result = await runBin(['build', SAMPLE, '--out', out, '--format', 'html,pdf', '--browser-path', fake, '--browser-timeout', '1.5']);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/error: the browser at ".*hanging-chrome" did not start within 1500 ms; install Chrome or Chromium, or point to one with --browser-path/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect((await readdir(out)).sort()).toEqual(['aliansi-keamanan-internasional.html', 'aliansi-keamanan-internasional.md']);
    const pid = Number(await readFile(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(pid)).toBe(false);
  });

  it('a browser killed mid-run: a new one takes over and no deck is lost', async () => {
    const { dir, inputs } = await articles(4);
    const before = browserLaunchCount();
    let killed: number | undefined;
    const report = await build({
      inputs: [inputs],
      out: join(dir, 'out'),
      formats: ['md', 'pdf', 'pptx'],
      concurrency: 1,
      cwd: dir,
      progress: {
        stage(input, stage) {
          if (killed === undefined && input.endsWith('deck-2.txt') && stage === 'pptx') {
            killed = lastBrowserPid();
            process.kill(killed!, 'SIGKILL');
          }
        },
      },
    });
    expect(killed).toBeDefined();
    expect(report.decks.map((deck) => deck.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(report.exitCode).toBe(0);
    expect(browserLaunchCount() - before).toBe(2);
    for (let copy = 1; copy <= 4; copy += 1) expect((await readPdf(join(dir, 'out', `deck-${copy}.pdf`))).pages.length).toBeGreaterThan(5);
    expect((await readdir(join(dir, 'out'))).filter((file) => file.startsWith('.'))).toEqual([]);
    expect(isRunning(killed!)).toBe(false);
  });

  it('a browser that stops answering mid-run: replaced after the timeout, outputs complete, nothing left running', async () => {
    const { dir, inputs } = await articles(3);
    let frozen: number | undefined;
    const report = await build({
      inputs: [inputs],
      out: join(dir, 'out'),
      formats: ['md', 'pdf'],
      concurrency: 1,
      browserTimeout: 3000,
      cwd: dir,
      progress: {
        stage(input, stage) {
          if (frozen === undefined && input.endsWith('deck-2.txt') && stage === 'pdf') {
            frozen = lastBrowserPid();
            process.kill(frozen!, 'SIGSTOP');
          }
        },
      },
    });
    expect(frozen).toBeDefined();
    expect(report.exitCode).toBe(0);
    for (let copy = 1; copy <= 3; copy += 1) expect((await readPdf(join(dir, 'out', `deck-${copy}.pdf`))).pages.length).toBeGreaterThan(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(frozen!)).toBe(false);
    const last = lastBrowserPid()!;
    expect(isRunning(last)).toBe(false);
  }, 60_000);
});

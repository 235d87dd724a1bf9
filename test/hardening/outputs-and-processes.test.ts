import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SAMPLE, runBin, tempDir } from '../helpers.js';

/**
 * Regression tests for the findings of "Hardening II" about inputs, outputs and processes (4, 5, 6,
 * 8, 10, 11, 12), each with the input that broke it. (Themes, PPTX XML, memory and adversarial text
 * have their own files.)
 */

/** A started CLI run whose exit we can wait for, with everything it printed. */
function startBin(args: string[], options: { cwd?: string; stdin?: number | 'pipe' } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
  return { child, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until a run has made its output folder: by then it handles SIGINT and SIGTERM and goes on
 * to read its inputs (a fixed delay is too short on a busy machine, where a signal sent before the
 * handlers exist kills the process the default way).
 */
async function untilRunStarted(out: string): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (await stat(out).then(() => true, () => false)) break;
    await sleep(100);
  }
  await sleep(300);
}

/** Whether `pid` is alive (a zombie waiting for its reaper counts as gone). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** Process ids whose parent is `pid` (Linux /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/u.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === pid) children.push(Number(entry));
  }
  return children;
}

async function commandName(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
}

/** A project folder with one article, as a user has it. */
async function project(name = 'article.md'): Promise<string> {
  const dir = await tempDir();
  await copyFile(SAMPLE, join(dir, name));
  return dir;
}

function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('4. outputs never replace or re-read an article', () => {
  it('build notes -o notes: the article stays as it was, and the input is refused', async () => {
    const dir = await project();
    const notes = join(dir, 'notes');
    await mkdir(notes);
    await copyFile(SAMPLE, join(notes, 'article.txt'));
    await writeFile(join(notes, 'lecture.md'), '# Kuliah\n\nCatatan kuliah ini tidak boleh ditimpa oleh dek apa pun yang dibuat ringkas.\n');
    const before = await readFile(join(notes, 'lecture.md'), 'utf8');
    const result = await runBin(['build', 'notes', '-o', 'notes', '--format', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^error: notes: is also the output folder, .*choose another --out$/u);
    expect(await readFile(join(notes, 'lecture.md'), 'utf8')).toBe(before);
    expect((await readdir(notes)).sort()).toEqual(['article.txt', 'lecture.md']);
  });

  it('build a.md -o . refuses to write the deck over the article', async () => {
    const dir = await project('a.md');
    const before = await readFile(join(dir, 'a.md'), 'utf8');
    const result = await runBin(['build', 'a.md', '-o', '.', '--format', 'md,html'], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^error: a\.md: its deck would be written over the article a\.md in .*; choose another --out$/u);
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['a.md']);
  });

  it('build . three times builds the one article each time, never out/ or node_modules', async () => {
    const dir = await project();
    await mkdir(join(dir, 'node_modules', 'some-package'), { recursive: true });
    await writeFile(join(dir, 'node_modules', 'some-package', 'README.md'), '# Some package\n\nInstall it with npm and read its documentation online.\n');
    for (let run = 1; run <= 3; run += 1) {
      const result = await runBin(['build', '.', '--format', 'md,html', '--json'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).decks.map((deck: { input: string }) => deck.input)).toEqual(['article.md']);
    }
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['article.html', 'article.md']);
  });

  it('a subfolder of --out that links into the articles or elsewhere is never written through', async () => {
    const dir = await project();
    await mkdir(join(dir, 'articles', '2024'), { recursive: true });
    await mkdir(join(dir, 'articles', '2025'), { recursive: true });
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'articles', '2024', 'intro.md'), '# Kuliah\n\nCatatan kuliah ini tidak boleh ditimpa oleh dek apa pun yang dibuat ringkas.\n');
    await copyFile(SAMPLE, join(dir, 'articles', '2025', 'intro.txt'));
    const before = await readFile(join(dir, 'articles', '2024', 'intro.md'), 'utf8');
    await mkdir(join(dir, 'out'));
    await symlink(join(dir, 'articles', '2024'), join(dir, 'out', '2024'));
    await symlink(join(dir, 'elsewhere'), join(dir, 'out', '2025'));
    const result = await runBin(['build', 'articles', '--format', 'md', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const errors = JSON.parse(result.stdout).decks.map((deck: { error?: string }) => deck.error);
    expect(errors[0]).toMatch(/^articles\/2024\/intro\.md: its deck would be written over the article 2024\/intro\.md in .*; choose another --out$/u);
    expect(errors[1]).toMatch(/out\/2025: is a link out of the output folder, so decks would be written elsewhere; remove the link, or choose another --out$/u);
    expect(await readFile(join(dir, 'articles', '2024', 'intro.md'), 'utf8')).toBe(before);
    expect(await readdir(join(dir, 'elsewhere'))).toEqual([]);
  });
});

describe('5. reads are bounded for devices and pipes', () => {
  it('a link to /dev/zero is refused at the 20 MB limit, not read until the kernel kills ringkas', async () => {
    const dir = await tempDir();
    await symlink('/dev/zero', join(dir, 'zero.txt'));
    const result = await runBin(['build', 'zero.txt', '--format', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /^error: zero\.txt: is more than the 20\.0 MB an article may have; split it into several files$/u);
  });

  it('cat /dev/zero | ringkas build - is refused the same way', async () => {
    const dir = await tempDir();
    const zero = openSync('/dev/zero', 'r');
    try {
      const { exited } = startBin(['build', '-', '--format', 'md'], { cwd: dir, stdin: zero });
      const result = await exited;
      expect(result.code).toBe(1);
      expectOneLine(result.stderr, /^error: -: is more than the 20\.0 MB an article may have/u);
    } finally {
      closeSync(zero);
    }
  });
});

describe('6. a FIFO or a stdin that never closes does not hang a stopped run', () => {
  it('SIGTERM while waiting on a FIFO without a writer: exit 130 at once, nothing written', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'article.txt')]);
    const { child, exited } = startBin(['build', 'article.txt', '--format', 'md'], { cwd: dir });
    await untilRunStarted(join(dir, 'out'));
    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    const result = await exited;
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/article\.txt: stopped while waiting for the article/u);
    expect(await readdir(join(dir, 'out'))).toEqual([]);
  });

  it('a FIFO whose writer comes later is read as an article', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'article.txt');
    execFileSync('mkfifo', [fifo]);
    const { exited } = startBin(['build', 'article.txt', '--format', 'md'], { cwd: dir });
    await sleep(500);
    await writeFile(fifo, await readFile(SAMPLE));
    const result = await exited;
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, 'out', 'article.md'), 'utf8')).toContain('Aliansi Keamanan Internasional');
  });

  it('Ctrl-C while standard input stays open: exit 130 at once', async () => {
    const dir = await tempDir();
    const { child, exited } = startBin(['build', '-', '--format', 'md'], { cwd: dir, stdin: 'pipe' });
    child.stdin!.write('Sebagian artikel sudah datang, tetapi ');
    await untilRunStarted(join(dir, 'out'));
    const stoppedAt = Date.now();
    child.kill('SIGINT');
    const result = await exited;
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(result.code).toBe(130);
  });
});

describe('8. generated names never take a deck’s', () => {
  it('an article called index.md keeps its deck at index.html; the listing moves aside', async () => {
    const dir = await project('index.md');
    await copyFile(SAMPLE, join(dir, 'other.txt'));
    const result = await runBin(['build', 'index.md', 'other.txt', '--format', 'md,html', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.index).toBe(join(dir, 'out', 'ringkas-index.html'));
    const deckHtml = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect(deckHtml).toContain('data-marpit-svg');
    const listing = await readFile(join(dir, 'out', 'ringkas-index.html'), 'utf8');
    expect(listing).toContain('href="index.html"');
    expect(listing).toContain('href="other.html"');
  });
});

describe('10. a write failure ends with one line and the JSON report', () => {
  it('the index page cannot be written (a folder has its name): decks kept, exit 1, report printed', async () => {
    const dir = await project('a.txt');
    await copyFile(SAMPLE, join(dir, 'b.txt'));
    await mkdir(join(dir, 'out', 'index.html'), { recursive: true });
    const result = await runBin(['build', 'a.txt', 'b.txt', '--format', 'md', '--json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.error).toMatch(/index\.html: cannot write it \(EISDIR: .*\); a folder has the output’s name/u);
    expect(report.decks.map((deck: { error?: string }) => deck.error)).toEqual([undefined, undefined]);
    expect(result.stderr).toMatch(/^error: .*index\.html: cannot write it/mu);
    expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
  });

  it('disk full while writing the index (a small tmpfs): decks kept, exit 1, report printed', async (context) => {
    const dir = await project('a.txt');
    await copyFile(SAMPLE, join(dir, 'b.txt'));
    // Measure what the decks take, then leave exactly that much room: the index page is what fails.
    const probe = await runBin(['build', 'a.txt', 'b.txt', '--format', 'md', '-o', 'probe'], { cwd: dir });
    expect(probe.code).toBe(0);
    const page = 4096;
    const pages = (await Promise.all(['a.md', 'b.md'].map((file) => stat(join(dir, 'probe', file))))).reduce((sum, info) => sum + Math.ceil(info.size / page), 0);
    const mountPoint = join(dir, 'small-disk');
    await mkdir(mountPoint);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      context.skip('cannot mount a tmpfs here (needs root); the EISDIR case above covers the write path');
    }
    try {
      await writeFile(join(mountPoint, 'filler'), Buffer.alloc(256 * 1024 - pages * page));
      const result = await runBin(['build', 'a.txt', 'b.txt', '--format', 'md', '--json', '-o', mountPoint], { cwd: dir });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.decks.map((deck: { error?: string }) => deck.error)).toEqual([undefined, undefined]);
      expect(report.error).toMatch(/index\.html: cannot write it \(ENOSPC: no space left on device\); free some disk space/u);
      expect(result.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
      expect((await readdir(mountPoint)).sort()).toEqual(['a.md', 'b.md', 'filler']);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});

describe('11. no browser outlives ringkas', () => {
  it('SIGKILL mid-render: the browser and its helpers are gone within seconds', async () => {
    const dir = await tempDir();
    const { child, exited } = startBin(['build', SAMPLE, '--format', 'pdf,pptx,png', '-o', join(dir, 'out')], { cwd: dir });
    let browser: number | undefined;
    for (let tries = 0; tries < 400 && browser === undefined; tries += 1) {
      await sleep(100);
      for (const pid of await childrenOf(child.pid!)) if (/chrom|headless/iu.test(await commandName(pid))) browser = pid;
    }
    expect(browser, 'a browser was started').toBeDefined();
    // Past the launch, while it renders.
    await sleep(1500);
    child.kill('SIGKILL');
    await exited;
    for (let tries = 0; tries < 50 && isRunning(browser!); tries += 1) await sleep(100);
    expect(isRunning(browser!)).toBe(false);
  }, 90_000);
});

describe('12. small things that were wrong', () => {
  it('--browser-timeout beyond what a timer can wait is refused, not turned into 1 ms', async () => {
    const result = await runBin(['build', SAMPLE, '--format', 'pdf', '--browser-timeout', '3000000', '-o', await tempDir()]);
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^error: --browser-timeout: expected seconds from 0\.001 to 2147483\.647, got "3000000"/u);
  });

  it('build -- -rf.txt builds the file named like an option', async () => {
    const dir = await project('-rf.txt');
    const result = await runBin(['build', '--format', 'md', '--', '-rf.txt'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(join(dir, 'out'))).toEqual(['-rf.md']);
  });

  it('a 245-character file name builds (the temporary name is no longer)', async () => {
    const name = `${'n'.repeat(241)}.txt`;
    const dir = await project(name);
    const result = await runBin(['build', name, '--format', 'md,html'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual([`${'n'.repeat(241)}.html`, `${'n'.repeat(241)}.md`]);
  });

  it('# in a file name: the index links to the file, not to a fragment', async () => {
    const dir = await project('notes #1.txt');
    await copyFile(SAMPLE, join(dir, 'b?.txt'));
    const result = await runBin(['build', 'notes #1.txt', 'b?.txt', '--format', 'md,html'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const listing = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    const targets = [...listing.matchAll(/href="([^"]+)"/gu)].map((match) => decodeURIComponent(new URL(match[1]!, 'file:///out/index.html').pathname));
    expect(targets.sort()).toEqual(['/out/b?.html', '/out/b?.md', '/out/notes #1.html', '/out/notes #1.md']);
  });

  it('newlines and terminal escapes in a file name are shown escaped, on one line', async () => {
    const name = 'evil\n\u001b[31mname.txt';
    const dir = await project(name);
    await writeFile(join(dir, 'empty\r\u001b]0;title\u0007.txt'), '');
    const result = await runBin(['build', '.', '--format', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/u);
    expect(result.stderr).toContain('evil\\n\\u001b[31mname.txt');
    expect(result.stderr).toMatch(/^error: empty\\r\\u001b\]0;title\\u0007\.txt: the file is empty/mu);
  });

  it('a theme error and an unknown --lang are one line each', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.yml'), 'colors:\n  "pri\\nmary": "#123456"\n');
    const theme = await runBin(['build', SAMPLE, '--theme', 'bad.yml', '--format', 'md'], { cwd: dir });
    expect(theme.code).toBe(4);
    expectOneLine(theme.stderr, /^error: bad\.yml: unknown key "colors\.pri\\nmary"/u);
    const lang = await runBin(['build', SAMPLE, '--lang', 'xx', '--format', 'md'], { cwd: dir });
    expect(lang.code).toBe(2);
    expectOneLine(lang.stderr, /^error: Invalid values: Argument: lang, Given: "xx", Choices: "auto", "id", "en" \(see ringkas --help\)$/u);
  });

  it('concurrency: 0 in a config is blamed on the config file and key', async () => {
    const dir = await project();
    await writeFile(join(dir, 'ringkas.config.json'), '{ "concurrency": 0 }\n');
    const result = await runBin(['build', 'article.md', '--format', 'md'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^error: .*ringkas\.config\.json: concurrency: expected a whole number of at least 1, got "0"/u);
    const flag = await runBin(['build', 'article.md', '--format', 'md', '--concurrency', '0'], { cwd: dir });
    expectOneLine(flag.stderr, /^error: --concurrency: expected a whole number of at least 1, got "0"/u);
  });

  it('the same file given twice is built once, not reported as a name clash', async () => {
    const dir = await project();
    const result = await runBin(['build', 'article.md', './article.md', join(dir, 'article.md'), '--format', 'md', '--json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).decks).toHaveLength(1);
  });
});

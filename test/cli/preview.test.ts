import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser/finder.js';
import { BIN, SAMPLE, runBin, tempDir } from '../helpers.js';

/** A `ringkas preview` running in its own process. */
interface Preview {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Every child a test started; afterEach stops those still running. */
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
});

function startPreview(args: string[], cwd?: string): Preview {
  const child = spawn(process.execPath, [BIN, 'preview', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The address the preview printed on stdout, once it has. */
function urlOf(preview: Preview): Promise<string> {
  return waitFor(`the address; stderr: ${preview.stderr()}`, () => /^preview: (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl\+C to stop\)$/mu.exec(preview.stdout())?.[1]);
}

/** A raw HTTP request: `path` is sent exactly as given, not normalised. */
function get(url: string, path: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.host ? { host: options.host } : {} }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Whether a TCP connection to `host`:`port` is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A copy of the sample article in a folder of its own. */
async function sampleCopy(): Promise<string> {
  const article = join(await tempDir(), 'article.txt');
  await copyFile(SAMPLE, article);
  return article;
}

const OLD_SENTENCE = 'menjaga stabilitas global selama beberapa dekade';
const OLD_BULLET = 'Aliansi keamanan internasional telah menjadi pilar utama dalam menjaga stabilitas global';
const NEW_BULLET = 'Aliansi keamanan internasional telah menjadi pilar utama dalam menjaga perdamaian dunia';

describe('ringkas preview in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({ executablePath: (await findBrowser()).path, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The deck's frame in the wrapper page, once it has loaded the deck. */
  const deckFrame = (page: Page) => waitFor('the deck frame', () => page.frames().find((frame) => new URL(frame.url()).pathname === '/deck.html'));

  /** The bullets of the slide titled `title`, and that slide's number. */
  const slideBullets = (frame: Frame, title: string) =>
    frame.evaluate((wanted: string) => {
      const section = Array.from(document.querySelectorAll('section')).find((each) => each.querySelector('h1, h2')?.textContent?.trim() === wanted);
      return section ? { slide: section.id, bullets: Array.from(section.querySelectorAll('li')).map((item) => item.textContent?.trim() ?? '') } : undefined;
    }, title);

  it('shows the deck, shows a new bullet within 3 s of an edit on the same slide, and keeps the last good deck on a bad edit', async () => {
    const article = await sampleCopy();
    const preview = startPreview([article, '--port', '0']);
    const url = await urlOf(preview);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.bringToFront();
    await page.goto(url, { waitUntil: 'load' });

    const first = await deckFrame(page);
    const before = await waitFor('the first content slide', () => slideBullets(first, 'Pendahuluan').catch(() => undefined));
    expect(before.bullets).toContain(OLD_BULLET);
    expect(before.bullets).not.toContain(NEW_BULLET);
    // Move to that slide with the keyboard, as a presenter would: the page gives the deck the focus once loaded.
    await first.waitForFunction(() => document.hasFocus(), { timeout: 10_000 });
    for (let slide = 1; slide < Number(before.slide); slide += 1) await page.keyboard.press('ArrowRight');
    await first.waitForFunction((hash: string) => location.hash === hash, {}, `#${before.slide}`);

    await writeFile(article, (await readFile(article, 'utf8')).replace(OLD_SENTENCE, 'menjaga perdamaian dunia selama beberapa dekade'));
    const edited = Date.now();
    const after = await waitFor(
      'the new bullet',
      async () => {
        const frame = page.frames().find((each) => new URL(each.url()).pathname === '/deck.html');
        const shown = frame ? await slideBullets(frame, 'Pendahuluan').catch(() => undefined) : undefined;
        return shown?.bullets.includes(NEW_BULLET) ? { frame: frame!, shown } : undefined;
      },
      10_000,
    );
    expect(Date.now() - edited).toBeLessThan(3000);
    expect(after.shown.bullets).not.toContain(OLD_BULLET);
    // The reloaded deck is on the slide the presenter was on.
    await after.frame.waitForFunction((slide: string) => document.querySelector('.bespoke-marp-active section')?.id === slide, { timeout: 5000 }, before.slide);
    expect(await page.$eval('#problem', (problem) => (problem as HTMLElement).hidden)).toBe(true);

    // An article that cannot be read: the error over the last good deck, on the page and on stderr.
    await writeFile(article, '');
    const problem = await waitFor('the error on the page', () => page.$eval('#problem', (element) => ((element as HTMLElement).hidden ? undefined : element.textContent ?? '')));
    expect(problem).toMatch(/^error: .*article\.txt/u);
    expect(preview.stderr()).toContain(problem);
    const kept = page.frames().find((each) => new URL(each.url()).pathname === '/deck.html')!;
    expect((await slideBullets(kept, 'Pendahuluan'))?.bullets).toContain(NEW_BULLET);
    expect(preview.child.exitCode).toBeNull();
    await page.close();

    preview.child.kill('SIGTERM');
    expect(await preview.exited).toBe(0);
  });
});

describe('ringkas preview over HTTP', () => {
  it('listens on 127.0.0.1 only: not on another loopback address, nor on the network', async () => {
    const preview = startPreview([await sampleCopy(), '--port', '0']);
    const port = Number(new URL(await urlOf(preview)).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    // A server listening on every address (0.0.0.0) would accept on 127.0.0.2 as well.
    expect(await accepts('127.0.0.2', port)).toBe(false);
    const network = Object.values(networkInterfaces()).flatMap((addresses) => addresses ?? []).filter((address) => !address.internal && address.family === 'IPv4');
    for (const address of network) expect(await accepts(address.address, port), address.address).toBe(false);
    preview.child.kill('SIGINT');
    expect(await preview.exited).toBe(0);
  });

  it('serves the wrapper under its policy, the deck as build writes it, and nothing else', async () => {
    const article = await sampleCopy();
    const preview = startPreview([article, '--port', '0']);
    const url = await urlOf(preview);

    const wrapper = await get(url, '/');
    expect(wrapper.status).toBe(200);
    const policy = String(wrapper.headers['content-security-policy']);
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-[^' ]+'; style-src 'sha256-[^' ]+'; connect-src 'self'; frame-src 'self'/u);
    expect(policy).not.toContain('unsafe');

    const out = await tempDir();
    const built = await runBin(['build', article, '--out', out, '--format', 'html']);
    expect(built.code, built.stderr).toBe(0);
    const deck = await get(url, '/deck.html?view=presenter');
    expect(deck.status).toBe(200);
    expect(deck.body).toBe(await readFile(join(out, 'article.html'), 'utf8'));

    for (const path of ['/nothing', '/index.html', '/article.txt', '/../article.txt', '/../deck.html', '/deck.html/..', '/%2e%2e/article.txt', '/..%2farticle.txt', '//deck.html', '/deck.html/', '/events/../deck.html']) {
      const answer = await get(url, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body).toBe('not found\n');
    }
    expect((await get(url, '/', { method: 'POST' })).status).toBe(404);
    expect((await get(url, '/deck.html', { method: 'DELETE' })).status).toBe(404);
    expect((await get(url, '/deck.html', { method: 'HEAD' })).status).toBe(200);
    // A page of another site that made its name point to 127.0.0.1 is not answered.
    expect((await get(url, '/deck.html', { host: `attacker.example:${new URL(url).port}` })).status).toBe(403);
    preview.child.kill('SIGTERM');
    expect(await preview.exited).toBe(0);
  });
});

describe('ringkas preview usage', () => {
  /** Runs a preview that must end by itself, and what it printed. */
  async function ended(args: string[], cwd?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const preview = startPreview(args, cwd);
    const code = await Promise.race([preview.exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 30_000))]);
    expect(code, `still running; stdout: ${preview.stdout()}`).not.toBe('running');
    return { code: code as number | null, stdout: preview.stdout(), stderr: preview.stderr() };
  }

  it('refuses a folder, several articles or a bad port with exit code 2 and one line', async () => {
    const article = await sampleCopy();
    const folder = join(article, '..');
    const cases: [string[], RegExp][] = [
      [[folder], /^error: preview: .* is a folder; preview shows one article, so give one file, e.g. "ringkas preview .*article\.txt" \(see ringkas --help\)\n$/u],
      [[article, SAMPLE], /^error: preview: give one article, not 2 \(/u],
      [[article, '--port', '70000'], /^error: --port: expected a whole number from 0 to 65535, got "70000"/u],
      [[article, '--port', 'eighty'], /^error: --port: expected a whole number from 0 to 65535, got something that is not a number/u],
    ];
    for (const [args, message] of cases) {
      const result = await ended(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });

  it('defaults to the config inputs or source/, as build: a source/ folder is refused the same way', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'source'));
    await copyFile(SAMPLE, join(dir, 'source', 'one.txt'));
    const result = await ended([], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: preview: source is a folder; .* e\.g\. "ringkas preview source\/one\.txt"/u);
  });

  it('fails a missing or empty article with exit code 1 and one line naming it, and a taken port with exit code 2', async () => {
    const missing = await ended(['missing.txt', '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('error: missing.txt: no such file or folder; check the path\n');
    const empty = join(await tempDir(), 'empty.txt');
    await writeFile(empty, '');
    const failed = await ended([empty, '--port', '0']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: .*empty\.txt: .+\n$/u);

    const running = startPreview([await sampleCopy(), '--port', '0']);
    const port = new URL(await urlOf(running)).port;
    const taken = await ended([await sampleCopy(), '--port', port]);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toBe(`error: --port: 127.0.0.1:${port} is in use; choose another port, or --port 0 for a free one (see ringkas --help)\n`);
  });
});

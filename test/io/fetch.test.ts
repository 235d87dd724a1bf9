import { readFile, writeFile } from 'node:fs/promises';
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RingkasError } from '../../src/errors.js';
import { fetchSource } from '../../src/io/fetch.js';
import { nameOfAddress, readSource } from '../../src/io/inputs.js';
import { parseArticle } from '../../src/parse/index.js';
import { ROOT, runBin, tempDir } from '../helpers.js';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Cranes Return - Example News</title>
<meta name="author" content="Sam Okoro"></head><body><nav>Home | World | Sport</nav><article><h1>Harbour Cranes Return</h1>
<p>The port authority reopened the northern quay on Monday after a year of repairs to its cranes.</p>
<p>Ships that had waited offshore for up to four days began unloading within hours of the announcement.</p>
<h2>What changed</h2><p>Engineers replaced the rails under the two largest cranes and rebuilt the quay wall beside them.</p>
<p>The authority said the work cost less than planned because the old steel could be sold for scrap.</p></article></body></html>`;

/** What the local server does at a path: the test server's whole behaviour, one entry per failure to test. */
const ROUTES: Record<string, (response: ServerResponse, port: number) => void> = {
  '/article.html': (response) => send(response, 200, { 'content-type': 'text/html; charset=utf-8' }, ARTICLE),
  '/moved': (response) => send(response, 301, { location: '/article.html' }, ''),
  '/loop-a': (response) => send(response, 302, { location: '/loop-b' }, ''),
  '/loop-b': (response) => send(response, 302, { location: '/loop-a' }, ''),
  '/missing': (response) => send(response, 404, { 'content-type': 'text/plain' }, 'not here'),
  '/slow': (response) => {
    // Headers at once, then the body never comes: only the deadline ends the wait.
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write('<html><body><p>The first words');
  },
  '/huge': (response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const more = () => {
      while (sent < 3 * 1024 * 1024 && response.write(chunk)) sent += chunk.length;
      if (sent < 3 * 1024 * 1024) response.once('drain', more);
      else response.end();
    };
    more();
  },
  '/claims-huge': (response) => {
    // Says 50 MB and sends nothing: refused on its word, without waiting for the bytes.
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
    response.flushHeaders();
  },
  '/latin1': (response) => send(response, 200, { 'content-type': 'text/html; charset=ISO-8859-1' }, Buffer.from('<p>Caf\xe9 cr\xe8me at the harbour caf\xe9.</p>', 'latin1')),
  '/meta-charset': (response) => send(response, 200, { 'content-type': 'text/html' }, Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93quoted\x94 text.</p></body></html>', 'latin1')),
  '/wrong-charset': (response) => send(response, 200, { 'content-type': 'text/html; charset=utf-8' }, Buffer.from('<p>The caf\xe9 says it is UTF-8 and is not.</p>', 'latin1')),
  '/unknown-charset': (response) => send(response, 200, { 'content-type': 'text/html; charset=x-klingon' }, '<p>Plain words in an unknown charset.</p>'),
  '/picture.png': (response) => send(response, 200, { 'content-type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  '/brief': (response) => void readFile(join(ROOT, 'test', 'fixtures', 'pdf-two-column-brief', 'pdf-two-column-brief.pdf')).then((bytes) => send(response, 200, { 'content-type': 'application/pdf' }, bytes)),
};
for (let step = 0; step < 8; step += 1) ROUTES[`/chain/${step}`] = (response) => send(response, 302, { location: `/chain/${step + 1}` }, '');

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = ROUTES[request.url ?? ''];
    if (route) route(response, (server.address() as AddressInfo).port);
    else send(response, 404, {}, '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RingkasError);
  expect((error as Error).message).not.toContain('\n');
  return (error as Error).message;
}

const LIMIT = { maxBytes: 1024 * 1024 };

describe('fetching a web address', () => {
  it('reads a page as HTML, with the address as its source, after a redirect', async () => {
    const source = await fetchSource(`${base}/moved`, LIMIT);
    expect(source).toMatchObject({ path: `${base}/moved`, kind: 'html', url: `${base}/article.html` });
    const article = await parseArticle(source);
    expect(article.title).toBe('Harbour Cranes Return');
    expect(article.author).toBe('Sam Okoro');
    expect(article.source).toBe(`${base}/article.html`);
    expect(article.sections.map((section) => section.heading ?? null)).toEqual([null, 'What changed']);
  });

  it('gives up on a slow server at the deadline', async () => {
    const started = Date.now();
    expect(await failureOf(fetchSource(`${base}/slow`, { ...LIMIT, timeout: 500 }))).toBe(`${base}/slow: no complete answer within 500 ms; check the address, or try again when the site answers`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops a fetch when the run is stopped, with the exit code of a stop', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await fetchSource(`${base}/slow`, { ...LIMIT, signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RingkasError);
    expect(error).toMatchObject({ exitCode: 130, message: `${base}/slow: stopped while fetching the article; nothing was written for it` });
  });

  it('says what the server answered for a missing page', async () => {
    expect(await failureOf(fetchSource(`${base}/missing`, LIMIT))).toBe(`${base}/missing: the server answered 404 Not Found; check the address`);
  });

  it('stops a redirect loop, and a chain of more than five redirects', async () => {
    expect(await failureOf(fetchSource(`${base}/loop-a`, LIMIT))).toBe(`${base}/loop-a: redirects in a loop (back to ${base}/loop-a); the site is misconfigured, try again later`);
    expect(await failureOf(fetchSource(`${base}/chain/0`, LIMIT))).toBe(`${base}/chain/0: redirects more than 5 times; give the address it ends at`);
  });

  it('refuses a body larger than the limit as it arrives, and one that says it is before reading it', async () => {
    expect(await failureOf(fetchSource(`${base}/huge`, LIMIT))).toBe(`${base}/huge: is more than the 1.0 MB an article may have; save the part you need and give that file`);
    expect(await failureOf(fetchSource(`${base}/claims-huge`, LIMIT))).toMatch(/claims-huge: is more than the 1\.0 MB/u);
  });

  it('decodes by the charset of the header, else of the page; a wrong or unknown one is read as browsers do, with a warning', async () => {
    expect((await fetchSource(`${base}/latin1`, LIMIT)).text).toBe('<p>Café crème at the harbour café.</p>');
    expect((await fetchSource(`${base}/meta-charset`, LIMIT)).text).toContain('<p>Café “quoted” text.</p>');
    const wrong = await fetchSource(`${base}/wrong-charset`, LIMIT);
    expect(wrong.text).toBe('<p>The café says it is UTF-8 and is not.</p>');
    expect(wrong.warnings).toEqual(['the page says it is utf-8, but is not; read it as windows-1252']);
    const unknown = await fetchSource(`${base}/unknown-charset`, LIMIT);
    expect(unknown.text).toBe('<p>Plain words in an unknown charset.</p>');
    expect(unknown.warnings).toEqual(['the page declares an unknown charset "x-klingon"; read it as UTF-8']);
    const article = await parseArticle(await readSource(`${base}/wrong-charset`));
    expect(article.warnings[0]).toEqual({ message: 'the page says it is utf-8, but is not; read it as windows-1252' });
  });

  it('reads a PDF by its content type, and refuses what is not an article', async () => {
    const pdf = await fetchSource(`${base}/brief`, LIMIT);
    expect(pdf.kind).toBe('pdf');
    expect((await parseArticle(pdf)).title).toBe('Rainwater Harvesting in Dense Cities');
    expect(await failureOf(fetchSource(`${base}/picture.png`, LIMIT))).toBe(`${base}/picture.png: is image/png, not an article; give the address of a web page, a PDF or a Word document`);
  });

  it('says a closed port refused the connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failureOf(fetchSource(`http://127.0.0.1:${port}/`, LIMIT))).toBe(`http://127.0.0.1:${port}/: the server refused the connection; check the address, or try again later`);
  });

  it('names outputs after the address', () => {
    expect(nameOfAddress('https://news.example.com/2024/05/harbour-cranes-return.html')).toBe('harbour-cranes-return');
    expect(nameOfAddress('https://news.example.com/')).toBe('news-example-com');
    expect(nameOfAddress('https://example.com/berita/%E6%B8%AF%E5%8F%A3?x=1')).toBe('港口');
    expect(nameOfAddress('https://example.com/a%2F..%2F..%2Fetc')).toBe('a-..-..-etc');
  });
});

describe('web addresses on the command line', () => {
  it('builds the page with its address as the source; a failing address is one line and the other inputs still build', async () => {
    const dir = await tempDir();
    const local = join(dir, 'local.md');
    await writeFile(local, '# Local Notes\n\nThe local article has a sentence that can stand on a slide.\n');
    const result = await runBin(['build', `${base}/article.html`, `${base}/loop-a`, local, '--out', join(dir, 'out'), '--format', 'md', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { decks: { input: string; title?: string; source?: string; error?: string; outputs: string[] }[] };
    expect(report.decks[0]).toMatchObject({ input: `${base}/article.html`, title: 'Harbour Cranes Return', source: `${base}/article.html` });
    expect(report.decks[0]!.outputs).toEqual([join(dir, 'out', 'article.md')]);
    expect(report.decks[1]!.error).toBe(`${base}/loop-a: redirects in a loop (back to ${base}/loop-a); the site is misconfigured, try again later`);
    expect(report.decks[2]).toMatchObject({ title: 'Local Notes' });
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toEqual([`error: ${base}/loop-a: redirects in a loop (back to ${base}/loop-a); the site is misconfigured, try again later`]);
  });

  it('outline --json reports the source address', async () => {
    const result = await runBin(['outline', `${base}/article.html`, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'Harbour Cranes Return', source: `${base}/article.html` });
  });
});

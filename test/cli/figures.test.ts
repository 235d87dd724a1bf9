import { Buffer } from 'node:buffer';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../scripts/png.mjs';
import { ROOT, pdfImagesPerPage, pptxSlideXml, runBin, tempDir } from '../helpers.js';

/** A picture of two halves in colours no theme uses, to be found again in every output. */
const RED: [number, number, number] = [200, 30, 30];
const BLUE: [number, number, number] = [30, 30, 200];
const CHART = encodePng(240, 160, (x) => (x < 120 ? RED : BLUE));
const SECRET = encodePng(16, 16, () => [1, 2, 3]);

const ARTICLE = `# Harbour Report

The harbour reopened on Monday after a year of repairs to its cranes and quay wall.

## Cranes

The two largest cranes got new rails, and the quay wall beside them was rebuilt from the seabed up.

![Crane rails](chart.png "Rails before and after the repairs")

![A private picture](../secret.png)

## Costs

The work cost less than planned, because the old steel could be sold for scrap.

![A poster](huge.png)

![A photo on the web](REMOTE/photo.png)
`;

interface Report {
  decks: { title?: string; figures?: { section: string; caption: string }[]; warnings: string[]; outputs: string[]; error?: string }[];
}

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/chart.png' || request.url === '/photo.png') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(CHART);
    } else if (request.url === '/story') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        '<!doctype html><html lang="en"><head><title>Quay Wall Rebuilt</title></head><body><nav><img src="/logo.png" alt="Site logo"></nav><article><h1>Quay Wall Rebuilt</h1><p>The quay wall of the northern harbour was rebuilt from the seabed up over the winter.</p><h2>The rails</h2><p>New rails now carry the two largest cranes along the whole quay.</p><figure><img src="/chart.png" alt="Rails"><figcaption>The rails before and after the work. (Photo: Harbour Authority)</figcaption></figure></article></body></html>',
      );
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A folder with the article, its picture, a 50 MB picture, and a picture outside it. */
async function articleFolder(): Promise<{ dir: string; article: string }> {
  const dir = await tempDir('ringkas-figures-');
  await mkdir(join(dir, 'articles'));
  const article = join(dir, 'articles', 'harbour.md');
  await writeFile(article, ARTICLE.replace('REMOTE', base));
  await writeFile(join(dir, 'articles', 'chart.png'), CHART);
  await writeFile(join(dir, 'secret.png'), SECRET);
  await writeFile(join(dir, 'articles', 'huge.png'), CHART);
  await truncate(join(dir, 'articles', 'huge.png'), 50 * 1024 * 1024);
  return { dir, article };
}

/** Each slide's kind, its first class (fitted slides carry more: `content ringkas-fit-90 …`). */
const slideClasses = (markdown: string) => [...markdown.matchAll(/<!-- _class: (\w+)[^>]*-->/gu)].map((match) => match[1]);

describe('figure slides', () => {
  it('shows a Markdown article’s picture after its section, and says why the others are left out, reading nothing outside the folder or on the web', async () => {
    const { dir, article } = await articleFolder();
    requests.length = 0;
    const result = await runBin(['build', article, '--out', join(dir, 'out'), '--format', 'md', '--figures', 'all', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.decks[0]!.figures).toEqual([{ section: 'Cranes', caption: 'Rails before and after the repairs' }]);
    expect(report.decks[0]!.warnings).toEqual(
      expect.arrayContaining([
        `${article}: left out the picture ../secret.png: lies outside the article's folder; copy the picture next to the article`,
        expect.stringMatching(/left out the picture huge\.png: is more than the 5 MB a picture may have/u),
        expect.stringMatching(/left out the picture http:\/\/127\.0\.0\.1:\d+\/photo\.png: pictures on the web are not fetched for a saved page or a file/u),
      ]),
    );
    expect(requests).toEqual([]);
    const markdown = await readFile(join(dir, 'out', 'harbour.md'), 'utf8');
    const classes = slideClasses(markdown);
    const figure = classes.indexOf('figure');
    expect(figure).toBeGreaterThan(0);
    // After the "Cranes" content slide, before "Costs".
    const slides = markdown.split(/\n---\n/u).slice(1);
    expect(slides[figure]).toContain('## Cranes');
    expect(slides[figure - 1]).toContain('## Cranes');
    expect(slides[figure + 1]).toContain('## Costs');
    expect(slides[figure]).toContain(`![bg right:55% contain](data:image/png;base64,${CHART.toString('base64')})`);
    expect(slides[figure]).toContain('Rails before and after the repairs');
    expect(markdown).not.toContain(SECRET.toString('base64'));
  });

  it('shows at most one figure per section by default, and none with --figures none', async () => {
    const { dir, article } = await articleFolder();
    await writeFile(article, `${ARTICLE.replace('REMOTE', base)}\n![Second picture of the costs](chart.png)\n`);
    const some = await runBin(['build', article, '--out', join(dir, 'some'), '--format', 'md', '--json']);
    expect((JSON.parse(some.stdout) as Report).decks[0]!.figures).toEqual([
      { section: 'Cranes', caption: 'Rails before and after the repairs' },
      { section: 'Costs', caption: 'Second picture of the costs' },
    ]);
    const none = await runBin(['build', article, '--out', join(dir, 'none'), '--format', 'md', '--figures', 'none', '--json']);
    const report = JSON.parse(none.stdout) as Report;
    expect(report.decks[0]!.figures).toBeUndefined();
    expect(report.decks[0]!.warnings.join('\n')).not.toContain('picture');
    expect(slideClasses(await readFile(join(dir, 'none', 'harbour.md'), 'utf8'))).not.toContain('figure');
    const wrong = await runBin(['build', article, '--figures', 'many']);
    expect(wrong.code).toBe(2);
  });

  it('shows a saved news page’s <figure> with its caption, the photo credit left out', async () => {
    const dir = await tempDir('ringkas-figures-');
    await writeFile(join(dir, 'news.html'), await readFile(join(ROOT, 'test', 'fixtures', 'html-news-page', 'html-news-page.html')));
    await writeFile(join(dir, 'rhine.jpg'), CHART);
    const result = await runBin(['outline', join(dir, 'news.html'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).figures).toEqual([{ section: 'Introduction', caption: 'The Rhine near Kaub, where barges can no longer pass.' }]);
  });

  it('shows the picture embedded in a Word document', async () => {
    const result = await runBin(['outline', join(ROOT, 'test', 'fixtures', 'docx-aliansi-keamanan', 'docx-aliansi-keamanan.docx'), '--json']);
    expect(JSON.parse(result.stdout).figures).toEqual([{ section: 'Aliansi Keamanan dan Dinamika Politik Global', caption: 'Jumlah negara anggota empat aliansi keamanan (ilustrasi)' }]);
  });

  it('fetches the pictures of an article that came from the web, and only those of its body', async () => {
    requests.length = 0;
    const dir = await tempDir('ringkas-figures-');
    const result = await runBin(['build', `${base}/story`, '--out', join(dir, 'out'), '--format', 'md', '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).decks[0]!.figures).toEqual([{ section: 'The rails', caption: 'The rails before and after the work.' }]);
    expect(requests).toEqual(['/story', '/chart.png']);
    expect(await readFile(join(dir, 'out', 'story.md'), 'utf8')).toContain(CHART.toString('base64'));
  });

  it('is measured as one slide when the deck is fitted (Marp draws a picture slide as three sections)', async () => {
    const { article } = await articleFolder();
    const result = await runBin(['check', article, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [deck] = JSON.parse(result.stdout).decks;
    expect(deck.fill).toHaveLength(deck.slides);
  });

  it('carries the picture into the PDF and both kinds of PPTX', async () => {
    const { dir, article } = await articleFolder();
    const out = join(dir, 'out');
    const built = await runBin(['build', article, '--out', out, '--format', 'md,pdf,pptx']);
    expect(built.code).toBe(0);
    const figure = slideClasses(await readFile(join(out, 'harbour.md'), 'utf8')).indexOf('figure');
    const images = await pdfImagesPerPage(join(out, 'harbour.pdf'));
    expect(images[figure]).toBeGreaterThan(0);
    expect(images.filter((count, page) => page !== figure && count > 0)).toEqual([]);

    // The picture PPTX: the figure slide's picture shows the chart's two colours.
    const pictures = await JSZip.loadAsync(await readFile(join(out, 'harbour.pptx')));
    const slideRels = await pictures.file(`ppt/slides/_rels/slide${figure + 1}.xml.rels`)!.async('string');
    const media = /Target="\.\.\/media\/([^"]+\.png)"/u.exec(slideRels)![1]!;
    const colours = pngColours(await pictures.file(`ppt/media/${media}`)!.async('nodebuffer'));
    expect(colours.has(RED.join(','))).toBe(true);
    expect(colours.has(BLUE.join(','))).toBe(true);

    // The editable PPTX: the figure slide holds the chart itself.
    const editable = join(dir, 'editable');
    expect((await runBin(['build', article, '--out', editable, '--format', 'pptx', '--editable-pptx'])).code).toBe(0);
    const xml = await pptxSlideXml(join(editable, 'harbour.pptx'));
    expect(xml[figure]).toContain('<p:pic>');
    expect(xml[figure]).toContain('Rails before and after the repairs');
    const zip = await JSZip.loadAsync(await readFile(join(editable, 'harbour.pptx')));
    const pngs = await Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/') && !zip.files[name]!.dir).map((name) => zip.file(name)!.async('nodebuffer')));
    expect(pngs.some((png) => png.equals(CHART))).toBe(true);
  });
});

describe('an SVG figure', () => {
  /** A chart in the two colours, carrying every way an SVG can run, link or load something. */
  const hostileSvg = () => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 240 160" onload="alert('loaded')">
  <style>@import url(${base}/style.css); .left { fill: rgb(${RED.join(',')}); }</style>
  <defs><linearGradient id="blue"><stop offset="0" stop-color="rgb(${BLUE.join(',')})"/></linearGradient></defs>
  <rect width="120" height="160" fill="rgb(${RED.join(',')})" onclick="steal()"/>
  <rect x="120" width="120" height="160" fill="url(#blue)" style="stroke: url(${base}/tracker.png)"/>
  <image href="${base}/tracker.png" width="1" height="1"/><image xlink:href="../secret.png" width="1" height="1"/>
  <script>fetch('${base}/script')</script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${base}/frame"></iframe></foreignObject>
  <a href="javascript:alert(1)"><text x="10" y="20">&b;</text></a>
  <set attributeName="href" to="javascript:alert(2)"/>
</svg>`;

  it('is drawn as a PNG from only what draws, loading nothing, and carried into every output', async () => {
    const dir = await tempDir('ringkas-svg-figure-');
    await mkdir(join(dir, 'articles'));
    const article = join(dir, 'articles', 'harbour.md');
    await writeFile(article, ARTICLE.replace('chart.png', 'chart.svg'));
    await writeFile(join(dir, 'articles', 'chart.svg'), hostileSvg());
    await writeFile(join(dir, 'secret.png'), SECRET);
    requests.length = 0;
    const out = join(dir, 'out');
    const built = await runBin(['build', article, '--out', out, '--format', 'md,pdf,pptx', '--json']);
    expect(built.code, built.stderr).toBe(0);
    const report = JSON.parse(built.stdout) as Report;
    expect(report.decks[0]!.figures).toEqual([{ section: 'Cranes', caption: 'Rails before and after the repairs' }]);

    // The Markdown holds a PNG of the chart, in both its colours.
    const markdown = await readFile(join(out, 'harbour.md'), 'utf8');
    const uri = /!\[bg right:55% contain\]\(data:image\/png;base64,([A-Za-z0-9+/=]+)\)/u.exec(markdown);
    expect(uri).not.toBeNull();
    const png = Buffer.from(uri![1]!, 'base64');
    const colours = pngColours(png);
    expect(colours.has(RED.join(','))).toBe(true);
    expect(colours.has(BLUE.join(','))).toBe(true);
    expect(png.equals(SECRET)).toBe(false);
    expect(requests).toEqual([]);

    // The PDF shows it on the figure slide only; the editable PPTX holds the same PNG.
    const figure = slideClasses(markdown).indexOf('figure');
    const images = await pdfImagesPerPage(join(out, 'harbour.pdf'));
    expect(images[figure]).toBeGreaterThan(0);
    const editable = join(dir, 'editable');
    expect((await runBin(['build', article, '--out', editable, '--format', 'pptx', '--editable-pptx'])).code).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(join(editable, 'harbour.pptx')));
    const media = await Promise.all(Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/') && !zip.files[name]!.dir).map((name) => zip.file(name)!.async('nodebuffer')));
    expect(media.some((file) => file.equals(png))).toBe(true);
  });

  it('that holds nothing to draw, is nested beyond reason or takes minutes to draw, is left out with a warning', async () => {
    const dir = await tempDir('ringkas-svg-empty-');
    await writeFile(join(dir, 'harbour.md'), ARTICLE.replace('chart.png', 'chart.svg'));
    await writeFile(join(dir, 'chart.svg'), '<?xml version="1.0"?><html><body><script>alert(1)</script></body></html>');
    const built = await runBin(['build', join(dir, 'harbour.md'), '--out', join(dir, 'out'), '--format', 'md', '--json']);
    expect(built.code, built.stderr).toBe(0);
    const [deck] = (JSON.parse(built.stdout) as Report).decks;
    expect(deck!.figures ?? []).toEqual([]);
    expect(deck!.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/left out the picture chart\.svg: is not an SVG picture ringkas can read$/u)]));

    // Nested a hundred thousand deep: left out, the deck still built.
    await writeFile(join(dir, 'chart.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g>'.repeat(100_000)}<rect width="5" height="5"/>${'</g>'.repeat(100_000)}</svg>`);
    const deep = await runBin(['build', join(dir, 'harbour.md'), '--out', join(dir, 'out'), '--format', 'md', '--json']);
    expect(deep.code, deep.stderr).toBe(0);
    expect((JSON.parse(deep.stdout) as Report).decks[0]!.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/left out the picture chart\.svg: is nested too deeply to be drawn$/u)]));

    // Three hundred page-sized blurs take minutes to draw: given up on after 10 s, nothing left running.
    const blurs = `<rect width="3000" height="2000" filter="url(#f)"/>`.repeat(300);
    await writeFile(join(dir, 'chart.svg'), `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><filter id="f"><feGaussianBlur stdDeviation="500"/></filter>${blurs}</svg>`);
    const started = Date.now();
    const slow = await runBin(['build', join(dir, 'harbour.md'), '--out', join(dir, 'out'), '--format', 'md', '--json']);
    expect(slow.code, slow.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((JSON.parse(slow.stdout) as Report).decks[0]!.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/left out the picture chart\.svg: took more than 10 s to draw; save it as PNG$/u)]));
  });
});

/** The colours of an 8-bit RGB or RGBA PNG (as Chromium writes them), as "r,g,b" strings. */
function pngColours(png: Buffer): Set<string> {
  let offset = 8;
  let width = 0;
  let channels = 3;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      channels = body[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') data.push(body);
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const colours = new Set<string>();
  let previous = Buffer.alloc(stride);
  for (let row = 0; row * (stride + 1) < raw.length; row += 1) {
    const filter = raw[row * (stride + 1)]!;
    const line = Buffer.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let index = 0; index < stride; index += 1) {
      const left = index >= channels ? line[index - channels]! : 0;
      const up = previous[index]!;
      const upLeft = index >= channels ? previous[index - channels]! : 0;
      const predictor = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      line[index] = (line[index]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x += 1) colours.add(`${line[x * channels]},${line[x * channels + 1]},${line[x * channels + 2]}`);
    previous = line;
  }
  return colours;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
}

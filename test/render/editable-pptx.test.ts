import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourcesSlide } from '../../src/condense/sources.js';
import { readSource } from '../../src/io/inputs.js';
import { LANGUAGES } from '../../src/lang/index.js';
import type { Deck } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { renderEditablePptx } from '../../src/render/pptx.js';
import { resolveTheme } from '../../src/themes/index.js';
import { TYPE } from '../../src/themes/layouts.js';
import { themeStyle } from '../../src/themes/style.js';
import { ROOT, SAMPLE, readPdf, runBin, tempDir } from '../helpers.js';

const NAME = 'aliansi-keamanan-internasional';
const PRIMARY = [0x00, 0x33, 0x66];
const FOOTER = 'Fakultas Ilmu Sosial dan Ilmu Politik';
/** A logo of 120 × 100: a stretched copy in a 2.4:1 slot would be obvious. */
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="100" viewBox="0 0 120 100"><rect width="120" height="100" fill="#003366"/><circle cx="60" cy="50" r="34" fill="#f2a900"/></svg>';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A binary PPM (P6) read into width, height and RGB bytes. */
function readPpm(bytes: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  const header = bytes.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/u)!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  return { width, height, pixel: (x, y) => [...bytes.subarray(start + 3 * (y * width + x), start + 3 * (y * width + x) + 3)] };
}

const close = (a: number[], b: number[]) => a.every((value, index) => Math.abs(value - b[index]!) <= 12);

const hasTools = spawnSync('soffice', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;

const VACCINE_ARTICLE = [
  '# Vaksinasi Anak di Asia Tenggara',
  'Organisasi Kesehatan Dunia (WHO) dan Dana Anak-Anak Perserikatan Bangsa-Bangsa (UNICEF) meluncurkan program vaksinasi baru di Asia Tenggara.',
  'WHO menyediakan vaksin campak untuk dua juta anak di Indonesia tahun ini.',
  'UNICEF membangun gudang pendingin vaksin di tiga puluh kabupaten.',
  'Petugas kesehatan desa mendapat pelatihan tentang penyimpanan vaksin.',
].join('\n\n');

/** The slides' XML of a PPTX, in slide order. */
async function slidesOf(pptx: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(pptx));
  return Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^ppt\/slides\/slide\d+\.xml$/u.test(name))
      .sort((a, b) => Number(/(\d+)\.xml$/u.exec(a)![1]) - Number(/(\d+)\.xml$/u.exec(b)![1]))
      .map((name) => zip.file(name)!.async('string')),
  );
}

describe('the editable PPTX in an institution theme', () => {
  let dir: string;
  let pptx: string;
  let slidesXml: string[];
  let vaccineXml: string[];

  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'logo.svg'), LOGO);
    await writeFile(join(dir, 'kampus.yml'), `extends: institution\ncolors:\n  primary: "#003366"\n  accent: "#f2a900"\nfooter: "${FOOTER}"\nlogo: logo.svg\n`);
    // The sample, and a short article whose bullets use two acronyms it defines (a glossary slide).
    await writeFile(join(dir, 'vaksin.md'), VACCINE_ARTICLE);
    const result = await runBin(['build', SAMPLE, 'vaksin.md', '--out', join(dir, 'out'), '--format', 'pptx', '--editable-pptx', '--theme', 'kampus.yml'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    pptx = join(dir, 'out', `${NAME}.pptx`);
    slidesXml = await slidesOf(pptx);
    vaccineXml = await slidesOf(join(dir, 'out', 'vaksin.pptx'));
  });

  it('carries the SVG logo with a PNG fallback that is a PNG, at the logo’s aspect ratio', async () => {
    const zip = await JSZip.loadAsync(await readFile(pptx));
    const media = Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/'));
    const pngs = media.filter((name) => name.endsWith('.png'));
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    expect(pngs.length).toBeGreaterThan(0);
    for (const name of pngs) expect([...(await zip.file(name)!.async('uint8array')).subarray(0, 8)]).toEqual(PNG_MAGIC);
    // Every picture of the logo in the masters has the logo's 1.2 : 1, within 2%.
    const masters = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(name)).map((name) => zip.file(name)!.async('string')));
    const pictures = masters.flatMap((xml) => [...xml.matchAll(/<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"\/>[\s\S]*?<\/p:pic>/gu)].map((match) => Number(match[1]) / Number(match[2])));
    expect(pictures.length).toBeGreaterThan(0);
    for (const ratio of pictures) expect(Math.abs(ratio / 1.2 - 1)).toBeLessThan(0.02);
  });

  it('numbers the agenda, puts the glossary in two columns and colours the bullets with the accent', () => {
    const agenda = slidesXml.find((xml) => xml.includes('>Agenda<'))!;
    expect(agenda).toMatch(/<a:buAutoNum /u);
    const glossary = vaccineXml.find((xml) => xml.includes('>Glosarium<'))!;
    // Two body placeholders side by side: the entries split between them.
    expect(glossary.match(/<p:ph\s[^>]*type="body"/gu)).toHaveLength(2);
    for (const xml of slidesXml.slice(1)) expect(xml).toContain('<a:buClr><a:srgbClr val="F2A900"/></a:buClr>');
  });

  it.runIf(hasTools)('opens in LibreOffice with the band at the top of every content slide, the footer, and the logo', async () => {
    const converted = join(dir, 'libreoffice');
    const result = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', converted, pptx], { timeout: 120_000 });
    expect(result.status, String(result.stderr)).toBe(0);
    const pdf = join(converted, `${NAME}.pdf`);
    const { pages } = await readPdf(pdf);
    // Page images as LibreOffice drew them: PNG for people, PPM for reading pixels here.
    expect(spawnSync('pdftoppm', ['-r', '48', '-png', pdf, join(converted, 'slide')]).status).toBe(0);
    expect(spawnSync('pdftoppm', ['-r', '48', pdf, join(converted, 'slide')]).status).toBe(0);
    const images = (await readdir(converted)).filter((file) => file.endsWith('.ppm')).sort();
    expect(images).toHaveLength(pages.length);
    for (const [index, file] of images.entries()) {
      if (index === 0) continue; // the title slide is all primary colour, with no footer
      const image = readPpm(await readFile(join(converted, file)));
      // The band, across the top: left, middle, and right of the heading.
      for (const x of [0.02, 0.5, 0.7]) expect(close(image.pixel(Math.round(image.width * x), 3), PRIMARY), `slide ${index + 1} at ${x}`).toBe(true);
      expect(pages[index]).toContain(FOOTER);
    }
    // The logo sits on the band's plate at the right: its orange disc is drawn there.
    const second = readPpm(await readFile(join(converted, images[1]!)));
    let orange = 0;
    for (let y = 0; y < second.height * 0.15; y += 1) for (let x = Math.round(second.width * 0.85); x < second.width; x += 1) if (close(second.pixel(x, y), [0xf2, 0xa9, 0x00])) orange += 1;
    expect(orange).toBeGreaterThan(20);
  });
});

describe('the editable PPTX of a deck with a sources slide', () => {
  it('lays the sources out on their own master: lines without bullets, in the secondary text colour', async () => {
    const article = await parseArticle(await readSource(join(ROOT, 'test', 'fixtures', 'web-wordpress-tag-classes', 'web-wordpress-tag-classes.html')));
    const sources = sourcesSlide(article, LANGUAGES.en.labels)!;
    const deck: Deck = { title: article.title, lang: 'en', keywords: [], slides: [{ kind: 'title', title: article.title, bullets: [], notes: [] }, sources] };
    const style = themeStyle(await resolveTheme('institution'));
    const zip = await JSZip.loadAsync(await renderEditablePptx(deck, style));
    const layouts = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/u.test(name)).map((name) => zip.file(name)!.async('string')));
    const master = layouts.find((xml) => xml.includes('name="RINGKAS_SOURCES"'))!;
    // Its body placeholder: the sources' type size (in hundredths of a point), in the muted colour.
    const muted = style.colors.muted.slice(1).toUpperCase();
    expect(master).toMatch(new RegExp(`<a:defRPr [^>]*sz="${TYPE.sources * 75}"[^>]*>(?:(?!</a:defRPr>)[\\s\\S])*<a:srgbClr val="${muted}"/>`, 'u'));
    const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
    const rels = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    const layoutFile = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/u.exec(rels)![1]!;
    expect(await zip.file(`ppt/slideLayouts/${layoutFile}`)!.async('string')).toContain('name="RINGKAS_SOURCES"');
    for (const line of sources.bullets) expect(slide).toContain(`<a:t>${line}</a:t>`);
    expect(slide).not.toMatch(/<a:buChar |<a:buAutoNum /u);
  });
});

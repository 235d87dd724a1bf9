import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { CliIo } from '../src/cli/run.js';
import type { Article } from '../src/model.js';
import { encodePng } from '../scripts/png.mjs';

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The bundled sample article. */
export const SAMPLE = join(ROOT, 'source', 'aliansi-keamanan-internasional.txt');
/** The built CLI, as `npm test` leaves it. */
export const BIN = join(ROOT, 'dist', 'bundle', 'bin.js');

/** The npm command. */
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs the package with `npm pack` into `folder` and returns the tarball's path. */
export async function packTarball(folder: string): Promise<string> {
  // dist/ is built by `npm test` before the tests run; --ignore-scripts keeps pack from building again.
  await promisify(execFile)(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], { cwd: ROOT });
  return join(folder, (await readdir(folder)).find((name) => name.endsWith('.tgz'))!);
}

/** The temporary folders the current test file made, removed after it ({@link removeTempDirs}). */
const created: string[] = [];

/** A new empty temporary folder, removed when the test file is done. */
export async function tempDir(prefix = 'ringkas-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes the temporary folders made by {@link tempDir} (test/setup.ts runs it after each test file). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
}

/** Words as the property checks see them: lower case, letters and digits, inner hyphens and apostrophes kept. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];

/** The text of every sentence of an article, in order. */
export const sentenceTexts = (article: Article): string[] => article.sections.flatMap((section) => section.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text)));

/** Whether `bullet` is `source` with words deleted and nothing added or reordered. */
export function isDeletionOf(bullet: string, source: string): boolean {
  const sourceWords = words(source);
  let position = 0;
  for (const word of words(bullet)) {
    position = sourceWords.indexOf(word, position);
    if (position < 0) return false;
    position += 1;
  }
  return true;
}

/** Standard output and error for an in-process `run(argv, io)`, kept as text; `cwd` is the run's working folder. */
export function captureIo(cwd?: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    ...(cwd === undefined ? {} : { cwd }),
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

/** What a black-box run of the CLI did. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `ringkas` bin as a user would, in its own process. */
export function runBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A `ringkas build … --watch` run of the built bin, once it says it is watching: `until` waits (at
 * most 30 s) for `check` to hold, `stop` sends Ctrl-C and resolves to the exit code.
 */
export async function watchBin(args: string[], options: { cwd?: string } = {}): Promise<{ until: (check: () => Promise<boolean>) => Promise<void>; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, ...args, '--watch'], { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = async (check: () => Promise<boolean>) => {
    for (let waited = 0; waited < 30_000; waited += 100) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out; stderr: ${stderr}`);
  };
  await until(async () => stderr.includes('watching'));
  return {
    until,
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

/** A PDF read back: its pages' text and its document info. */
export interface PdfContent {
  pages: string[];
  info: Record<string, unknown>;
  pageSizes: { width: number; height: number }[];
}

/** Reads a PDF with pdf.js. */
export async function readPdf(path: string): Promise<PdfContent> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(path));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const pageSizes: { width: number; height: number }[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/gu, ' '));
    const [, , width = 0, height = 0] = page.view;
    pageSizes.push({ width, height });
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: info as Record<string, unknown>, pageSizes };
}

/** A PPTX read back: how many slides, and each slide's notes text. */
export interface PptxContent {
  slides: number;
  /** Notes text per slide number (1-based), '' where the slide has none. */
  notes: string[];
}

/** Reads a PPTX (a zip of XML parts) and collects the text of each slide's notes page. */
export async function readPptx(path: string): Promise<PptxContent> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const slideFiles = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/u.test(name));
  const notes: string[] = [];
  for (let number = 1; number <= slideFiles.length; number += 1) {
    const rels = await zip.file(`ppt/slides/_rels/slide${number}.xml.rels`)?.async('string');
    const target = rels?.match(/Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/u)?.[1];
    const xml = target ? await zip.file(`ppt/notesSlides/${target}`)?.async('string') : undefined;
    // The notes text is in the body placeholder; the page also holds a slide-number field.
    const body = xml?.split('<p:sp>').find((shape) => shape.includes('<p:ph type="body"')) ?? '';
    notes.push([...body.matchAll(/<a:t>([^<]*)<\/a:t>/gu)].map((match) => decodeXml(match[1]!)).join('\n'));
  }
  return { slides: slideFiles.length, notes };
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
}

/** Slides in a Marp Markdown file: the slide separators outside the front matter, plus one. */
export function countMarkdownSlides(markdown: string): number {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/u, '');
  return body.split(/^---$/mu).length;
}

/** Width and height of a PNG, from its IHDR chunk. */
export async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A PDF's outline (bookmark titles, top level) and each page's annotation contents. */
export async function readPdfExtras(path: string): Promise<{ outline: string[]; annotations: string[][] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false }).promise;
  const outline = ((await pdf.getOutline()) ?? []).map((item) => item.title);
  const annotations: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    annotations.push((await page.getAnnotations()).map((annotation) => String(annotation['contentsObj']?.str ?? '')));
  }
  await pdf.destroy();
  return { outline, annotations };
}

/** The slide XML parts of a PPTX, in slide order. */
export async function pptxSlideXml(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const names = Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/u.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/u.exec(a)![1]) - Number(/(\d+)\.xml$/u.exec(b)![1]));
  return Promise.all(names.map((name) => zip.file(name)!.async('string')));
}

/** A PNG of one colour, made here so that tests need no image files. */
export function solidPng(width: number, height: number, colour: [number, number, number]): Buffer {
  return encodePng(width, height, () => colour);
}

/** How many images each page of a PDF paints. */
export async function pdfImagesPerPage(path: string): Promise<number[]> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), isEvalSupported: false }).promise;
  const counts: number[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const { fnArray } = await (await pdf.getPage(number)).getOperatorList();
    counts.push(fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject).length);
  }
  await pdf.destroy();
  return counts;
}

/** Runs the bin with each set of arguments and expects its refusal: the exit code and one line on stderr matching `message`, nothing on stdout. */
export async function expectRefusals(cases: readonly (readonly [readonly string[], number, RegExp])[]): Promise<void> {
  const { expect } = await import('vitest');
  for (const [args, code, message] of cases) {
    const result = await runBin([...args]);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  }
}

/** A new folder with an empty file and a binary one in it, for the refusals of the commands that read text. */
export async function badInputs(): Promise<{ dir: string; empty: string; binary: string }> {
  const { writeFile } = await import('node:fs/promises');
  const dir = await tempDir();
  const empty = join(dir, 'empty.txt');
  const binary = join(dir, 'binary.txt');
  await writeFile(empty, '');
  await writeFile(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
  return { dir, empty, binary };
}

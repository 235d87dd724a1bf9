import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decodeArticle } from '../../src/io/charset.js';
import { readSource } from '../../src/io/inputs.js';
import { tempDir } from '../helpers.js';

/** A page's bytes in a legacy encoding: ASCII markup, with the text's bytes given as they are. */
function legacyPage(meta: string, title: number[], body: number[]): Buffer {
  return Buffer.concat([
    Buffer.from(`<!DOCTYPE html><html><head>${meta}<title>`, 'latin1'),
    Buffer.from(title),
    Buffer.from('</title></head><body><article><p>', 'latin1'),
    Buffer.from(body),
    Buffer.from('</p></article></body></html>', 'latin1'),
  ]);
}

async function read(name: string, bytes: Buffer) {
  const dir = await tempDir();
  await writeFile(join(dir, name), bytes);
  return readSource(name, join(dir, name));
}

describe('charset of web pages', () => {
  it('decodes windows-1252 with its curly quotes, dashes and euro sign', async () => {
    // “Café” – 5€, in windows-1252.
    const text = [0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80];
    const source = await read('w.html', legacyPage('<meta charset="windows-1252">', text, text));
    expect(source.text).toContain('<title>“Café” – 5€</title>');
    expect(source.text).toContain('<p>“Café” – 5€</p>');
  });

  it('reads the charset of http-equiv, and the legacy encodings TextDecoder knows', async () => {
    // "Łódź" in iso-8859-2, "東京" in shift_jis, "Москва" in windows-1251.
    const cases: [string, number[], string][] = [
      ['<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">', [0xa3, 0xf3, 0x64, 0xbc], 'Łódź'],
      ["<meta http-equiv='content-type' content='text/html;charset=Shift_JIS'>", [0x93, 0x8c, 0x8b, 0x9e], '東京'],
      ['<META CHARSET=windows-1251>', [0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0], 'Москва'],
      ['<meta charset="latin1">', [0x93, 0x61, 0x94], '“a”'],
    ];
    for (const [meta, bytes, expected] of cases) expect((await read('p.html', legacyPage(meta, bytes, bytes))).text).toContain(`<title>${expected}</title>`);
  });

  it('keeps a page that is valid UTF-8 as UTF-8 although it declares another charset (a page saved again)', async () => {
    const page = Buffer.from('<html><head><meta charset="gb2312"><title>人工智能</title></head><body><p>人工智能迈上新台阶</p></body></html>');
    expect((await read('saved.html', page)).text).toContain('<title>人工智能</title>');
  });

  it('a byte order mark decides before any declaration', async () => {
    const page = '<html><head><meta charset="windows-1252"><title>Ünïcode “ok”</title></head><body><p>x</p></body></html>';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]);
    expect((await read('bom16.html', utf16)).text).toContain('<title>Ünïcode “ok”</title>');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]);
    expect((await read('bom8.html', utf8)).text).toMatch(/^<html>/u);
  });

  it('refuses what cannot be decoded, in one line that says what to do', async () => {
    const latin = [0x63, 0x61, 0x66, 0xe9];
    await expect(read('none.html', legacyPage('', latin, latin))).rejects.toThrow(/^none\.html: not valid UTF-8 and declares no charset; add <meta charset="…"> naming its encoding, or save it as UTF-8$/u);
    await expect(read('utf8.html', legacyPage('<meta charset="utf-8">', latin, latin))).rejects.toThrow(/^utf8\.html: not valid UTF-8 although it declares charset "utf-8"; save it as UTF-8$/u);
    await expect(read('odd.html', legacyPage('<meta charset="x-klingon">', latin, latin))).rejects.toThrow(/^odd\.html: declares charset "x-klingon", which ringkas cannot decode; save it as UTF-8$/u);
  });

  it('keeps the strict UTF-8 rule for text and Markdown, whatever they say', async () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252">\n\ncaf'), Buffer.from([0xe9])]);
    for (const name of ['a.txt', 'a.md']) await expect(read(name, bytes)).rejects.toThrow(/not valid UTF-8 text; save the file as UTF-8/u);
  });

  it('finds the declaration past a long head, each tag read once', () => {
    const head = `<html><head>${'<meta name="x" content="y">'.repeat(1000)}<meta charset="koi8-r">`;
    expect(declaredCharset(Buffer.from(head))).toBe('koi8-r');
    expect(declaredCharset(Buffer.from(`<meta ${'a'.repeat(100_000)}`))).toBeUndefined();
    expect(decodeArticle(Buffer.from('plain ascii'), true)).toEqual({ text: 'plain ascii', encoding: 'utf-8' });
  });
});

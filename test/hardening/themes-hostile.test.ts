import { Buffer } from 'node:buffer';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import postcss, { type ChildNode } from 'postcss';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { condense } from '../../src/condense/index.js';
import { syntaxFor } from '../../src/pipeline.js';
import { RingkasError } from '../../src/errors.js';
import type { Deck } from '../../src/model.js';
import { parseArticle } from '../../src/parse/index.js';
import { renderMarp } from '../../src/render/marp.js';
import { renderEditablePptx, renderPptx } from '../../src/render/pptx.js';
import { serializeDeck } from '../../src/serialize/index.js';
import { type Theme, markdownSettings, resolveTheme, tokenTheme } from '../../src/themes/index.js';
import { loadThemeFile } from '../../src/themes/load.js';
import { DEFAULT_STYLE, themeStyle } from '../../src/themes/style.js';
import { SAMPLE, readPptx, runBin, solidPng, tempDir } from '../helpers.js';

/** Every XML part of a PPTX that a strict XML 1.0 parser refuses, with the parser's reason. */
async function malformedXmlParts(pptx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx);
  const problems: string[] = [];
  for (const name of Object.keys(zip.files).filter((file) => /\.(xml|rels)$/u.test(file))) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('error', (error) => problems.push(`${name}: ${error.message}`));
    try {
      parser.write(await zip.file(name)!.async('string')).close();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** The values of one attribute on every element of one name, across the XML parts of a PPTX. */
async function attributeValues(pptx: Uint8Array, element: string, attribute: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx);
  const values: string[] = [];
  for (const name of Object.keys(zip.files).filter((file) => file.endsWith('.xml'))) {
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      const value = tag.name === element ? tag.attributes[attribute] : undefined;
      if (typeof value === 'string') values.push(value);
    });
    parser.write(await zip.file(name)!.async('string')).close();
  }
  return values;
}

/**
 * Which of `needles` a folder's files hold: as they are, inside base64 runs (how HTML embeds a
 * logo or font), or inside any zip (a PPTX's media and XML parts).
 */
async function leaked(dir: string, needles: string[]): Promise<string[]> {
  const found = new Set<string>();
  const scan = async (bytes: Buffer): Promise<void> => {
    const text = bytes.toString('latin1');
    const decoded = [...text.matchAll(/[A-Za-z0-9+/]{12,}={0,2}/gu)].map((run) => Buffer.from(run[0], 'base64').toString('latin1'));
    for (const needle of needles) if ([text, ...decoded].some((haystack) => haystack.includes(needle))) found.add(needle);
    if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
      const zip = await JSZip.loadAsync(bytes).catch(() => undefined);
      for (const entry of Object.values(zip?.files ?? {})) if (!entry.dir) await scan(await entry.async('nodebuffer'));
    }
  };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (entry.isFile()) await scan(await readFile(join(entry.parentPath, entry.name)));
  }
  return [...found];
}

/** A run of the CLI on the sample with a theme; every run is expected to be refused. */
async function buildWithTheme(theme: string, formats: string, env?: NodeJS.ProcessEnv) {
  const out = await tempDir();
  const result = await runBin(['build', SAMPLE, '--out', out, '--format', formats, '--theme', theme], env ? { env } : {});
  return { ...result, out, lines: result.stderr.trim().split('\n') };
}

/** The break-out of finding 1, with each of the line ends that ends a CSS custom property. */
const BREAK_OUT = (newline: string) => `Evil${newline}} section { background-image: url(http:127.0.0.1:8765) !important; display: none } x {`;

describe('finding 1: a font family that breaks out of its CSS property', () => {
  it.each([
    ['newline', '\n'],
    ['carriage return', '\r'],
    ['form feed', '\f'],
  ])('with a %s: exit 4, one line naming the file and the key, nothing written', async (_, newline) => {
    const dir = await tempDir();
    const file = join(dir, 'evil.yml');
    await writeFile(file, `fonts:\n  body: ${JSON.stringify(BREAK_OUT(newline))}\n`);
    const result = await buildWithTheme(file, 'md,html');
    expect(result.code, result.stderr).toBe(4);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: fonts\\.body: `, 'u'));
    expect(await readdir(result.out)).toEqual([]);
  });

  it('quotes every family as a CSS string, so that even a family that passed cannot end its property', async () => {
    const base = (await resolveTheme('ringkas')).tokens!;
    const css = tokenTheme({ ...base, fonts: { heading: { family: 'a\'b"c}d;e\\f\ng' }, body: base.fonts.body } }).css!;
    const root = postcss.parse(css);
    let declaration = '';
    root.walkDecls('--ringkas-font-heading', (decl) => {
      declaration = decl.value;
    });
    expect(declaration.startsWith(String.raw`'a\'b"c}d;e\\f\a g', `)).toBe(true);
    expect(root.nodes.filter((node) => node.type === 'rule').map((node) => (node as postcss.Rule).selector)).toContain('section');
    expect(signature(root)).toEqual(signature(postcss.parse(tokenTheme(base).css!)));
  });
});

describe('finding 2: files a theme embeds stay inside its folder', () => {
  const SECRET = 'RINGKAS-THEME-SECRET-91c2e';

  /** A theme folder holding `theme.yml` with `yaml`, and a secret file beside the folder. */
  async function themeFolder(yaml: string): Promise<{ dir: string; file: string; secretFile: string }> {
    const root = await tempDir();
    const dir = join(root, 'theme');
    await mkdir(dir);
    const secretFile = join(root, 'secret.png');
    await writeFile(secretFile, `${SECRET}\n`);
    const file = join(dir, 'theme.yml');
    await writeFile(file, yaml);
    return { dir, file, secretFile };
  }

  async function expectRefused(theme: string, key: string, env?: NodeJS.ProcessEnv) {
    const passwd = (await readFile('/etc/passwd', 'utf8')).split('\n', 1)[0]!;
    const result = await buildWithTheme(theme, 'md,html,pptx', env);
    expect(result.code, result.stderr).toBe(4);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toContain(`${key}: `);
    expect(await leaked(result.out, [SECRET, passwd])).toEqual([]);
    return result.lines[0]!;
  }

  it('a logo that is a symlink to /proc/self/environ: refused, the environment is in no output', async () => {
    const { dir, file } = await themeFolder('logo: logo.png\n');
    await symlink('/proc/self/environ', join(dir, 'logo.png'));
    const line = await expectRefused(file, 'logo', { RINGKAS_THEME_TOKEN: SECRET });
    expect(line).toMatch(/logo: "logo\.png" .*(folder|regular)/u);
  });

  it('a font file that is a symlink to /etc/passwd: refused, /etc/passwd is in no output', async () => {
    const { dir, file } = await themeFolder('fonts:\n  heading: Passwd-Regular.ttf\n');
    await symlink('/etc/passwd', join(dir, 'Passwd-Regular.ttf'));
    expect(await expectRefused(file, 'fonts.heading')).toMatch(/outside the theme's folder/u);
  });

  it('a logo given as ../ out of the theme folder, or as an absolute path: refused', async () => {
    const relative = await themeFolder('logo: ../secret.png\n');
    expect(await expectRefused(relative.file, 'logo')).toMatch(/outside the theme's folder/u);
    const absolute = await themeFolder('');
    await writeFile(absolute.file, `logo: ${JSON.stringify(absolute.secretFile)}\n`);
    expect(await expectRefused(absolute.file, 'logo')).toMatch(/relative to the theme file/u);
  });

  it('a symlink inside the theme folder to a file inside it still works', async () => {
    const { dir, file } = await themeFolder('logo: logo.png\n');
    await writeFile(join(dir, 'real-logo.png'), solidPng(12, 12, [0, 80, 160]));
    await symlink(join(dir, 'real-logo.png'), join(dir, 'logo.png'));
    expect((await loadThemeFile(file)).logo?.mime).toBe('image/png');
  });

  it('an inline theme in the config: the config file’s folder is the theme’s folder', async () => {
    const { dir, secretFile } = await themeFolder('');
    await symlink(secretFile, join(dir, 'logo.png'));
    const config = join(dir, 'ringkas.config.yaml');
    await writeFile(config, 'format: md\ntheme:\n  logo: logo.png\n');
    const result = await runBin(['build', SAMPLE, '--out', join(dir, 'out'), '--config', config]);
    expect(result.code, result.stderr).toBe(4);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/logo: "logo\.png" lies outside the theme's folder/u);
  });
});

/** An article whose sentences carry control characters that XML 1.0 forbids. */
const CONTROL_ARTICLE = [
  'Rapat Kea\u0001manan',
  '',
  'Rapat kea\u0001manan berlangsung panjang hari ini di gedung pusat kota yang ramai sekali.',
  '',
  'Para menteri memba\u0008has kerja sama pertahanan antarnegara dengan serius dan terbuka.',
  '',
  'Mereka sepakat memperkuat aliansi demi stabilitas kawasan yang lebih luas lagi.',
  '',
  'Sidang berikutnya dija\u000bdwalkan bulan depan di ibu kota negara tetangga.',
  '',
].join('\n');

describe('finding 9: PPTX parts stay well-formed XML', () => {
  it.each([
    ['picture PPTX', []],
    ['--editable-pptx', ['--editable-pptx']],
  ])('control characters U+0001 and U+0008 in the article: %s has only well-formed parts, text kept', async (_, flags) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'rapat.txt'), CONTROL_ARTICLE);
    const result = await runBin(['build', join(dir, 'rapat.txt'), '--out', join(dir, 'out'), '--format', 'pptx', ...flags]);
    expect(result.code, result.stderr).toBe(0);
    const pptx = await readFile(join(dir, 'out', 'rapat.pptx'));
    expect(await malformedXmlParts(pptx)).toEqual([]);
    const notes = (await readPptx(join(dir, 'out', 'rapat.pptx'))).notes.join('\n');
    expect(notes).toContain('Rapat keamanan berlangsung panjang');
    expect(notes).toContain('Para menteri membahas kerja sama');
  });

  it('a family that injects attributes is refused in a theme file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'inject.yml');
    await writeFile(file, `fonts:\n  heading: ${JSON.stringify('Evil" x="1" & <b>')}\n`);
    const result = await buildWithTheme(file, 'md');
    expect(result.code).toBe(4);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(/fonts\.heading: /u);
  });

  it('and a typeface that reaches the PPTX anyway is escaped as an attribute value', async () => {
    const deck = await smallDeck();
    const family = 'Evil" x="1" & <b>\u0001';
    const pptx = await renderEditablePptx(deck, { ...DEFAULT_STYLE, fonts: { heading: family, body: family } });
    expect(await malformedXmlParts(pptx)).toEqual([]);
    const typefaces = await attributeValues(pptx, 'a:latin', 'typeface');
    expect(typefaces).toContain('Evil" x="1" & <b>');
  });

  it('text with every kind of XML-forbidden character, in both kinds of PPTX', async () => {
    const deck = await smallDeck();
    const hostile = `a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg\ufffeh\uffffi\ud800j\udc00k & <l> "m" 'n'\tend`;
    const dirty: Deck = {
      ...deck,
      title: hostile,
      author: hostile,
      keywords: [hostile],
      slides: deck.slides.map((slide) => ({ ...slide, title: hostile, bullets: slide.bullets.map(() => hostile), notes: [hostile, hostile], ...(slide.subtitle ? { subtitle: [hostile] } : {}) })),
    };
    const png = new Uint8Array(solidPng(4, 4, [0, 0, 0]));
    for (const pptx of [await renderEditablePptx(dirty, DEFAULT_STYLE), await renderPptx(dirty, { width: 1280, height: 720, pngs: dirty.slides.map(() => png) })]) {
      expect(await malformedXmlParts(pptx)).toEqual([]);
      const zip = await JSZip.loadAsync(pptx);
      const notes = await zip.file('ppt/notesSlides/notesSlide1.xml')!.async('string');
      expect(notes).toContain('abcdefghijk &amp; &lt;l&gt;');
    }
  });
});

describe('themes given as Marp CSS: the rendering browser loads nothing but the deck, so neither may the CSS', () => {
  const cases: [string, string, RegExp][] = [
    ['@import of a URL', "@import url('http:127.0.0.1:8765/x.css');", /@import/u],
    ['@import of a file', "@import 'other.css';", /@import/u],
    ['url() of an address', 'section { background: url(http:127.0.0.1:8765); }', /url\(\) .*data:/u],
    ['url() with a quoted address', "section { background-image: url('https://example.com/a.png'); }", /url\(\) .*data:/u],
    ['url() spelt with a CSS escape', 'section { background: \\75 rl(http:127.0.0.1:8765); }', /url\(\) .*data:/u],
    ['image-set() of an address', 'section { background: image-set("a.png" 1x); }', /data:/u],
    ['a font from a file', "@font-face { font-family: x; src: url(x.woff2) format('woff2'); }", /url\(\) .*data:/u],
    ['an end of the HTML style element', 'section::after { content: "</style><script>alert(1)</script>"; }', /<\/style/u],
    ['a theme name with a quote', '/* @theme a"b */\nsection { color: red; }', /@theme/u],
  ];

  it.each(cases)('%s: exit 4 and one line naming the file', async (_, body, message) => {
    const dir = await tempDir();
    const file = join(dir, 'mine.css');
    await writeFile(file, body.startsWith('/*') ? body : `/* @theme mine */\n${body}\n`);
    const result = await buildWithTheme(file, 'md,html');
    expect(result.code, result.stderr).toBe(4);
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]!.startsWith(`error: ${file}: `)).toBe(true);
    expect(result.lines[0]).toMatch(message);
  });

  it('Marp’s own themes may be imported, and data: URLs and local() fonts are fine', async () => {
    const dir = await tempDir();
    const file = join(dir, 'mine.css');
    const png = solidPng(2, 2, [255, 0, 0]).toString('base64');
    await writeFile(
      file,
      `/* @theme mine */\n@import 'gaia';\n@font-face { font-family: mine; src: local('Noto Sans'), url("data:font/woff2;base64,AAAA") format('woff2'); }\nsection { background: url(data:image/png;base64,${png}) no-repeat; --ringkas-font-body: 'Noto Sans', sans-serif; }\nsection::after { content: "a \\"quoted\\" url(http:x) in text"; }\n`,
    );
    const theme = await resolveTheme(file);
    expect(theme.name).toBe('mine');
    expect(themeStyle(theme).fonts.body).toBe('Noto Sans');
  });
});

describe('theme names come from file names', () => {
  it('a file named a"};x{.yml builds, its name reduced to a safe theme name', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a"};x{.yml');
    await writeFile(file, 'footer: "Fakultas"\n');
    const theme = await resolveTheme(file);
    expect(theme.name).toMatch(/^[\p{L}\p{N}_-]+$/u);
    const { html } = renderMarp(serializeDeck(await smallDeck(), markdownSettings(theme)), theme);
    expect(html).toContain(`data-theme="${theme.name}"`);
  });
});

/** A small deck of two sections, made in-process. */
let cachedDeck: Deck | undefined;
async function smallDeck(): Promise<Deck> {
  const article = await parseArticle({
      path: 'rapat.txt',
      kind: 'text',
      text: [
        'Rapat Keamanan',
        '',
        'Pembukaan',
        '',
        'Rapat keamanan berlangsung panjang hari ini di gedung pusat kota yang ramai sekali. Para menteri membahas kerja sama pertahanan antarnegara dengan serius.',
        '',
        'Kesepakatan',
        '',
        'Mereka sepakat memperkuat aliansi demi stabilitas kawasan yang lebih luas lagi. Sidang berikutnya dijadwalkan bulan depan di ibu kota negara tetangga.',
      ].join('\n'),
  });
  cachedDeck ??= condense(article, await syntaxFor(article));
  return cachedDeck;
}

/** The shape of a style sheet: each node's kind, selector, at-rule or property, in order. */
function signature(root: postcss.Root): string[] {
  const shape: string[] = [];
  root.walk((node: ChildNode) => {
    if (node.type === 'rule') shape.push(`rule ${node.selector}`);
    else if (node.type === 'atrule') shape.push(`@${node.name} ${node.params}`);
    else if (node.type === 'decl') shape.push(`decl ${node.prop}`);
    else shape.push(node.type);
  });
  return shape;
}

/** Each declaration of a style sheet, in order, as `selector { prop: value }`. */
function declarations(root: postcss.Root): { where: string; prop: string; value: string }[] {
  const found: { where: string; prop: string; value: string }[] = [];
  root.walkDecls((decl) => {
    const parent = decl.parent;
    const where = parent?.type === 'rule' ? (parent as postcss.Rule).selector : parent?.type === 'atrule' ? `@${(parent as postcss.AtRule).name}` : '';
    found.push({ where, prop: decl.prop, value: decl.value });
  });
  return found;
}

/** Characters that end or escape CSS properties, strings, comments, HTML and XML. */
const HOSTILE = ['\n', '\r', '\f', '\t', '\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u2028', '\ufeff', '\ufffe', '\ud800', '"', "'", '`', '{', '}', '(', ')', '[', ']', '<', '>', '&', ';', ':', ',', '\\', '\\a ', '\\22', '\\7d', '/*', '*/', '<!--', '-->', '</style>', '@import', 'url(http:x)', '!important', '#', '%', '$', '*', '_', '|', ' ', '-', '.', 'é', '字'];

/** A font-family value as the layouts write it: quoted names or generic keywords, then the fallbacks. */
const FAMILY_LIST = /^(?:(?:'(?:[^'\\\n]|\\.)*'|serif|sans-serif|monospace|cursive|fantasy|system-ui|ui-serif|ui-sans-serif|ui-monospace|ui-rounded|math|emoji|fangsong), )+'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif$/u;

/** A value made of hostile pieces, letters and words. */
const hostileValue = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) }, { weight: 2, arbitrary: fc.constantFrom('Noto', 'Sans', 'Serif', 'Inter', '3') }), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

/** A value that looks like a family name, or a list of them, and mostly is one. */
const plausibleValue = fc
  .array(fc.constantFrom('Noto', 'Sans', 'Serif', 'serif', 'Inter', '3', 'Source', 'Condensed', 'é', '字', '-', '_', '.', ' ', ', '), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/** A theme value: hostile half of the time, so that both refusals and builds are tried. */
const themeValue = fc.oneof(hostileValue, plausibleValue);

/** A file name a theme could have: anything but a path separator, NUL, or the names . and .. */
const fileStem = hostileValue.map((value) => value.replace(/[/\u0000]/gu, '_')).filter((value) => value !== '.' && value !== '..' && Buffer.byteLength(value) < 200);

describe('fuzz: theme values never escape their place in the CSS, the HTML or the PPTX', () => {
  it('fonts, footer and theme name: refused with exit 4 and one line, or contained', async () => {
    const deck = await smallDeck();
    const reference = await resolveTheme('ringkas');
    const outcomes = { refused: 0, built: 0, builtWithValues: 0 };
    await fc.assert(
      fc.asyncProperty(fc.record({ heading: themeValue, body: themeValue, footer: themeValue, stem: fileStem }, { requiredKeys: ['stem'] }), async ({ heading, body, footer, stem }) => {
        const folder = await tempDir();
        const file = join(folder, `${stem}.yml`);
        const definition = { ...(heading || body ? { fonts: { ...(heading ? { heading } : {}), ...(body ? { body } : {}) } } : {}), ...(footer ? { footer } : {}) };
        await writeFile(file, JSON.stringify(definition));
        let theme: Theme;
        try {
          theme = tokenTheme(await loadThemeFile(file));
        } catch (error) {
          expect(error).toBeInstanceOf(RingkasError);
          expect((error as RingkasError).exitCode).toBe(4);
          expect((error as RingkasError).message).not.toMatch(/[\n\r\u2028\u2029]/u);
          outcomes.refused += 1;
          return;
        }
        outcomes.built += 1;
        if (heading || body || footer) outcomes.builtWithValues += 1;
        // The CSS has exactly the layout's rules and declarations, and every declaration but the two
        // font families is the reference's, value for value: nothing escaped into another place.
        const css = postcss.parse(theme.css!);
        expect(signature(css)).toEqual(signature(postcss.parse(reference.css!)));
        const ours = declarations(css);
        const theirs = declarations(postcss.parse(reference.css!));
        ours.forEach((decl, index) => {
          if (!decl.prop.startsWith('--ringkas-font-')) expect(decl).toEqual(theirs[index]);
          else expect(decl.value).toMatch(FAMILY_LIST);
        });
        const comment = css.first;
        expect(comment?.type).toBe('comment');
        // In Marp's HTML the theme is the one in use, and the footer is text inside <footer>.
        const { html } = renderMarp(serializeDeck(deck, markdownSettings(theme)), theme);
        expect(html).toContain(`data-theme="${theme.name}"`);
        expect(html).not.toMatch(/<(?:img|a|script|style|iframe|link)\b/iu);
        for (const match of html.matchAll(/<footer>([\s\S]*?)<\/footer>/gu)) expect(match[1]).not.toMatch(/</u);
        // The PPTX that takes the theme's fonts is well-formed XML.
        expect(await malformedXmlParts(await renderEditablePptx(deck, themeStyle(theme)))).toEqual([]);
      }),
      { numRuns: 200, seed: 1111 },
    );
    // Both branches were exercised: values refused, and values (not only names) that built.
    expect(outcomes.refused).toBeGreaterThan(20);
    expect(outcomes.builtWithValues).toBeGreaterThan(20);
  });
});

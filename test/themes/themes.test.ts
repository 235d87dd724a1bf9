import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { BUNDLED_THEMES } from '../../src/themes/bundled.js';
import { resolveTheme } from '../../src/themes/index.js';
import { themeCss } from '../../src/themes/layouts.js';
import { contrastRatio } from '../../src/themes/tokens.js';
import { ROOT, SAMPLE, pdfImagesPerPage, pptxSlideXml, readPdf, runBin, solidPng, tempDir } from '../helpers.js';

const NAME = 'aliansi-keamanan-internasional';
const FONT = join(ROOT, 'node_modules', 'pdfjs-dist', 'standard_fonts', 'LiberationSans-Regular.ttf');

/** An institution theme with a logo and a local font, as a university would write it. */
async function institutionTheme(): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  await writeFile(join(dir, 'logo.png'), solidPng(120, 48, [0, 51, 102]));
  await copyFile(FONT, join(dir, 'LiberationSans-Regular.ttf'));
  const file = join(dir, 'universitas.yml');
  await writeFile(
    file,
    [
      'extends: institution',
      'colors:',
      '  primary: "#003366"',
      '  accent: "#f2a900"',
      'fonts:',
      '  heading: LiberationSans-Regular.ttf',
      '  body: "Noto Sans"',
      'logo: logo.png',
      'footer: "Universitas Contoh · Fakultas Ilmu Sosial"',
      'pagination: true',
    ].join('\n'),
  );
  return { dir, file };
}

describe('bundled themes', () => {
  it('are generated from their tokens, and themes/*.css is up to date (npm run themes)', async () => {
    for (const tokens of Object.values(BUNDLED_THEMES)) {
      expect(await readFile(join(ROOT, 'themes', `${tokens.name}.css`), 'utf8')).toBe(themeCss(tokens));
    }
  });

  it('use their tokens as their colours, and meet WCAG AA', async () => {
    for (const tokens of Object.values(BUNDLED_THEMES)) {
      const { css } = await resolveTheme(tokens.name);
      for (const [key, color] of Object.entries(tokens.colors)) expect(css).toContain(`--ringkas-${key}: ${color};`);
      expect(contrastRatio(tokens.colors.text, tokens.colors.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(tokens.colors.primary, tokens.colors.background)).toBeGreaterThanOrEqual(3);
    }
  });

  it('are clearly different: each has its own layout and background', () => {
    const themes = Object.values(BUNDLED_THEMES);
    expect(new Set(themes.map((tokens) => tokens.layout)).size).toBe(themes.length);
    expect(new Set(themes.map((tokens) => tokens.colors.background)).size).toBe(themes.length);
  });
});

describe('an institution theme in YAML', () => {
  let theme: { dir: string; file: string };
  let out: string;
  beforeAll(async () => {
    theme = await institutionTheme();
    out = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', out, '--theme', theme.file, '--format', 'html,pdf']);
    expect(result.code, result.stderr).toBe(0);
  });

  it('compiles to Marp CSS with its colours, embedded font and logo', async () => {
    const { css, name } = await resolveTheme(theme.file);
    expect(name).toBe('universitas');
    expect(css).toContain('--ringkas-primary: #003366;');
    expect(css).toContain('--ringkas-accent: #f2a900;');
    expect(css).toMatch(/@font-face \{ font-family: 'ringkas-heading'; src: url\("data:font\/ttf;base64,/u);
    expect(css).toContain('data:image/png;base64,');
  });

  it('puts the logo on every slide of the PDF and the footer on every slide but the first', async () => {
    const images = await pdfImagesPerPage(join(out, `${NAME}.pdf`));
    expect(images.length).toBeGreaterThan(5);
    for (const count of images) expect(count).toBeGreaterThanOrEqual(1);
    const pdf = await readPdf(join(out, `${NAME}.pdf`));
    expect(pdf.pages[0]).not.toContain('Universitas Contoh');
    for (const page of pdf.pages.slice(1)) expect(page).toContain('Universitas Contoh · Fakultas Ilmu Sosial');
  });

  it('needs no --allow-local-files: the HTML carries the logo and font inside it', async () => {
    const html = await readFile(join(out, `${NAME}.html`), 'utf8');
    expect(html).toContain('data:image/png;base64,');
    expect(html).not.toMatch(/logo\.png|\.ttf"/u);
  });

  it('styles the editable PPTX with its fonts, colours and logo', async () => {
    const pptxOut = await tempDir();
    const result = await runBin(['build', SAMPLE, '--out', pptxOut, '--theme', theme.file, '--format', 'pptx', '--editable-pptx']);
    expect(result.code, result.stderr).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(join(pptxOut, `${NAME}.pptx`)));
    // The slides hold the text; the colours, fonts and logo are in the masters they are laid out on.
    const layouts = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slideLayouts\/[^/]+\.xml$/u.test(name)).map((name) => zip.file(name)!.async('string')));
    const xml = [...(await pptxSlideXml(join(pptxOut, `${NAME}.pptx`))), ...layouts].join('');
    expect(xml).toContain('typeface="LiberationSans"');
    expect(xml).toContain('typeface="Noto Sans"');
    expect(xml).toContain('val="003366"');
    expect(Object.values(zip.files).filter((entry) => !entry.dir && entry.name.startsWith('ppt/media/')).length).toBeGreaterThan(0);
  });

  it('can be given inline as theme: in the config, paths relative to the config', async () => {
    const config = join(theme.dir, 'ringkas.config.yaml');
    await writeFile(config, ['format: md', 'theme:', '  extends: briefing', '  logo: logo.png', '  colors:', '    accent: "#00aa88"'].join('\n'));
    const result = await runBin(['build', SAMPLE, '--out', join(theme.dir, 'out'), '--config', config]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(theme.dir, 'out', `${NAME}.md`), 'utf8')).toMatch(/^theme: "ringkas-config-theme"$/mu);
  });
});

describe('invalid theme files', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown key', 'colour:\n  primary: "#000000"\n', /: unknown key "colour"; use extends, colors, fonts, logo, footer, pagination$/u],
    ['unknown nested key', 'colors:\n  primry: "#000000"\n', /: unknown key "colors\.primry"; use primary, accent, background, text, muted$/u],
    ['malformed colour', 'colors:\n  primary: "navy-ish"\n', /: colors\.primary: "navy-ish" is not a colour; write it as #rrggbb$/u],
    ['missing logo', 'logo: missing.png\n', /: logo: file "missing\.png" not found; paths are relative to the theme file$/u],
    ['missing font file', 'fonts:\n  body: fonts/Missing.woff2\n', /: fonts\.body: file "fonts\/Missing\.woff2" not found/u],
    ['low body contrast', 'colors:\n  text: "#aaaaaa"\n  background: "#ffffff"\n', /: colors\.text: #aaaaaa on background #ffffff has a contrast of 2\.32:1, below the 4\.5:1 WCAG AA asks for body text/u],
    ['low heading contrast', 'colors:\n  primary: "#cccccc"\n', /: colors\.primary: #cccccc on background #fbfaf7 has a contrast of 1\.5\d:1, below the 3:1 WCAG AA asks for headings/u],
    ['unknown base', 'extends: neon\n', /: extends: "neon" is not a bundled theme; use ringkas, briefing, institution$/u],
  ];

  it.each(cases)('%s: exit code 4 and one line naming the key and the file', async (_, yaml, message) => {
    const dir = await tempDir();
    const file = join(dir, 'broken.yml');
    await writeFile(file, yaml);
    const result = await runBin(['build', SAMPLE, '--out', join(dir, 'out'), '--format', 'md', '--theme', file]);
    expect(result.code).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`error: ${file}: `)).toBe(true);
    expect(lines[0]).toMatch(message);
    expect(await readdir(join(dir, 'out')).catch(() => [])).toEqual([]);
  });
});

describe('ringkas themes', () => {
  it('lists bundled and local themes, and scaffolds a commented starter that validates', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'logo.png'), solidPng(10, 10, [200, 0, 0]));
    const created = await runBin(['themes', 'new', 'kampus', '--extends', 'briefing', '--primary', '#ffd166', '--logo', 'logo.png'], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    const yaml = await readFile(join(dir, 'themes', 'kampus.yml'), 'utf8');
    expect(yaml).toMatch(/^# kampus: a ringkas theme/u);
    expect(yaml).toContain('extends: briefing');
    expect(yaml).toContain('primary: "#ffd166"');
    // The logo lay outside themes/, where a theme may not reach: it is copied next to the theme.
    expect(yaml).toContain('logo: "kampus-logo.png"');
    expect(await readFile(join(dir, 'themes', 'kampus-logo.png'))).toEqual(await readFile(join(dir, 'logo.png')));
    const listed = await runBin(['themes'], { cwd: dir });
    expect(listed.stdout).toMatch(/^ringkas +bundled, academic layout$/mu);
    expect(listed.stdout).toMatch(/^kampus +local, themes\/kampus\.yml$/mu);
    const built = await runBin(['build', SAMPLE, '--theme', 'kampus', '--format', 'md', '--out', 'out'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    const bad = await runBin(['themes', 'new', 'pale', '--primary', '#fafafa'], { cwd: dir });
    expect(bad.code).toBe(4);
    expect((await readdir(join(dir, 'themes'))).sort()).toEqual(['kampus-logo.png', 'kampus.yml']);
  });

  it('keeps a user’s own Marp CSS theme working', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'mine.css'), "/* @theme mine */\n@import 'default';\nsection { background: #fff8e7; }\n");
    const result = await runBin(['build', SAMPLE, '--theme', join(dir, 'mine.css'), '--format', 'html', '--out', dir]);
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(join(dir, `${NAME}.html`), 'utf8');
    expect(html).toContain('#fff8e7');
    expect(html).toContain('data-theme="mine"');
  });
});

describe('no overflow in any theme', () => {
  it('for the sample and every fixture, in every bundled theme and an institution theme', async () => {
    const fixtures = join(ROOT, 'test', 'fixtures');
    const inputs = [SAMPLE, fixtures];
    const { file } = await institutionTheme();
    for (const theme of [...Object.keys(BUNDLED_THEMES), file]) {
      const report = await check({ inputs, theme, cwd: ROOT });
      expect(report.error).toBeUndefined();
      for (const deck of report.decks) {
        expect(deck.error, `${theme}: ${deck.input}`).toBeUndefined();
        expect(deck.overflows, `${theme}: ${deck.input}`).toEqual([]);
      }
      expect(report.decks.length).toBe(1 + (await readdir(fixtures)).length);
    }
    // Four themes of twelve decks (the PDF and Word fixtures read each time), each fitted and measured again.
  }, 600_000);
});

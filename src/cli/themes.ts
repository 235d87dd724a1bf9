import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, RingkasError } from '../errors.js';
import { cleanTemporaryFiles, prepareOutputDir, writeOutput } from '../io/output.js';
import { deckFromFile } from '../pipeline.js';
import { BUNDLED_THEMES } from '../themes/bundled.js';
import { listThemes, resolveTheme } from '../themes/index.js';
import { logoForNewTheme } from '../themes/files.js';
import { loadThemeFile } from '../themes/load.js';

/** The bundled sample, which `themes preview` shows in every theme. */
const SAMPLE = fileURLToPath(new URL('../../source/aliansi-keamanan-internasional.txt', import.meta.url));

/** `ringkas themes`: the bundled, local, theme set's (`--theme-set`) and Marp themes, one per line, on stdout. */
export async function listThemesCommand(cwd: string, write: (text: string) => void, themeSet?: string): Promise<number> {
  for (const entry of await listThemes(cwd, themeSet)) {
    const detail = {
      bundled: () => `bundled, ${BUNDLED_THEMES[entry.name]!.layout} layout`,
      local: () => `local, ${entry.path}`,
      set: () => `theme set, ${relative(cwd, entry.path!)}`,
      marp: () => "Marp's own",
    }[entry.source]();
    write(`${entry.name.padEnd(20)} ${detail}\n`);
  }
  return ExitCode.ok;
}

/** Options of `ringkas themes new`. */
export interface NewThemeOptions {
  extends?: string;
  primary?: string;
  logo?: string;
  force?: boolean;
}

/**
 * `ringkas themes new <name>`: writes `themes/<name>.yml`, a commented starter theme, and checks it
 * like any theme (a bad colour or a missing logo is exit code 4, and no file is left behind).
 */
export async function newThemeCommand(name: string, options: NewThemeOptions, cwd: string, write: (text: string) => void): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]*$/u.test(name)) throw new RingkasError(`theme name "${name}": use lower-case letters, digits and hyphens`, ExitCode.usage);
  if (name in BUNDLED_THEMES || ['default', 'gaia', 'uncover'].includes(name)) {
    throw new RingkasError(`theme name "${name}" is taken by a bundled theme; choose another`, ExitCode.usage);
  }
  const path = resolve(cwd, 'themes', `${name}.yml`);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) throw new RingkasError(`${relative(cwd, path)} already exists; pass --force to replace it`, ExitCode.usage);
  const base = BUNDLED_THEMES[options.extends ?? 'ringkas'];
  if (!base) throw new RingkasError(`--extends: "${options.extends}" is not a bundled theme; use ${Object.keys(BUNDLED_THEMES).join(', ')}`, ExitCode.invalidTheme);
  const colors = { ...base.colors, ...(options.primary ? { primary: options.primary } : {}) };
  // A theme embeds files from its own folder only: a logo from elsewhere is copied next to it.
  const logo = options.logo ? await logoForNewTheme(resolve(cwd, options.logo), dirname(path), name, options.force) : undefined;
  const yaml = `# ${name}: a ringkas theme. Every key is optional; remove what you do not need.
# Build with it: ringkas build --theme ${name}   ·   Look at it: ringkas themes preview

# The bundled theme this one starts from: ${Object.keys(BUNDLED_THEMES).join(', ')}.
extends: ${base.name}

# Colours as #rrggbb. Text and muted need a contrast of 4.5:1 with the background, primary
# (headings) 3:1 (WCAG AA); ringkas refuses a theme that falls short.
colors:
  primary: "${colors.primary}"      # headings, title slide, bands
  accent: "${colors.accent}"       # rules, bullets, highlights
  background: "${colors.background}"   # slide background
  text: "${colors.text}"         # body text
  muted: "${colors.muted}"        # subtitles, page numbers, footer

# A font family name, or a font file (.ttf, .otf, .woff, .woff2) next to this file, which is embedded.
fonts:
  heading: "${base.fonts.heading.family}"
  body: "${base.fonts.body.family}"

# A PNG, JPEG or SVG file, relative to this file; embedded in every HTML, PDF and PPTX.
${logo ? `logo: ${JSON.stringify(logo.path)}` : '# logo: "logo.png"'}

# Text at the foot of every slide but the title slide.
# footer: "Faculty of Social and Political Sciences"

# Slide numbers.
pagination: ${base.pagination}
`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, yaml);
  try {
    await loadThemeFile(path, relative(cwd, path));
  } catch (error) {
    if (!exists) await rm(path, { force: true });
    if (logo?.copy) await rm(logo.copy, { force: true });
    throw error;
  }
  write(`${relative(cwd, path)}\n`);
  return ExitCode.ok;
}

/**
 * `ringkas themes preview`: the sample's title slide, a content slide and the conclusion in every
 * theme, as PNGs in `<out>/themes/`, with an index page to compare them side by side.
 */
export async function previewThemesCommand(out: string, cwd: string, browserPath: string | undefined, write: (text: string) => void): Promise<number> {
  const dir = resolve(cwd, out, 'themes');
  await prepareOutputDir(dir);
  const [{ BrowserSession }, { deckDocument }, { renderSlideImages }, { fitDeck }] = await Promise.all([
    import('../render/browser/manager.js'),
    import('../render/marp.js'),
    import('../render/images.js'),
    import('../render/fit.js'),
  ]);
  const { deck: full } = await deckFromFile(SAMPLE);
  const content = full.slides.find((slide) => slide.kind === 'content' && slide.bullets.length >= 3) ?? full.slides[1]!;
  const picks = { title: full.slides[0]!, content, conclusion: full.slides.findLast((slide) => slide.kind === 'conclusion') ?? full.slides.at(-1)! };
  const deck = { ...full, slides: Object.values(picks) };
  const session = new BrowserSession(browserPath ? { explicitPath: browserPath } : {});
  const rows: string[] = [];
  try {
    for (const entry of await listThemes(cwd)) {
      const theme = await resolveTheme(entry.source === 'local' && entry.path ? entry.path : entry.name, cwd);
      // Fitted as a build with the browser fits them, so that the pictures show what a PDF shows
      // (unless fitting split a slide: the preview shows one picture per kind).
      const fitted = await fitDeck(session, deck, theme);
      const images = await renderSlideImages(session, deckDocument(fitted.slides.length === deck.slides.length ? fitted : deck, theme), 0.5);
      const files = Object.keys(picks).map((kind) => `${entry.name}-${kind}.png`);
      for (const [index, png] of images.pngs.entries()) await writeOutput(dir, files[index]!, png);
      rows.push(`<section><h2>${entry.name} <small>${entry.source}</small></h2>${files.map((file) => `<img src="${file}" alt="" width="320" height="180">`).join('')}</section>`);
      write(`${relative(cwd, join(dir, files[1]!))}\n`);
    }
    await writeOutput(
      dir,
      'index.html',
      `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>ringkas themes</title><style>body{font-family:system-ui,sans-serif;margin:24px;background:#f4f3ef}section{margin-bottom:24px}img{margin-right:12px;box-shadow:0 1px 4px rgba(0,0,0,.2)}small{color:#666;font-weight:normal}</style></head><body><h1>Themes</h1>\n${rows.join('\n')}\n</body></html>\n`,
    );
  } finally {
    await session.close();
    await cleanTemporaryFiles(dir);
  }
  return ExitCode.ok;
}

import { dirname, isAbsolute, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { ExitCode, RingkasError, firstLine } from './errors.js';
import type { InlineTheme } from './themes/index.js';

/**
 * What a config file can set: every `build` option. A flag beats the config, which beats the
 * default. Paths are relative to the config file.
 */
export interface RingkasConfig {
  inputs?: string[];
  out?: string;
  format?: string;
  /** A theme name or file, or an institution theme defined right here (the keys of a theme YAML). */
  theme?: string | InlineTheme;
  lang?: 'auto' | 'id' | 'en';
  maxBullets?: number;
  maxWords?: number;
  slides?: number;
  notes?: boolean;
  /** The agenda slide, when the article has three or more sections (default true). */
  agenda?: boolean;
  /** The glossary slide (default true). */
  glossary?: boolean;
  /** The closing sources slide, when anything beyond the title is known of the source (default true). */
  sources?: boolean;
  /** Figure slides: `none`, `some` (one per section at most) or `all`. */
  figures?: 'none' | 'some' | 'all';
  title?: string;
  subtitle?: string;
  author?: string;
  institution?: string;
  date?: string;
  /** Where the article came from, an address or a credit in words, for the sources slide. */
  source?: string;
  browserPath?: string;
  /** Seconds, as `--browser-timeout` (marp-cli's unit). */
  browserTimeout?: number;
  pdfNotes?: boolean;
  editablePptx?: boolean;
  concurrency?: number;
}

/** A loaded config and where it came from. */
export interface LoadedConfig {
  config: RingkasConfig;
  filepath: string;
}

/** For typed `ringkas.config.mjs` files: `export default defineConfig({ … })`. */
export function defineConfig(config: RingkasConfig): RingkasConfig {
  return config;
}

const KEY_TYPES: Record<keyof RingkasConfig, 'string' | 'number' | 'boolean' | 'strings'> = {
  inputs: 'strings',
  out: 'string',
  format: 'string',
  theme: 'string',
  lang: 'string',
  maxBullets: 'number',
  maxWords: 'number',
  slides: 'number',
  notes: 'boolean',
  agenda: 'boolean',
  glossary: 'boolean',
  sources: 'boolean',
  figures: 'string',
  title: 'string',
  subtitle: 'string',
  author: 'string',
  institution: 'string',
  date: 'string',
  source: 'string',
  browserPath: 'string',
  browserTimeout: 'number',
  pdfNotes: 'boolean',
  editablePptx: 'boolean',
  concurrency: 'number',
};

/** Keys whose values are paths, resolved against the config file's folder. */
const PATH_KEYS = ['out', 'browserPath'] as const;

/** The file names searched for in the working folder, in order. */
export const CONFIG_FILES = ['package.json', 'ringkas.config.json', 'ringkas.config.yaml', 'ringkas.config.yml', 'ringkas.config.mjs'];

/**
 * Loads the config: the file given with `--config`, else the first of {@link CONFIG_FILES} in the
 * working folder (`package.json` only where it has a `ringkas` key). A file that does not parse or
 * has an unknown key or a value of the wrong type is a usage error (exit 2) naming file and key.
 */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig | undefined> {
  const explorer = cosmiconfig('ringkas', { searchPlaces: CONFIG_FILES, searchStrategy: 'none', cache: false });
  let result;
  try {
    result = explicitPath ? await explorer.load(resolve(cwd, explicitPath)) : await explorer.search(cwd);
  } catch (error) {
    const file = explicitPath ?? 'config file';
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'not found' : `cannot be read (${firstLine(error)})`;
    throw new RingkasError(`${file}: ${reason}; fix the file or give another with --config`, ExitCode.usage, { cause: error });
  }
  if (!result || result.isEmpty) return undefined;
  return { config: validate(result.config, result.filepath), filepath: result.filepath };
}

function validate(raw: unknown, filepath: string): RingkasConfig {
  const invalid = (message: string): never => {
    throw new RingkasError(`${filepath}: ${message}`, ExitCode.usage);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) invalid('the config must be an object of build options');
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const type = KEY_TYPES[key as keyof RingkasConfig];
    if (!type) invalid(`unknown key "${key}"; use ${Object.keys(KEY_TYPES).join(', ')}`);
    if (key === 'theme' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      // An inline theme is checked when it is resolved, with the theme rules and exit code 4.
      config[key] = { definition: value, file: filepath } satisfies InlineTheme;
      continue;
    }
    const ok =
      type === 'strings' ? Array.isArray(value) && value.every((item) => typeof item === 'string') : type === 'string' && key === 'format' ? typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')) : typeof value === type;
    if (!ok) invalid(`"${key}" must be ${type === 'strings' ? 'a list of strings' : key === 'theme' ? 'a theme name, a path, or a mapping of theme keys' : `a ${type}`}`);
    config[key] = key === 'format' && Array.isArray(value) ? value.join(',') : value;
  }
  const base = dirname(filepath);
  for (const key of PATH_KEYS) if (typeof config[key] === 'string') config[key] = resolve(base, config[key] as string);
  if (Array.isArray(config['inputs'])) config['inputs'] = (config['inputs'] as string[]).map((input) => (input === '-' ? input : resolve(base, input)));
  // A theme given as a file is relative to the config; a theme name stays a name.
  const theme = config['theme'];
  if (typeof theme === 'string' && (theme.endsWith('.css') || theme.endsWith('.yml') || theme.endsWith('.yaml') || theme.includes('/')) && !isAbsolute(theme)) {
    config['theme'] = resolve(base, theme);
  }
  return config as RingkasConfig;
}

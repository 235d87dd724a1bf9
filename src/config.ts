import { dirname, resolve } from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import type * as z from './zod.js';
import { ExitCode, RingkasError, firstLine } from './errors.js';
import { CONFIG_KEYS, type ConfigKey, type LoadedValues, OPTIONS, type OptionSpec, type RingkasConfig, type Zod, loadRules } from './options.js';

export type { RingkasConfig } from './options.js';

/** A loaded config and where it came from. */
export interface LoadedConfig {
  /** The config's values: paths resolved against its folder, a theme mapping made an `InlineTheme`, a list of formats joined. */
  config: LoadedValues;
  filepath: string;
}

/** For typed `ringkas.config.mjs` files: `export default defineConfig({ … })`. */
export function defineConfig(config: RingkasConfig): RingkasConfig {
  return config;
}

/** The file names searched for in the working folder, in order. */
export const CONFIG_FILES = ['package.json', 'ringkas.config.json', 'ringkas.config.yaml', 'ringkas.config.yml', 'ringkas.config.mjs'];

/**
 * Loads the config: the file given with `--config`, else the first of {@link CONFIG_FILES} in the
 * working folder (`package.json` only where it has a `ringkas` key). A file that does not parse or
 * has an unknown key or a value of the wrong type is a usage error (exit 2) naming file and key.
 * The values' rules (ranges, choices) are checked where a command uses them, naming the key too.
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
  return { config: validate(result.config, result.filepath, (await loadRules()).zod), filepath: result.filepath };
}

/** The type a config file must give for each key, from {@link OPTIONS}: the rule's type, not its range. */
const typeRule = (zod: Zod, type: OptionSpec['type']): z.ZodMiniType => (type === 'strings' ? zod.array(zod.string()) : zod[type]());

/** The words for each type in a message. */
const TYPE_WORDS = { string: 'a string', number: 'a number', boolean: 'a boolean', strings: 'a list of strings' };

/** What a config file may hold: the keys of {@link CONFIG_KEYS}, each of its type. */
function configSchema(zod: Zod): z.ZodMiniType {
  return zod.strictObject(
    Object.fromEntries(
      CONFIG_KEYS.map((key) => {
        const spec: OptionSpec = OPTIONS[key];
        return [key, zod.optional(spec.config?.(zod) ?? typeRule(zod, spec.type))];
      }),
    ),
  );
}

function validate(raw: unknown, filepath: string, zod: Zod): LoadedValues {
  const invalid = (message: string): never => {
    throw new RingkasError(`${filepath}: ${message}`, ExitCode.usage);
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) invalid('the config must be an object of build options');
  const parsed = configSchema(zod).safeParse(raw);
  if (!parsed.success) {
    // The first problem in the file's order of keys, as a reader goes through it.
    const keys = Object.keys(raw as object);
    const issues = parsed.error.issues.map((issue) => ({ issue, key: issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0]) }));
    const { issue, key } = issues.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key))[0]!;
    if (issue.code === 'unrecognized_keys') invalid(`unknown key "${key}"; use ${CONFIG_KEYS.join(', ')}`);
    const spec: OptionSpec = OPTIONS[key as ConfigKey];
    invalid(`"${key}" must be ${spec.configType ?? TYPE_WORDS[spec.type]}`);
  }
  const base = dirname(filepath);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const spec: OptionSpec = OPTIONS[key as ConfigKey];
    const resolved = spec.resolvePath ? spec.resolvePath(value as never, base) : value;
    config[key] =
      // An inline theme is checked when it is resolved, with the theme rules and exit code 4.
      key === 'theme' && typeof resolved === 'object' ? { definition: resolved, file: filepath }
      : key === 'format' && Array.isArray(resolved) ? resolved.join(',')
      : resolved;
  }
  return config as LoadedValues;
}

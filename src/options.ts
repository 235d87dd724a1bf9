/**
 * The options of the commands that make decks, each declared once: its flag and aliases, how yargs
 * reads it, the rule its value keeps (a zod schema), its default, its help text, the commands that
 * take it, whether a config file may set it and how a path in a config is resolved. The yargs
 * options (src/cli/options.ts), the config file's validation (src/config.ts), {@link RingkasConfig}
 * and the `[default: …]` of the help are all read from {@link OPTIONS}.
 *
 * The command line loads this module on every start (`--version` and `--help` included), and zod
 * with it would add 20 ms to each (measured on the bundle, alternating runs): each rule is written
 * as a function of zod/mini, made when {@link loadRules} has loaded it, where a value is checked.
 */
import { isAbsolute, resolve } from 'node:path';
import type * as z from './zod.js';
import { MIN_MAX_WORDS } from './condense/options.js';
import { FORMATS } from './formats.js';
import { DEFAULT_THEME } from './themes/bundled.js';
import type { InlineTheme } from './themes/index.js';
import type { ThemeDefinition } from './themes/load.js';

/** The commands whose options are declared here; `themes` takes only `--theme-set`. */
export type OptionCommand = 'build' | 'check' | 'preview' | 'outline' | 'themes';

/** zod/mini's parts ringkas uses (src/zod.ts), as {@link loadRules} hands them to each rule. */
export type Zod = typeof import('./zod.js');

/** Everything known of one option. */
export interface OptionSpec {
  /** The flag, without `--`; absent for `inputs`, which is the commands' positional argument. */
  flag?: string;
  alias?: readonly string[];
  /** How yargs reads the flag, and the type a config file must give (`strings`: a list of strings). */
  type: 'string' | 'number' | 'boolean' | 'strings';
  /** The values yargs accepts for the flag (its own message for any other), and the rule's enum. */
  choices?: readonly string[];
  /** The rule the value keeps, wherever it was set; its output is what the command is given. */
  rule: (zod: Zod) => z.ZodMiniType;
  /** What the rule allows, in words, for the message when a value breaks it ("a whole number of at least 1"). */
  expected?: string;
  /** What a config file may give, where that is more than the flag takes (a theme mapping, a list of formats). */
  config?: (zod: Zod) => z.ZodMiniType;
  /** The same, in words, for the message when a config gives something else. */
  configType?: string;
  /** Whether a config file may set it (default: yes). */
  configurable?: false;
  default?: string | number | boolean | readonly string[];
  /** The default as the help shows it, where it is not a plain value ("number of cores"). */
  defaultText?: string;
  describe: string;
  /** Help text for a command that words the option otherwise. */
  describeFor?: Partial<Record<OptionCommand, string>>;
  commands: readonly OptionCommand[];
  /** A path in a config file: resolved against the config file's folder. */
  resolvePath?: (value: never, base: string) => unknown;
}

/** The commands that make a deck from an article. */
const DECK: readonly OptionCommand[] = ['build', 'check', 'preview', 'outline'];
/** The commands that render a deck with a theme. */
const THEMED: readonly OptionCommand[] = ['build', 'check', 'preview'];
/** The commands that render in a browser. */
const BROWSER: readonly OptionCommand[] = ['build', 'check'];

/** The longest wait a timer allows (2³¹−1 ms, about 24.8 days), in seconds: a longer one fires at once. */
export const MAX_TIMER_SECONDS = (2 ** 31 - 1) / 1000;

/** A whole number of at least `min` (and at most `max`), with its rule in words. */
function wholeNumber(min: number, max?: number) {
  return {
    type: 'number',
    rule: (z: Zod) => z.int().check(z.gte(min), ...(max === undefined ? [] : [z.lte(max)])),
    expected: max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`,
  } as const;
}

/** One of `choices`, with its rule in words ("auto, id or en"). */
function oneOf<const T extends readonly [string, ...string[]]>(choices: T) {
  return { type: 'string', choices, rule: (z: Zod) => z.enum(choices), expected: `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}` } as const;
}

const text = { type: 'string', rule: (z: Zod) => z.string() } as const;
const flag = { type: 'boolean', rule: (z: Zod) => z.boolean() } as const;
/** A file or folder: in a config file, relative to it. */
const path = { ...text, resolvePath: (value: string, base: string) => resolve(base, value) } as const;

/** Whether a theme given in a config names a file (relative to the config) rather than a theme by name. */
function isThemeFile(theme: string): boolean {
  return theme.endsWith('.css') || theme.endsWith('.yml') || theme.endsWith('.yaml') || theme.includes('/');
}

const isMapping = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The options, in the order the help and the config's list of keys show them. The keys are the
 * config keys and yargs' camel-case names of the flags.
 */
export const OPTIONS = {
  inputs: {
    type: 'strings',
    rule: (z: Zod) => z.array(z.string()),
    default: ['source'],
    defaultText: "source, or the config's inputs",
    describe: 'articles or folders of articles',
    describeFor: { preview: 'one article (file, web address, or - for stdin)' },
    commands: THEMED,
    // "-" (standard input) is not a file.
    resolvePath: (value: string[], base: string) => value.map((input) => (input === '-' ? input : resolve(base, input))),
  },
  out: { ...path, flag: 'out', alias: ['o'], default: 'out', describe: 'output folder', commands: ['build'] },
  format: {
    ...text,
    flag: 'format',
    alias: ['f'],
    config: (z: Zod) => z.union([z.string(), z.array(z.string())]),
    configType: 'a string or a list of strings',
    default: 'html,pdf,pptx',
    describe: `comma list of ${FORMATS.join(',')}; md is always written`,
    commands: ['build'],
  },
  theme: {
    type: 'string',
    // A config may define the theme right there; it is checked when resolved (exit code 4).
    rule: (z: Zod) => z.union([z.string(), z.custom<InlineTheme>(isMapping)]),
    config: (z: Zod) => z.union([z.string(), z.custom<ThemeDefinition>(isMapping)]),
    configType: 'a theme name, a path, or a mapping of theme keys',
    flag: 'theme',
    alias: ['t'],
    default: DEFAULT_THEME,
    describe: 'theme name or path to a theme .yml or Marp .css theme',
    commands: THEMED,
    // A theme given as a file is relative to the config; a theme by name stays a name.
    resolvePath: (value: string | ThemeDefinition, base: string) => (typeof value === 'string' && isThemeFile(value) && !isAbsolute(value) ? resolve(base, value) : value),
  },
  themeSet: {
    ...path,
    flag: 'theme-set',
    describe: 'folder of extra themes (.css Marp themes, .yml theme definitions) that --theme can name (marp-cli: --theme-set)',
    commands: [...THEMED, 'themes'],
  },
  lang: { ...oneOf(['auto', 'id', 'en']), flag: 'lang', default: 'auto', describe: 'language of the article', commands: DECK },
  maxBullets: { ...wholeNumber(1), flag: 'max-bullets', default: 5, describe: 'bullets per slide at most', commands: DECK },
  maxWords: { ...wholeNumber(MIN_MAX_WORDS), flag: 'max-words', default: 14, describe: `words per bullet at most, ${MIN_MAX_WORDS} or more`, commands: DECK },
  slides: { ...wholeNumber(1), flag: 'slides', defaultText: 'follows the article', describe: 'aim for about this many slides', commands: DECK },
  condense: {
    ...flag,
    flag: 'condense',
    default: false,
    describe: 'condense an input that is already a Marp deck (marp: true) like any article, rather than render it as it is',
    commands: THEMED,
  },
  notes: { ...flag, flag: 'notes', default: true, describe: 'source sentences as speaker notes; --no-notes leaves them out', commands: DECK },
  agenda: { ...flag, flag: 'agenda', default: true, describe: 'an agenda slide for three or more sections; --no-agenda leaves it out', commands: DECK },
  glossary: { ...flag, flag: 'glossary', default: true, describe: 'a glossary slide of the acronyms on the slides; --no-glossary leaves it out', commands: DECK },
  sources: {
    ...flag,
    flag: 'sources',
    default: true,
    describe: 'a closing slide crediting the source where anything beyond the title is known; --no-sources leaves it out',
    commands: DECK,
  },
  figures: {
    ...oneOf(['none', 'some', 'all']),
    flag: 'figures',
    default: 'some',
    describe: "figure slides for the article's pictures: none, some (one per section at most) or all",
    commands: DECK,
  },
  title: { ...text, flag: 'title', defaultText: 'from the article', describe: 'deck title', commands: DECK },
  subtitle: { ...text, flag: 'subtitle', describe: 'subtitle on the title slide', commands: DECK },
  author: { ...text, flag: 'author', describe: 'author on the title slide', commands: DECK },
  institution: { ...text, flag: 'institution', describe: 'institution on the title slide', commands: DECK },
  date: { ...text, flag: 'date', describe: 'date on the title slide', commands: DECK },
  source: { ...text, flag: 'source', defaultText: 'from the article', describe: 'where the article came from, an address or a credit, for the sources slide', commands: DECK },
  browserPath: { ...path, flag: 'browser-path', describe: 'Chrome/Chromium/Edge executable for PDF, PPTX, PNG and check', commands: BROWSER },
  browserTimeout: {
    type: 'number',
    // Seconds, as marp-cli's options give them (fractions allowed); the command is given milliseconds.
    rule: (z: Zod) =>
      z.pipe(
        z.number().check(z.gte(0.001), z.lte(MAX_TIMER_SECONDS)),
        z.transform((seconds: number) => Math.round(seconds * 1000)),
      ),
    expected: `seconds from 0.001 to ${MAX_TIMER_SECONDS}`,
    flag: 'browser-timeout',
    defaultText: '60',
    describe: 'seconds the browser may take to start or render a deck, as in marp-cli',
    commands: BROWSER,
  },
  pdfNotes: { ...flag, flag: 'pdf-notes', default: false, describe: 'speaker notes as PDF annotations', commands: ['build'] },
  editablePptx: {
    ...flag,
    flag: 'editable-pptx',
    alias: ['pptx-editable'],
    default: false,
    describe: 'PPTX with editable text, written from the deck, instead of slide pictures (marp-cli: --pptx-editable)',
    commands: ['build'],
  },
  concurrency: { ...wholeNumber(1), flag: 'concurrency', alias: ['P', 'parallel'], defaultText: 'number of cores', describe: 'decks rendered at once (marp-cli: -P, --parallel)', commands: BROWSER },
  shard: { ...text, flag: 'shard', configurable: false, describe: 'build only shard i of n of the inputs, e.g. 2/4 (for CI matrices)', commands: ['build'] },
  watch: { ...flag, flag: 'watch', alias: ['w'], configurable: false, describe: 'rebuild a deck when its article, the config or the theme changes', commands: ['build'] },
  port: { ...wholeNumber(0, 65535), flag: 'port', configurable: false, default: 8080, describe: 'port on 127.0.0.1; 0 picks a free one', commands: ['preview'] },
  json: {
    ...flag,
    flag: 'json',
    configurable: false,
    describe: 'print a JSON report on stdout',
    describeFor: { outline: 'print JSON instead of Markdown', check: 'print the findings as JSON on stdout' },
    commands: ['build', 'check', 'outline'],
  },
  quiet: { ...flag, flag: 'quiet', alias: ['q'], configurable: false, describe: 'print errors only', commands: ['build'] },
} as const satisfies Record<string, OptionSpec>;

export type OptionKey = keyof typeof OPTIONS;

/** The keys a config file may set, in order. */
export type ConfigKey = { [K in OptionKey]: (typeof OPTIONS)[K] extends { configurable: false } ? never : K }[OptionKey];

export const CONFIG_KEYS = (Object.keys(OPTIONS) as OptionKey[]).filter((key): key is ConfigKey => (OPTIONS[key] as OptionSpec).configurable !== false);

/** The zod schema an option's rule makes. */
type RuleOf<K extends OptionKey> = ReturnType<(typeof OPTIONS)[K]['rule']>;

/** What a config file holds for `K`: what its `config` rule takes, else what its flag's rule takes. */
type ConfigInput<K extends ConfigKey> = (typeof OPTIONS)[K] extends { config: (zod: Zod) => infer S extends z.ZodMiniType } ? z.input<S> : z.input<RuleOf<K>>;

/**
 * What a config file can set: the options of `build`, `check`, `preview` and `outline` (keys in
 * camel case), and `inputs`. A flag beats the config, which beats the default. Paths are relative
 * to the config file. `theme` may be a theme defined right there (the keys of a theme YAML file).
 */
export type RingkasConfig = { [K in ConfigKey]?: ConfigInput<K> };

/** An option's value once checked: what the command is given (`browserTimeout` in milliseconds). */
export type OptionValue<K extends OptionKey> = z.output<RuleOf<K>>;

/** A config as loaded: paths resolved, a theme mapping made an {@link InlineTheme}, a format list joined. */
export type LoadedValues = { [K in ConfigKey]?: OptionValue<K> | z.input<RuleOf<K>> };

/** The options `command` takes, in order. */
export function optionsOf(command: OptionCommand): OptionKey[] {
  return (Object.keys(OPTIONS) as OptionKey[]).filter((key) => (OPTIONS[key].commands as readonly OptionCommand[]).includes(command));
}

/** An option's help text for `command`, with its default as `[default: …]`. */
export function helpText(key: OptionKey, command: OptionCommand): string {
  const spec: OptionSpec = OPTIONS[key];
  const shown = spec.defaultText ?? (spec.default === undefined || spec.default === false ? undefined : Array.isArray(spec.default) ? spec.default.join(' ') : String(spec.default));
  const describe = spec.describeFor?.[command] ?? spec.describe;
  // A positional's default goes to yargs' own defaultDescription.
  return shown === undefined || spec.flag === undefined ? describe : `${describe} [default: ${shown}]`;
}

/** A value as a message shows it: quoted, or, for the NaN yargs makes of "--slides abc", in words. */
export function shownGot(value: unknown): string {
  return typeof value === 'number' && Number.isNaN(value) ? 'something that is not a number' : `"${String(value)}"`;
}

/** Each option's rule, made once zod is loaded. */
export type Rules = { [K in OptionKey]: RuleOf<K> };

let rules: Promise<{ zod: Zod; rules: Rules }> | undefined;

/** Loads zod/mini and makes every option's rule, once. */
export function loadRules(): Promise<{ zod: Zod; rules: Rules }> {
  return (rules ??= import('./zod.js').then((zod) => ({
    zod,
    rules: Object.fromEntries((Object.keys(OPTIONS) as OptionKey[]).map((key) => [key, (OPTIONS[key] as OptionSpec).rule(zod)])) as Rules,
  })));
}

/**
 * Checks `value` against the rule of option `key` (from {@link loadRules}) and returns what the
 * command is given; a value that breaks it is an error naming the option as `name` (the flag, or
 * the config file and key).
 */
export function checkOption<K extends OptionKey>(made: Rules, key: K, value: unknown, name: string, fail: (message: string) => never): OptionValue<K> {
  const spec: OptionSpec = OPTIONS[key];
  const checked = made[key].safeParse(value);
  if (!checked.success) fail(`${name}: expected ${spec.expected ?? `a ${spec.type}`}, got ${shownGot(value)}`);
  return checked.data as OptionValue<K>;
}

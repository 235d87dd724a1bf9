/**
 * The command line's side of src/options.ts: the yargs options of each command, and the value of
 * each option as a command uses it — the flag, else the config's, else the default, checked.
 */
import type { Argv } from 'yargs';
import type { LoadedConfig } from '../config.js';
import { ExitCode, RingkasError } from '../errors.js';
import { OPTIONS, type OptionCommand, type OptionKey, type OptionSpec, type OptionValue, type Rules, checkOption, helpText, loadRules, optionsOf } from '../options.js';

/** A mistake in the command line or the config: exit code 2. */
export class UsageError extends RingkasError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** The parsed command line, keys as yargs gives them (flags in camel case too). */
export type Args = Record<string, unknown>;

/** Adds the options `command` takes, as {@link OPTIONS} declares them, to its yargs builder. */
export function withOptions<T>(builder: Argv<T>, command: OptionCommand): Argv<T> {
  let withEach = builder;
  for (const key of optionsOf(command)) {
    const spec: OptionSpec = OPTIONS[key];
    const describe = helpText(key, command);
    if (spec.flag === undefined) {
      withEach = withEach.positional(key, { type: 'string', array: true, describe, ...(spec.defaultText ? { defaultDescription: spec.defaultText } : {}) });
      continue;
    }
    // No default for yargs: an option left out must stay undefined, so that the config can set it.
    const type = spec.type === 'strings' ? 'string' : spec.type;
    withEach = withEach.option(spec.flag, { type, describe, ...(spec.alias ? { alias: [...spec.alias] } : {}), ...(spec.choices ? { choices: [...spec.choices] } : {}) });
  }
  return withEach;
}

/** The options of a run as a command uses them: flag beats config beats default. */
export class OptionValues {
  private constructor(
    private readonly args: Args,
    private readonly loaded: LoadedConfig | undefined,
    private readonly rules: Rules,
  ) {}

  /** The options of the parsed command line `args` and the config `loaded`, with the rules to check them by. */
  static async of(args: Args, loaded: LoadedConfig | undefined): Promise<OptionValues> {
    return new OptionValues(args, loaded, (await loadRules()).rules);
  }

  /**
   * Names an option in a message the way the user set it: the flag (`--concurrency`) when given
   * on the command line, else the config file and key (`ringkas.config.json: concurrency`).
   */
  name(key: OptionKey): string {
    const spec: OptionSpec = OPTIONS[key];
    const flag = spec.flag ? `--${spec.flag}` : key;
    return this.args[key] !== undefined || this.configured(key) === undefined ? flag : `${this.loaded!.filepath}: ${key}`;
  }

  /** The option's value, checked by its rule ({@link checkOption}); `undefined` when neither set nor defaulted. */
  get<K extends OptionKey>(key: K): OptionValue<K> | undefined {
    const spec: OptionSpec = OPTIONS[key];
    const value = this.args[key] ?? this.configured(key) ?? spec.default;
    if (value === undefined) return undefined;
    return checkOption(this.rules, key, value, this.name(key), (message) => {
      throw new UsageError(message);
    });
  }

  /** The option's value, for an option with a default. */
  value<K extends OptionKey>(key: K): OptionValue<K> {
    const value = this.get(key);
    if (value === undefined) throw new Error(`option ${key} has no default`);
    return value;
  }

  /** Where the config file is, if one was read. */
  get configPath(): string | undefined {
    return this.loaded?.filepath;
  }

  private configured(key: OptionKey): unknown {
    return (this.loaded?.config as Record<string, unknown> | undefined)?.[key];
  }
}

/** Exit codes of the `ringkas` command, as documented in the README. */
export const ExitCode = {
  /** Every deck was built. */
  ok: 0,
  /** At least one input failed; the others were still built. */
  inputFailed: 1,
  /** Invalid usage, options or config. */
  usage: 2,
  /** PDF, PPTX or PNG was asked for and no browser could be found or started. */
  noBrowser: 3,
  /** The theme is unknown or invalid. */
  invalidTheme: 4,
  /** Stopped by SIGINT or SIGTERM (128 + 2, as shells report it). */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error meant for the user: its message is one line that names the file and the fix, and it
 * carries the exit code the CLI ends with. Anything else that reaches the CLI is a bug.
 */
export class RingkasError extends Error {
  override readonly name = 'RingkasError';
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.inputFailed,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Throws a {@link RingkasError}; a one-liner for guard clauses. */
export function fail(message: string, exitCode: ExitCodeValue = ExitCode.inputFailed): never {
  throw new RingkasError(message, exitCode);
}

/** The first line of any thrown value, for one-line reports of errors that are not ours. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]!.trim();
}

/**
 * A source that ringkas will not hand to a parser because of its shape, not its text: nesting or
 * markup that would make the parser crash on its stack or take minutes. Its message says what was
 * found and what to do; the caller puts the file's name in front of it.
 */
export class UnreadableSourceError extends Error {
  override readonly name = 'UnreadableSourceError';
}

/** The message for a source nested deeper than a parser can take. */
export function tooDeep(what: string, limit: number, line: number): UnreadableSourceError {
  return new UnreadableSourceError(`${what} nested more than ${limit} levels deep (line ${line}); flatten the nesting or save the text as plain text (.txt)`);
}

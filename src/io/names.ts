import { basename, dirname, extname } from 'node:path';
import { isWebAddress } from './fetch.js';

/** What an input's output name is made from. */
export interface Nameable {
  /** The article: an absolute path, a web address, or `-`. */
  file: string;
  /** Its name before clashes are settled: the stem, after the subfolders of the folder input it was found in (`2024/intro`). */
  name: string;
}

/**
 * Output names for a run's inputs (`/`-separated, relative to the output folder, without an
 * extension), each used by one input only, whatever order the inputs came in. An input keeps its
 * name unless another one has it too (letter case aside, as on macOS and Windows); then, in turn,
 * while the names stay the same, the clashing inputs get
 * 1. their extension, when their extensions differ: `a.md`, `a.txt` → `a-md`, `a-txt`;
 * 2. the name of their folder, when their folders' names differ: `2024/intro.txt`, `2025/intro.txt`
 *    given as files → `2024-intro`, `2025-intro`;
 * 3. a number, in the order of their paths: the first keeps the name, the others get `-2`, `-3`….
 * Only the last segment of a name changes, so a deck stays in its subfolder.
 */
export function outputNames(inputs: readonly Nameable[]): string[] {
  const names = inputs.map((input) => input.name);
  for (const qualifier of [extensionOf, folderOf]) {
    for (const group of clashes(names)) {
      const parts = group.map((index) => qualifier(inputs[index]!.file));
      if (parts.some((part) => part === undefined) || new Set(parts).size === 1) continue;
      group.forEach((index, position) => {
        names[index] = qualified(names[index]!, parts[position]!, qualifier === folderOf);
      });
    }
  }
  const taken = new Set(names.map(foldCase));
  const used = new Set<string>();
  const byPath = inputs.map((_, index) => index).sort((a, b) => compare(inputs[a]!.file, inputs[b]!.file));
  for (const index of byPath) {
    let name = names[index]!;
    if (used.has(foldCase(name))) {
      let count = 2;
      while (taken.has(foldCase(`${name}-${count}`))) count += 1;
      name = `${name}-${count}`;
      taken.add(foldCase(name));
    }
    used.add(foldCase(name));
    names[index] = name;
  }
  return names;
}

/** The positions of the names that more than one input has, grouped by name. */
function clashes(names: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  names.forEach((name, index) => {
    const key = foldCase(name);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/** `name` with `part` after its last segment (`2024/a` → `2024/a-md`), or before it (`2024/x-a`). */
function qualified(name: string, part: string, before: boolean): string {
  const slash = name.lastIndexOf('/');
  const folder = name.slice(0, slash + 1);
  const last = name.slice(slash + 1);
  return `${folder}${before ? `${part}-${last}` : `${last}-${part}`}`;
}

/** A local file's extension without its dot, in lower case (`md`); none for a web address or standard input. */
function extensionOf(file: string): string | undefined {
  if (!isLocal(file)) return undefined;
  return extname(file).slice(1).toLowerCase() || undefined;
}

/** The name of a local file's folder. */
function folderOf(file: string): string | undefined {
  if (!isLocal(file)) return undefined;
  return basename(dirname(file)) || undefined;
}

function isLocal(file: string): boolean {
  return file !== '-' && !isWebAddress(file);
}

function foldCase(name: string): string {
  return name.toLowerCase();
}

/** A locale-independent order, so that the same inputs are numbered the same everywhere. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Hostile and unlucky article texts of a given size, each of a shape that once made ringkas take
 * time or memory out of proportion to its size, overflow a stack, or report the wrong cause
 * (issue "Hardening II", finding 3 and 7). The tests run each one through ringkas and check that it
 * is built or refused with a one-line message; `npm run bench` times them at 1 MB.
 *
 * Each input: `name`, the file name it is built from (its extension decides the reader), `text`,
 * and `refused`, a part of the message when ringkas is expected to refuse it (else it must build).
 */

/** Repeats `unit` until the text reaches `bytes` characters (all units are ASCII). */
function fill(unit, bytes, prefix = '', suffix = '') {
  return prefix + unit.repeat(Math.max(1, Math.ceil((bytes - prefix.length - suffix.length) / unit.length))) + suffix;
}

const SENTENCE = 'Pemerintah menetapkan kebijakan baru untuk meningkatkan mutu pendidikan di daerah terpencil. ';

/**
 * @param {number} bytes the size of each input (about)
 * @returns {{ name: string; text: string; refused?: string }[]}
 */
export function adversarialInputs(bytes) {
  const items = (count) => Array.from({ length: count }, (_, index) => `apel${index}`).join(', ');
  const depth = 5000;
  let nestedList = '# Daftar\n\n';
  for (let level = 0; level < depth; level += 1) nestedList += `${'  '.repeat(Math.min(level, 40))}- butir ${level}\n`;
  return [
    // Memory: one paragraph of ordinary sentences (each sentence once carried a copy of it).
    { name: 'one-paragraph.txt', text: fill(SENTENCE, bytes) },
    // Super-linear patterns in sentence splitting, e-mail and URL guards, acronyms, clause cuts.
    { name: 'one-character.txt', text: fill('a', bytes) },
    { name: 'at-signs.txt', text: fill('a@', bytes) },
    { name: 'dotted.txt', text: fill('a.', bytes) },
    { name: 'no-spaces.txt', text: fill('Kata-kata.lain,dan;juga:itu!', bytes) },
    { name: 'url.txt', text: fill('a.', bytes, 'Lihat https://') },
    { name: 'initials.txt', text: fill('A. ', bytes) },
    { name: 'capitals.txt', text: fill('ABC ', bytes) },
    { name: 'parentheses.txt', text: fill('(a ', bytes) },
    { name: 'commas.txt', text: `Kami membeli ${items(Math.min(20_000, Math.floor(bytes / 12)))} di pasar.\n` },
    // Markdown: nesting the parser overflows on, marks it reads in quadratic time.
    { name: 'nested-list.md', text: nestedList, refused: 'nested more than' },
    { name: 'nested-quotes.md', text: fill('>', Math.min(bytes, 100_000), '# Kutipan\n\n', ' teks.\n'), refused: 'nested more than' },
    { name: 'brackets.md', text: fill('[a](', bytes, '# Tautan\n\n'), refused: 'marks' },
    { name: 'emphasis-lines.md', text: fill('*kata lain\n', Math.min(bytes, 1_500_000), '# Tebal\n\n') },
    { name: 'emphasis-run.md', text: `# Tebal\n\n${'*'.repeat(8000)}kata${'*'.repeat(8000)} dan kalimat biasa.\n` },
    // HTML: nesting that overflows a recursive walk, runs of elements the converter walks repeatedly.
    { name: 'nested-divs.html', text: `<html><body>${'<div>'.repeat(50_000)}<p>Teks yang dalam.</p>${'</div>'.repeat(50_000)}</body></html>`, refused: 'nested more than' },
    { name: 'misnested.html', text: fill('<b><i>x</b></i> ', bytes, '<html><body><p>Teks ini. ', '</p></body></html>') },
    { name: 'empty-spans.html', text: fill('<span> </span>', bytes, '<html><body><p>Teks ini.', '</p></body></html>') },
    // Nothing but link text: no article, said in one line, quickly.
    { name: 'open-links.html', text: fill('<a href=x>tautan ', bytes, '<html><body><p>', '</p></body></html>'), refused: 'no article text found' },
    // HTML: the article finder's shapes — lines between <br>s, chrome written inline, a class
    // attribute of a megabyte, JSON-LD nested deep, a title of a thousand separators.
    { name: 'br-lines.html', text: fill('kata demi kata<br>', bytes, '<html><body><div class="isi">', '</div></body></html>') },
    { name: 'chrome-spans.html', text: fill('<span class="share">bagikan</span> teks artikel. ', bytes, '<html><body><div>', '</div></body></html>') },
    { name: 'class-attribute.html', text: fill('sidebar ', bytes, '<html><body><div class="', `">${SENTENCE}</div></body></html>`) },
    { name: 'json-ld.html', text: `<html><head><script type="application/ld+json">${'['.repeat(Math.floor(bytes / 4))}${']'.repeat(Math.floor(bytes / 4))}</script><title>${'a | '.repeat(Math.floor(bytes / 16))}</title></head><body><p>${SENTENCE}</p></body></html>` },
  ];
}

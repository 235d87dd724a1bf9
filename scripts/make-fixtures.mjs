#!/usr/bin/env node
// Makes the PDF and Word fixtures of the document readers from their sources in
// test/fixture-sources/: each source (in a small markup described below) becomes a flat ODF
// document — for `pdf-*` with a two-column layout, a running header and page numbers — which
// LibreOffice prints to PDF or saves as .docx.
//
//   node scripts/make-fixtures.mjs        (needs `soffice` with Writer on the PATH)
//
// Source markup: `key: value` lines up to `---` (title, author, header, layout: section-columns |
// page-columns | single, lang), then `# ` and `## ` headings, `- ` list items, blank-line-separated
// paragraphs, `[^text]` for a footnote and `![caption](name)` for a picture (a bar chart drawn
// here) with its caption. Long words get soft hyphens, so that LibreOffice,
// which has no hyphenation dictionary here, still breaks words at line ends as a typeset paper does.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(ROOT, 'test', 'fixture-sources');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const INPUTS = join(ROOT, 'test', 'inputs');
const PASSWORD_FILTER = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Soft hyphens in words of eight letters or more: after every third letter, leaving three. */
const hyphenate = (text) =>
  text.replace(/\p{L}{8,}/gu, (word) => {
    let out = '';
    for (let index = 0; index < word.length; index += 1) {
      out += word[index];
      if ((index + 1) % 3 === 0 && word.length - index - 1 >= 3) out += '\u00AD';
    }
    return out;
  });

/** A paragraph's text as ODF inline content, footnotes included. */
function inline(text, notes) {
  return text
    .split(/(\[\^[^\]]+\])/u)
    .map((part) => {
      const note = /^\[\^([^\]]+)\]$/u.exec(part);
      if (!note) return escape(hyphenate(part));
      notes.count += 1;
      return `<text:note text:id="ftn${notes.count}" text:note-class="footnote"><text:note-citation>${notes.count}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${escape(note[1])}</text:p></text:note-body></text:note>`;
    })
    .join('');
}

/** A PNG of a small bar chart, four bars on white: a figure made here, so the fixture owes no one. */
function barChart(width = 320, height = 200) {
  const bars = [[40, 0.9, [0, 51, 102]], [110, 0.55, [242, 169, 0]], [180, 0.7, [0, 128, 96]], [250, 0.35, [160, 40, 40]]];
  return encodePng(width, height, (x, y) => {
    const bar = bars.find(([left, share]) => x >= left && x < left + 40 && y >= height - 10 - share * (height - 30) && y < height - 10);
    if (bar) return bar[2];
    return y === height - 10 && x >= 20 && x < width - 20 ? [60, 60, 60] : [255, 255, 255];
  });
}

function parseSource(source) {
  const [head, body] = source.split(/^---$/mu);
  const meta = Object.fromEntries(head.trim().split('\n').map((line) => line.split(/:\s*/u, 2)));
  const blocks = body.trim().split(/\n\s*\n/u).map((block) => block.trim());
  return { meta, blocks };
}

function fodt({ meta, blocks }) {
  const notes = { count: 0 };
  const content = blocks
    .map((block) => {
      const image = /^!\[([^\]]*)\]\(([\w-]+)\)$/u.exec(block);
      if (image) {
        const frame = `<draw:frame draw:name="${escape(image[2])}" text:anchor-type="as-char" svg:width="8cm" svg:height="5cm"><draw:image><office:binary-data>${barChart().toString('base64')}</office:binary-data></draw:image><svg:desc>${escape(image[1])}</svg:desc></draw:frame>`;
        return `<text:p text:style-name="Standard">${frame}</text:p>\n<text:p text:style-name="Caption">${escape(image[1])}</text:p>`;
      }
      if (block.startsWith('## ')) return `<text:h text:style-name="Heading_20_2" text:outline-level="2">${escape(block.slice(3))}</text:h>`;
      if (block.startsWith('# ')) return `<text:h text:style-name="Heading_20_1" text:outline-level="1">${escape(block.slice(2))}</text:h>`;
      if (block.startsWith('- ')) {
        const items = block.split('\n').map((line) => `<text:list-item><text:p text:style-name="List">${inline(line.slice(2), notes)}</text:p></text:list-item>`);
        return `<text:list text:style-name="L1">${items.join('')}</text:list>`;
      }
      return `<text:p text:style-name="Text_20_body">${inline(block.replace(/\n/gu, ' '), notes)}</text:p>`;
    })
    .join('\n');
  const sectionColumns = meta.layout === 'section-columns';
  const columns = '<style:columns fo:column-count="2" fo:column-gap="0.8cm"/>';
  // A Word document has its author in its properties; a printed paper under its title.
  const byline = meta.layout === 'single' ? '' : `\n<text:p text:style-name="Author">${escape(meta.author)}</text:p>`;
  const front = `<text:p text:style-name="Title">${escape(meta.title)}</text:p>${byline}`;
  const language = meta.lang === 'id' ? 'fo:language="id" fo:country="ID"' : 'fo:language="en" fo:country="US"';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${escape(meta.title)}</dc:title><meta:initial-creator>${escape(meta.author)}</meta:initial-creator><dc:creator>${escape(meta.author)}</dc:creator><dc:language>${meta.lang}</dc:language></office:meta>
<office:font-face-decls>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
<style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" ${language}/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.5cm" fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="115%"/></style:style>
<style:style style:name="List" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify" fo:margin-top="0.05cm" fo:margin-bottom="0.05cm" fo:line-height="115%"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.25cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Author" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.6cm"/><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="10pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="8pt" fo:font-style="italic"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="8pt"/></style:style>
<style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="9pt" fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm">${meta.layout === 'page-columns' ? columns : ''}</style:page-layout-properties><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:style style:name="Sect1" style:family="section"><style:section-properties>${columns}</style:section-properties></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
${meta.header ? `<style:header><text:p text:style-name="Header">${escape(meta.header)}</text:p></style:header>` : ''}
<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
${sectionColumns ? `${front}\n<text:section text:style-name="Sect1" text:name="Body">\n${content}\n</text:section>` : `${front}\n${content}`}
</office:text></office:body>
</office:document>
`;
}

const work = mkdtempSync(join(tmpdir(), 'ringkas-fixtures-'));
const convert = (document, filter, outdir) =>
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', filter, '--outdir', outdir, document], { stdio: process.env.VERBOSE ? 'inherit' : 'ignore' });
try {
  // Each source becomes the format its name starts with: pdf-… a PDF, docx-… a Word document.
  for (const [prefix, filter] of [['pdf', 'pdf'], ['docx', 'docx:MS Word 2007 XML']]) {
    for (const file of readdirSync(SOURCES).filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.txt'))) {
      const name = basename(file, '.txt');
      const document = join(work, `${name}.fodt`);
      writeFileSync(document, fodt(parseSource(readFileSync(join(SOURCES, file), 'utf8'))));
      convert(document, filter, work);
      mkdirSync(join(FIXTURES, name), { recursive: true });
      copyFileSync(join(work, `${name}.${prefix}`), join(FIXTURES, name, `${name}.${prefix}`));
      console.log(`test/fixtures/${name}/${name}.${prefix}`);
    }
  }
  // The same brief with a password to open it: a PDF the reader must refuse in one line.
  const locked = join(work, 'locked');
  mkdirSync(locked);
  convert(join(work, 'pdf-two-column-brief.fodt'), PASSWORD_FILTER, locked);
  mkdirSync(INPUTS, { recursive: true });
  copyFileSync(join(locked, 'pdf-two-column-brief.pdf'), join(INPUTS, 'password-protected.pdf'));
  console.log('test/inputs/password-protected.pdf');
} finally {
  if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
}

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { condense, wordCount } from '../../src/condense/index.js';
import { parseArticle } from '../../src/parse/index.js';
import { loadSyntax } from '../../src/syntax/index.js';
import { SAMPLE } from '../helpers.js';

const indonesian = await loadSyntax('id');
const english = await loadSyntax('en');

const sampleArticle = async () => await parseArticle({ path: SAMPLE, text: await readFile(SAMPLE, 'utf8'), kind: 'text' });
const HEADINGS = ['Pendahuluan', 'Aliansi Keamanan dan Dinamika Politik Global', 'Tantangan dan Masa Depan Aliansi Keamanan', 'Masa Depan Aliansi Keamanan Internasional'];
/** Words a finished statement cannot end on. */
const DANGLING = new Set(['dan', 'atau', 'serta', 'yang', 'di', 'ke', 'dari', 'untuk', 'dengan', 'pada', 'adalah', 'akan', 'telah', 'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'for', 'with', 'is', 'are', 'was']);

/** A bullet that reads as a complete, short statement rather than a fragment. */
function readsAsStatement(bullet: string): boolean {
  const words = bullet.replace(/…$/u, '').split(/\s+/u);
  const last = words.at(-1)!.toLowerCase().replace(/[^\p{L}\d-]/gu, '');
  const quotes = bullet.match(/["“”]/gu)?.length ?? 0;
  return (
    words.length >= 3 &&
    /^[\p{Lu}\d"“]/u.test(bullet) &&
    !/[,;:.]$/u.test(bullet) &&
    !DANGLING.has(last) &&
    quotes % 2 === 0 &&
    (bullet.match(/\(/gu)?.length ?? 0) === (bullet.match(/\)/gu)?.length ?? 0)
  );
}

describe('condense on the bundled sample', () => {
  it('plans a title, an agenda, the sections in the article’s order and a conclusion from its closing section', async () => {
    const article = await sampleArticle();
    const deck = condense(article, indonesian);
    expect(deck.slides.length).toBeGreaterThanOrEqual(6);
    expect(deck.slides.length).toBeLessThanOrEqual(14);
    const kinds = deck.slides.map((slide) => slide.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds[1]).toBe('agenda');
    expect(kinds.at(-1)).toBe('conclusion');
    const contentTitles = deck.slides.filter((slide) => slide.kind === 'content').map((slide) => slide.title.replace(/ \(lanjutan\)$/u, ''));
    // The closing section ("Masa Depan …") sums the article up: it is the conclusion slide, not a content slide.
    expect([...new Set(contentTitles)]).toEqual(HEADINGS.slice(0, 3));
    expect(deck.slides[1]!.bullets).toEqual([...HEADINGS.slice(0, 3), 'Kesimpulan']);
    const closing = article.sections.at(-1)!.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.text));
    const conclusion = deck.slides.at(-1)!;
    expect(conclusion.notes.length).toBeGreaterThanOrEqual(3);
    for (const note of conclusion.notes) expect(closing).toContain(note);
    // The lead is on the first content slide: the deck starts where the article does.
    expect(deck.slides[2]!.notes).toContain(article.sections[0]!.paragraphs[0]!.sentences[0]!.text);
  });

  it('marks continuation slides and keeps each section’s slides together', async () => {
    const deck = condense(await sampleArticle(), indonesian, { maxBullets: 2 });
    const content = deck.slides.filter((slide) => slide.kind === 'content');
    expect(content.some((slide) => slide.title.endsWith(' (lanjutan)'))).toBe(true);
    content.forEach((slide, index) => {
      if (slide.title.endsWith(' (lanjutan)')) expect(content[index - 1]!.section).toBe(slide.section);
    });
  });

  it('lists in its glossary only the acronyms a slide uses, and 3–5 conclusion points', async () => {
    const article = await sampleArticle();
    const deck = condense(article, indonesian);
    const onSlides = deck.slides.filter((slide) => slide.kind === 'content' || slide.kind === 'conclusion').flatMap((slide) => [slide.title, ...slide.bullets]);
    const used = article.glossary.filter(({ term }) => onSlides.some((text) => new RegExp(`(?<![\\p{L}\\p{N}])${term}(?![\\p{L}\\p{N}])`, 'u').test(text)));
    const glossary = deck.slides.find((slide) => slide.kind === 'glossary');
    expect(glossary?.bullets ?? []).toEqual(used.map(({ term, expansion }) => `${term}: ${expansion}`));
    // The sample defines four; its bullets drop the brackets that define them, and use none alone.
    expect(article.glossary.length).toBe(4);
    const conclusion = deck.slides.at(-1)!;
    expect(conclusion.title).toBe('Kesimpulan');
    expect(conclusion.bullets.length).toBeGreaterThanOrEqual(3);
    expect(conclusion.bullets.length).toBeLessThanOrEqual(5);
    expect(conclusion.notes).toHaveLength(conclusion.bullets.length);
  });

  it('keeps the glossary entry of an acronym a bullet uses', async () => {
    const text = [
      'Climate Talks',
      'The WHO opened a heat research centre in Madrid on Monday.',
      'Officials of the World Health Organization (WHO) met in Geneva to plan for hotter summers.',
      'The International Energy Agency (IEA) published a report on solar power last year.',
      'Doctors in Spain reported record numbers of patients with heat stroke in July.',
    ].join('\n\n');
    const article = await parseArticle({ path: 'heat.txt', text, kind: 'text' }, { lang: 'en' });
    const deck = condense(article, english);
    const bullets = deck.slides.flatMap((slide) => (slide.kind === 'glossary' ? [] : slide.bullets));
    expect(bullets.some((bullet) => /\bWHO\b/u.test(bullet))).toBe(true);
    const glossary = deck.slides.find((slide) => slide.kind === 'glossary')!;
    expect(glossary.bullets).toContain('WHO: World Health Organization');
    expect(glossary.bullets.some((bullet) => bullet.startsWith('IEA'))).toBe(bullets.some((bullet) => /\bIEA\b/u.test(bullet)));
  });

  it('writes bullets that read as complete, short statements', async () => {
    const deck = condense(await sampleArticle(), indonesian);
    for (const slide of deck.slides.filter((s) => s.kind === 'content' || s.kind === 'conclusion')) {
      for (const bullet of slide.bullets) expect(readsAsStatement(bullet), bullet).toBe(true);
    }
  });

  it('makes --slides 4, 8 and 15 slides within one, or says why not', async () => {
    const article = await sampleArticle();
    for (const slides of [4, 8, 15]) {
      const deck = condense(article, indonesian, { slides });
      const within = Math.abs(deck.slides.length - slides) <= 1;
      expect(within || (deck.warnings ?? []).some((warning) => warning.message.startsWith(`--slides ${slides}: made ${deck.slides.length} slides`)), `--slides ${slides}: ${deck.slides.length}`).toBe(true);
      if (!within) expect(deck.slides.length).toBeLessThan(slides);
    }
    // Four slides: sections merge and the agenda gives way.
    const small = condense(article, indonesian, { slides: 4 });
    expect(Math.abs(small.slides.length - 4)).toBeLessThanOrEqual(1);
    expect(small.slides.some((slide) => slide.kind === 'agenda')).toBe(false);
  });

  it('merges thousands of sections into the few slides --slides asks for', async () => {
    const sections = Array.from({ length: 5000 }, (_, index) => `## Bagian ${index + 1}\n\nPemerintah daerah membangun jembatan baru nomor ${index + 1} untuk warga desa.`);
    const article = await parseArticle({ path: 'banyak.md', text: `# Jembatan Desa\n\n${sections.join('\n\n')}\n`, kind: 'markdown' });
    const deck = condense(article, indonesian, { slides: 6 });
    expect(Math.abs(deck.slides.length - 6)).toBeLessThanOrEqual(1);
    // Every section is in a run: the runs' first sections rise, the first is the first.
    const firsts = deck.slides.filter((slide) => slide.kind === 'content').map((slide) => slide.section!);
    expect(firsts[0]).toBe(0);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
  });

  it('leaves notes out with notes: false', async () => {
    const deck = condense(await sampleArticle(), indonesian, { notes: false });
    expect(deck.slides.every((slide) => slide.notes.length === 0)).toBe(true);
  });
});

describe('condense labels', () => {
  it('shows a bullet that points back right after its antecedent, and leaves out one that adds nothing to it', async () => {
    const deckOf = async (paragraph: string) => condense(await parseArticle({ path: 'berita.txt', text: `Penerbangan Perintis Sangihe\n\n${paragraph}`, kind: 'text' }), indonesian);
    const content = (deck: Awaited<ReturnType<typeof deckOf>>) => deck.slides.filter((slide) => slide.kind === 'content');
    // "Ia menyebut …" is shown only right after the lead it points back to.
    const opening = await deckOf(
      'Bupati Kepulauan Sangihe Michael Thungari meresmikan penerbangan perintis pertama di Bandara Naha, Senin (4/3/2024). Ia menyebut penerbangan itu sebagai jawaban atas keluhan warga selama bertahun-tahun. Warga kepulauan selama ini bergantung pada kapal yang sering batal berlayar saat gelombang tinggi. Harga tiket pesawat perintis dipatok Rp 350 ribu untuk sekali jalan.',
    );
    const [slide] = content(opening);
    const follower = slide!.bullets.findIndex((bullet) => bullet.startsWith('Ia menyebut'));
    expect(follower).toBeGreaterThan(0);
    expect(slide!.notes[follower - 1]).toMatch(/^Bupati Kepulauan Sangihe Michael Thungari meresmikan/u);
    // "Pesawat ini mendarat di Bandara Naha" says nothing the lead did not: another point is shown instead.
    const repeated = await deckOf(
      'Sebuah pesawat perintis milik pemerintah daerah Kabupaten Kepulauan Sangihe mendarat perdana di Bandara Naha, Senin (4/3/2024). Pesawat ini mendarat di Bandara Naha pada pukul 10.00 WITA. Bupati Sangihe berharap penerbangan perintis itu bisa berjalan dua kali seminggu. Warga kepulauan selama ini bergantung pada kapal yang sering batal berlayar saat gelombang tinggi. Harga tiket pesawat perintis dipatok Rp 350 ribu untuk sekali jalan.',
    );
    const bullets = content(repeated).flatMap((each) => each.bullets);
    expect(bullets[0]).toMatch(/^Sebuah pesawat perintis/u);
    expect(bullets.some((bullet) => bullet.startsWith('Pesawat ini'))).toBe(false);
    expect(bullets.length).toBeGreaterThan(1);
  });

  it('opens a news story with its lead and recaps it, over the budget or whole when its bullet cannot be cut to size', async () => {
    const lead = [
      // The parser finds no predicate in either sentence: each is shown as written.
      'With winter around the corner, warm soups are back on the menu.',
      'Cafes that serve lentil, tomato, pumpkin, leek and potato soup all report longer queues at lunchtime this month.',
    ];
    const rest = [
      "The city's largest cafe sold four thousand bowls last week.",
      'Its owner said the rise in sales began when the first frost arrived in early November.',
      'Suppliers of root vegetables have raised their prices by a tenth since the autumn.',
      'Some cafes now offer a smaller bowl at a lower price for students.',
      'A local charity hands out free soup to homeless people every evening at the station.',
      'Volunteers at the charity cook two hundred litres of soup each day in a borrowed kitchen.',
    ];
    const text = ['Soup Season in Leeds', ...lead, ...rest].join('\n\n');
    const deck = condense(await parseArticle({ path: 'soup.txt', text, kind: 'text' }), english);
    const first = deck.slides.find((slide) => slide.kind === 'content')!;
    expect(first.notes.slice(0, 2)).toEqual(lead);
    expect(first.bullets[1]).toBe(lead[1]!.replace(/\.$/u, ''));
    const recap = deck.slides.find((slide) => slide.kind === 'conclusion')!;
    expect(recap.notes.slice(0, 2)).toEqual(lead);
    // A recap of the lead alone is not the first slide again.
    if (deck.slides.filter((slide) => slide.kind === 'content').length === 1) expect(recap.bullets.length).toBeLessThan(first.bullets.length);
    // Over the budget of 14 words, never past twice it.
    for (const bullet of deck.slides.flatMap((slide) => slide.bullets)) expect(wordCount(bullet)).toBeLessThanOrEqual(28);
  });

  it('follows the article language', async () => {
    const text = [
      'Cities are getting hotter every summer. Planners now treat heat as a public health emergency. Residents suffer most at night.',
      'Causes of Urban Heat',
      'Asphalt and concrete absorb sunlight during the day. They release the stored heat at night. Waste heat from air conditioners adds more.',
      'What Cities Can Do',
      'Painting roofs white reflects sunlight back into the sky. Street trees provide shade and cool the air. Early warnings help residents prepare.',
      'Outlook',
      'Heat waves will become longer and more frequent in the coming decades. Cities that act early will protect their residents.',
    ].join('\n');
    const deck = condense(await parseArticle({ path: 'heat.txt', text, kind: 'text' }), english);
    expect(deck.lang).toBe('en');
    expect(deck.slides.map((slide) => slide.title)).toContain('Agenda');
    expect(deck.slides.map((slide) => slide.title)).toContain('Introduction');
    expect(deck.slides.at(-1)!.title).toBe('Key takeaways');
    expect(condense(await parseArticle({ path: 'heat.txt', text, kind: 'text' }), english, { maxBullets: 1 }).slides.some((slide) => slide.title.endsWith('(cont.)'))).toBe(true);
  });
});


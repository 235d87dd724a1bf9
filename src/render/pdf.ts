import type { BrowserSession } from './browser/manager.js';

/**
 * Prints the deck's HTML document to PDF in the shared browser: one page per slide, at the
 * theme's slide size (Marp's `@page` rule), backgrounds included. The PDF's title is the document's.
 */
export async function renderPdf(session: BrowserSession, document: string): Promise<Uint8Array> {
  const page = await session.newPage();
  try {
    await page.setContent(document, { waitUntil: 'load' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await page.close();
  }
}

/**
 * The readable text of a page: Mozilla Readability over linkedom's DOM. No script on the page
 * runs (linkedom executes none), so what is kept is what the server sent.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export type Readable = { title: string; text: string; byline?: string; siteName?: string; publishedTime?: string };

/** Text with runs of blanks collapsed, one paragraph per line, no blank-line runs. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

/** The article's text with paragraph breaks kept (textContent alone runs paragraphs together). */
function paragraphsOf(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS));
  const text = blocks.length ? blocks.map((el) => el.textContent ?? '').join('\n\n') : (document.body.textContent ?? '');
  return tidyText(text);
}

/**
 * Deepest nesting of elements Readability is given. Its clean-up walks every element's subtree
 * for every ancestor, so its time grows with the cube of the depth: a hostile page of 5,000 nested
 * <div>s (55 kB) held the server for 179 s on capture, answering no one. Real articles nest a few
 * dozen levels; a deeper page keeps its plain text instead.
 */
export const MAX_READABLE_DEPTH = 200;

/** Whether any element lies more than `limit` levels below `root` (iterative: no stack to overflow). */
function nestedDeeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return false;
}

export function readableText(html: string, url: string): Readable | null {
  try {
    const { document } = parseHTML(html);
    if (nestedDeeperThan(document.documentElement as unknown as Element, MAX_READABLE_DEPTH)) {
      const text = tidyText(document.body?.textContent ?? '');
      return text ? { title: tidyText(document.title ?? ''), text } : null;
    }
    // Readability resolves links against the document's URL.
    Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
    Object.defineProperty(document, 'baseURI', { value: url, configurable: true });
    const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
    if (!article) return null;
    const text = article.content ? paragraphsOf(article.content) : tidyText(article.textContent ?? '');
    if (!text) return null;
    return {
      title: tidyText(article.title ?? ''),
      text,
      byline: article.byline ?? undefined,
      siteName: article.siteName ?? undefined,
      publishedTime: article.publishedTime ?? undefined,
    };
  } catch {
    // A page Readability cannot read has no readable text; the capture keeps the bytes anyway.
    return null;
  }
}

/** The charset a response declares (header, else <meta>), for decoding its bytes to text. */
export function decodeHtml(bytes: Buffer, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = bytes.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  const label = (fromHeader ?? fromMeta ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Cheap looks at the first bytes of a document: gzip, WARC, feed root, markup. */

/** How much of a document the sniffers look at; prologues (XML declaration, comments, doctype) fit easily. */
const SNIFF_BYTES = 4096;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function head(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, Math.min(bytes.length, SNIFF_BYTES));
}

export function isWarc(bytes: Uint8Array): boolean {
  return /^WARC\/\d/.test(head(bytes).slice(0, 16));
}

/** XML declaration, processing instructions, comments and doctype that may precede the root element. */
const XML_PROLOGUE = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

/** Name of the first element, skipping the prologue; undefined when the text does not start with markup. */
export function rootElementName(bytes: Uint8Array): string | undefined {
  const text = head(bytes);
  const rest = text.slice(XML_PROLOGUE.exec(text)?.[0].length ?? 0);
  return /^<([A-Za-z][\w:.-]*)/.exec(rest)?.[1];
}

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:rdf']);

export function isFeedRoot(name: string | undefined): boolean {
  return name !== undefined && FEED_ROOTS.has(name.toLowerCase());
}

export function looksLikeFeed(bytes: Uint8Array): boolean {
  return isFeedRoot(rootElementName(bytes));
}

/** Elements that only occur in HTML, so one of them in the first bytes means a page rather than prose mentioning "<". */
const HTML_TAG = /<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|header|h[1-6]|br|span|table|ul|ol|script|style|link)[\s>/]/i;

/** True for HTML (or an HTML fragment); false for plain text. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const text = head(bytes);
  if (/^\s*<(?:[A-Za-z!?])/.test(text)) return true;
  return HTML_TAG.test(text);
}

import iconv from 'iconv-lite';
import { diagnostic, InputError, type Diagnostic } from '../model/index.js';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'xml-declaration' | 'sniffed' | 'default';

export interface DecodedText {
  readonly text: string;
  /** Canonical lower-case charset name actually used, e.g. `utf-8`, `windows-1252`. */
  readonly charset: string;
  readonly charsetSource: CharsetSource;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DecodeOptions {
  /** Charset from the transport (HTTP Content-Type), if any. */
  readonly declaredCharset?: string;
  /** Whether to look for `<meta charset>` / `<?xml encoding?>` in the first bytes. */
  readonly sniffMarkup?: boolean;
}

/** How far into a page the HTML spec's prescan looks for `<meta charset>`. */
const META_PRESCAN_BYTES = 4096;

/** Magic numbers of formats people mistakenly feed us; matched against the first bytes. */
const BINARY_SIGNATURES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
  ['WebP/RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['Office document (OLE)', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Control characters other than tab/newline/carriage-return/form-feed are not found in text. */
const MAX_CONTROL_CHAR_SHARE = 0.01;

/** Names people and servers use for charsets, mapped to what iconv-lite calls them. */
const CHARSET_ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'x-utf-8': 'utf-8',
  'iso-8859-1': 'windows-1252', // the WHATWG encoding standard decodes Latin-1 labels as windows-1252
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'cp1252': 'windows-1252',
};

export function normaliseCharset(label: string): string | undefined {
  const cleaned = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (cleaned === '') return undefined;
  const mapped = CHARSET_ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(mapped) ? mapped : undefined;
}

/** Describes a binary format by its first bytes, or returns undefined for what may be text. */
export function detectBinary(bytes: Uint8Array): string | undefined {
  for (const [name, signature] of BINARY_SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return name;
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary data (contains NUL bytes)';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (sample.length > 0 && control / sample.length > MAX_CONTROL_CHAR_SHARE) return 'binary data (control characters)';
  return undefined;
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

/** The HTML prescan, simplified: `<meta charset=…>` or `<meta http-equiv content="…charset=…">`, or an XML declaration. */
function markupCharset(bytes: Uint8Array): { label: string; source: CharsetSource } | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, META_PRESCAN_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return { label: xml[1], source: 'xml-declaration' };
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta?.[1]) return { label: meta[1], source: 'meta' };
  return undefined;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * Turns raw bytes into text. Order of trust: byte-order mark, then the transport's
 * declaration, then the document's own `<meta>`, then UTF-8 if the bytes are valid
 * UTF-8, else windows-1252 (the web's de-facto fallback). A declaration that the
 * bytes contradict (Windows-1252 served as UTF-8, the common case) is overridden
 * and recorded as a diagnostic, so the text is readable rather than full of U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new InputError('empty-input', 'empty input (0 bytes)');
  const binary = detectBinary(bytes);
  if (binary) throw new InputError('binary-input', `not a text or HTML page: looks like ${binary}`);

  const diagnostics: Diagnostic[] = [];
  const bom = bomCharset(bytes);
  if (bom) {
    return finish(decodeWith(bytes.subarray(bom.length), bom.charset), bom.charset, 'bom', diagnostics);
  }

  const candidates: Array<{ charset: string; source: CharsetSource }> = [];
  if (options.declaredCharset) {
    const charset = normaliseCharset(options.declaredCharset);
    if (charset) candidates.push({ charset, source: 'header' });
    else diagnostics.push(diagnostic('warning', 'unknown-charset', `unknown charset "${options.declaredCharset}" in the Content-Type header; ignored`));
  }
  if (options.sniffMarkup !== false) {
    const found = markupCharset(bytes);
    if (found) {
      const charset = normaliseCharset(found.label);
      if (charset) candidates.push({ charset, source: found.source });
      else diagnostics.push(diagnostic('warning', 'unknown-charset', `unknown charset "${found.label}" declared in the page; ignored`));
    }
  }

  const validUtf8 = isValidUtf8(bytes);
  const first = candidates[0];
  if (first) {
    if (first.charset === 'utf-8' && !validUtf8) {
      const other = candidates.find((c) => c.charset !== 'utf-8');
      const fallback = other?.charset ?? 'windows-1252';
      diagnostics.push(
        diagnostic('warning', 'charset-mismatch', `declared utf-8 (${first.source}) but the bytes are not valid UTF-8; decoded as ${fallback}`),
      );
      return finish(decodeWith(bytes, fallback), fallback, other?.source ?? 'sniffed', diagnostics);
    }
    if (first.charset !== 'utf-8' && validUtf8 && hasMultibyteUtf8(bytes) && isSingleByteCharset(first.charset)) {
      diagnostics.push(
        diagnostic('warning', 'charset-mismatch', `declared ${first.charset} (${first.source}) but the bytes are UTF-8; decoded as utf-8`),
      );
      return finish(decodeWith(bytes, 'utf-8'), 'utf-8', 'sniffed', diagnostics);
    }
    return finish(decodeWith(bytes, first.charset), first.charset, first.source, diagnostics);
  }
  if (validUtf8) return finish(decodeWith(bytes, 'utf-8'), 'utf-8', 'default', diagnostics);
  diagnostics.push(diagnostic('info', 'charset-guessed', 'no charset declared and the bytes are not UTF-8; decoded as windows-1252'));
  return finish(decodeWith(bytes, 'windows-1252'), 'windows-1252', 'sniffed', diagnostics);
}

function isSingleByteCharset(charset: string): boolean {
  return /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh)$/.test(charset);
}

/** True when the bytes hold at least one multi-byte UTF-8 sequence (pure ASCII is valid in every charset). */
function hasMultibyteUtf8(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function finish(text: string, charset: string, charsetSource: CharsetSource, diagnostics: Diagnostic[]): DecodedText {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { text: clean, charset, charsetSource, diagnostics };
}

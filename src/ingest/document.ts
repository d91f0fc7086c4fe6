import type { InputHints, OriginKind, RawFormat } from '../model/index.js';
import { detectBinary } from './decode.js';
import { fail, ok, type IngestItem } from './types.js';
import { formatBytes, sha256Hex } from './util.js';

export interface DocumentSpec {
  readonly bytes: Uint8Array;
  readonly origin: string;
  readonly originKind: OriginKind;
  readonly format: RawFormat;
  readonly hints?: InputHints;
  readonly declaredCharset?: string | undefined;
  /** How messages name the input when it differs from the origin, e.g. "item 3 of feed.xml". */
  readonly label?: string;
  readonly maxBytes: number;
}

/** The checks every document passes before it becomes a RawInput: not empty, not binary, not over the limit. */
export function documentItem(spec: DocumentSpec): IngestItem {
  const label = spec.label ?? spec.origin;
  if (spec.bytes.length === 0) return fail(spec.origin, 'empty-input', `${label} is empty (0 bytes)`);
  if (spec.bytes.length > spec.maxBytes) {
    return fail(spec.origin, 'too-large', `${label} is ${formatBytes(spec.bytes.length)}, over the ${formatBytes(spec.maxBytes)} limit`);
  }
  if (isBlank(spec.bytes)) return fail(spec.origin, 'empty-input', `${label} contains only whitespace`);
  const binary = detectBinary(spec.bytes);
  if (binary) return fail(spec.origin, 'binary-input', `${label} is not a text or HTML document: it looks like ${binary}`);
  return ok({
    id: sha256Hex(spec.bytes),
    origin: spec.origin,
    originKind: spec.originKind,
    format: spec.format,
    bytes: spec.bytes,
    ...(spec.declaredCharset !== undefined && { declaredCharset: spec.declaredCharset }),
    hints: spec.hints ?? {},
  });
}

/** Whitespace (ASCII or the UTF-8 BOM) and nothing else. */
function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    if (i === 0 && b === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

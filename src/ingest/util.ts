import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const KIB = 1024;
const MIB = 1024 * 1024;

/** "512 bytes", "12.5 KB", "25 MB": sizes in failure messages, binary units, trailing ".0" dropped. */
export function formatBytes(n: number): string {
  if (n < KIB) return `${n} bytes`;
  if (n < MIB) return `${trimZero((n / KIB).toFixed(1))} KB`;
  return `${trimZero((n / MIB).toFixed(1))} MB`;
}

/** "15 s", "2.5 s", "150 ms". */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${trimZero((ms / 1000).toFixed(1))} s`;
}

function trimZero(fixed: string): string {
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}

/** Shortens a value quoted in a message so one absurd field cannot flood the line. */
export function quoteShort(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

export function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

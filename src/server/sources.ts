/**
 * What the server feeds into a job: URLs and feeds (fetched by the ingest layer, with its
 * SSRF guard), uploaded files (written to a private temp folder so the ingest layer can
 * recognise them by name and content exactly as it does files on disk), and pasted texts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { documentItem } from '../ingest/document.js';
import { isPrivateAddress, readInputs, type IngestItem, type ReadOptionsInput } from '../ingest/index.js';
import type { RawFormat } from '../model/index.js';
import type { z } from 'zod';
import type { TextInput } from './schemas.js';

/** A literal private host (`127.0.0.1`, `localhost`, `[::1]`) is refused at the door; names resolving to one are refused at fetch time. */
export function literalPrivateHost(url: string): string | undefined {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return host;
  if (/^[\d.]+$/.test(host) || host.includes(':')) return isPrivateAddress(host) ? host : undefined;
  return undefined;
}

export function urlItems(urls: readonly string[], readOptions: ReadOptionsInput): () => AsyncIterable<IngestItem> {
  return () => readInputs(urls, readOptions);
}

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A name safe to write in our own temp folder: no path, no control characters, never empty or hidden. */
export function safeFileName(name: string, index: number): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f/]/g, '')
    .replace(/^\.+/, '')
    .slice(-120);
  return `${String(index + 1).padStart(3, '0')}-${base || 'upload'}`;
}

/**
 * Writes the uploads to a fresh temp folder and reads them back with the ingest layer; the
 * items' origins say `upload:<name>` rather than the temp path. The folder is removed by `cleanup`.
 */
export async function uploadItems(
  files: readonly UploadedFile[],
  readOptions: ReadOptionsInput,
): Promise<{ items: () => AsyncIterable<IngestItem>; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'triangulate-upload-'));
  const paths: Array<{ path: string; display: string }> = [];
  for (const [i, file] of files.entries()) {
    const path = join(dir, safeFileName(file.name, i));
    await writeFile(path, file.bytes, { mode: 0o600 });
    paths.push({ path, display: `upload:${basename(file.name.replace(/\\/g, '/')) || 'upload'}` });
  }
  async function* items(): AsyncGenerator<IngestItem> {
    for (const { path, display } of paths) {
      for await (const item of readInputs([path], readOptions)) yield renameOrigin(item, path, display);
    }
  }
  return { items, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function renameOrigin(item: IngestItem, path: string, display: string): IngestItem {
  const swap = (s: string) => s.split(path).join(display);
  if (item.ok) return { ok: true, raw: { ...item.raw, origin: swap(item.raw.origin) } };
  return { ok: false, failure: { ...item.failure, origin: swap(item.failure.origin), message: swap(item.failure.message) } };
}

type TextInputT = z.infer<typeof TextInput>;

/** Pasted texts become raw inputs directly; their publication date rides along as an input hint. */
export function textItems(texts: readonly TextInputT[], maxBytes: number): () => AsyncIterable<IngestItem> {
  return async function* () {
    for (const [i, t] of texts.entries()) {
      const label = t.title ? `pasted: ${t.title.slice(0, 80)}` : `pasted text ${i + 1}`;
      yield documentItem({
        bytes: new TextEncoder().encode(t.text),
        origin: label,
        originKind: 'stdin',
        format: t.format as RawFormat,
        maxBytes,
        hints: {
          published: t.published,
          ...(t.title ? { title: t.title } : {}),
          ...(t.outlet ? { outlet: t.outlet } : {}),
          ...(t.url ? { url: t.url } : {}),
        },
      });
    }
  };
}

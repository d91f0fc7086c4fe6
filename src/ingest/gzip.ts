import { gunzipSync } from 'node:zlib';
import { formatBytes } from './util.js';

export class GunzipError extends Error {
  constructor(
    readonly rule: 'truncated-gzip' | 'corrupt-gzip' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Gunzips a whole buffer (concatenated members included). Throws GunzipError with a
 * message naming `label`; output over `maxBytes` is refused, which also stops gzip bombs.
 */
export function gunzipBytes(bytes: Uint8Array, label: string, maxBytes: number): Uint8Array {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
  } catch (error) {
    throw gunzipError(error, label, maxBytes);
  }
}

export function gunzipError(error: unknown, label: string, maxBytes?: number): GunzipError {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? '')) {
    return new GunzipError('truncated-gzip', `${label} ends before the gzip stream is complete`);
  }
  if (err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
    const limit = maxBytes === undefined ? '' : ` ${formatBytes(maxBytes)}`;
    return new GunzipError('too-large', `${label} decompresses to more than the${limit} limit`);
  }
  return new GunzipError('corrupt-gzip', `${label} is not valid gzip data (${err.message ?? String(error)})`);
}

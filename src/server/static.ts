/**
 * Serves the built web app (dist/web): files under the root, and index.html for every other
 * path so the app's own routes (/stories/s-…) survive a reload. Paths are resolved and
 * checked to stay inside the root.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Handler } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

export function serveWebApp(root: string): Handler {
  const base = resolve(root);
  return async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('bad path', 400);
    }
    const file = resolve(base, '.' + path);
    const inside = file === base || file.startsWith(base + sep);
    const target = inside && (await isFile(file)) ? file : resolve(base, 'index.html');
    let body: Buffer;
    try {
      body = await readFile(target);
    } catch {
      return c.text('the web app is not built: run `npm run build:web`', 404);
    }
    // Vite names built assets by content hash, so they never change under the same name.
    const immutable = target.includes(`${sep}assets${sep}`);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * `triangulate serve`: the HTTP API and the web app on one port. `startServer` is the
 * programmatic entry (the e2e test uses it); `registerServe` adds the command to the CLI.
 */
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createService } from '../server/app.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { packageRoot } from '../util/package-root.js';
import type { CliIO } from './program.js';

export interface ServerOptions {
  readonly dbPath: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  readonly token?: string;
  readonly allowPrivateNetwork?: boolean;
  /** Built web app; defaults to <package>/dist/web. */
  readonly webRoot?: string;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  close(): Promise<void>;
}

export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = openSqliteStore({ path: options.dbPath });
  const webRoot = options.webRoot ?? defaultWebRoot();
  const service = createService({
    store,
    now: options.now ?? (() => new Date()),
    ...(options.token ? { token: options.token } : {}),
    allowPrivateNetwork: options.allowPrivateNetwork ?? false,
    ...(existsSync(join(webRoot, 'index.html')) ? { webRoot } : {}),
  });
  const restored = await service.subscriptions.restore();
  if (restored > 0) options.log?.(`polling ${restored} feed subscription${restored === 1 ? '' : 's'} kept from an earlier run`);
  const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
    const s = serve({ fetch: service.app.fetch, port: options.port, hostname: options.host }, () => resolveServer(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}`;
  if (!existsSync(join(webRoot, 'index.html'))) options.log?.(`note: no web app at ${webRoot} (run npm run build:web); serving the API only`);
  return {
    url,
    port,
    store,
    close: async () => {
      await service.close();
      await new Promise<void>((done) => {
        // Event streams stay open until their job ends; do not wait for idle keep-alive sockets either.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => done());
      });
      await store.close();
    },
  };
}

/** Adds `serve` to the CLI. */
export function registerServe(program: Command, io: CliIO, defaultDb: string): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json) and the web app')
    .option('--db <path>', 'SQLite database file', io.env['TRIANGULATE_DB'] ?? defaultDb)
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 8080)
    .option('--host <host>', 'address to bind (0.0.0.0 to serve other machines)', '127.0.0.1')
    .option('--token <token>', 'Bearer token required for write endpoints (or $TRIANGULATE_TOKEN)')
    .option('--allow-private-network', 'let ingest fetch loopback and private addresses', false)
    .action(async (opts: { db: string; port: number; host: string; token?: string; allowPrivateNetwork: boolean }) => {
      const token = opts.token ?? io.env['TRIANGULATE_TOKEN'];
      const running = await startServer({
        dbPath: resolve(io.cwd, opts.db),
        port: opts.port,
        host: opts.host,
        ...(token ? { token } : {}),
        allowPrivateNetwork: opts.allowPrivateNetwork,
        now: io.now,
        log: io.err,
      });
      io.out(`Triangulate is serving ${resolve(io.cwd, opts.db)} at ${running.url}  (API: ${running.url}/api, OpenAPI: ${running.url}/openapi.json)`);
      if (!token && opts.host !== '127.0.0.1' && opts.host !== 'localhost' && opts.host !== '::1') {
        io.err('warning: listening beyond this machine without --token: anyone who can reach it can ingest');
      }
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`expected a port number 0–65535, got "${value}"`);
  return n;
}

#!/usr/bin/env node
import { runCli } from './program.js';

// A reader that stops early (`triangulate ingest … | head`) closes the pipe. The command still finishes its work
// (an ingest stores every input), and writes nothing more to the closed stream instead of failing with EPIPE.
const closed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed.add(stream);
  });
}
const writer = (stream: NodeJS.WriteStream) => (text: string): void => {
  if (!closed.has(stream)) stream.write(text + '\n');
};

const code = await runCli(process.argv.slice(2), {
  out: writer(process.stdout),
  err: writer(process.stderr),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  now: () => new Date(),
  stdin: process.stdin,
});
process.exitCode = code;

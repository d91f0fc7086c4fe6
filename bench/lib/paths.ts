import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageRoot } from '../../src/util/package-root.js';

/** The project root (the folder holding package.json), whether run from `bench/` via tsx or from `dist/bench/`. */
export function repoRoot(): string {
  return packageRoot();
}

/** `../shared` beside the project: evaluation data and official scorers, never copied into the repo. */
export function sharedDir(): string {
  const dir = resolve(repoRoot(), '..', 'shared');
  if (!existsSync(dir)) {
    throw new Error(`triangulate: benchmarks need the shared data folder at ${dir} (../shared beside the project); it is not there`);
  }
  return dir;
}

/** Scratch folder for benchmark predictions and scorer reports (git-ignored). */
export function benchOutDir(name: string): string {
  return resolve(repoRoot(), 'out', name);
}

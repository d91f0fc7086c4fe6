/**
 * Lexical resources derived at training time and committed under models/ner/: a gazetteer (name lists by category)
 * and word clusters (distributional classes computed from unlabelled news text). Both are plain word lists, not text.
 */
import { gunzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Gazetteer categories; the index is the bit used in phrase masks. */
export const GAZETTEER_CATEGORIES = ['PER', 'ORG', 'LOC', 'MISC', 'FIRST', 'LAST', 'COUNTRY', 'DEMONYM'] as const;
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

/** Longest phrase looked up, in tokens: longer names are rare and each extra length costs a lookup per token. */
export const MAX_GAZETTEER_PHRASE = 6;

export class Gazetteer {
  /** Lower-cased phrase (tokens joined by one space) → bit mask of categories. */
  readonly phrases = new Map<string, number>();
  /** Lower-cased first token → longest phrase length starting with it. */
  readonly maxLength = new Map<string, number>();
  /** Proper prefixes of phrases (whole tokens), so a lookup stops as soon as no longer phrase can match. */
  readonly prefixes = new Set<string>();

  private addPrefixes(lowerTokens: readonly string[]): void {
    let key = '';
    for (let k = 0; k < lowerTokens.length - 1; k++) {
      key = k === 0 ? (lowerTokens[0] ?? '') : `${key} ${lowerTokens[k] ?? ''}`;
      this.prefixes.add(key);
    }
  }

  add(category: GazetteerCategory, tokens: readonly string[]): void {
    if (tokens.length === 0 || tokens.length > MAX_GAZETTEER_PHRASE) return;
    const lower = tokens.map((t) => t.toLowerCase());
    const key = lower.join(' ');
    const bit = 1 << GAZETTEER_CATEGORIES.indexOf(category);
    this.phrases.set(key, (this.phrases.get(key) ?? 0) | bit);
    const first = lower[0] ?? '';
    this.maxLength.set(first, Math.max(this.maxLength.get(first) ?? 0, tokens.length));
    this.addPrefixes(lower);
  }

  serialize(): string {
    const lines: string[] = [];
    for (const [phrase, mask] of [...this.phrases].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      lines.push(`${mask}\t${phrase}`);
    }
    return lines.join('\n') + '\n';
  }

  static parse(text: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const mask = Number(line.slice(0, tab));
      const phrase = line.slice(tab + 1);
      g.phrases.set(phrase, mask);
      const space = phrase.indexOf(' ');
      const first = space < 0 ? phrase : phrase.slice(0, space);
      const parts = phrase.split(' ');
      g.maxLength.set(first, Math.max(g.maxLength.get(first) ?? 0, parts.length));
      g.addPrefixes(parts);
    }
    return g;
  }
}

/** Word → cluster ids at increasing granularity (coarse first). */
export class WordClusters {
  readonly levels: number;
  readonly map = new Map<string, readonly string[]>();
  constructor(levels: number) {
    this.levels = levels;
  }

  serialize(): string {
    const lines = [`#levels\t${this.levels}`];
    for (const [w, ids] of [...this.map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) lines.push(`${w}\t${ids.join(' ')}`);
    return lines.join('\n') + '\n';
  }

  static parse(text: string): WordClusters {
    const lines = text.split('\n');
    const header = lines[0] ?? '';
    const levels = header.startsWith('#levels\t') ? Number(header.slice(8)) : 0;
    const c = new WordClusters(levels);
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      c.map.set(line.slice(0, tab), line.slice(tab + 1).split(' '));
    }
    return c;
  }
}

export interface NerResources {
  readonly gazetteer: Gazetteer;
  readonly clusters: WordClusters;
}

export const GAZETTEER_FILE = 'gazetteer.tsv.gz';
export const CLUSTERS_FILE = 'clusters.tsv.gz';

export function loadResources(modelDir: string): NerResources {
  const read = (name: string): string | null => {
    const path = join(modelDir, name);
    return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : null;
  };
  const gaz = read(GAZETTEER_FILE);
  const clu = read(CLUSTERS_FILE);
  return {
    gazetteer: gaz === null ? new Gazetteer() : Gazetteer.parse(gaz),
    clusters: clu === null ? new WordClusters(0) : WordClusters.parse(clu),
  };
}

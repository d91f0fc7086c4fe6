/**
 * Label set. The tagger predicts BILOU (Begin, Inside, Last, Outside, Unit) internally — it separates one-token
 * entities and entity ends, which a first-order Viterbi then keeps consistent — and writes IOB2 tags outside.
 */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Label index: 0 = O; for type t, B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t. */
export const NUM_LABELS = 1 + 4 * ENTITY_TYPES.length;
const PARTS = ['B', 'I', 'L', 'U'] as const;

export const LABEL_NAMES: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => PARTS.map((p) => `${p}-${t}`))];

export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}
function labelPart(label: number): number {
  return (label - 1) & 3; // 0 B, 1 I, 2 L, 3 U
}

/** May `to` follow `from` in a BILOU sequence? `from` = -1 is the sentence start. */
export function allowedTransition(from: number, to: number): boolean {
  const fromOpen = from > 0 && labelPart(from) <= 1; // after B or I an entity is still open
  if (fromOpen) return to > 0 && labelType(to) === labelType(from) && (labelPart(to) === 1 || labelPart(to) === 2);
  return to === 0 || labelPart(to) === 0 || labelPart(to) === 3;
}

/** May a sentence end after `label`? */
export function allowedEnd(label: number): boolean {
  return label === 0 || labelPart(label) >= 2;
}

export interface Chunk {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly type: number;
}

/** Entity chunks from IOB1/IOB2/BIO-like tags (conlleval's chunk rules). */
export function chunksFromIob(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: { start: number; type: number } | null = null;
  tags.forEach((tag, i) => {
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const type = tag === 'O' ? -1 : ENTITY_TYPES.indexOf(tag.slice(2) as EntityType);
    const startsNew = prefix === 'B' || prefix === 'S' || prefix === 'U' || (prefix !== 'O' && (open === null || open.type !== type));
    if (open && (prefix === 'O' || startsNew)) {
      chunks.push({ start: open.start, end: i, type: open.type });
      open = null;
    }
    if (prefix !== 'O' && type >= 0 && open === null) open = { start: i, type };
    if (open && (prefix === 'E' || prefix === 'L' || prefix === 'S' || prefix === 'U')) {
      chunks.push({ start: open.start, end: i + 1, type: open.type });
      open = null;
    }
  });
  if (open !== null) {
    const last: { start: number; type: number } = open;
    chunks.push({ start: last.start, end: tags.length, type: last.type });
  }
  return chunks;
}

export function bilouFromChunks(length: number, chunks: readonly Chunk[]): Int8Array {
  const labels = new Int8Array(length);
  for (const c of chunks) {
    const base = 1 + 4 * c.type;
    if (c.end - c.start === 1) labels[c.start] = base + 3;
    else {
      labels[c.start] = base;
      for (let i = c.start + 1; i < c.end - 1; i++) labels[i] = base + 1;
      labels[c.end - 1] = base + 2;
    }
  }
  return labels;
}

/** Chunks from a valid (or leniently read) BILOU label sequence. */
export function chunksFromBilou(labels: ArrayLike<number>): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  let type = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    const t = labelType(l);
    if (start >= 0 && (l === 0 || t !== type || labelPart(l) === 0 || labelPart(l) === 3)) {
      chunks.push({ start, end: i, type });
      start = -1;
    }
    if (l === 0) continue;
    if (start < 0) {
      start = i;
      type = t;
    }
    if (labelPart(l) >= 2) {
      chunks.push({ start, end: i + 1, type });
      start = -1;
    }
  }
  if (start >= 0) chunks.push({ start, end: labels.length, type });
  return chunks;
}

export function iob2FromBilou(labels: ArrayLike<number>): string[] {
  const tags: string[] = new Array<string>(labels.length).fill('O');
  for (const c of chunksFromBilou(labels)) {
    const name = ENTITY_TYPES[c.type] ?? 'MISC';
    tags[c.start] = `B-${name}`;
    for (let i = c.start + 1; i < c.end; i++) tags[i] = `I-${name}`;
  }
  return tags;
}

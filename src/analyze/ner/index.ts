/**
 * Named-entity recognition (PER, ORG, LOC, MISC as in CoNLL-2003) with Triangulate's own two-stage averaged
 * perceptron. The model is loaded lazily, once, from models/ner/ in the repository.
 */
import { tokenize, type Tokenized } from '../tokens/index.js';
import { ENTITY_TYPES, chunksFromBilou, type EntityType } from './labels.js';
import { defaultTagger, tagDocuments } from './tagger.js';

export type { EntityType } from './labels.js';
export { predictConll } from './conll.js';

export interface NamedEntityMention {
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)`. */
  readonly text: string;
  readonly type: EntityType;
  /** Token index range [tokenStart, tokenEnd) into the tokenisation used. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly confidence?: number;
}

/**
 * Typographic variants the training data (Reuters 1996, ASCII) never shows are mapped to their ASCII forms so
 * they get the same features: curly apostrophes and quotes, and long dashes.
 */
function normalizeToken(token: string): string {
  if (!/[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2013\u2014\u2015]/.test(token)) return token;
  return token
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2013\u2014\u2015]/g, '--');
}

/** Entity mentions in `text` (tokenised here unless a tokenisation of the same text is passed). */
export function recognizeEntities(text: string, tokenized: Tokenized = tokenize(text)): NamedEntityMention[] {
  const { tokens, sentences } = tokenized;
  const doc = sentences.map((s) => {
    const words: string[] = [];
    for (let t = s.tokenStart; t < s.tokenEnd; t++) words.push(normalizeToken(tokens[t]?.text ?? ''));
    return words;
  });
  const labels = defaultTagger().tagDocument(doc);
  const mentions: NamedEntityMention[] = [];
  let flat = 0;
  for (const s of sentences) {
    const n = s.tokenEnd - s.tokenStart;
    for (const c of chunksFromBilou(labels.subarray(flat, flat + n))) {
      const first = tokens[s.tokenStart + c.start];
      const last = tokens[s.tokenStart + c.end - 1];
      if (!first || !last) continue;
      mentions.push({
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        type: ENTITY_TYPES[c.type] ?? 'MISC',
        tokenStart: s.tokenStart + c.start,
        tokenEnd: s.tokenStart + c.end,
      });
    }
    flat += n;
  }
  return mentions;
}

/** IOB2 tags for pre-tokenised sentences, all treated as one document (one tag per token). */
export function tagTokens(sentences: string[][]): string[][] {
  return tagDocuments([sentences.map((s) => s.map(normalizeToken))])[0] ?? [];
}

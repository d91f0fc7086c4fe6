/**
 * Named-entity recognition (PER, ORG, LOC, MISC as in CoNLL-2003) with Triangulate's own two-stage averaged
 * perceptron. The model is loaded lazily, once, from models/ner/ in the repository.
 */
import { tokenize, type Tokenized } from '../tokens/index.js';
import { ENTITY_TYPES, chunksFromBilou, type EntityType } from './labels.js';
import { defaultTagger, tagDocuments, type NerTagger } from './tagger.js';

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

/** Title-Case headlines need at least this many words to be told from a short run of names. */
const MIN_HEADLINE_WORDS = 4;
/** Headline style lower-cases only short function words ("of", "in", "and", "the"); any longer lower-case word means prose. */
const MAX_LOWERCASE_HEADLINE_WORD = 3;

/**
 * Title-Case headlines ("Markets Rally As Investors Shrug Off Rate Fears") are absent from the Reuters training data,
 * where headlines are in capitals; a run of capitalised words otherwise looks like one long name. Such a sentence is
 * tagged in upper case, which the model has learnt to read. Only the words the model sees change, never the spans.
 */
function asModelSentence(words: string[]): string[] {
  const last = words[words.length - 1] ?? '';
  if (last === '.' || last === '?' || last === '!') return words;
  let alphabetic = 0;
  for (const w of words) {
    if (!/^\p{L}/u.test(w)) continue;
    alphabetic++;
    if (/^\p{Ll}/u.test(w) && w.length > MAX_LOWERCASE_HEADLINE_WORD) return words;
  }
  if (alphabetic < MIN_HEADLINE_WORDS || !words.some((w) => /^\p{Lu}\p{Ll}/u.test(w))) return words;
  return words.map((w) => w.toUpperCase());
}

/**
 * Entity mentions in `text` (tokenised here unless a tokenisation of the same text is passed), by the committed
 * model unless another tagger is passed.
 */
export function recognizeEntities(text: string, tokenized: Tokenized = tokenize(text), tagger: NerTagger = defaultTagger()): NamedEntityMention[] {
  const { tokens, sentences } = tokenized;
  const doc = sentences.map((s) => {
    const words: string[] = [];
    for (let t = s.tokenStart; t < s.tokenEnd; t++) words.push(normalizeToken(tokens[t]?.text ?? ''));
    return asModelSentence(words);
  });
  const labels = tagger.tagDocument(doc);
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
  return tagDocuments([sentences.map((s) => asModelSentence(s.map(normalizeToken)))])[0] ?? [];
}

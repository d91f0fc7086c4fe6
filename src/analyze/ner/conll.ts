/**
 * CoNLL column files: reading (tokens in the first column, optionally gold tags in the last) and writing predictions
 * as an extra last column. `-DOCSTART-` lines delimit documents (used by the document-level features) and, like blank
 * lines, break sentences.
 */
import { defaultTagger, tagDocuments, type NerTagger } from './tagger.js';

export interface ConllSentence {
  /** Line index (0-based) of each token in the source file. */
  readonly lines: number[];
  readonly tokens: string[];
  /** Last column of each token line (the gold tag in a labelled file). */
  readonly lastColumn: string[];
}

export interface ConllDocument {
  readonly sentences: ConllSentence[];
}

export interface ConllFile {
  readonly lines: string[];
  readonly documents: ConllDocument[];
}

const DOCSTART = '-DOCSTART-';

/** Parse CoNLL text. Columns are split on whitespace (space or tab). */
export function parseConll(text: string): ConllFile {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.at(-1) === '') lines.pop();
  const documents: ConllDocument[] = [];
  let doc: ConllSentence[] = [];
  let sent: ConllSentence = { lines: [], tokens: [], lastColumn: [] };
  const endSentence = (): void => {
    if (sent.tokens.length > 0) doc.push(sent);
    sent = { lines: [], tokens: [], lastColumn: [] };
  };
  const endDocument = (): void => {
    endSentence();
    if (doc.length > 0) documents.push({ sentences: doc });
    doc = [];
  };
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return endSentence();
    const cols = trimmed.split(/[ \t]+/);
    const first = cols[0] ?? '';
    if (first === DOCSTART) return endDocument();
    sent.lines.push(index);
    sent.tokens.push(first);
    sent.lastColumn.push(cols.at(-1) ?? '');
  });
  endDocument();
  return { lines, documents };
}

/**
 * Tag every token of a CoNLL file and return the same lines with the predicted IOB2 tag appended as the last
 * space-separated column (`-DOCSTART-` lines get `O`, blank lines stay blank).
 */
export function predictConll(inputText: string, tagger: NerTagger = defaultTagger()): string {
  const file = parseConll(inputText);
  const tags = tagDocuments(file.documents.map((d) => d.sentences.map((s) => s.tokens)), tagger);
  const out = file.lines.map((line) => {
    const trimmed = line.trim();
    if (trimmed === '') return '';
    return trimmed.split(/[ \t]+/)[0] === DOCSTART ? `${trimmed} O` : trimmed;
  });
  file.documents.forEach((doc, d) => {
    doc.sentences.forEach((sent, s) => {
      sent.lines.forEach((lineIndex, t) => {
        out[lineIndex] = `${out[lineIndex] ?? ''} ${tags[d]?.[s]?.[t] ?? 'O'}`;
      });
    });
  });
  return out.join('\n') + '\n';
}

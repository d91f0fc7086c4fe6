import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuoteRecord } from '../analyze/analysis.js';
import type { Block } from '../model/article.js';
import { statementsOf } from './quotes.js';

/** Paragraph and list-item blocks of a text whose blocks are separated by blank lines; `- ` marks an item. */
function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ start: m.index, end: m.index + m[0].length, kind: m[0].startsWith('- ') ? 'list-item' : 'paragraph' });
  return out;
}

/** A hand-made attribution: each part given by the words it covers (the first occurrence after `from`). */
function attribution(text: string, parts: { source?: string; cue: string; content: string; kind?: QuoteRecord['kind'] }): QuoteRecord {
  const span = (words: string) => {
    const start = text.indexOf(words);
    assert.ok(start >= 0, words);
    return { start, end: start + words.length };
  };
  return { kind: parts.kind ?? 'reported', content: [span(parts.content)], cue: span(parts.cue), source: parts.source ? span(parts.source) : null, rule: 'test' };
}

const shown = (text: string, quotes: QuoteRecord[], blocks: Block[] = []): string[] => statementsOf(text, quotes, blocks).map((s) => s.content.map((c) => text.slice(c.start, c.end)).join(' … '));

describe('statements for the dossier', () => {
  it('keeps the inner statement of nested reported speech, ending before the outer source', () => {
    const text = 'Spain’s chief of defence, Gen. Marta Ibarra, told the call that her country could provide engineers, two officials said.';
    const inner = attribution(text, { source: 'Gen. Marta Ibarra', cue: 'told', content: 'that her country could provide engineers, two officials said' });
    const outer = attribution(text, { source: 'two officials', cue: 'said', content: 'Spain’s chief of defence, Gen. Marta Ibarra, told the call that her country could provide engineers' });
    assert.deepEqual(shown(text, [inner, outer]), ['that her country could provide engineers']);
  });

  it('gives words an account only relays to their own speaker, trimmed of the relay', () => {
    const text = 'Gen. Marta Ibarra told the call that her country could provide engineers, two officials said.';
    const outer = attribution(text, { source: 'two officials', cue: 'said', content: 'Gen. Marta Ibarra told the call that her country could provide engineers' });
    const inner: QuoteRecord = {
      ...attribution(text, { source: 'Gen. Marta Ibarra', cue: 'told', content: 'that her country could provide engineers, two officials said' }),
      reportedBy: { cue: outer.cue, source: outer.source },
    };
    assert.deepEqual(shown(text, [outer, inner]), ['that her country could provide engineers']);
    assert.deepEqual(statementsOf(text, [outer, inner]).map((x) => x.quote), [inner]);
  });

  it('drops plans, wishes and refusals, which are attributions but not statements', () => {
    const text = 'The chiefs discussed a standing force. Some governments want a smaller one. He declined to say which countries had offered troops.';
    const quotes = [
      attribution(text, { source: 'The chiefs', cue: 'discussed', content: 'a standing force' }),
      attribution(text, { source: 'Some governments', cue: 'want', content: 'a smaller one' }),
      attribution(text, { source: 'He', cue: 'say', content: 'which countries had offered troops' }),
    ];
    assert.deepEqual(shown(text, quotes), []);
  });

  it('leaves the dateline out of the words officials are said to have said', () => {
    const text = 'VELGRAD, Nov 18 (Globe Wire) - The port reopened on Wednesday, officials said.';
    const q = attribution(text, { source: 'officials', cue: 'said', content: 'VELGRAD, Nov 18 (Globe Wire) - The port reopened on Wednesday' });
    assert.deepEqual(shown(text, [q]), ['The port reopened on Wednesday']);
  });

  it('takes the list a colon announces into the words', () => {
    const text = 'According to the harbour office, the pilots asked for:\n\n- two more tugs;\n\n- night lighting on the quay.\n\nThe office said it would answer on Monday.';
    const q = attribution(text, { source: 'the harbour office', cue: 'According to', content: 'the pilots asked for' });
    assert.deepEqual(shown(text, [q], blocksOf(text)), ['the pilots asked for:\n\n- two more tugs;\n\n- night lighting on the quay.']);
    // Without a colon, or when no list follows, the words stay as they are.
    const plain = 'According to the harbour office, the pilots asked for tugs.\n\n- A teaser line';
    const p = attribution(plain, { source: 'the harbour office', cue: 'According to', content: 'the pilots asked for tugs' });
    assert.deepEqual(shown(plain, [p], blocksOf(plain)), ['the pilots asked for tugs']);
  });

  it('keeps a direct quote without a cue of its own (a quote-only paragraph continuing a speaker)', () => {
    const text = '"We will be ready by spring, and not a day later."';
    const q: QuoteRecord = { kind: 'direct', content: [{ start: 0, end: text.length }], cue: null, source: null, rule: 'test' };
    assert.equal(shown(text, [q]).length, 1);
  });
});

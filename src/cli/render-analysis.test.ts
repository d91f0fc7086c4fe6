import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleAnalysis } from '../analyze/analysis.js';
import type { ArticleEvent } from '../analyze/events/types.js';
import { eventLine, renderAnalysisMarkdown, renderQuotes } from './render-analysis.js';

const analysis: ArticleAnalysis = { articleId: 'a', analyzer: 'test', sentences: [], entities: [], quotes: [], times: [], events: [] };

function event(extra: Partial<ArticleEvent>): ArticleEvent {
  return { id: 'e1', type: 'meeting', trigger: { start: 0, end: 4, text: 'meet' }, participants: [], participantCounts: [], evidence: [], rule: 'test', ...extra };
}

test('an event line says when the event is only planned or possible, and nothing when it happened', () => {
  assert.match(eventLine(event({ modality: 'planned' }), analysis), /^planned meeting "meet" date not stated/);
  assert.match(eventLine(event({ modality: 'possible', type: 'deployment' }), analysis), /^possible deployment "meet"/);
  assert.match(eventLine(event({ modality: 'actual' }), analysis), /^meeting "meet"/);
  assert.match(eventLine(event({}), analysis), /^meeting "meet"/);
});

test('an event line gives the date as a reader writes it, its value, and the words it was read from', () => {
  const day = event({ date: { value: '2026-12-01', certainty: 'implied', span: { start: 10, end: 23, text: 'two days after' } } });
  assert.match(eventLine(day, analysis), /^meeting "meet" on Tuesday 1 December 2026 \(2026-12-01, implied from “two days after”\)$/);
  const week = event({ date: { value: '2026-W50', certainty: 'implied', span: { start: 10, end: 19, text: 'next week' } } });
  assert.match(eventLine(week, analysis), /in the week of 7 December 2026 \(2026-W50, implied from “next week”\)/);
  assert.match(eventLine(event({ date: { value: 'XXXX-WXX-3', certainty: 'implied' } }), analysis), /on XXXX-WXX-3 \(implied\)$/);
});

test('a quote the report has through another account says through whom', () => {
  const text = '"We will stay," Ivo Rask said, according to two aides.';
  const article = { id: 'a', text, blocks: [], metadata: {} } as unknown as Parameters<typeof renderQuotes>[1];
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const quotes: ArticleAnalysis['quotes'] = [
    { kind: 'direct', content: [at('"We will stay,"')], cue: at('said'), source: at('Ivo Rask'), rule: 'test', reportedBy: { cue: at('according to'), source: at('two aides') } },
  ];
  assert.match(renderQuotes({ ...analysis, quotes }, article), /^Ivo Rask — said \(direct\) \(through two aides\)/);
});

test('a passive attribution reads in its own order, its content first and its agent after the cue', () => {
  const text = 'The closure of the pier was first reported by the Vell Courier.';
  const article = { id: 'a', text, blocks: [], metadata: {} } as unknown as Parameters<typeof renderQuotes>[1];
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const quotes: ArticleAnalysis['quotes'] = [
    { kind: 'reported', content: [at('The closure of the pier')], cue: at('was first reported by'), source: at('the Vell Courier'), rule: 'passive-by' },
  ];
  assert.equal(renderQuotes({ ...analysis, quotes }, article).split('\n')[0], 'The closure of the pier — was first reported by the Vell Courier (reported, passive)');
  assert.match(renderAnalysisMarkdown({ ...analysis, quotes }, article), /- _\(reported\)_ The closure of the pier was first reported by \*\*the Vell Courier\*\*/);
});

test('a representative speaks for their side but is named as the report names them; a relaying outlet is named', () => {
  const text = 'Lia Roth will visit Tarrow, her office said. Velpress reported, as cited by Globe Wire, that troops moved.';
  const article = { id: 'a', text, blocks: [], metadata: {} } as unknown as Parameters<typeof renderQuotes>[1];
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const roth = { id: 'e1', name: 'Lia Roth', type: 'person', mentions: [], roles: [], aliases: [] } as unknown as ArticleAnalysis['entities'][number];
  const quotes: ArticleAnalysis['quotes'] = [
    { kind: 'reported', content: [at('Lia Roth will visit Tarrow')], cue: at('said'), source: at('her office'), rule: 'test', speakerEntityId: 'e1' },
    { kind: 'reported', content: [at('that troops moved')], cue: at('reported'), source: at('Velpress'), rule: 'test', channel: { kind: 'outlet', span: at('as cited by Globe Wire') } },
  ];
  const lines = renderQuotes({ ...analysis, entities: [roth], quotes }, article).split('\n');
  assert.equal(lines[0], "Lia Roth's office — said (reported)");
  assert.equal(lines[2], 'Velpress — reported (reported) [outlet: as cited by Globe Wire]');
});

/**
 * A report without a publication date, through the real analyser: its event dates counted from other events
 * ("a week after the summit") are resolved in the dossier once its reference date is inferred from another report.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../analyze/analysis.js';
import type { Article } from '../model/index.js';
import { buildDossier } from './index.js';

function article(id: string, text: string, outlet: string, published?: string): Article {
  return {
    id, rawId: id, origin: `test:${id}`, text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    metadata: { outlet: { value: outlet, source: 'meta' }, ...(published ? { published: { value: published, source: 'meta' } } : {}) },
    extraction: { method: 'flattened-text', extractor: 'test', charset: 'utf-8', diagnostics: [] },
  };
}

test('an undated report\'s "a week after the summit" is dated once its "on Wednesday" is', () => {
  const undated = article('undated', 'Defence chiefs met by video link on Wednesday to discuss security guarantees for Karvia, a week after the presidents\' summit in Vienna.', 'Northern Ledger');
  const dated = article('dated', 'Military chiefs held a video conference on Wednesday on security guarantees for Karvia.', 'Baltic Wire', '2026-12-03');
  const alone = analyzeArticle(undated);
  const summit = alone.events.find((e) => e.type === 'summit');
  assert.equal(summit?.date?.value, 'XXXX-XX-XX', 'unresolved without a publication date');
  assert.deepEqual(summit?.date?.offset, { amount: -1, unit: 'week' });
  const dossier = buildDossier({ storyId: 's', reports: [undated, dated].map((a) => ({ article: a, analysis: analyzeArticle(a) })) });
  assert.equal(dossier.articles.find((a) => a.id === 'undated')?.inferredReferenceDate?.value, '2026-12-03');
  assert.equal(dossier.events.find((e) => e.type === 'summit')?.date?.value, '2026-11-25');
});

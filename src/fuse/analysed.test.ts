/**
 * Fusion over reports analysed by the real analyser (the hand-built analyses in fuse.test.ts hold fusion to each
 * planted fact; these check what the two stages do together).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../analyze/analysis.js';
import type { Article } from '../model/index.js';
import { buildDossier, renderDossierMarkdown } from './index.js';

function article(id: string, text: string, outlet: string, published?: string): Article {
  return {
    id, rawId: id, origin: `test:${id}`, text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    metadata: { outlet: { value: outlet, source: 'meta' }, ...(published ? { published: { value: published, source: 'meta' } } : {}) },
    extraction: { method: 'flattened-text', extractor: 'test', charset: 'utf-8', diagnostics: [] },
  };
}

const dossierOf = (...articles: Article[]) =>
  buildDossier({ storyId: 's', reports: articles.map((a) => ({ article: a, analysis: analyzeArticle(a) })) });

test('an undated report\'s "a week after the summit" is dated once its "on Wednesday" is', () => {
  const undated = article('undated', 'Defence chiefs met by video link on Wednesday to discuss security guarantees for Karvia, a week after the presidents\' summit in Vienna.', 'Northern Ledger');
  const dated = article('dated', 'Military chiefs held a video conference on Wednesday on security guarantees for Karvia.', 'Baltic Wire', '2026-12-03');
  const summit = analyzeArticle(undated).events.find((e) => e.type === 'summit');
  assert.equal(summit?.date?.value, 'XXXX-XX-XX', 'unresolved without a publication date');
  assert.deepEqual(summit?.date?.offset, { amount: -1, unit: 'week' });
  const dossier = dossierOf(undated, dated);
  assert.equal(dossier.articles.find((a) => a.id === 'undated')?.inferredReferenceDate?.value, '2026-12-03');
  assert.equal(dossier.events.find((e) => e.type === 'summit')?.date?.value, '2026-11-25');
});

test('key quotes take partial quotations when no report quotes anyone in full, read with speaker and cue', () => {
  const md = renderDossierMarkdown(dossierOf(
    article('a', 'Russia\'s Foreign Ministry said on Wednesday that the aid plan for Karvia would "only prolong the war".', 'Outlet A', '2026-12-03'),
    article('b', 'The Russian Foreign Ministry summoned the Karvian ambassador over the aid plan, which it said would "only prolong the war".', 'Outlet B', '2026-12-03'),
  ));
  const section = md.slice(md.indexOf('## Key quotes'), md.indexOf('## Facts'));
  assert.match(section, /- Russia's Foreign Ministry said that the aid plan for Karvia would "only prolong the war" — per R\d, R\d; 2 sources/);
});

test('key quotes say so when there are none', () => {
  const md = renderDossierMarkdown(dossierOf(article('a', 'Ministers met in Oslo on Tuesday. They agreed to meet again in January.', 'Outlet A', '2026-12-03')));
  assert.match(md.slice(md.indexOf('## Key quotes'), md.indexOf('## Facts')), /None: no report quotes anyone's own words\./);
});

test('one call given two lengths a quarter or more apart is a disagreement; "about two hours" and "120 minutes" are not', () => {
  const two = article('a', 'Ilse Brandt and Tomas Varek agreed on Wednesday to reopen the grain corridor after a two-hour phone call.', 'Outlet A', '2026-12-03');
  const three = article('b', 'Ilse Brandt and Tomas Varek spoke by phone for almost three hours on Wednesday before they agreed to reopen the corridor.', 'Outlet B', '2026-12-03');
  const dossier = dossierOf(two, three);
  const call = dossier.events.find((e) => e.type === 'call');
  assert.deepEqual(call?.duration?.values.map((v) => v.value).sort(), ['PT2H', 'PT3H']);
  const disagreement = dossier.disagreements.find((d) => d.kind === 'duration');
  assert.ok(disagreement, JSON.stringify(dossier.disagreements.map((d) => d.kind)));
  assert.deepEqual(disagreement.values.map((v) => v.display).sort(), ['2 hours', '3 hours']);
  const minutes = article('c', 'Ilse Brandt and Tomas Varek spoke by phone for 120 minutes on Wednesday before they agreed to reopen the corridor.', 'Outlet C', '2026-12-03');
  assert.ok(!dossierOf(two, minutes).disagreements.some((d) => d.kind === 'duration'));
});

test('one report\'s video meeting and its phone call earlier in the month stay two events; the timeline says how long each lasted, in the report\'s words', () => {
  const report = article('a',
    'Defence chiefs met by video link on Wednesday. The call, which lasted almost three hours, ended without a deal.\n\n' +
    'Earlier this month, Lena Brandt spoke by phone with Karl Odin for more than an hour.', 'Outlet A', '2026-11-19');
  const dossier = dossierOf(report);
  assert.deepEqual(dossier.events.map((e) => e.format?.value).sort(), ['phone', 'virtual']);
  const timeline = renderDossierMarkdown(dossier).split('## Timeline')[1]?.split('##')[0] ?? '';
  assert.match(timeline, /video meeting on Wednesday 18 November 2026, lasting almost three hours/);
  assert.match(timeline, /phone call in November 2026, lasting more than an hour/);
});

test('"about 40 ships" and "more than 60 vessels" are one count the reports disagree on', () => {
  const ships = article('a', 'Union leaders met port managers in Keldhaven on Tuesday. About 40 ships are waiting to unload, officials said.', 'Outlet A', '2026-12-03');
  const vessels = article('b', 'Union leaders met port managers in Keldhaven on Tuesday. More than 60 vessels are waiting offshore.', 'Outlet B', '2026-12-03');
  const quantity = dossierOf(ships, vessels).disagreements.find((d) => d.kind === 'quantity');
  assert.ok(quantity);
  assert.equal(quantity.topic, 'Number of ships');
  assert.deepEqual(quantity.values.map((v) => v.display).sort(), ['About 40 ships', 'More than 60 vessels']);
});

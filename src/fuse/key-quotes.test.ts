import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle } from '../analyze/analysis.js';
import type { Article } from '../model/index.js';
import { buildDossier, renderDossierMarkdown } from './index.js';

function article(id: string, text: string, outlet: string): Article {
  return {
    id, rawId: id, origin: `test:${id}`, text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    metadata: { outlet: { value: outlet, source: 'meta' }, published: { value: '2026-12-03', source: 'meta' } },
    extraction: { method: 'flattened-text', extractor: 'test', charset: 'utf-8', diagnostics: [] },
  };
}

const dossierOf = (...texts: string[]) =>
  buildDossier({ storyId: 's', reports: texts.map((t, i) => article(`r${i}`, t, `Outlet ${i}`)).map((a) => ({ article: a, analysis: analyzeArticle(a) })) });

test('key quotes take partial quotations when no report quotes anyone in full, read with speaker and cue', () => {
  const d = dossierOf(
    'Russia\'s Foreign Ministry said on Wednesday that the aid plan for Karvia would "only prolong the war".',
    'The Russian Foreign Ministry summoned the Karvian ambassador over the aid plan, which it said would "only prolong the war".',
  );
  const md = renderDossierMarkdown(d);
  const section = md.slice(md.indexOf('## Key quotes'), md.indexOf('## Facts'));
  assert.match(section, /- Russia's Foreign Ministry said that the aid plan for Karvia would "only prolong the war" — per R\d, R\d; 2 sources/);
});

test('key quotes say so when there are none', () => {
  const md = renderDossierMarkdown(dossierOf('Ministers met in Oslo on Tuesday. They agreed to meet again in January.'));
  assert.match(md.slice(md.indexOf('## Key quotes'), md.indexOf('## Facts')), /None: no report quotes anyone's own words\./);
});

/**
 * Fusion: the analysed reports of one story made into one cross-checked dossier.
 *
 *   1. sources    reports in publication order; syndicated copies linked to their original and counted with it
 *   2. dates      reports without a publication date get one from another report when the same event's relative
 *                 date resolves to the same day against it
 *   3. entities   people, organisations and places merged across reports (names, surnames, acronyms, roles)
 *   4. events     same happening merged (type, date, place, format, participants), then the timeline
 *   5. quotes     the same words from several outlets merged and counted
 *   6. facts      events, participation, counts, quotes, roles and quantities, each with its sources
 *   7. conflicts  numbers, dates, places, formats, representatives and attributions that reports disagree on
 *
 * Pure and deterministic: the same reports in any order give the same dossier.
 */
import { DATELINE } from '../analyze/dateline.js';
import { FusionContext, type StoryInput } from './context.js';
import { findDisagreements } from './disagreements.js';
import { mergeEntities } from './entities.js';
import { buildEvents, buildTimeline, candidatesOf, clusterEvents, inferReferenceDates } from './events.js';
import { buildFacts } from './facts.js';
import { findQuantities } from './numbers.js';
import { mergeQuotes } from './quotes.js';
import { DOSSIER_SCHEMA_VERSION, FUSER_VERSION, type Dossier, type DossierEvent, type Disagreement, type Fact } from './types.js';

export { DOSSIER_SCHEMA_VERSION, FUSER_VERSION } from './types.js';
export type * from './types.js';
export type { StoryInput } from './context.js';
export { renderDossierMarkdown } from './render-markdown.js';
export { renderDossierHtml } from './render-html.js';

export function buildDossier(story: StoryInput): Dossier {
  const ctx = new FusionContext(story, inferReferenceDates(story));
  const entities = mergeEntities(ctx);
  const events = buildEvents(ctx, entities, clusterEvents(candidatesOf(ctx, entities)));
  const timeline = buildTimeline(events);
  const { quotes } = mergeQuotes(ctx, entities);
  const quantities = findQuantities(ctx);
  const facts = buildFacts(ctx, entities, events, quotes, quantities);
  const disagreements = findDisagreements(ctx, entities, events, quotes, quantities);
  const main = mainEvent(events);
  return {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    generator: FUSER_VERSION,
    storyId: story.storyId,
    headline: headline(ctx, main),
    summary: summary(ctx, main, facts, disagreements),
    articles: ctx.articles,
    entities: entities.entities,
    events,
    timeline,
    quotes,
    facts,
    disagreements,
  };
}

/** The best-supported event, gatherings first (a story is about the meeting, not the statements around it). */
function mainEvent(events: readonly DossierEvent[]): DossierEvent | undefined {
  const weight = (e: DossierEvent): number => e.support.independentSources * 10 + e.support.reports + (e.type === 'statement' || e.type === 'announcement' ? 0 : 5);
  return [...events].sort((a, b) => weight(b) - weight(a))[0];
}

function headline(ctx: FusionContext, main: DossierEvent | undefined): string {
  const original = main?.sources.find((s) => ctx.sourceGroup(s.articleId) === s.articleId) ?? main?.sources[0];
  if (original) return original.sentence.text.replace(DATELINE, '').replace(/\s+/g, ' ').trim();
  const titled = ctx.articles.find((a) => a.title !== undefined);
  return titled?.title ?? `Story ${ctx.reports.length > 0 ? ctx.articles[0]?.id ?? '' : ''}`.trim();
}

function summary(ctx: FusionContext, main: DossierEvent | undefined, facts: readonly Fact[], disagreements: readonly Disagreement[]): string[] {
  const reports = ctx.articles.length;
  const copies = ctx.articles.filter((a) => a.duplicateOf !== undefined).length;
  const independent = reports - copies;
  const lines = [
    `${reports} report${reports === 1 ? '' : 's'} from ${independent} independent source${independent === 1 ? '' : 's'}` +
      (copies > 0 ? ` (${copies} syndicated cop${copies === 1 ? 'y' : 'ies'} linked, not counted again).` : '.'),
  ];
  if (main) lines.push(`Main event: ${main.description}, reported by ${main.support.independentSources} independent source${main.support.independentSources === 1 ? '' : 's'}.`);
  const multi = facts.filter((f) => !f.singleSource).length;
  lines.push(`${facts.length} facts: ${multi} carried by two or more independent sources, ${facts.length - multi} by one source only.`);
  lines.push(disagreements.length === 0 ? 'No disagreements between sources found.' : `${disagreements.length} disagreement${disagreements.length === 1 ? '' : 's'}: ${disagreements.map((d) => d.topic).join('; ')}.`);
  return lines;
}

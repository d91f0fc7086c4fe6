/**
 * Dossiers over the store: a story's reports, their analyses and duplicate links, fused.
 * Shared by the CLI (`triangulate dossier`) and the server.
 */
import { analysisFor } from './analysis-cache.js';
import { buildDossier, type Dossier } from './fuse/index.js';
import type { Store } from './store/index.js';

export async function dossierForStory(store: Store, storyId: string, now: () => Date): Promise<Dossier | undefined> {
  const members = (await store.listStoryAssignments()).filter((a) => a.storyId === storyId);
  if (members.length === 0) return undefined;
  const reports = [];
  for (const member of members) {
    const stored = await store.getArticle(member.articleId);
    if (!stored) continue;
    const analysis = await analysisFor(store, stored.article, now);
    reports.push({ article: stored.article, analysis, ...(member.duplicateOf ? { duplicateOf: member.duplicateOf } : {}) });
  }
  return buildDossier({ storyId, reports });
}

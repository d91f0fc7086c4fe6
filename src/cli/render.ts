/** Plain-text renderings of core records for the terminal. Pure: records in, strings out. */
import type { Article, ArticleMetadata, Sourced } from '../model/index.js';
import type { ArticleSummary, SearchHit } from '../store/index.js';
import type { StorySummary } from '../story-service.js';

export type ArticleFormat = 'json' | 'md' | 'text';

export function renderArticle(article: Article, format: ArticleFormat, extra: Record<string, unknown> = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ ...article, ...extra }, null, 2);
    case 'md':
      return renderMarkdown(article);
    case 'text':
      return renderText(article);
  }
}

function metadataLines(m: ArticleMetadata): string[] {
  const line = (label: string, value: Sourced<string> | undefined) => (value ? [`${label}: ${value.value}  (${value.source})`] : []);
  return [
    ...line('Outlet', m.outlet),
    ...(m.authors ? [`Authors: ${m.authors.value.join(', ')}  (${m.authors.source})`] : []),
    ...line('Published', m.published),
    ...line('Modified', m.modified),
    ...line('URL', m.canonicalUrl ?? m.url),
    ...line('Language', m.language),
    ...line('Description', m.description),
  ];
}

function renderText(article: Article): string {
  const title = article.metadata.title?.value ?? '(untitled)';
  return [title, '='.repeat(Math.min(80, title.length)), ...metadataLines(article.metadata), `Id: ${article.id}`, '', article.text, ''].join('\n');
}

function renderMarkdown(article: Article): string {
  const out: string[] = [`# ${article.metadata.title?.value ?? '(untitled)'}`, ''];
  for (const l of metadataLines(article.metadata)) out.push(`- ${l}`);
  out.push(`- Id: \`${article.id}\``, '');
  for (const block of article.blocks) {
    const text = article.text.slice(block.start, block.end);
    switch (block.kind) {
      case 'heading':
        out.push(`## ${text}`);
        break;
      case 'list-item':
        out.push(`- ${text}`);
        break;
      case 'blockquote':
        out.push(text.split('\n').map((l) => `> ${l}`).join('\n'));
        break;
      case 'preformatted':
        out.push('```', text, '```');
        break;
      case 'paragraph':
        out.push(text);
        break;
    }
    out.push('');
  }
  return out.join('\n');
}

export function renderSummaryTable(rows: readonly (ArticleSummary | SearchHit)[]): string {
  if (rows.length === 0) return '(no articles)';
  const lines = rows.map((r) => {
    const date = (r.published ?? '').slice(0, 10).padEnd(10);
    const outlet = truncate(r.outlet ?? '', 18).padEnd(18);
    const head = `${r.id.slice(0, 12)}  ${date}  ${outlet}  ${truncate(r.title ?? '(untitled)', 70)}`;
    return 'snippet' in r ? `${head}\n              ${r.snippet.replace(/\s+/g, ' ')}` : head;
  });
  return [`${'id'.padEnd(12)}  ${'published'.padEnd(10)}  ${'outlet'.padEnd(18)}  title`, ...lines].join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

export function renderStories(stories: readonly StorySummary[]): string {
  if (stories.length === 0) return '(no stories)';
  return stories
    .map((s) => {
      const copies = s.articleIds.length - s.independentReports;
      const dates = s.firstPublished ? ` ${s.firstPublished.slice(0, 10)}${s.lastPublished && s.lastPublished.slice(0, 10) !== s.firstPublished.slice(0, 10) ? ` → ${s.lastPublished.slice(0, 10)}` : ''}` : '';
      return `${s.id}  ${s.independentReports} report${s.independentReports === 1 ? '' : 's'}${copies > 0 ? ` (+${copies} duplicate${copies === 1 ? '' : 's'})` : ''}${dates}  ${s.title ?? '(untitled)'}\n    outlets: ${s.outlets.join(', ') || '(unknown)'}`;
    })
    .join('\n');
}

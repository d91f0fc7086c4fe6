import type { Extraction } from '../../model/index.js';
import { parseHtml } from './dom.js';
import { extractContent } from './content.js';

export interface HtmlExtractOptions {
  readonly url?: string;
}

export function extractHtml(html: string, options: HtmlExtractOptions = {}): Extraction {
  void options;
  const doc = parseHtml(html);
  const content = extractContent(doc, {});
  const text = content.blocks.map((b) => b.text).join('\n\n');
  return { text, blocks: [], metadata: {}, diagnostics: [] };
}

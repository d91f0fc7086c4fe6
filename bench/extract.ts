/**
 * `npm run bench:extract`: HTML extraction (with Readability on linkedom measured in the same
 * run) and flattened-text extraction (with its baselines), scored by the official scorer.
 */
import { formatHtmlExtractionBenchmark, runHtmlExtractionBenchmark } from './extract-html.js';
import { formatTextExtractionTable, runTextExtractionBenchmark } from './extract-text.js';

const html = await runHtmlExtractionBenchmark();
console.log(formatHtmlExtractionBenchmark(html));
console.log('');
const text = await runTextExtractionBenchmark();
console.log(formatTextExtractionTable(text));

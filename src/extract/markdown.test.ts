import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractMarkdown, splitFrontMatter } from './markdown.js';

const REPORT = `---
title: "Chiefs agree to rebuild stocks"
authors:
  - Owen Prydz
  - "By Lena Ko"
outlet: Capital Review
date: 2026-03-05
---

# Chiefs agree to rebuild stocks

Defence chiefs agreed on Wednesday to rebuild their ammunition stocks before sending more shells, officials said after the meeting.

The two-day meeting in Brussels ended with a promise to double artillery production by 2028, according to a statement.
`;

describe('markdown front matter', () => {
  it('states the metadata and is not part of the article text', () => {
    const extraction = extractMarkdown(REPORT, {});
    assert.equal(extraction.metadata.title?.value, 'Chiefs agree to rebuild stocks');
    assert.equal(extraction.metadata.title?.source, 'meta');
    assert.deepEqual(extraction.metadata.authors?.value, ['Owen Prydz', 'Lena Ko']);
    assert.equal(extraction.metadata.outlet?.value, 'Capital Review');
    assert.equal(extraction.metadata.published?.value, '2026-03-05');
    assert.doesNotMatch(extraction.text, /outlet:|---/);
    assert.match(extraction.text, /rebuild their ammunition stocks/);
  });

  it('leaves text without front matter alone and reports broken YAML', () => {
    assert.deepEqual(splitFrontMatter('# Title\n\nBody').fields, {});
    const broken = splitFrontMatter('---\ntitle: [unclosed\n---\nBody');
    assert.equal(broken.body, 'Body');
    assert.equal(broken.diagnostics[0]?.rule, 'front-matter-invalid');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Extraction } from '../../model/index.js';
import { extractFlattenedText, parseBareByline, parseByline, parseDate } from './index.js';

// Fictional pages written for these tests: every outlet, person and event is invented.

const BODY = [
  'The harbour bridge in Port Ellery reopened to traffic on Tuesday morning, three weeks after a winter storm tore away part of its eastern railing and left engineers worried about the deck below.',
  'Crews worked through the night to finish the last inspection, the city works department said, and the first buses crossed shortly after six o’clock to applause from a small crowd of commuters.',
  '“We were not going to reopen it until every bolt had been checked twice,” said Marta Lindqvist, the engineer in charge of the repairs, who added that the bridge was now stronger than before the storm.',
  'Repairs in numbers',
  'The work cost 4.2 million crowns, about a third less than first feared, because the steel beneath the road surface turned out to be sound once the damaged railing had been lifted away.',
  'Local shops on both sides of the water said trade had fallen by half while the bridge was closed, and several owners asked the council for help with rent for the weeks they lost.',
];

const TEASERS = Array.from({ length: 12 }, (_, index) => [
  `Teaser headline number ${index + 1} about something else entirely`,
  `The opening line of unrelated story ${index + 1} is cut short by the template right here...`,
]).flat();

const NEWS_PAGE = [
  'Harbour bridge reopens after storm repairs | The Daily Ledger',
  '',
  'Home\nNews\nSport\nBusiness\nCulture\nOpinion\nWeather\nSubscribe',
  '',
  'Search',
  '',
  'Harbour bridge reopens after storm repairs',
  '',
  'Harbour bridge reopens after storm repairs',
  '',
  'By Jane DoeDaily Ledger',
  'November 20, 2019',
  '',
  ...BODY.flatMap((paragraph) => [paragraph, '']),
  'Share this article',
  'Facebook\nTwitter\nEmail',
  '',
  'Leave a Comment',
  '',
  'Arnold Weiss on November 20, 2019 at 9:14 am said:',
  'I cross that bridge every day and I can tell you the last three weeks have been a nightmare for everyone who lives on the north shore of the harbour.',
  '',
  'Latest News Stories',
  '',
  ...TEASERS,
  '',
  'We use cookies to improve your experience. By continuing to browse you accept our cookie policy.',
  '© 2019 The Daily Ledger. All rights reserved.',
  'About us\nContact\nCareers\nAdvertise',
].join('\n');

function assertInvariants(input: string, extraction: Extraction): void {
  let previousEnd = -2;
  const pieces: string[] = [];
  for (const block of extraction.blocks) {
    assert.ok(block.start === previousEnd + 2, `block at ${block.start} does not follow the previous one (ended ${previousEnd})`);
    assert.ok(block.start < block.end && block.end <= extraction.text.length, `block ${block.start}-${block.end} lies outside the text`);
    const blockText = extraction.text.slice(block.start, block.end);
    assert.ok(input.includes(blockText), `block text is not in the input: ${JSON.stringify(blockText.slice(0, 60))}`);
    pieces.push(blockText);
    previousEnd = block.end;
  }
  assert.equal(extraction.text, pieces.join('\n\n'));
}

describe('extractFlattenedText on a flattened news page', () => {
  const extraction = extractFlattenedText(NEWS_PAGE);

  it('keeps exactly the article paragraphs, in order', () => {
    assert.equal(extraction.text, BODY.join('\n\n'));
    assertInvariants(NEWS_PAGE, extraction);
    assert.deepEqual(extraction.diagnostics, []);
  });

  it('marks the subheading as a heading block and the rest as paragraphs', () => {
    const kinds = extraction.blocks.map((block) => block.kind);
    assert.deepEqual(kinds, ['paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph']);
  });

  it('recovers the title, the author without the glued outlet, and the date', () => {
    assert.deepEqual(extraction.metadata.title, { value: 'Harbour bridge reopens after storm repairs', source: 'text-heuristic' });
    assert.deepEqual(extraction.metadata.authors, { value: ['Jane Doe'], source: 'byline-text' });
    assert.deepEqual(extraction.metadata.published, { value: '2019-11-20', source: 'text-heuristic' });
  });
});

describe('extractFlattenedText with a known title', () => {
  it('anchors the body under the line matching the hint, not under a longer teaser block above it', () => {
    const longTeasers = Array.from({ length: 6 }, (_, index) =>
      `Unrelated feature ${index + 1}: a long description of a different story that goes on for quite a while so that it looks like prose to a length filter, with commas, clauses and a full stop.`,
    );
    const page = ['Menu', 'Home', 'World', '', ...longTeasers.flatMap((line) => [line, '']), 'More', '', 'Harbour bridge reopens', '', ...BODY.slice(0, 3).flatMap((line) => [line, ''])].join('\n');
    const extraction = extractFlattenedText(page, { hints: { title: 'Harbour bridge reopens' } });
    assert.equal(extraction.text, BODY.slice(0, 3).join('\n\n'));
    assert.equal(extraction.metadata.title?.value, 'Harbour bridge reopens');
  });
});

describe('extractFlattenedText negative cases', () => {
  it('reports no-article for a page of menus and teasers only', () => {
    const page = ['Home\nNews\nSport\nWeather', '', 'Latest News Stories', '', ...TEASERS, '', 'About us\nContact'].join('\n');
    const extraction = extractFlattenedText(page);
    assert.equal(extraction.text, '');
    assert.deepEqual(extraction.blocks, []);
    assert.equal(extraction.diagnostics[0]?.rule, 'no-article');
    assert.equal(extraction.diagnostics[0]?.severity, 'error');
  });

  it('reports no-article for empty and blank input, naming the size', () => {
    for (const input of ['', '\n\n  \n\t']) {
      const extraction = extractFlattenedText(input);
      assert.equal(extraction.text, '');
      assert.equal(extraction.diagnostics[0]?.rule, 'no-article');
      assert.match(extraction.diagnostics[0]?.message ?? '', new RegExp(`${input.length} characters`));
    }
  });

  it('reports no-article for a single short line, and keeps a single long one', () => {
    assert.equal(extractFlattenedText('Contact us').diagnostics[0]?.rule, 'no-article');
    const line = BODY[0] ?? '';
    const extraction = extractFlattenedText(`  ${line}  `);
    assert.equal(extraction.text, line);
    assertInvariants(line, extraction);
  });
});

describe('extractFlattenedText on Markdown and plain text files', () => {
  it('takes the leading # heading as title and keeps ## headings as heading blocks', () => {
    const markdown = ['# Harbour bridge reopens', '', BODY[0], '', '## Repairs in numbers', '', BODY[4], ''].join('\n');
    const extraction = extractFlattenedText(markdown);
    assert.equal(extraction.metadata.title?.value, 'Harbour bridge reopens');
    assert.deepEqual(
      extraction.blocks.map((block) => [block.kind, extraction.text.slice(block.start, block.end)]),
      [
        ['paragraph', BODY[0]],
        ['heading', 'Repairs in numbers'],
        ['paragraph', BODY[4]],
      ],
    );
    assertInvariants(markdown, extraction);
  });

  it('keeps a hard-wrapped paragraph as one block made of its input lines', () => {
    const wrapped = [
      'The harbour bridge in Port Ellery reopened to traffic on Tuesday',
      'morning, three weeks after a winter storm tore away part of its',
      'eastern railing and left engineers worried about the deck below.',
    ].join('\n');
    const second = [
      'Crews worked through the night to finish the last inspection, the',
      'city works department said, and the first buses crossed shortly',
      'after six to applause from a small crowd of commuters.',
    ].join('\n');
    const input = `${wrapped}\n\n${second}\n`;
    const extraction = extractFlattenedText(input);
    assert.equal(extraction.text, `${wrapped}\n\n${second}`);
    assert.equal(extraction.blocks.length, 2);
    assertInvariants(input, extraction);
  });

  it('handles Windows line ends', () => {
    const input = NEWS_PAGE.replace(/\n/g, '\r\n');
    const extraction = extractFlattenedText(input);
    assert.equal(extraction.text, BODY.join('\n\n'));
    assertInvariants(input, extraction);
  });
});

describe('extractFlattenedText on large input', () => {
  it('stays fast on a megabyte of paragraphs and on one enormous line', () => {
    const started = Date.now();
    const big = `${NEWS_PAGE}\n\n`.repeat(1).concat(Array.from({ length: 1500 }, (_, index) => `${BODY[index % BODY.length] ?? ''} (${index})`).join('\n\n'));
    const extraction = extractFlattenedText(big);
    assert.ok(extraction.text.length > 0);
    extractFlattenedText('x'.repeat(500_000));
    extractFlattenedText(`# ${'a '.repeat(100_000)}`);
    assert.ok(Date.now() - started < 4000, `took ${Date.now() - started} ms`);
  });
});

describe('byline and date parsing', () => {
  it('cleans bylines', () => {
    assert.deepEqual(parseByline('By Jane DoeDaily Ledger'), ['Jane Doe']);
    assert.deepEqual(parseByline('By Jane Doe | Reuters'), ['Jane Doe']);
    assert.deepEqual(parseByline('By Jane Doe and Omar Castellanos, Staff Writers'), ['Jane Doe', 'Omar Castellanos']);
    assert.deepEqual(parseByline('by Bryan DeArdo'), ['Bryan DeArdo']);
    assert.deepEqual(parseByline('By Lena Hart, Northern Ledger'), ['Lena Hart']);
    assert.deepEqual(parseByline('By Ana Diaz and Lena Hart, The Evening Dispatch'), ['Ana Diaz', 'Lena Hart']);
    assert.deepEqual(parseByline('By Ana Diaz, Lena Hart'), ['Ana Diaz', 'Lena Hart']);
    assert.deepEqual(parseByline('By Tess Whitby - 11/19/19 06:56 AM EST'), ['Tess Whitby']);
    assert.deepEqual(parseByline('Von Moritz Achterberg publiziert am 25. September 2018'), ['Moritz Achterberg']);
    assert.deepEqual(parseByline('Posted on March 30, 2015 by Admin'), []);
    assert.deepEqual(parseByline('By Daily Ledger News Staff'), []);
    assert.deepEqual(parseByline('By Sean Marlow Sean Marlow'), ['Sean Marlow']);
    assert.deepEqual(parseByline('By Jane Doe Ledger Online', 'Ledger Online'), ['Jane Doe']);
  });

  it('reads bare bylines only in the name-then-outlet or name-then-date shape', () => {
    assert.deepEqual(parseBareByline('Jane Doe | Reuters'), ['Jane Doe']);
    assert.deepEqual(parseBareByline('Chris Dawes - Nov 19, 2019, 10:31 pm CST'), ['Chris Dawes']);
    assert.deepEqual(parseBareByline('Business News | Home'), []);
    assert.deepEqual(parseBareByline('Jane Doe'), []);
  });

  it('keeps short news paragraphs across teaser labels, and stops at the share bar', () => {
    const page = ['Chiefs agree air-defence plan', 'World Business Sport', 'Chiefs agree air-defence plan', 'By Iris LindVelor Times', '3 December 2026', '',
      'Allied defence chiefs agreed on Wednesday to send two more air-defence batteries to Karvia, officials said.', '',
      'READ MORE: KARVIA FRONT LINE SHIFTS AFTER WINTER OFFENSIVE', '',
      'The decision was taken at a video conference chaired by Gen. Ada Marlow. "The batteries will be in place before the end of the month," Marlow said.', '',
      'Advertisement', '', 'A Kremlin spokesman said the move would "escalate the conflict".', '', 'RELATED: EU MINISTERS SPLIT OVER AID', '',
      'The chiefs will meet again in January.', '', 'Share on Facebook Share on X', 'Leave a Comment', 'Latest News', 'Storm hits coast as thousands lose power'].join('\n');
    const { text } = extractFlattenedText(page);
    assert.match(text, /^Allied defence chiefs agreed/);
    assert.match(text, /A Kremlin spokesman said/);
    assert.match(text, /The chiefs will meet again in January\.$/);
    assert.doesNotMatch(text, /READ MORE|RELATED|Advertisement|Share on|Latest News|By Iris/);
  });

  it('reads "Outlet | Name" when the outlet\'s words say it is one and the name\'s do not', () => {
    assert.deepEqual(parseBareByline('Globe Wire | Sam Okoro'), ['Sam Okoro']);
    assert.deepEqual(parseBareByline('Northern Ledger | Tomas Reyes'), ['Tomas Reyes']);
    assert.deepEqual(parseBareByline('Lena Sun | Globe Wire'), ['Lena Sun']);
    assert.deepEqual(parseBareByline('World News | Politics'), []);
    const { metadata } = extractFlattenedText('Ceasefire talks stall as envoys trade blame\n\nGlobe Wire | Sam Okoro\nMonday 7 December 2026\n\n' +
      'GENEVA — Negotiators from both sides ended a third round of talks in Geneva on Sunday without agreement, both delegations said.\n\n' +
      'The talks began on November 28, three weeks after the two sides agreed to a 72-hour truce, and will resume in January.\n');
    assert.deepEqual(metadata.authors?.value, ['Sam Okoro']);
    assert.equal(metadata.outlet?.value, 'Globe Wire');
  });

  it('parses dates in common forms', () => {
    assert.equal(parseDate('November 20, 2019'), '2019-11-20');
    assert.equal(parseDate('Published: Nov. 18, 2019 at 9:24 pm ET'), '2019-11-18');
    assert.equal(parseDate('Wednesday 20 November 2019 9:22 am'), '2019-11-20');
    assert.equal(parseDate('sexta-feira, 22 de outubro de 2010 às 20:13'), '2010-10-22');
    assert.equal(parseDate('Posted 2018-09-16'), '2018-09-16');
    assert.equal(parseDate('27/09/2018'), '2018-09-27');
    assert.equal(parseDate('20.11.2019'), '2019-11-20');
    assert.equal(parseDate('02/03/2019'), undefined);
    assert.equal(parseDate('February 30, 2019'), undefined);
    assert.equal(parseDate('no date here'), undefined);
  });
});

describe('extractFlattenedText headline, outlet and caption', () => {
  const PAGE = [
    'Home', 'World', 'Sport', 'Opinion', '',
    'Veloria talks: what the chiefs agreed', '', 'World', '', 'Veloria talks: what the chiefs agreed', '',
    'By Farah LindqvistThe Evening Dispatch', 'Thursday, November 19, 2026', '',
    'Defence chiefs during the video call. (Photo: Dispatch archive)', '',
    'The alliance sent its top military officers to a video call on Wednesday, but the meeting ended without agreement on the size of the force.', '',
    'The call came two days after a smaller group met in Paris to prepare the discussion, according to two diplomats who attended it.', '',
    'Officials said each country has been asked to put its offer in writing before the next meeting, which is planned for December.', '',
    'Leave a Comment',
  ].join('\n');

  it('takes a headline printed twice with a label between as the title', () => {
    assert.equal(extractFlattenedText(PAGE).metadata.title?.value, 'Veloria talks: what the chiefs agreed');
  });

  it('reads the outlet glued to the byline as the outlet, not part of the name', () => {
    const { metadata } = extractFlattenedText(PAGE);
    assert.deepEqual(metadata.authors?.value, ['Farah Lindqvist']);
    assert.deepEqual(metadata.outlet, { value: 'The Evening Dispatch', source: 'byline-text' });
  });

  it('reads the outlet between separators when a date follows it on the byline line', () => {
    for (const byline of ['By Nora Quist | Baltic Wire | December 2, 2026', 'By Nora Quist, Baltic Wire, Dec. 2, 2026']) {
      const { metadata } = extractFlattenedText(PAGE.replace('By Farah LindqvistThe Evening Dispatch\nThursday, November 19, 2026', byline));
      assert.deepEqual(metadata.authors?.value, ['Nora Quist'], byline);
      assert.deepEqual(metadata.outlet, { value: 'Baltic Wire', source: 'byline-text' }, byline);
      assert.equal(metadata.published?.value, '2026-12-02', byline);
    }
  });

  it('takes an outlet named like a publication after the byline\'s last comma as the outlet, not an author', () => {
    for (const [byline, outlet] of [['By Lena Hart, Northern Ledger', 'Northern Ledger'], ['By Ana Diaz and Lena Hart, The Evening Dispatch', 'The Evening Dispatch']] as const) {
      const { metadata } = extractFlattenedText(PAGE.replace('By Farah LindqvistThe Evening Dispatch', byline));
      assert.ok(!metadata.authors?.value.includes(outlet), byline);
      assert.deepEqual(metadata.outlet, { value: outlet, source: 'byline-text' }, byline);
    }
  });

  it('drops an image caption that ends in its credit', () => {
    const { text } = extractFlattenedText(PAGE);
    assert.doesNotMatch(text, /Photo: Dispatch archive/);
    assert.match(text, /^The alliance sent its top military officers/);
  });
});

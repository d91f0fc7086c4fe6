import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../util/package-root.js';
import { buildReport } from './fixtures/builder.js';
import { demoStory, otherEventReport } from './fixtures/demo-story.js';
import { harbourStory } from './fixtures/harbour-story.js';
import { buildDossier, DOSSIER_SCHEMA_VERSION, renderDossierHtml, renderDossierMarkdown, type Dossier, type StoryInput, type Support } from './index.js';
import { checkAgainstSchema } from './schema-check.js';

const ROOT = packageRoot();
const FIXTURES = join(ROOT, 'src', 'fuse', 'fixtures');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'docs', 'dossier.schema.json'), 'utf8')) as Record<string, unknown>;

// Built once: reports are immutable, and building them runs the tokenizer and time stage.
const DEMO_REPORTS = demoStory();
const demoInput = (): StoryInput => ({ storyId: 'demo-a', reports: DEMO_REPORTS });
const demo = buildDossier(demoInput());
const harbour = buildDossier({ storyId: 'keldhaven', reports: harbourStory() });

/** Every {articleId?, start, end, text} in the dossier slices back to its text (the article id is inherited downwards). */
function assertSpans(d: Dossier, texts: ReadonlyMap<string, string>): number {
  let checked = 0;
  const walk = (v: unknown, articleId: string | undefined, path: string): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, articleId, `${path}[${i}]`));
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    const id = typeof o['articleId'] === 'string' ? o['articleId'] : articleId;
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number' && typeof o['text'] === 'string') {
      const text = id === undefined ? undefined : texts.get(id);
      assert.ok(text !== undefined, `${path}: span without a known article (${String(id)})`);
      assert.equal(text.slice(o['start'], o['end']), o['text'], `${path}: span [${o['start']}, ${o['end']}) of ${id}`);
      checked++;
    }
    for (const [k, x] of Object.entries(o)) walk(x, id, `${path}.${k}`);
  };
  walk(d, undefined, '$');
  return checked;
}

const ids = (s: Support): string[] => [...s.articleIds].sort();

/** Golden files: regenerate with UPDATE=1 after an intended change, and review the diff. */
function golden(name: string, actual: string): void {
  const file = join(FIXTURES, name);
  if (process.env['UPDATE'] === '1') {
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    assert.fail(`golden file ${name} is missing: run the tests with UPDATE=1 to create it`);
  }
  assert.equal(actual, expected, `${name} differs from the golden file (UPDATE=1 to accept)`);
}

describe('dossier contract', () => {
  it('is versioned and valid against docs/dossier.schema.json', () => {
    assert.equal(demo.schemaVersion, DOSSIER_SCHEMA_VERSION);
    assert.deepEqual(checkAgainstSchema(JSON.parse(JSON.stringify(demo)), SCHEMA), []);
    assert.deepEqual(checkAgainstSchema(JSON.parse(JSON.stringify(harbour)), SCHEMA), []);
  });

  it('links every item back to a span that slices to its text', () => {
    const texts = new Map(DEMO_REPORTS.map((r) => [r.article.id, r.article.text]));
    assert.ok(assertSpans(demo, texts) > 500);
    const htexts = new Map(harbourStory().map((r) => [r.article.id, r.article.text]));
    assert.ok(assertSpans(harbour, htexts) > 30);
  });

  it('does not depend on the order of the reports', () => {
    const reversed = buildDossier({ storyId: 'demo-a', reports: [...DEMO_REPORTS].reverse() });
    assert.deepEqual(reversed, demo);
  });

  it('matches the golden dossiers', () => {
    golden('demo.dossier.json', `${JSON.stringify(demo, null, 1)}\n`);
    golden('demo.dossier.md', renderDossierMarkdown(demo));
    golden('harbour.dossier.json', `${JSON.stringify(harbour, null, 1)}\n`);
  });

  it('refuses a story listing one article twice, and an analysis of another article', () => {
    const [a, b] = DEMO_REPORTS;
    assert.ok(a && b);
    assert.throws(() => buildDossier({ storyId: 'x', reports: [a, a] }), /lists article 01-ledger twice/);
    assert.throws(() => buildDossier({ storyId: 'x', reports: [{ article: a.article, analysis: b.analysis }] }), /analysis of 02-courier given for article 01-ledger/);
  });
});

describe('sources', () => {
  it('links the syndicated copy to its original and never counts it as a second source', () => {
    const copy = demo.articles.find((a) => a.id === '05-herald-syndicated');
    assert.equal(copy?.duplicateOf, '03-globe-wire');
    assert.equal(copy?.sourceGroup, '03-globe-wire');
    assert.deepEqual(demo.articles.find((a) => a.id === '03-globe-wire')?.duplicates, ['05-herald-syndicated']);
    // Kasia Drozd is only in Globe Wire and its copy: two reports, one source.
    const drozd = demo.facts.find((f) => f.kind === 'role' && f.text.startsWith('Kasia Drozd'));
    assert.equal(drozd?.support.reports, 2);
    assert.equal(drozd?.support.independentSources, 1);
    assert.equal(drozd?.singleSource, true);
    const call = demo.events.find((e) => e.date?.value === '2026-11-18');
    assert.equal(call?.support.reports, 5);
    assert.equal(call?.support.independentSources, 4);
  });

  it('finds the copy from the texts when story clustering did not say so', () => {
    const d = buildDossier({ storyId: 'demo-a', reports: demoStory({ declareDuplicate: false }) });
    const copy = d.articles.find((a) => a.id === '05-herald-syndicated');
    assert.equal(copy?.duplicateOf, '03-globe-wire');
    assert.equal(copy?.duplicateDetectedBy, 'text-overlap');
    assert.equal(d.articles.filter((a) => a.duplicateOf !== undefined).length, 1, 'independent reports are not copies');
  });
});

describe("who's who", () => {
  it('joins the chair described only by role in the Courier to the named Adm. Henrik Solberg', () => {
    const solberg = demo.entities.find((e) => e.name === 'Henrik Solberg');
    assert.ok(solberg);
    assert.deepEqual(solberg.members.filter((m) => m.joinedBy === 'role').map((m) => m.articleId), ['02-courier']);
    assert.deepEqual(ids(solberg.support), ['01-ledger', '02-courier', '03-globe-wire', '04-dispatch', '05-herald-syndicated']);
    const call = demo.events.find((e) => e.date?.value === '2026-11-18');
    const asParticipant = call?.participants.find((p) => p.entityId === solberg.id);
    assert.ok(asParticipant?.support.articleIds.includes('02-courier'), 'the Courier’s chair counts as Solberg taking part');
    assert.equal(demo.entities.filter((e) => /chair of the alliance/.test(e.name)).length, 0, 'no separate role-only entity is left');
  });

  it('merges surnames, titles and acronyms, keeps all roles with their sources', () => {
    const may = demo.entities.find((e) => e.name === 'Ivo May');
    assert.ok(may?.aliases.includes('May'));
    const jfc = demo.entities.find((e) => e.name === 'Joint Forces Command');
    assert.ok(jfc?.aliases.includes('JFC'));
    assert.equal(jfc?.support.independentSources, 4);
    const marlow = demo.entities.find((e) => e.name === 'Ada Marlow');
    const britain = marlow?.roles.find((r) => r.role.startsWith("Britain's"));
    assert.deepEqual(britain?.support.articleIds, ['04-dispatch']);
    assert.equal(britain?.sources[0]?.text, "Britain's chief of the defence staff");
    assert.equal(marlow?.roles.find((r) => r.role === 'chief of the defence staff')?.support.independentSources, 2);
    assert.ok(!demo.entities.some((e) => e.name === 'Marta Ibarra' && e.id === marlow?.id), 'two chiefs of defence stay two people');
  });
});

describe('events and timeline', () => {
  it('merges each event across reports and orders the timeline by date', () => {
    assert.deepEqual(
      demo.timeline.map((t) => t.date),
      ['2026-11-11', '2026-11-17', '2026-11-18', '2026-12-02', '2026-12-03'],
    );
    const call = demo.events.find((e) => e.date?.value === '2026-11-18');
    assert.equal(call?.format?.value, 'virtual');
    assert.deepEqual(ids(call?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['01-ledger', '02-courier', '03-globe-wire', '04-dispatch', '05-herald-syndicated']);
  });

  it('keeps different events of one story apart: the call and the Paris meeting, the video call on Dec 2 and Brussels on Dec 3', () => {
    const paris = demo.events.find((e) => e.place?.value === 'Paris');
    assert.equal(paris?.date?.value, '2026-11-17');
    assert.notEqual(paris?.id, demo.events.find((e) => e.date?.value === '2026-11-18')?.id);
    const dec2 = demo.events.find((e) => e.date?.value === '2026-12-02');
    const dec3 = demo.events.find((e) => e.date?.value === '2026-12-03');
    assert.ok(dec2 && dec3 && dec2.id !== dec3.id);
    assert.equal(dec2.format?.value, 'virtual');
    assert.equal(dec3.place?.value, 'Brussels');
    // "next month" (03/05) is compatible with December 3.
    assert.ok(dec3.date?.values.some((v) => v.value === '2026-12' && v.support.articleIds.includes('03-globe-wire')));
  });

  it('marks planned events as planned in the event, its description, the timeline and its facts', () => {
    const dec2 = demo.events.find((e) => e.date?.value === '2026-12-02');
    assert.equal(dec2?.modality.value, 'planned');
    assert.equal(dec2?.modality.disputed, false);
    assert.match(dec2?.description ?? '', /^planned video meeting on Wednesday 2 December 2026/);
    assert.equal(demo.timeline.find((t) => t.eventId === dec2?.id)?.modality, 'planned');
    const call = demo.events.find((e) => e.date?.value === '2026-11-18');
    assert.equal(call?.modality.value, 'actual');
    assert.doesNotMatch(call?.description ?? '', /planned|possible/);
    const d = buildDossier({
      storyId: 'planned',
      reports: [
        buildReport({
          id: 'a',
          published: '2027-01-10',
          text: 'Mayor Lin Oduya will visit Tarrow on Friday with 40 engineers.',
          entities: [{ name: 'Lin Oduya', type: 'person', mentions: ['Lin Oduya'] }, { name: 'Tarrow', type: 'gpe', mentions: ['Tarrow'] }],
          events: [{ type: 'visit', trigger: 'visit', place: { name: 'Tarrow', at: 'Tarrow' }, participants: [{ entity: 'Lin Oduya', at: 'Lin Oduya', kind: 'person' }], counts: [{ value: 40, qualifier: 'exact', unit: 'engineers', at: '40 engineers' }], modality: 'planned' }],
        }),
      ],
    });
    const texts = d.facts.map((f) => f.text);
    assert.ok(texts.includes('Planned visit to Tarrow'), texts.join(' | '));
    assert.ok(texts.includes('Lin Oduya is to take part in the visit to Tarrow'), texts.join(' | '));
    assert.ok(texts.includes('40 engineers are to take part in the visit to Tarrow'), texts.join(' | '));
    assert.ok(!texts.some((t) => /took part/.test(t)), 'nobody has taken part in a planned visit yet');
  });

  it('reads two reports that put the next meeting in different months as one planned meeting with a disputed date', () => {
    const next = (id: string, outlet: string, month: string) =>
      buildReport({
        id,
        outlet,
        published: '2027-01-10',
        text: `The defence chiefs agreed to meet again by video in ${month} to review the offers.`,
        events: [{ type: 'meeting', trigger: 'meet', date: { timex: month }, format: { value: 'virtual', at: 'by video' }, topic: 'the offers', modality: 'planned' }],
      });
    const d = buildDossier({ storyId: 'next-meeting', reports: [next('a', 'Wire One', 'February'), next('b', 'Second Post', 'March')] });
    const meetings = d.events.filter((e) => e.type === 'meeting');
    assert.equal(meetings.length, 1, meetings.map((e) => e.description).join(' | '));
    assert.equal(meetings[0]?.date?.disputed, true);
    const dispute = d.disagreements.find((x) => x.kind === 'date');
    assert.deepEqual(dispute?.values.map((v) => v.display).sort(), ['February 2027', 'March 2027']);
    assert.match(dispute?.note ?? '', /different dates: February 2027 \(R\d Wire One\) vs March 2027/);

    // One report naming two planned meetings months apart keeps them apart, as do two reports' planned meetings
    // further apart than a next meeting's dispute.
    const one = buildReport({
      id: 'c',
      published: '2027-01-10',
      text: 'The chiefs will meet by video in February and again by video in March.',
      events: [
        { type: 'meeting', trigger: 'meet', date: { timex: 'February' }, format: { value: 'virtual', at: 'by video' }, modality: 'planned' },
        { type: 'meeting', trigger: 'again', date: { timex: 'March' }, format: { value: 'virtual', at: 'by video@2' }, modality: 'planned' },
      ],
    });
    assert.equal(buildDossier({ storyId: 'two-planned', reports: [one] }).events.length, 2);
    const far = buildDossier({ storyId: 'far', reports: [next('a', 'Wire One', 'February'), next('b', 'Second Post', 'June')] });
    assert.equal(far.events.length, 2);
    assert.ok(!far.disagreements.some((x) => x.kind === 'date'));
  });

  it('keeps a meeting one report says happened apart from one another says will happen, unless on the same date', () => {
    const happened = buildReport({
      id: 'a', outlet: 'Wire One', published: '2027-01-10',
      text: 'Military chiefs held a video conference, the day after ministers met in person.',
      events: [{ type: 'meeting', trigger: 'met', format: { value: 'in-person', at: 'in person' } }],
    });
    const planned = buildReport({
      id: 'b', outlet: 'Second Post', published: '2027-01-10',
      text: 'A spokesperson said the chiefs would meet again in person in February.',
      events: [{ type: 'meeting', trigger: 'meet', date: { timex: 'February' }, format: { value: 'in-person', at: 'in person' }, modality: 'planned' }],
    });
    assert.equal(buildDossier({ storyId: 'apart', reports: [happened, planned] }).events.length, 2);
    const before = buildReport({
      id: 'c', outlet: 'Wire One', published: '2027-01-10',
      text: 'The ministers will meet in Oslo on January 12.',
      events: [{ type: 'meeting', trigger: 'meet', date: { timex: 'January 12' }, place: { name: 'Oslo', at: 'Oslo' }, modality: 'planned' }],
    });
    const after = buildReport({
      id: 'd', outlet: 'Second Post', published: '2027-01-13',
      text: 'The ministers met in Oslo on January 12.',
      events: [{ type: 'meeting', trigger: 'met', date: { timex: 'January 12' }, place: { name: 'Oslo', at: 'Oslo' } }],
    });
    assert.equal(buildDossier({ storyId: 'same', reports: [before, after] }).events.length, 1);
  });

  it("names a representative's words as the report does, under the side they speak for", () => {
    const entities = [{ name: 'Lia Roth', type: 'person' as const, mentions: ['Lia Roth', 'her'] }];
    const office = buildReport({
      id: 'a',
      published: '2027-01-10',
      text: 'Prime Minister Lia Roth will visit Tarrow on Friday, her office said.',
      entities,
      quotes: [{ kind: 'reported', content: 'Prime Minister Lia Roth will visit Tarrow on Friday', cue: 'said', source: 'her office', speaker: 'Lia Roth' }],
    });
    const alone = buildDossier({ storyId: 'office', reports: [office] });
    assert.equal(alone.quotes[0]?.speaker, "Lia Roth's office");
    assert.ok(alone.facts.some((f) => f.text.startsWith("Lia Roth's office said")), alone.facts.map((f) => f.text).join(' | '));
    const herself = buildReport({
      id: 'b',
      outlet: 'Second Post',
      published: '2027-01-10',
      text: 'Lia Roth said she will visit Tarrow on Friday.',
      entities: [{ name: 'Lia Roth', type: 'person', mentions: ['Lia Roth'] }],
      quotes: [{ kind: 'reported', content: 'she will visit Tarrow on Friday', cue: 'said', source: 'Lia Roth', speaker: 'Lia Roth' }],
    });
    const both = buildDossier({ storyId: 'office', reports: [office, herself] });
    const speakers = both.quotes.map((q) => q.speaker);
    assert.ok(speakers.every((x) => x === 'Lia Roth' || x === "Lia Roth's office"), speakers.join(' | '));
  });

  it('compares the casualties of one attack across reports, each report by its highest figure', () => {
    const attack = (id: string, outlet: string, text: string, tolls: readonly [string, number, 'exact' | 'at-least'][]) =>
      buildReport({
        id,
        outlet,
        published: '2027-01-15',
        text,
        entities: [{ name: 'Velgrad', type: 'gpe', mentions: ['Velgrad'] }],
        events: [{ type: 'attack', trigger: 'struck', date: { timex: 'Friday' }, place: { name: 'Velgrad', at: 'Velgrad' }, casualties: tolls.map(([at, value, qualifier]) => ({ kind: 'killed' as const, value, qualifier, unit: 'people', at })) }],
      });
    const a = attack('a', 'Wire One', 'A drone struck Velgrad on Friday, killing 12 people. The toll later rose to 15 people killed.', [['killing 12 people', 12, 'exact'], ['15 people killed', 15, 'exact']]);
    const b = attack('b', 'Second Post', 'A drone struck Velgrad on Friday. Nine people were killed.', [['Nine people were killed', 9, 'exact']]);
    const c = attack('c', 'Third Post', 'A drone struck Velgrad on Friday. At least 10 people were killed.', [['At least 10 people were killed', 10, 'at-least']]);
    const d = buildDossier({ storyId: 'toll', reports: [a, b, c] });
    assert.equal(d.events.filter((e) => e.type === 'attack').length, 1);
    const dispute = d.disagreements.find((x) => x.kind === 'casualty-count');
    assert.ok(dispute, d.disagreements.map((x) => x.topic).join(' | '));
    assert.match(dispute.topic, /^How many people were killed in the attack in Velgrad on Friday 15 January 2027/);
    const status = Object.fromEntries(dispute.values.map((v) => [v.value, v.status]));
    assert.deepEqual(status, { '=15': 'conflicting', '=9': 'conflicting', '>=10': 'conflicting' }, 'R1 counts with 15, its update; at least 10 contradicts 9 only');
    assert.ok(!dispute.values.some((v) => v.value === '=12'), "a report's own earlier figure is no disagreement");
    assert.ok(d.facts.some((f) => f.text === '15 people were killed in the attack in Velgrad on Friday 15 January 2027'), d.facts.map((f) => f.text).join(' | '));
  });

  it('flags two tallies of one vote as a disagreement', () => {
    const vote = (id: string, outlet: string, words: string, inFavour: number) =>
      buildReport({
        id,
        outlet,
        published: '2027-01-15',
        text: `Parliament voted ${words} on Thursday to extend the mission.`,
        events: [{ type: 'vote', trigger: 'voted', date: { timex: 'Thursday' }, topic: 'extend the mission', tally: { inFavour, against: 40, at: words } }],
      });
    const d = buildDossier({ storyId: 'tally', reports: [vote('a', 'Wire One', '120 to 40', 120), vote('b', 'Second Post', '118 to 40', 118)] });
    assert.equal(d.events.filter((e) => e.type === 'vote').length, 1);
    const dispute = d.disagreements.find((x) => x.kind === 'vote-tally');
    assert.deepEqual(dispute?.values.map((v) => v.value).sort(), ['118–40', '120–40']);
    assert.ok(d.facts.some((f) => /: 120 in favour, 40 against$/.test(f.text)), d.facts.map((f) => f.text).join(' | '));
    const same = buildDossier({ storyId: 'tally', reports: [vote('a', 'Wire One', '120 to 40', 120), vote('b', 'Second Post', '120 to 40', 120)] });
    assert.ok(!same.disagreements.some((x) => x.kind === 'vote-tally'));
  });

  it('merges an undated event of a report with its syndicated copy, and events stating the same count', () => {
    const text = 'Officials said a force of about 600 troops could be deployed to the border.';
    const report = (id: string, outlet: string) =>
      buildReport({ id, outlet, published: '2027-01-10', text, events: [{ type: 'deployment', trigger: 'deployed', counts: [{ value: 600, qualifier: 'about', unit: 'troops', at: 'about 600 troops' }], modality: 'possible' }] });
    const other = buildReport({
      id: 'c',
      outlet: 'Third Post',
      published: '2027-01-11',
      text: 'Planners drew up options for an initial force of about 600 troops that could be sent.',
      events: [{ type: 'deployment', trigger: 'sent', counts: [{ value: 600, qualifier: 'about', unit: 'troops', at: 'about 600 troops' }], modality: 'possible' }],
    });
    const d = buildDossier({ storyId: 'copies', reports: [report('a', 'Wire One'), report('b', 'Reprint Daily'), other] });
    const deployments = d.events.filter((e) => e.type === 'deployment');
    assert.equal(deployments.length, 1, deployments.map((e) => e.description).join(' | '));
    assert.deepEqual([...(deployments[0]?.support.articleIds ?? [])].sort(), ['a', 'b', 'c']);
    assert.equal(deployments[0]?.modality.value, 'possible');
    assert.ok(d.facts.some((f) => f.text === 'About 600 troops could take part in the deployment' && f.support.reports === 3));
  });

  it('does not merge a different event on the same topic put into the story (06: Brussels, in person, March)', () => {
    const d = buildDossier({ storyId: 'mixed', reports: [...DEMO_REPORTS, otherEventReport()] });
    const march = d.events.filter((e) => e.support.articleIds.includes('06-other-event'));
    assert.ok(march.length >= 2);
    for (const e of march) assert.deepEqual(e.support.articleIds, ['06-other-event'], `${e.description} merged with story A`);
    const call = d.events.find((e) => e.date?.value === '2026-11-18');
    assert.ok(!call?.participantCounts.some((c) => c.value === 27));
  });

  it('resolves a relative date a report without publication date leaves open, from another report of the same event', () => {
    const coastal = harbour.articles.find((a) => a.id === 'coastal-times');
    assert.deepEqual(coastal?.inferredReferenceDate, { value: '2027-02-10', fromArticleId: 'harbour-wire', matchedEvents: 1 });
    const tuesday = harbour.events.find((e) => e.date?.value === '2027-02-09');
    assert.ok(tuesday?.support.articleIds.includes('coastal-times'));
    assert.deepEqual(tuesday?.date?.resolvedFromStory, [{ articleId: 'coastal-times', text: 'Tuesday', unresolved: 'XXXX-WXX-2', value: '2027-02-09' }]);
  });

  it('keeps two meetings in the same place a week apart as two events', () => {
    const keldhaven = harbour.events.filter((e) => e.place?.values.some((v) => v.value === 'Keldhaven'));
    assert.deepEqual(keldhaven.map((e) => e.date?.value).sort(), ['2027-02-09', '2027-02-17']);
  });
});

describe('quotes', () => {
  it('merges the Marlow quote across outlets (full, accent-less, and one-sentence versions) and counts sources', () => {
    const marlow = demo.quotes.find((q) => q.text.includes('decide who does what'));
    assert.equal(marlow?.speaker, 'Ada Marlow');
    assert.deepEqual(ids(marlow?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['01-ledger', '02-courier', '03-globe-wire', '05-herald-syndicated']);
    assert.equal(marlow?.support.independentSources, 3);
    assert.equal(marlow?.direct, true);
    assert.deepEqual(marlow?.sources.map((s) => s.cue?.text), ['told', 'told', 'told', 'told']);
  });

  it('merges a split quote with a partial quote of it, and partial quotes of one speaker', () => {
    const okafor = demo.quotes.find((q) => q.sources.some((s) => s.text.includes('backed by troops on the ground')) && q.speaker === 'Lena Okafor');
    assert.deepEqual(ids(okafor?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['02-courier', '03-globe-wire', '05-herald-syndicated']);
    const frank = demo.quotes.find((q) => q.text.includes('frank and useful'));
    assert.equal(frank?.speaker, 'Jean Arnaud');
    assert.equal(frank?.support.independentSources, 2);
    const lind = harbour.quotes.find((q) => q.speaker === 'Mara Lind');
    assert.equal(lind?.support.independentSources, 2);
  });
});

describe('facts', () => {
  it('marks single-source facts, counting a copy as the same source', () => {
    const britain = demo.facts.find((f) => f.text === "Ada Marlow: Britain's chief of the defence staff");
    assert.equal(britain?.singleSource, true);
    assert.deepEqual(britain?.support.articleIds, ['04-dispatch']);
    assert.match(britain?.sources[0]?.sentence.text ?? '', /^Gen\. Ada Marlow, Britain's chief of the defence staff, argued/);
    const troops = demo.facts.find((f) => f.kind === 'quantity' && f.text === 'About 1,000 troops');
    assert.equal(troops?.singleSource, false);
    assert.deepEqual(ids(troops?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['01-ledger', '02-courier', '03-globe-wire', '05-herald-syndicated']);
    assert.ok(demo.facts.every((f) => f.singleSource === f.support.singleSource && f.sources.length > 0));
  });

  it('reads reported words split by their attribution as one clause', () => {
    const d = buildDossier({
      storyId: 'split',
      reports: [
        buildReport({
          id: 'a',
          published: '2027-01-10',
          text: 'Until then, Mayor Lin Oduya said, each district will keep its own budget.',
          entities: [{ name: 'Lin Oduya', type: 'person', mentions: ['Lin Oduya'] }],
          quotes: [{ kind: 'reported', content: ['Until then', 'each district will keep its own budget'], cue: 'said', source: 'Mayor Lin Oduya', speaker: 'Lin Oduya' }],
        }),
      ],
    });
    assert.ok(d.facts.some((f) => f.text === 'Lin Oduya said until then, each district will keep its own budget'), d.facts.map((f) => f.text).join(' | '));
  });

  it('builds no fact from a teaser headline left in the page, nor from titles', () => {
    const texts = harbour.facts.map((f) => f.text).join('\n');
    assert.doesNotMatch(texts, /Sarnova|signs deal|12 new ships|12 ships/);
    assert.ok(!harbour.events.some((e) => e.type === 'agreement'));
    const titles = demo.articles.map((a) => a.title ?? '');
    for (const f of demo.facts) for (const t of titles) assert.ok(!f.sources.some((s) => s.sentence.text === t), `fact ${f.id} cites a title`);
  });
});

describe('disagreements', () => {
  const find = (kind: string, d: Dossier = demo) => d.disagreements.filter((x) => x.kind === kind);

  it('flags 30 vs 21 taking part, with sources, and marks "more than 20" as compatible with both', () => {
    const [count] = find('participant-count');
    assert.ok(count);
    const byValue = new Map(count.values.map((v) => [v.value, v]));
    assert.deepEqual(ids(byValue.get('=30')?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['01-ledger', '04-dispatch']);
    assert.deepEqual(ids(byValue.get('=21')?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['03-globe-wire', '05-herald-syndicated']);
    assert.equal(byValue.get('=30')?.status, 'conflicting');
    assert.equal(byValue.get('=21')?.status, 'conflicting');
    assert.equal(byValue.get('>20')?.status, 'compatible');
    assert.deepEqual(byValue.get('>20')?.support.articleIds, ['02-courier']);
    assert.equal(byValue.get('=21')?.sources[0]?.text, 'France, Spain and 19 other countries');
    assert.match(count.note, /more than 20/);
  });

  it('flags Monday 16 vs Tuesday 17 November for the Paris meeting', () => {
    const [date] = find('date');
    assert.ok(date);
    assert.deepEqual(date.values.map((v) => v.value), ['2026-11-17', '2026-11-16']);
    assert.deepEqual(ids(date.values[0]?.support ?? { reports: 0, independentSources: 0, articleIds: [], singleSource: true }), ['01-ledger', '02-courier', '03-globe-wire', '05-herald-syndicated']);
    assert.deepEqual(date.values[1]?.support.articleIds, ['04-dispatch']);
    assert.equal(date.values[1]?.sources[0]?.text, 'Monday, November 16');
  });

  it('flags the same words attributed to Solberg by the Ledger and to Arnaud by the Dispatch', () => {
    const [who] = find('attribution');
    assert.ok(who);
    assert.match(who.topic, /Security guarantees are only as strong/);
    assert.deepEqual(who.values.map((v) => [v.display, v.support.articleIds]).sort(), [['Henrik Solberg', ['01-ledger']], ['Jean Arnaud', ['04-dispatch']]]);
    assert.equal(who.values.find((v) => v.display === 'Henrik Solberg')?.sources[0]?.text, 'Solberg');
  });

  it('flags Ivo May vs Kasia Drozd as who represented Veloria', () => {
    const [rep] = find('participants');
    assert.ok(rep);
    assert.match(rep.topic, /Veloria/);
    assert.deepEqual(rep.values.map((v) => v.display.split(',')[0]).sort(), ['Ivo May', 'Kasia Drozd']);
  });

  it('flags 5,000 vs about 1,000 troops, without making "about 1,000" and "1,000" conflict', () => {
    const [troops] = find('quantity');
    assert.ok(troops);
    const byValue = new Map(troops.values.map((v) => [v.value, v]));
    const fiveK = troops.values.indexOf(byValue.get('=5000') ?? troops.values[0]!);
    assert.equal(byValue.get('=5000')?.conflictsWith.length, 2);
    assert.deepEqual(byValue.get('~1000')?.conflictsWith, [fiveK]);
    assert.deepEqual(byValue.get('=1000')?.conflictsWith, [fiveK]);
  });

  it('has no other disagreement in the demo story, and finds a place conflict but no number conflict in the harbour story', () => {
    assert.deepEqual(demo.disagreements.map((d) => d.kind), ['participant-count', 'date', 'participants', 'attribution', 'quantity']);
    assert.deepEqual(harbour.disagreements.map((d) => d.kind), ['place']);
    const place = harbour.disagreements[0];
    assert.deepEqual(place?.values.map((v) => [v.value, [...v.support.articleIds].sort()]), [['Keldhaven', ['coastal-times', 'keldhaven-post']], ['Norvik', ['harbour-wire']]]);
  });
});

describe('renderers', () => {
  it('writes a Markdown brief with the disagreements before everything else', () => {
    const md = renderDossierMarkdown(demo);
    const order = ['## ⚠ Disagreements (5)', '## Sources', '## Timeline', "## Who's who", '## Key quotes', '## Facts', '### Single source'];
    const at = order.map((h) => md.indexOf(h));
    assert.ok(at.every((x, i) => x >= 0 && (i === 0 || x > (at[i - 1] ?? 0))), `sections out of order: ${at.join(',')}`);
    assert.match(md, /30 \(R3 The Daily Ledger, R4 The Evening Dispatch\) vs 21/);
    assert.match(md, /syndicated copy of R1: not counted as a separate source/);
  });

  it('writes a self-contained HTML page with every text escaped', () => {
    const hostile = buildReport({
      id: 'hostile',
      outlet: '<script>alert(1)</script> Times',
      published: '2026-01-02',
      text: 'Ministers met in <b>Paris</b> on Friday & agreed "nothing".',
      entities: [{ name: '<b>Paris</b>', type: 'gpe', mentions: ['<b>Paris</b>'] }],
      events: [{ type: 'meeting', trigger: 'met', date: { value: '2026-01-02', at: 'Friday' }, place: { name: '<b>Paris</b>', at: '<b>Paris</b>' } }],
    });
    const html = renderDossierHtml(buildDossier({ storyId: 'x"><script>', reports: [hostile] }));
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.doesNotMatch(html, /<script|<b>Paris|src=|<link /i);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Times/);
    const demoHtml = renderDossierHtml(demo);
    assert.match(demoHtml, /<style>/);
    assert.doesNotMatch(demoHtml, /<script|https?:\/\/(?!www\.)/);
  });
});

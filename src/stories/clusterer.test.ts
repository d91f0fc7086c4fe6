import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryClusterer, clusterArticles, predictStoriesFile, type ClustererOptions, type StoryDocument } from './index.js';

// Team-written reports about invented events.

const FERRY_WIRE: StoryDocument = {
  id: 'wire-ferry',
  title: 'Ferry runs aground off Kelmar Island, 40 passengers rescued',
  text:
    'A passenger ferry ran aground on rocks off Kelmar Island early on Tuesday, and coastguard crews rescued all 40 ' +
    'passengers and six crew members, the regional maritime authority said.\n\n' +
    'The vessel, the Morning Wren, had left Port Ashby at 5 a.m. for its daily crossing when it struck a reef in thick fog. ' +
    'Two passengers were treated for mild hypothermia at Ashby General Hospital.\n\n' +
    'Captain Ilse Varga said the ferry lost radar shortly before the impact. An inquiry into the grounding has been opened.',
  published: '2031-05-13',
  outlet: 'Wire Service',
  url: 'https://wire.example/ferry-aground',
};

const FERRY_SYNDICATED: StoryDocument = {
  id: 'paper-ferry',
  title: 'Ferry aground off Kelmar Island; all aboard rescued',
  text: `${FERRY_WIRE.text}\n\nThe Morning Wren was built in 1998 and was refitted last year.`,
  published: '2031-05-13',
  outlet: 'Coastal Herald',
  url: 'https://herald.example/news/ferry',
};

const FERRY_RECRAWL: StoryDocument = {
  id: 'wire-ferry-recrawl',
  title: FERRY_WIRE.title ?? '',
  text:
    `${FERRY_WIRE.text}\n\nMore from Wire Service\n\nCouncil approves new budget for harbour works\n\n` +
    'Local team wins regional rowing final\n\nWeather: fog warnings extended for the weekend',
  published: '2031-05-14',
  outlet: 'Wire Service',
  url: 'https://www.wire.example/ferry-aground/?utm_source=feed',
};

const QUAKE_NORTH: StoryDocument = {
  id: 'quake-north',
  title: 'Magnitude 6.4 earthquake kills 12 in Corvalla',
  text:
    'A magnitude 6.4 earthquake struck the mountain town of Corvalla in the north of the country on 3 March, killing ' +
    '12 people and destroying about 300 homes, the civil defence agency said. The quake hit at a depth of 10 kilometres. ' +
    'Mayor Tomas Erdel said rescuers were searching collapsed houses in the old quarter.',
  published: '2031-03-03',
};

const QUAKE_EAST: StoryDocument = {
  id: 'quake-east',
  title: 'Magnitude 5.1 earthquake injures 40 in Tarsin province',
  text:
    'A magnitude 5.1 earthquake shook Tarsin province in the east of the country on 19 October, injuring 40 people and ' +
    'damaging a hospital in the city of Belgrove, officials said. The quake hit at a depth of 35 kilometres. ' +
    'Governor Anna Petrosk said schools in Belgrove would stay closed for two days.',
  published: '2031-10-19',
};

const MEETING: StoryDocument[] = [
  {
    id: 'meeting-1',
    title: 'Harbour council votes to close Pier 9 to cruise ships',
    text:
      'The Port Ashby harbour council voted 7 to 2 on Thursday to close Pier 9 to cruise ships from next spring, ' +
      'citing cracks found in the pier pilings. Council chair Rosa Lindqvist said repairs would cost 14 million crowns.',
    published: '2031-06-05',
    outlet: 'Coastal Herald',
  },
  {
    id: 'meeting-2',
    title: 'Cruise ships barred from Port Ashby Pier 9 after council vote',
    text:
      'Cruise ships will no longer dock at Pier 9 in Port Ashby from next spring after the harbour council voted 7-2 ' +
      'to close it. Engineers found cracks in the pilings, and chair Rosa Lindqvist put repairs at 14 million crowns.',
    published: '2031-06-05',
    outlet: 'Ashby Daily',
  },
  {
    id: 'meeting-3',
    title: 'Tour operators dismayed as Pier 9 closure approved',
    text:
      'Tour operators in Port Ashby said they were dismayed by the harbour council decision to close Pier 9 to cruise ' +
      'ships. The council approved the closure 7 to 2 on Thursday after cracks were found in the pier pilings; chair ' +
      'Rosa Lindqvist said the repairs would cost 14 million crowns.',
    published: '2031-06-06',
    outlet: 'Business Weekly',
  },
];

const FIRE: StoryDocument[] = [
  {
    id: 'fire-1',
    title: 'Fire breaks out at Dunmore chemical plant',
    text:
      'A large fire broke out at the Dunmore chemical plant on Saturday night. Firefighters from three stations fought ' +
      'the blaze in the solvent warehouse, and plant owner Halvorsen Chemicals said no workers were hurt.',
    published: '2031-08-02',
  },
  {
    id: 'fire-2',
    title: 'Dunmore plant fire under control after ten hours',
    text:
      'Firefighters brought the fire at the Dunmore chemical plant under control after ten hours. The blaze destroyed ' +
      'the solvent warehouse; Halvorsen Chemicals said its workers were safe.',
    published: '2031-08-03',
  },
];

const EVACUATION: StoryDocument[] = [
  {
    id: 'evac-1',
    title: 'Lakeside village evacuated as toxic smoke spreads',
    text:
      'About 900 residents of Lakeside village were evacuated to the sports hall in Wenford on Sunday as a cloud of ' +
      'toxic smoke drifted over their homes. Health officer Mira Castell told people to keep windows shut.',
    published: '2031-08-03',
  },
  {
    id: 'evac-2',
    title: 'Lakeside residents spend night in Wenford sports hall',
    text:
      'Residents of Lakeside village spent the night in the Wenford sports hall after being evacuated because of toxic ' +
      'smoke. Mira Castell, the health officer, said the air would be tested again in the morning.',
    published: '2031-08-03',
  },
];

const BRIDGE: StoryDocument = {
  id: 'bridge',
  title: 'Toxic smoke that emptied Lakeside came from Dunmore chemical plant fire',
  text:
    'The toxic smoke that forced about 900 residents of Lakeside village into the Wenford sports hall came from the ' +
    'fire at the Dunmore chemical plant, health officer Mira Castell confirmed on Sunday. The blaze in the solvent ' +
    'warehouse of Halvorsen Chemicals burned for ten hours before firefighters brought it under control, and the ' +
    'evacuated residents of Lakeside were told to keep windows shut until the air had been tested again.',
  published: '2031-08-03',
};

// Two groundings off one island, weeks apart: the second report recalls the first, as real reports do. Undated, so
// only the text decides. The two Morning Wren reports retell one wire story; the Heron report shares its setting.
const WREN_WIRE: StoryDocument = {
  id: 'wren-1',
  title: 'Ferry Morning Wren runs aground off Kelmar Island',
  text:
    'The passenger ferry Morning Wren ran aground on the Sella reef off Kelmar Island in thick fog, and coastguard crews ' +
    'took all 40 passengers and six crew members off the vessel, the regional maritime authority said. Captain Ilse Varga ' +
    'said the radar failed minutes before the impact. Two passengers were treated for hypothermia at Ashby General Hospital.',
};

const WREN_RETOLD: StoryDocument = {
  id: 'wren-2',
  title: 'Morning Wren ferry aground off Kelmar Island, 40 passengers rescued',
  text:
    'Coastguard crews took all 40 passengers and six crew members off the ferry Morning Wren after it ran aground on the ' +
    'Sella reef off Kelmar Island in thick fog, the regional maritime authority said. Captain Ilse Varga said the radar ' +
    'failed minutes before the impact; two passengers were treated for hypothermia at Ashby General Hospital.',
};

const WREN_INQUIRY: StoryDocument = {
  id: 'wren-3',
  title: 'Inquiry opens into Morning Wren radar failure',
  text:
    'The maritime authority opened an inquiry into the grounding of the Morning Wren on the Sella reef, after Captain ' +
    'Ilse Varga said the ferry radar failed in fog off Kelmar Island. All 40 passengers were rescued by the coastguard.',
};

const HERON: StoryDocument = {
  id: 'heron-1',
  title: 'Grey Heron ferry aground off Kelmar Island, weeks after Morning Wren',
  text:
    'The Grey Heron, a ferry sailing from Tollin harbour with 85 passengers, struck the Marrow sandbank off Kelmar Island ' +
    'on a clear morning; skipper Oskar Brandt said the tide was lower than charted and nobody was hurt. Tugs refloated the ' +
    'ship at high water. Kelmar Island residents recalled the Morning Wren, which ran aground on the Sella reef in fog.',
};

const HERON_REFLOATED: StoryDocument = {
  id: 'heron-2',
  title: 'Tugs refloat Grey Heron from Marrow sandbank',
  text:
    'Two tugs pulled the ferry Grey Heron off the Marrow sandbank at high water, 9 hours after it grounded with 85 ' +
    'passengers aboard. Skipper Oskar Brandt blamed a tide 1.4 metres below the chart.',
};

function storyOf(result: Map<string, string>, id: string): string {
  const story = result.get(id);
  assert.ok(story !== undefined, `no story for ${id}`);
  return story;
}

test('a syndicated copy with an extra sentence is a duplicate of the wire original', () => {
  const c = new StoryClusterer();
  c.add(FERRY_WIRE);
  const copy = c.add(FERRY_SYNDICATED);
  assert.equal(copy.duplicateOf, 'wire-ferry');
  assert.equal(copy.storyId, c.storyOf('wire-ferry'));
});

test('a re-crawl of the same URL with a teaser list appended is a duplicate', () => {
  const c = new StoryClusterer();
  c.add(FERRY_WIRE);
  const again = c.add(FERRY_RECRAWL);
  assert.equal(again.duplicateOf, 'wire-ferry');
  // Also when the URL differs: the teaser list does not hide the copy.
  const d = new StoryClusterer();
  d.add(FERRY_WIRE);
  assert.equal(d.add({ ...FERRY_RECRAWL, url: 'https://mirror.example/ferry' }).duplicateOf, 'wire-ferry');
});

test('copies chain to the earliest original, and an exact copy is found without URL', () => {
  const c = new StoryClusterer();
  c.add(FERRY_WIRE);
  c.add(FERRY_SYNDICATED);
  const exact = c.add({ id: 'exact', title: FERRY_SYNDICATED.title ?? '', text: FERRY_SYNDICATED.text });
  assert.equal(exact.duplicateOf, 'wire-ferry');
  assert.equal(c.duplicateOf('exact'), 'wire-ferry');
});

test('different reports of one event are not duplicates', () => {
  const c = new StoryClusterer();
  for (const doc of MEETING) assert.equal(c.add(doc).duplicateOf, undefined);
});

test('two different earthquakes do not merge, dated or not', () => {
  const dated = clusterArticles([QUAKE_NORTH, QUAKE_EAST]);
  assert.notEqual(storyOf(dated, 'quake-north'), storyOf(dated, 'quake-east'));
  const undated = clusterArticles(
    [QUAKE_NORTH, QUAKE_EAST].map(({ published: _published, ...rest }) => rest),
  );
  assert.notEqual(storyOf(undated, 'quake-north'), storyOf(undated, 'quake-east'));
});

test('three reports of one council meeting form one story apart from an unrelated event', () => {
  const result = clusterArticles([MEETING[0], QUAKE_NORTH, MEETING[1], MEETING[2]].filter((d) => d !== undefined));
  const story = storyOf(result, 'meeting-1');
  assert.equal(storyOf(result, 'meeting-2'), story);
  assert.equal(storyOf(result, 'meeting-3'), story);
  assert.notEqual(storyOf(result, 'quake-north'), story);
});

test('a bridging report merges two stories', () => {
  const c = new StoryClusterer();
  for (const doc of [...FIRE, ...EVACUATION]) c.add(doc);
  assert.notEqual(c.storyOf('fire-1'), c.storyOf('evac-1'), 'before the bridge, fire and evacuation are two stories');
  c.add(BRIDGE);
  assert.equal(c.storyOf('fire-1'), c.storyOf('evac-1'));
  assert.equal(c.storyOf('bridge'), c.storyOf('evac-2'));
  assert.equal(c.stories().size, 1);
});

test('the publication-time window keeps a re-issued story apart', () => {
  const c = new StoryClusterer();
  for (const doc of MEETING) c.add(doc);
  const later = c.add({ ...MEETING[1], id: 'meeting-2-next-year', published: '2032-06-05' } as StoryDocument);
  assert.notEqual(later.storyId, c.storyOf('meeting-1'));
});

test('a hand-made merge survives re-clustering', () => {
  const docs = [...FIRE, QUAKE_NORTH, ...EVACUATION];
  const first = new StoryClusterer();
  for (const doc of docs) first.add(doc);
  const fire = first.storyOf('fire-1') ?? '';
  const evacuation = first.storyOf('evac-1') ?? '';
  assert.notEqual(fire, evacuation);
  const merged = first.merge(fire, evacuation);
  assert.equal(first.storyOf('evac-2'), merged);
  assert.equal(first.storyOf('fire-2'), merged);

  const again = new StoryClusterer({ constraints: first.constraints() });
  for (const doc of docs) again.add(doc);
  assert.equal(again.storyOf('fire-1'), again.storyOf('evac-2'));
  assert.notEqual(again.storyOf('quake-north'), again.storyOf('fire-1'));
});

test('a hand-made split survives re-clustering, including a later bridging report', () => {
  const docs = [...MEETING];
  const first = new StoryClusterer();
  for (const doc of docs) first.add(doc);
  const story = first.storyOf('meeting-1') ?? '';
  assert.equal(first.storyOf('meeting-3'), story);
  const created = first.split(story, ['meeting-3']);
  assert.equal(first.storyOf('meeting-3'), created);
  assert.equal(first.storyOf('meeting-2'), story);
  // A near copy of meeting-3 must not re-join the split-off report with the rest.
  first.add({ ...MEETING[0], id: 'meeting-1-copy', text: `${MEETING[0]?.text ?? ''} ${MEETING[2]?.text ?? ''}` } as StoryDocument);
  assert.notEqual(first.storyOf('meeting-3'), first.storyOf('meeting-1'));

  const again = new StoryClusterer({ constraints: first.constraints() });
  for (const doc of docs) again.add(doc);
  assert.notEqual(again.storyOf('meeting-3'), again.storyOf('meeting-1'));
  assert.equal(again.storyOf('meeting-2'), again.storyOf('meeting-1'));
});

test('split and merge reject bad input with precise messages', () => {
  const c = new StoryClusterer();
  for (const doc of MEETING) c.add(doc);
  const story = c.storyOf('meeting-1') ?? '';
  assert.throws(() => c.split(story, ['nope']), /article "nope" is not in story/);
  assert.throws(() => c.split(story, ['meeting-1', 'meeting-2', 'meeting-3']), /at least one/);
  assert.throws(() => c.merge(story, 's999'), /no live story "s999"/);
  assert.throws(() => c.add(MEETING[0] as StoryDocument), /already added/);
  assert.throws(() => new StoryClusterer({ joinThreshold: 2 }), /joinThreshold must be between 0 and 1, got 2/);
  assert.throws(() => new StoryClusterer({ coherenceShare: -0.1 }), /coherenceShare must be between 0 and 1, got -0.1/);
});

test('the same input order gives the same story ids', () => {
  const docs = [...FIRE, FERRY_WIRE, ...MEETING, QUAKE_EAST, FERRY_SYNDICATED, ...EVACUATION, BRIDGE, QUAKE_NORTH];
  const a = clusterArticles(docs);
  const b = clusterArticles(docs);
  assert.deepEqual([...a], [...b]);
});

test('persistence round-trip: a restored clusterer continues exactly like the original', () => {
  const head = [...FIRE, FERRY_WIRE, MEETING[0], MEETING[1]].filter((d): d is StoryDocument => d !== undefined);
  const tail = [FERRY_SYNDICATED, MEETING[2], ...EVACUATION, BRIDGE, QUAKE_NORTH].filter((d): d is StoryDocument => d !== undefined);
  const original = new StoryClusterer();
  for (const doc of head) original.add(doc);
  original.split(original.storyOf('meeting-1') ?? '', ['meeting-2']);
  const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
  assert.deepEqual([...restored.assignments()], [...original.assignments()]);
  for (const doc of tail) assert.deepEqual(restored.add(doc), original.add(doc));
  assert.deepEqual([...restored.stories()], [...original.stories()]);
  assert.deepEqual(restored.constraints(), original.constraints());
  assert.throws(() => StoryClusterer.fromJSON({ format: 'other' } as never), /expected a snapshot of format/);
});

test('predictStoriesFile reads articles.jsonl and names bad lines', () => {
  const jsonl = [...MEETING, QUAKE_EAST].map((d) => JSON.stringify(d)).join('\n');
  const pred = predictStoriesFile(`${jsonl}\n`);
  assert.equal(Object.keys(pred).length, 4);
  assert.equal(pred['meeting-1'], pred['meeting-3']);
  assert.notEqual(pred['meeting-1'], pred['quake-east']);
  assert.throws(() => predictStoriesFile('{"id": 3, "text": ""}'), /line 1: "id" must be a non-empty string, got 3/);
  assert.throws(() => predictStoriesFile('\n{oops'), /line 2 is not valid JSON/);
});

test('a report of another grounding off the same island stays out of a tight story it shares its setting with', () => {
  const c = new StoryClusterer();
  for (const doc of [WREN_WIRE, WREN_RETOLD]) c.add(doc);
  const wren = c.storyOf('wren-1');
  assert.equal(c.storyOf('wren-2'), wren);
  // Against the centroid alone the Heron report clears the join threshold (it names the reef, the island, the Wren)…
  const open = new StoryClusterer({ coherenceShare: 0 });
  for (const doc of [WREN_WIRE, WREN_RETOLD]) open.add(doc);
  assert.equal(open.add(HERON).storyId, open.storyOf('wren-1'), 'without the coherence check the Heron joins the Wren');
  // …but it is far less close to the Wren reports than they are to each other, so it starts its own story.
  assert.notEqual(c.add(HERON).storyId, wren);
  // A looser report of the Wren itself still joins, and so does a second Heron report with the Heron.
  assert.equal(c.add(WREN_INQUIRY).storyId, wren);
  assert.equal(c.add(HERON_REFLOATED).storyId, c.storyOf('heron-1'));
});

test('shared figures raise the similarity; a shared year does not', () => {
  const similarity = (options: Partial<ClustererOptions>, docs: readonly StoryDocument[]): number => {
    const c = new StoryClusterer(options);
    let last = 0;
    for (const doc of docs) last = c.add(doc).similarity;
    return last;
  };
  const withFigures = similarity({}, [HERON, HERON_REFLOATED]);
  const without = similarity({ figureWeight: 0 }, [HERON, HERON_REFLOATED]);
  assert.ok(withFigures > without + 0.01, `85 passengers in both reports: ${withFigures} vs ${without}`);
  const year = (id: string, text: string): StoryDocument => ({ id, title: 'Harbour dredging plan', text });
  const yearOnly = [
    year('y-1', 'The Port Ashby harbour council approved a dredging plan for the outer basin in 2031, chair Rosa Lindqvist said.'),
    year('y-2', 'Dredging of the outer basin at Port Ashby starts in 2031 after the harbour council vote, Rosa Lindqvist said.'),
  ];
  assert.equal(similarity({}, yearOnly), similarity({ figureWeight: 0 }, yearOnly));
});

test('a snapshot written before story coherence was kept restores and continues', () => {
  const original = new StoryClusterer();
  for (const doc of [WREN_WIRE, WREN_RETOLD]) original.add(doc);
  const snapshot = JSON.parse(JSON.stringify(original.toJSON())) as { stories: Record<string, unknown>[] };
  for (const story of snapshot.stories) {
    delete story['contributors'];
    delete story['pairSimilarity'];
  }
  const restored = StoryClusterer.fromJSON(snapshot as never);
  // The estimate from the centroid still reads the two Wren reports as one tight story.
  assert.notEqual(restored.add(HERON).storyId, restored.storyOf('wren-1'));
  assert.equal(restored.add(WREN_INQUIRY).storyId, restored.storyOf('wren-1'));
});

// Two invented events of one kind a week apart in two towns: a warehouse fire in Dunmore and a mill fire in Pellow.
// The first mill report recalls the warehouse fire, as real reports do, which is how it can reach the wrong story.
const WAREHOUSE: StoryDocument[] = [
  {
    id: 'warehouse-1',
    title: 'Fire destroys Brannock furniture warehouse in Dunmore',
    text:
      'A fire destroyed the Brannock furniture warehouse on Quarry Road in Dunmore overnight, and 60 firefighters ' +
      'fought the blaze for nine hours. Fire chief Odile Marsh said the roof of the warehouse collapsed shortly after 2 a.m.',
  },
  {
    id: 'warehouse-2',
    title: 'Dunmore warehouse blaze: Brannock stock lost, Quarry Road closed',
    text:
      'Quarry Road in Dunmore stayed closed on Wednesday after the overnight blaze at the Brannock furniture warehouse. ' +
      'Chief Odile Marsh said 60 firefighters needed nine hours and the warehouse roof collapsed after 2 a.m.',
  },
  {
    id: 'warehouse-3',
    title: 'Brannock owners vow to rebuild Dunmore warehouse',
    text:
      'The owners of the Brannock furniture warehouse on Quarry Road said they would rebuild in Dunmore. Fire chief ' +
      'Odile Marsh said the cause of the nine-hour blaze fought by 60 firefighters was still under investigation.',
  },
];

const MILL: StoryDocument[] = [
  {
    id: 'mill-1',
    title: 'Old Tessary textile mill burns in Pellow',
    text:
      'Flames gutted the disused Tessary textile mill beside the Ferrin canal in Pellow, and residents of twelve ' +
      'nearby houses were evacuated. Station officer Jonas Brell said arson had not been ruled out at the mill. It was ' +
      'the second large fire in a week after the blaze that destroyed the Brannock furniture warehouse in Dunmore.',
  },
  {
    id: 'mill-2',
    title: 'Pellow residents return home after Tessary mill fire',
    text:
      'Residents of twelve houses near the Ferrin canal in Pellow returned home after the Tessary textile mill fire. ' +
      'Station officer Jonas Brell said investigators were examining whether the disused mill was set alight on purpose.',
  },
  {
    id: 'mill-3',
    title: 'Arson suspected in Tessary mill fire, Pellow police say',
    text:
      'Police in Pellow said they suspect arson in the fire that gutted the disused Tessary textile mill by the Ferrin ' +
      'canal. Station officer Jonas Brell said twelve households had been evacuated as a precaution.',
  },
];

/** A low join bar with the coherence check off forces the early wrong join the repair must undo. */
const LOOSE: Partial<ClustererOptions> = { joinThreshold: 0.01, coherenceShare: 0 };
const FIRES_INTERLEAVED = [WAREHOUSE[0], MILL[0], WAREHOUSE[1], MILL[1], WAREHOUSE[2], MILL[2]].filter((d): d is StoryDocument => d !== undefined);

function storiesOf(c: StoryClusterer): string[][] {
  return [...c.stories().values()].map((ids) => [...ids].sort());
}

test('split repair: an early wrong join of another event is undone once reports of both events arrive', () => {
  const unrepaired = new StoryClusterer({ ...LOOSE, splitRatio: 0 });
  for (const doc of FIRES_INTERLEAVED) unrepaired.add(doc);
  assert.equal(unrepaired.stories().size, 1, 'without the repair the wrong join snowballs into one story');

  const joined = new StoryClusterer(LOOSE);
  joined.add(WAREHOUSE[0] as StoryDocument);
  assert.equal(joined.add(MILL[0] as StoryDocument).storyId, 's0', 'the mill report joins the warehouse story');
  for (const doc of FIRES_INTERLEAVED.slice(2)) joined.add(doc);
  assert.deepEqual(storiesOf(joined), [
    ['warehouse-1', 'warehouse-2', 'warehouse-3'],
    ['mill-1', 'mill-2', 'mill-3'],
  ]);
  // The side holding the story's first report keeps its id; the other side is the next new story.
  assert.equal(joined.storyOf('warehouse-1'), 's0');
  assert.equal(joined.storyOf('mill-1'), 's1');
  assert.deepEqual([...joined.assignments()], [...clusterArticles(FIRES_INTERLEAVED, LOOSE)]);
});

test('split repair keeps a hand-made must-link together', () => {
  const constraints = { groups: [['warehouse-1', 'mill-1']], apart: [] };
  const c = new StoryClusterer({ ...LOOSE, constraints });
  for (const doc of FIRES_INTERLEAVED) c.add(doc);
  assert.equal(c.storyOf('warehouse-1'), c.storyOf('mill-1'));
  assert.deepEqual(c.constraints(), constraints);
});

test('split repair: the same input gives the same ids, and a snapshot after a split continues exactly', () => {
  const head = FIRES_INTERLEAVED.slice(0, 4);
  const tail = [...FIRES_INTERLEAVED.slice(4), ...MEETING, FERRY_WIRE];
  const original = new StoryClusterer(LOOSE);
  for (const doc of head) original.add(doc);
  assert.equal(original.stories().size, 2, 'the repair at four reports split the story');
  const again = new StoryClusterer(LOOSE);
  for (const doc of head) again.add(doc);
  assert.deepEqual([...again.stories()], [...original.stories()]);
  const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
  assert.deepEqual(restored.toJSON(), original.toJSON());
  for (const doc of tail) assert.deepEqual(restored.add(doc), original.add(doc));
  assert.deepEqual([...restored.stories()], [...original.stories()]);
  assert.deepEqual(JSON.parse(JSON.stringify(restored.toJSON())), JSON.parse(JSON.stringify(original.toJSON())));
});

// A council decision and an opinion column on it the same day: the column names the chair and the levy but otherwise
// argues in its own words, as comment does.
const LEVY_NEWS: StoryDocument = {
  id: 'levy-news',
  title: 'Port Ashby council votes to raise the harbour levy on cargo ships',
  text:
    'The Port Ashby harbour council voted 7 to 2 on Thursday to raise the levy paid by cargo ships by a fifth from July, ' +
    'chair Rosa Lindqvist said. The money will pay for dredging the outer basin and repairing the north quay.',
  published: '2031-06-12',
};

const LEVY_OPINION: StoryDocument = {
  id: 'levy-opinion',
  title: 'A town that taxes the trade that feeds it',
  text:
    'Every town that lives from the sea learns the same lesson sooner or later: trade goes where it is welcome. Chair ' +
    'Rosa Lindqvist and her colleagues seem determined to relearn it the hard way, and the shippers who keep us busy ' +
    'will remember the levy when they plan next year.',
  published: '2031-06-12',
};

/** Sixty unrelated one-report stories of made-up words (no word shared with anything else), all on `day`. */
function otherStories(day: string): StoryDocument[] {
  const letters = (n: number): string => {
    let s = '';
    do {
      s += String.fromCharCode(97 + (n % 26));
      n = Math.floor(n / 26);
    } while (n > 0);
    return s;
  };
  const word = (n: number, i: number): string => `${'bdfgklmnprstvz'[i % 14] ?? 'b'}o${letters(n * 12 + i)}en`;
  return Array.from({ length: 60 }, (_, n) => ({
    id: `other-${n}`,
    title: Array.from({ length: 5 }, (_, i) => word(n, i)).join(' '),
    text: `${Array.from({ length: 12 }, (_, i) => word(n, i)).join(' ')}.`,
    published: day,
  }));
}

test('busy-day bonus: a loosely worded same-day report joins on a quiet day, not on a day of sixty stories', () => {
  // The same sixty other stories in both runs (so the same document frequencies), six weeks earlier or the same day.
  const run = (day: string, options: Partial<ClustererOptions> = {}): StoryClusterer => {
    const c = new StoryClusterer(options);
    for (const doc of [...otherStories(day), LEVY_NEWS]) c.add(doc);
    return c;
  };
  const raw = run('2031-05-01', { sameDateBonus: 0, busyDaySpread: 0, joinThreshold: 0 }).add(LEVY_OPINION).similarity;
  assert.ok(raw > 0.05 && raw < 0.15, `the column shares little wording with the report: ${raw}`);
  const quiet = run('2031-05-01');
  assert.equal(quiet.add(LEVY_OPINION).storyId, quiet.storyOf('levy-news'), 'on a quiet day the date places the column');
  const busy = run('2031-06-12');
  assert.notEqual(busy.add(LEVY_OPINION).storyId, busy.storyOf('levy-news'), 'among sixty stories of the day it starts its own');
  // Early in a day its own count says little: a day after sixty stories is read as busy as well.
  const dayAfter = run('2031-06-11');
  assert.notEqual(dayAfter.add(LEVY_OPINION).storyId, dayAfter.storyOf('levy-news'), 'the day before was busy, so this one is taken as busy');
  const flat = run('2031-06-12', { busyDaySpread: 0 });
  assert.equal(flat.add(LEVY_OPINION).storyId, flat.storyOf('levy-news'), 'a bonus blind to the day joins it there too');
  // A snapshot from before the day counts were kept estimates them from the stories' first reports.
  const snapshot = JSON.parse(JSON.stringify(run('2031-06-12').toJSON())) as Record<string, unknown>;
  delete snapshot['storiesStarted'];
  const restored = StoryClusterer.fromJSON(snapshot as never);
  assert.notEqual(restored.add(LEVY_OPINION).storyId, restored.storyOf('levy-news'));
});

test('split repair: two whole stories of three reports told as one are split at six reports, not left until eight', () => {
  const c = new StoryClusterer(LOOSE);
  const sequential = [...WAREHOUSE, ...MILL];
  for (const doc of sequential.slice(0, 5)) c.add(doc);
  // At four reports the mill side had one report only, so there was nothing to split off.
  assert.equal(c.stories().size, 1, 'three warehouse reports and two mill reports are one story at five');
  c.add(sequential[5] as StoryDocument);
  assert.deepEqual(storiesOf(c), [
    ['warehouse-1', 'warehouse-2', 'warehouse-3'],
    ['mill-1', 'mill-2', 'mill-3'],
  ]);
});

// One viaduct closure told three ways: the first report is about the fault, the second about the detours (so it does
// not reach the first and starts a story beside it), the third mostly about the detours with a line on the fault.
const VIADUCT: StoryDocument[] = [
  {
    id: 'viaduct-1',
    title: 'Corran viaduct shut after inspectors find cracked bearings',
    text:
      'Engineers closed the Corran viaduct on the A9 after inspectors found cracked steel bearings under its third span. ' +
      'Highways officer Nadia Brisk said the closure would last at least a month.',
  },
  {
    id: 'viaduct-2',
    title: 'Drivers face long detours as A9 route through Corran closes',
    text:
      'Lorry drivers and commuters faced detours of up to forty minutes through Tolley and Harrowgate on Wednesday, with ' +
      'the A9 shut at Corran. Bus operators rerouted three services and warned of delays.',
  },
  {
    id: 'viaduct-3',
    title: 'Corran detours to last a month, bus operators warn',
    text:
      'Detours through Tolley and Harrowgate added up to forty minutes for lorry drivers and commuters again on Thursday, ' +
      'with the A9 closed at Corran. Bus operators kept three services rerouted and warned of delays for a month. ' +
      'Highways officer Nadia Brisk said the viaduct bearings were cracked.',
  },
];

test('re-placement: a first report left alone joins the story once the story has formed beside it', () => {
  const context = [FERRY_WIRE, WAREHOUSE[0], MILL[0]].filter((d): d is StoryDocument => d !== undefined);
  const run = (options: Partial<ClustererOptions>): StoryClusterer => {
    const c = new StoryClusterer(options);
    for (const doc of context) c.add(doc);
    return c;
  };
  const c = run({});
  c.add(VIADUCT[0] as StoryDocument);
  assert.notEqual(c.add(VIADUCT[1] as StoryDocument).storyId, c.storyOf('viaduct-1'), 'the detour report does not reach the fault report');
  c.add(VIADUCT[2] as StoryDocument);
  assert.equal(c.storyOf('viaduct-1'), c.storyOf('viaduct-2'));
  assert.equal(c.storyOf('viaduct-3'), c.storyOf('viaduct-2'));
  assert.equal(c.storyOf('viaduct-1'), 's3', 'the merged story keeps the older id');

  const off = run({ replaceLoneReports: false });
  for (const doc of VIADUCT) off.add(doc);
  assert.notEqual(off.storyOf('viaduct-1'), off.storyOf('viaduct-3'), 'without re-placement the first report stays alone');
  assert.equal(off.storyOf('viaduct-2'), off.storyOf('viaduct-3'));

  // A hand-made "apart" between the first report and the other two is honoured.
  const constraints = { groups: [['viaduct-1'], ['viaduct-2', 'viaduct-3']], apart: [[0, 1]] as [number, number][] };
  const apart = run({ constraints });
  for (const doc of VIADUCT) apart.add(doc);
  assert.notEqual(apart.storyOf('viaduct-1'), apart.storyOf('viaduct-3'));
});

test('a snapshot written before the busy-day bonus and re-placement continues with a flat bonus and no re-placement', () => {
  const original = new StoryClusterer();
  for (const doc of [FERRY_WIRE, WAREHOUSE[0], MILL[0], VIADUCT[0], VIADUCT[1]].filter((d): d is StoryDocument => d !== undefined)) original.add(doc);
  const snapshot = JSON.parse(JSON.stringify(original.toJSON())) as { options: Record<string, unknown> } & Record<string, unknown>;
  delete snapshot.options['busyDaySpread'];
  delete snapshot.options['replaceLoneReports'];
  delete snapshot['storiesStarted'];
  const restored = StoryClusterer.fromJSON(snapshot as never);
  assert.equal(restored.toJSON().options.busyDaySpread, 0);
  assert.equal(restored.toJSON().options.replaceLoneReports, false);
  restored.add(VIADUCT[2] as StoryDocument);
  assert.notEqual(restored.storyOf('viaduct-1'), restored.storyOf('viaduct-3'), 'the old behaviour: the first report stays alone');
  // The current clusterer, continued from its own snapshot, re-places it.
  const current = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
  current.add(VIADUCT[2] as StoryDocument);
  assert.equal(current.storyOf('viaduct-1'), current.storyOf('viaduct-3'));
});

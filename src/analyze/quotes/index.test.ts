import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuotes, findQuotedSegments, predictQuotesFile, type Attribution } from './index.js';

const slice = (text: string, s: { start: number; end: number } | null | undefined): string | null => (s ? text.slice(s.start, s.end) : null);

interface Seen {
  kind: Attribution['kind'];
  source: string | null;
  cue: string | null;
  content: string[];
  rule: string;
  via?: string;
  resolvedTo?: string | null;
  channel?: string;
  channelText?: string;
}

function run(text: string): Seen[] {
  return extractQuotes(text).map((a) => ({
    kind: a.kind,
    source: slice(text, a.source),
    cue: slice(text, a.cue),
    content: a.content.map((c) => text.slice(c.start, c.end)),
    rule: a.rule,
    ...(a.speaker ? { via: a.speaker.via, resolvedTo: slice(text, a.speaker.resolvedTo) } : {}),
    ...(a.channel ? { channel: a.channel.kind, channelText: text.slice(a.channel.span.start, a.channel.span.end) } : {}),
  }));
}

function find(seen: Seen[], cue: string): Seen {
  const hit = seen.find((s) => s.cue === cue);
  assert.ok(hit, `no attribution with cue ${JSON.stringify(cue)} in ${JSON.stringify(seen, null, 1)}`);
  return hit;
}

test('direct quote with the cue after it, curly and straight quotation marks', () => {
  const text = '“The harbour will reopen on Monday,” Ada Marlow said.\n\n"We are not worried," said Tom Keel, the port director.';
  const seen = run(text);
  const a = find(seen, 'said');
  assert.equal(a.kind, 'direct');
  assert.equal(a.source, 'Ada Marlow');
  assert.deepEqual(a.content, ['“The harbour will reopen on Monday,”']);
  const b = seen.find((s) => s.source?.startsWith('Tom Keel'));
  assert.ok(b);
  assert.deepEqual(b.content, ['"We are not worried,"']);
  assert.equal(b.source, 'Tom Keel, the port director');
});

test('split quote: both halves belong to one attribution', () => {
  const text = '“We have done our part,” the minister said, “and now the council must do its part.”';
  const [a] = run(text);
  assert.ok(a);
  assert.equal(a.source, 'the minister');
  assert.deepEqual(a.content, ['“We have done our part,”', '“and now the council must do its part.”']);
  assert.equal(a.kind, 'direct');
});

test('multi-sentence and multi-paragraph quotes', () => {
  const text = 'Ada Marlow spoke first.\n\n“The river rose overnight. Nobody expected it,” she said.\n\n“We moved the boats.\n\n“Then we waited for the water to fall.”';
  const seen = run(text);
  const a = find(seen, 'said');
  assert.equal(a.content[0], '“The river rose overnight. Nobody expected it,”');
  // The two following paragraphs are one quote (no closing mark before the paragraph break) continuing hers.
  assert.equal(a.content.length, 2);
  assert.equal(a.content[1], '“We moved the boats.\n\n“Then we waited for the water to fall.”');
  const segs = findQuotedSegments(text);
  assert.equal(segs.filter((s) => s.multiParagraph).length, 1);
});

test('cue with a colon introduces the quote in the next paragraph', () => {
  const text = 'Mayor Ada Marlow said:\n\n“The bridge stays closed until the engineers are satisfied.”';
  const [a] = run(text);
  assert.ok(a);
  assert.equal(a.cue, 'said:');
  assert.equal(a.source, 'Mayor Ada Marlow');
  assert.deepEqual(a.content, ['“The bridge stays closed until the engineers are satisfied.”']);
});

test('nested single quotes stay inside the outer quote; a quote inside a quote gets its own speaker', () => {
  const text = '“As he has said before, \'these are hard times for the valley,\'” Ada Marlow said of the governor.';
  const seen = run(text);
  const outer = find(seen, 'said');
  assert.equal(outer.source, 'Ada Marlow');
  assert.equal(outer.content[0], '“As he has said before, \'these are hard times for the valley,\'”');
  const inner = seen.find((s) => s.rule === 'nested-quote');
  assert.ok(inner, 'the inner quote is attributed');
  assert.equal(inner.source, 'he');
  assert.deepEqual(inner.content, ["'these are hard times for the valley,'"]);
});

test('a quote inside a quote may come from someone named by a possessive and a habit ("my grandmother used to say")', () => {
  const text = '"As my grandmother used to say, \'bread comes before borders\'," Mira Stenk told reporters in Salm.';
  const inner = run(text).find((s) => s.rule === 'nested-quote');
  assert.ok(inner, 'the inner quote is attributed');
  assert.equal(inner.source, 'my grandmother');
  assert.equal(inner.cue, 'used to say');
  assert.deepEqual(inner.content, ["'bread comes before borders'"]);
  // A bare "say" needs a speaker before it, not a conjunction ("and say 'Look, …'").
  const bare = '"We could stop and say \'Look, this is enough,\'" Odin said.';
  assert.ok(!run(bare).some((s) => s.rule === 'nested-quote'), JSON.stringify(run(bare)));
});

test('an appositive after a closing quotation mark is the writer\'s, not the quoted source\'s', () => {
  const text = 'Article 4 of the convention states that "merchant vessels shall enjoy free passage", a clause Norland has cited repeatedly since March.';
  const a = find(run(text), 'states');
  assert.equal(a.source, 'Article 4 of the convention');
  assert.deepEqual(a.content, ['that "merchant vessels shall enjoy free passage"']);
  // What the appositive's relative clause "cited" is the noun before it, not an attribution of its own.
  assert.deepEqual(run(text).map((a) => a.cue), ['states']);
  // A list of quoted epithets goes on past its commas.
  const list = 'Trump called the senator a "nasty guy," an "anchor baby," "unstable" and "sick."';
  assert.deepEqual(find(run(list), 'called').content, ['the senator a "nasty guy," an "anchor baby," "unstable" and "sick."']);
});

test('"according to X, who said …": the relative clause is its own account, not more of the first', () => {
  const text = 'The leaders spoke by phone for three hours, according to a government spokesman, who said the leaders had "overcome the last obstacles".';
  const seen = run(text);
  assert.deepEqual(find(seen, 'according to').content, ['The leaders spoke by phone for three hours']);
  assert.deepEqual(find(seen, 'said').content, ['the leaders had "overcome the last obstacles"']);
});

test('partial quote inside reported speech is mixed', () => {
  const text = 'The envoy called the talks a “frank and useful exchange” after the meeting in Vell.';
  const a = find(run(text), 'called');
  assert.equal(a.kind, 'mixed');
  assert.equal(a.source, 'The envoy');
  assert.equal(a.content[0], 'the talks a “frank and useful exchange” after the meeting in Vell');
});

test('reported speech: said that, told reporters, warned, according to', () => {
  const seen = run(
    'Ada Marlow said that the harbour would reopen. Tom Keel told reporters on Tuesday the fleet was safe. ' +
      'The council warned the bridge could fail. According to the port authority, the storm caused no damage. ' +
      'The storm caused no damage, according to Tom Keel.',
  );
  const said = find(seen, 'said');
  assert.deepEqual([said.source, said.content[0], said.kind], ['Ada Marlow', 'that the harbour would reopen', 'reported']);
  const told = find(seen, 'told');
  assert.deepEqual([told.source, told.content[0]], ['Tom Keel', 'the fleet was safe']);
  const warned = find(seen, 'warned');
  assert.deepEqual([warned.source, warned.content[0]], ['The council', 'the bridge could fail']);
  const acc = seen.filter((s) => s.rule === 'according-to');
  assert.deepEqual(acc.map((s) => [s.source, s.content[0]]), [
    ['the port authority', 'the storm caused no damage'],
    ['Tom Keel', 'The storm caused no damage'],
  ]);
});

test('reported speech with the cue at the end and inverted', () => {
  const seen = run('The ferry will run again next week, Ada Marlow said on Monday. The repairs were cheap, said Tom Keel.');
  assert.deepEqual(seen.map((s) => [s.source, s.cue, s.content[0]]), [
    ['Ada Marlow', 'said', 'The ferry will run again next week'],
    ['Tom Keel', 'said', 'The repairs were cheap'],
  ]);
});

test('a participle cue whose subject opens the sentence ends the reported content before it', () => {
  const text = 'Keel defended not paying an architect who said he was stiffed, saying, “Maybe he did not do a good job.”';
  const seen = run(text);
  const saying = find(seen, 'saying');
  assert.equal(saying.source, 'Keel');
  assert.deepEqual(saying.content, ['“Maybe he did not do a good job.”']);
  assert.ok(!seen.some((s) => s !== saying && s.content.some((c) => c.includes('saying'))), JSON.stringify(seen));
});

test('a passive cue with its agent: the agent is the source, the subject the content', () => {
  const seen = run('The closure of the pier was first reported by the Vell Courier in an interview with Keel. The pier was built by the Romans.');
  assert.deepEqual(seen.map((s) => [s.source, s.cue, s.content, s.rule]), [
    ['the Vell Courier', 'was first reported by', ['The closure of the pier'], 'passive-by'],
  ]);
});

test('the horizontal bar is a dash like the em dash: a speaker after it starts an attribution of its own', () => {
  const text = 'When Marlow noted that the pier had been closed ― as was true for the last two winters ― Keel boasted, “That makes me smart.”';
  const seen = run(text);
  assert.deepEqual(find(seen, 'noted').content, ['that the pier had been closed ― as was true for the last two winters']);
  const boasted = find(seen, 'boasted');
  assert.equal(boasted.source, 'Keel');
  assert.deepEqual(boasted.content, ['“That makes me smart.”']);
});

test('a clause set off after the cue and a time adjunct is no content: the words before the source are', () => {
  const seen = run('The closure of the pier is an insult to the fishermen, harbour officials said Friday afternoon, as they met the union.');
  assert.deepEqual(seen.map((s) => [s.source, s.cue, s.content[0]]), [
    ['harbour officials', 'said', 'The closure of the pier is an insult to the fishermen'],
  ]);
});

test('beliefs and claims: argued, denied, believes', () => {
  const seen = run('Tom Keel argued the plan was too costly. Ada Marlow denied that the money was lost.');
  assert.equal(find(seen, 'argued').content[0], 'the plan was too costly');
  assert.equal(find(seen, 'denied').content[0], 'that the money was lost');
});

test('channel: statement, news conference, social media, outlet', () => {
  const seen = run(
    'Ada Marlow said in a statement that the port was safe. Tom Keel said at a news conference that the fleet was ready. ' +
      'Nora Vell wrote on Twitter that the vote was rigged. The state news agency reported that the border was closed.',
  );
  assert.equal(find(seen, 'said').channel, 'statement');
  assert.equal(seen.find((s) => s.source === 'Tom Keel')?.channel, 'news-conference');
  assert.equal(find(seen, 'wrote').channel, 'social-media');
  assert.equal(find(seen, 'reported').channel, 'outlet');
  assert.equal(find(seen, 'said').content[0], 'that the port was safe');
  const relayed = find(run('The state news agency Velpress reported, as cited by Globe Wire, that troops had moved to the border.'), 'reported');
  assert.deepEqual(relayed.content, ['that troops had moved to the border'], 'the relay is no content');
  assert.equal(relayed.channel, 'outlet');
  assert.equal(relayed.channelText, 'as cited by Globe Wire');
  const according = find(run('According to the state news agency Velpress, as cited by Globe Wire, the president will address parliament.'), 'According to');
  assert.deepEqual(according.content, ['the president will address parliament'], 'the relay after "according to" is no content either');
  assert.equal(according.channelText, 'as cited by Globe Wire');
});

test('text quoted from a document is attributed to the document', () => {
  const seen = run('Article 5 states that an attack on one member is an attack on all.');
  const a = find(seen, 'states');
  assert.equal(a.source, 'Article 5');
  assert.equal(a.via, 'document');
  assert.equal(a.channel, 'document');
});

test('pronoun, role noun and organisation sources are resolved to an earlier mention', () => {
  const text = 'Mrs. Ada Marlow met Tom Keel in Vell. He said the talks went well. She added that a deal was near.\n\n' +
    'The Port Authority of Vell met on Friday. The authority said the harbour was safe.\n\n' +
    'Nora Vell spoke next. “We will rebuild,” the spokeswoman said.';
  const seen = run(text);
  const he = seen.find((s) => s.source === 'He');
  assert.equal(he?.via, 'pronoun');
  assert.equal(he?.resolvedTo, 'Tom Keel');
  const she = find(seen, 'added');
  assert.equal(she.resolvedTo, 'Mrs. Ada Marlow', 'she skips the male name before');
  const org = seen.find((s) => s.source === 'The authority');
  assert.equal(org?.via, 'organisation');
  assert.equal(org?.resolvedTo, 'Port Authority');
  const role = seen.find((s) => s.source === 'the spokeswoman');
  assert.equal(role?.via, 'role-noun');
  assert.equal(role?.resolvedTo, 'Nora Vell');
});

test('names inside quotation marks are not antecedents', () => {
  const text = 'Ada Marlow spoke at the port. “Tom Keel will not decide this,” she said.';
  const a = find(run(text), 'said');
  assert.equal(a.resolvedTo, 'Ada Marlow');
});

test('scare quotes, titles of works and nicknames are not speech', () => {
  const seen = run(
    'The so-called “peace plan” was shelved. She read “The Silent Harbour” twice. Tom “The Hammer” Keel arrived late. ' +
      'The “reforms” never came.',
  );
  assert.deepEqual(seen, []);
});

test('talks someone holds are a meeting, not speech', () => {
  const seen = run('She held talks by phone with President Oren Dal last Friday. The two sides resumed talks in Velgrad. Roth hosts talks on Monday.');
  assert.deepEqual(seen, []);
  assert.equal(find(run('Roth talks about the border every week.'), 'talks').source, 'Roth');
  assert.ok(!run('Raisi backed nuclear talks between Iran and six world powers.').some((s) => s.cue === 'talks'));
});

test('a work introduced by its quoted title is the source of what it argues', () => {
  const a = find(run('A think-tank paper, "The Long Ceasefire", argued that any guarantee without air defence would fail.'), 'argued');
  assert.equal(a.source, 'A think-tank paper, "The Long Ceasefire"');
  assert.deepEqual(a.content, ['that any guarantee without air defence would fail']);
});

test('fixed phrases with a speech verb are not speech', () => {
  assert.deepEqual(run('Needless to say, nobody came. Suffice it to say, it failed. He was, so to speak, finished. That is to say, it is over.'), []);
  assert.equal(find(run('She wants to say that it failed.'), 'say').source, 'She');
});

test('a clause describing the speaker inside a source: its content ends at the outer cue; "on condition of anonymity" is no content', () => {
  const seen = run('"We have no choice," the official, who spoke on condition of anonymity, said. Barkley, who said he votes Democratic, said he likes Kasich.');
  assert.ok(!seen.some((s) => s.cue === 'spoke'), JSON.stringify(seen));
  assert.deepEqual(seen.filter((s) => s.cue === 'said').map((s) => s.content[0]), ['"We have no choice,"', 'he votes Democratic', 'he likes Kasich']);
});

test('a title in quotation marks before a cue is not the content', () => {
  const text = 'On the show “Harbour Nights,” Ada Marlow said the port would reopen.';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Ada Marlow');
  assert.equal(a.content[0], 'the port would reopen');
});

test('span invariant: every span lies inside the text and is non-empty', () => {
  const texts = [
    '“Yes,” he said. "No," she said, "never."\n\n“Open quote without end\n\nplain text',
    'According to , the. said said “ ” " \' ‘ ’ « » ,',
    'Tom Keel (D-Vell) said: "It is done." The talks, according to Ada Marlow, failed.',
    '',
  ];
  for (const text of texts) {
    for (const a of extractQuotes(text)) {
      const spans = [...a.content, ...(a.cue ? [a.cue] : []), ...(a.source ? [a.source] : [])];
      if (a.speaker?.resolvedTo) spans.push(a.speaker.resolvedTo);
      if (a.channel) spans.push(a.channel.span);
      for (const s of spans) {
        assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start < s.end && s.end <= text.length,
          `bad span ${JSON.stringify(s)} in ${JSON.stringify(text)}`);
      }
    }
  }
});

test('predictQuotesFile keeps the scorer format', () => {
  const out = predictQuotesFile({ a: { text: '“We won,” Ada Marlow said.' }, b: { text: 'Nothing here.' } });
  assert.deepEqual(Object.keys(out), ['a', 'b']);
  assert.deepEqual(out.a?.attributions, [{ cue: { start: 21, end: 25 }, source: { start: 10, end: 20 }, content: [{ start: 0, end: 9 }], kind: 'direct', rule: 'quote-then-cue' }]);
  assert.deepEqual(out.b?.attributions, []);
  assert.throws(() => predictQuotesFile({ c: {} as { text: string } }), /input "c" has no "text" string/);
});

test('a partial quote closing a clause that began before it: the whole clause is the content', () => {
  const text = 'Teachers are “tired of waiting for the new school,” Ada Marlow said.';
  const a = find(run(text), 'said');
  assert.equal(a.kind, 'mixed');
  assert.equal(a.source, 'Ada Marlow');
  assert.deepEqual(a.content, ['Teachers are “tired of waiting for the new school,”']);
});

test('a partial quote before a cue with content of its own is not taken as the content', () => {
  const text = 'On the show “Harbour Nights,” Ada Marlow said the port would reopen.';
  const a = find(run(text), 'said');
  assert.deepEqual(a.content, ['the port would reopen']);
});

test('a subject with a relative clause before the cue is the source, not inverted content', () => {
  const text = 'Tom Keel, who runs the ferry company in Vell, said the repairs were cheap.';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Tom Keel, who runs the ferry company in Vell');
  assert.deepEqual(a.content, ['the repairs were cheap']);
});

test('the learned source choice leaves a sentence adverb and an interrupting participle out of the source', () => {
  assert.equal(find(run('Meanwhile Keel said the ferry would run again.'), 'said').source, 'Keel');
  assert.equal(find(run('Marlow, speaking to a veterans group in Vell, said the pier was safe.'), 'said').source, 'Marlow');
});

test('the learned source choice keeps a channel phrase out of the source', () => {
  const text = 'In a statement on Tuesday, the port authority said the ferry would return.';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'the port authority');
});

test('a verb of belief is a weak cue, kept with its "that" clause', () => {
  const text = 'The mayor believes that the new bridge will cut commuting times in half.';
  const a = find(run(text), 'believes');
  assert.equal(a.source, 'The mayor');
  assert.deepEqual(a.content, ['that the new bridge will cut commuting times in half']);
});

test('a quote ending in a period, then its cue as a sentence of its own', () => {
  const text = 'The storm closed the bridge.\n\n“We will reopen it by Friday.” Marlow said.\n\nTraffic was diverted.';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Marlow');
  assert.deepEqual(a.content, ['“We will reopen it by Friday.”']);
});

test('a verb outside the lexicon framing a split quote, with a lower-case subject', () => {
  const text = '“We have done nothing wrong,” the ferry operator insisted, “and we will prove it.”';
  const a = find(run(text), 'insisted');
  assert.equal(a.source, 'the ferry operator');
  assert.deepEqual(a.content, ['“We have done nothing wrong,”', '“and we will prove it.”']);
});

test('a quote-framing verb with a particle, and one before a colon', () => {
  const one = '“Voters want change,” he points out.';
  assert.deepEqual(find(run(one), 'points out').content, ['“Voters want change,”']);
  const two = 'At the meeting, the farmer retorted: “There is no water left in the valley.”';
  const a = find(run(two), 'retorted:');
  assert.equal(a.source, 'the farmer');
});

test('quote closings with a single quote inside, a space or an ellipsis still end the quote’s clause', () => {
  const text = '“He told us, ‘We will reopen the pier,’” Ada Marlow said.\n\n"They wrote, \'the dock is safe,\' " said Tom Keel.\n\n“And the river kept rising…” she said.';
  const seen = run(text);
  assert.deepEqual(seen.filter((s) => s.cue === 'said').map((s) => [s.source, s.kind]), [['Ada Marlow', 'direct'], ['Tom Keel', 'direct'], ['she', 'direct']]);
});

test('a long inverted source with its appositive, and the quote after it', () => {
  const text = '“The river used to be the town’s back yard,” said Ada Marlow, director of harbour studies at the Vell Institute of Coastal Affairs in Norwich, “but it is becoming its front door.”';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Ada Marlow, director of harbour studies at the Vell Institute of Coastal Affairs in Norwich');
  assert.equal(a.content.length, 2);
});

test('a short parenthetical inside the speaker’s name stays in the source', () => {
  const a = find(run('“The levee will hold through the spring,” Rep. Ada Marlow (D-Vell) said Saturday night.'), 'said');
  assert.equal(a.source, 'Rep. Ada Marlow (D-Vell)');
  assert.equal(a.kind, 'direct');
});

test('a quote closed without a comma before a name and cue, and a one-word quote closed by its comma', () => {
  const seen = run('“The county fair is a contest of small loyalties” Tom Keel said.\n\n"Patience," said Ada Marlow, the ferry captain.');
  assert.deepEqual(seen.map((s) => [s.source, s.content[0]]), [
    ['Tom Keel', '“The county fair is a contest of small loyalties”'],
    ['Ada Marlow, the ferry captain', '"Patience,"'],
  ]);
  // A quoted title inside a sentence is not speech, with or without a comma, nor a show a cue happened on.
  assert.equal(run('She read “Harbour Nights” again last week.').length, 0);
  assert.equal(run('He said on Vell Radio’s “Morning Tide.”').length, 0);
});

test('a quote-only sentence continues the quotation frame of the sentence before, not a clause about something else', () => {
  const text = '“The pier is safe,” Ada Marlow said, referring to the inspection report. “We will open it on Friday.”';
  const a = find(run(text), 'said');
  assert.deepEqual(a.content, ['“The pier is safe,”', '“We will open it on Friday.”']);
});

test('a participle after a quote does not take the quote as its own content', () => {
  const seen = run('“This is not a hard race,” he said, citing the county results.');
  assert.deepEqual(find(seen, 'said').content, ['“This is not a hard race,”']);
  assert.ok(!seen.some((s) => s.cue === 'citing' && s.content.some((c) => c.includes('hard race'))));
});

test('source and cue set off by commas inside the content: both parts are the content', () => {
  const a = find(run('The question of whether to close the pier, she said, is not so simple.'), 'said');
  assert.equal(a.rule, 'parenthetical-cue');
  assert.equal(a.source, 'she');
  assert.deepEqual(a.content, ['The question of whether to close the pier', 'is not so simple']);
  // Without the second comma the cue simply opens its content.
  const b = find(run('On Monday, she said the pier is safe.'), 'said');
  assert.deepEqual(b.content, ['the pier is safe']);
});

test('reported content before a final cue followed by an adjunct of time', () => {
  const a = find(run('"Patrol boats" would be enough for the harbour, Tom Keel said after the storm.'), 'said');
  assert.equal(a.source, 'Tom Keel');
  assert.deepEqual(a.content, ['"Patrol boats" would be enough for the harbour']);
});

test('a transcript speaker speaks to the end of the paragraph', () => {
  const text = 'HOST: Will the pier reopen?\n\nMARLOW: I believe it will. The engineers are nearly done. We expect a date soon.\n\nHOST: Thank you.';
  const a = run(text).find((s) => s.source === 'MARLOW');
  assert.ok(a);
  assert.deepEqual(a.content, ['I believe it will. The engineers are nearly done. We expect a date soon']);
});

test('a present-tense weak cue between a name and "that" is a verb; after a determiner it is a noun', () => {
  const seen = run('The Vell Courier reports that the pier will close. The reports that surfaced on Monday were wrong.');
  assert.deepEqual(seen.map((s) => [s.source, s.cue, s.content[0]]), [['The Vell Courier', 'reports', 'that the pier will close']]);
});

test('an editorial label before a colon is no speaker', () => {
  for (const text of ['Correction: An earlier version of this article gave the wrong date for the closure.', 'The Latest: Ferry service to Vell resumes on Monday.', 'Video: The pier reopens after two years.']) {
    assert.deepEqual(run(text).filter((s) => s.cue === ':'), [], text);
  }
});

test('a quote after a colon that closes a clause without a cue word belongs to the clause’s subject', () => {
  const seen = run('At the pier later that day, Ada Marlow went further: “If the levee fails, the town floods.”');
  const a = seen.find((s) => s.rule === 'colon-quote');
  assert.ok(a, JSON.stringify(seen));
  assert.deepEqual([a.source, a.cue, a.content[0]], ['Ada Marlow', ':', '“If the levee fails, the town floods.”']);
  // A quote that does not run to the end of its sentence, or a list after a colon, is left alone.
  assert.ok(!run('Ada Marlow had one word for it: “scandalous” and little else to add.').some((s) => s.rule === 'colon-quote'));
  assert.ok(!run('The ferry carries three things: cars, bikes and people.').some((s) => s.rule === 'colon-quote'));
});

test('verbs outside the lexicon frame a quote when they follow it directly', () => {
  const seen = run('“This is a fine harbour!” beamed Tom Keel of Vell.\n\n“Go back to your boats,” Ada Marlow barked and walked away.');
  assert.deepEqual(seen.map((s) => [s.cue, s.source]), [['beamed', 'Tom Keel of Vell'], ['barked', 'Ada Marlow']]);
  // A verb after a quoted title is not a speech verb.
  assert.equal(run('She watched “Harbour Nights” and laughed.').length, 0);
});

test('the subject of a colon clause: a name with its title, a common noun phrase; not a capitalised quantifier', () => {
  const colonSource = (text: string): string | null | undefined => run(text).find((s) => s.rule === 'colon-quote')?.source;
  assert.equal(colonSource('Later, Vell harbour engineer Ada Marlow put it plainly: “Storms always slow the work down.”'), 'Vell harbour engineer Ada Marlow');
  assert.equal(colonSource('The notice used one of her lines as its title: “We build for the next flood.”'), 'The notice');
  assert.equal(colonSource('More from Tom Keel and Ada Marlow: “The ferry schedule will change in the spring.”'), 'Tom Keel and Ada Marlow');
  // After an inverted cue, a relative clause is no speaker of its own: it stays with the name (PolNeAR's source spans).
  assert.equal(find(run('“The tide is late again,” said Tom Keel, who has run the ferry for years.'), 'said').source, 'Tom Keel, who has run the ferry for years');
});

test('two cues sharing a subject: the first one’s content stops before "and" and the second cue', () => {
  const seen = run('Ada Marlow said the closure was ordered by the harbour board and said, “Who else would you trust on safety?”');
  const [first, second] = seen.filter((s) => s.cue === 'said');
  assert.ok(first && second, JSON.stringify(seen));
  assert.deepEqual([first.content, first.kind], [['the closure was ordered by the harbour board'], 'reported']);
  assert.deepEqual([second.source, second.content], ['Ada Marlow', ['“Who else would you trust on safety?”']]);
  // "and" inside the content, before another speaker's own cue, is not a cut point.
  const other = find(run('Ada Marlow said the board met on Monday and the ferry stayed in port.'), 'said');
  assert.deepEqual(other.content, ['the board met on Monday and the ferry stayed in port']);
});

test('an irregular framing verb with its particle: "shot back", "went on"', () => {
  const seen = run('“The tide will not wait for the council,” Tom Keel shot back. “Let me finish.”\n\n“We have waited long enough,” Ada Marlow went on.');
  assert.deepEqual(seen.map((s) => [s.cue, s.source, s.content.length]), [['shot back', 'Tom Keel', 2], ['went on', 'Ada Marlow', 1]]);
  // Without a particle the verb is no cue ("“…” banners went up" has one; "she went home" frames nothing).
  assert.equal(run('After the “Harbour Days” fair she went home.').length, 0);
});

test('an adverb never heads a cue on its own', () => {
  const seen = run('The two mayors implicitly agreed the harbour tax can be resolved by a “provisional” levy.');
  assert.ok(!seen.some((s) => s.cue === 'implicitly'), JSON.stringify(seen));
});

test('adverbs at the edges of a source are trimmed off', () => {
  const a = find(run('Even the harbour engineers now say the levee will hold.'), 'say');
  assert.equal(a.source, 'the harbour engineers');
});

test('the source of "according to" runs to its comma, or to the end of the sentence', () => {
  const a = find(run('According to a person close to the harbour board, the pier will reopen in May.'), 'According to');
  assert.deepEqual([a.source, a.content], ['a person close to the harbour board', ['the pier will reopen in May']]);
  const b = find(run('The pier will reopen in May, according to an official who was not authorized to speak publicly.'), 'according to');
  assert.equal(b.source, 'an official who was not authorized to speak publicly');
});

test('a relative pronoun before the cue stands for the name before it', () => {
  const text = 'French Foreign Minister Jean Arnaud, who joined the call briefly, called the talks a "frank and useful exchange".\n\n' +
    'Okafor, who spoke after the call, said the guarantees were welcome.';
  const seen = run(text);
  assert.equal(find(seen, 'called').source, 'French Foreign Minister Jean Arnaud, who joined the call briefly');
  assert.deepEqual(find(seen, 'called').content, ['the talks a "frank and useful exchange"']);
  assert.equal(find(seen, 'said').source, 'Okafor, who spoke after the call');
});

test('reported content stops at a comma where a second speaker and a quotation begin', () => {
  const text = 'The mayor promised the bridge would reopen soon, the harbour master said, “Not this year, and not next year either.”';
  const seen = run(text);
  const a = find(seen, 'promised');
  assert.deepEqual(a.content, ['the bridge would reopen soon']);
  assert.equal(a.kind, 'reported');
  const b = find(seen, 'said');
  assert.equal(b.source, 'the harbour master');
  assert.deepEqual(b.content, ['“Not this year, and not next year either.”']);
});

test('reported content running past a comma is not cut when the second attribution is reported too', () => {
  const text = 'Officials said that when the storm passed, residents said they felt safe again.';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Officials');
  assert.ok(a.content.join(' ').includes('felt safe again'), JSON.stringify(a.content));
});

test('a quote with its speaker inside an "according to" account is attributed to the account', () => {
  const text = 'The port is busy. “We will reopen the harbour in spring,” Marlow said, according to the Harbour Gazette. “Nobody should worry.”';
  const seen = run(text);
  assert.equal(seen.length, 2, JSON.stringify(seen));
  // PolNeAR's view (predict quotes): the account alone.
  assert.deepEqual(predictQuotesFile({ d: { text } })['d']?.attributions.map((x) => slice(text, x.source)), ['the Harbour Gazette']);
  // The speaker's own quote is kept for readers, marked as known through the account.
  const own = extractQuotes(text).find((x) => slice(text, x.source) === 'Marlow');
  assert.equal(slice(text, own?.reportedBy?.source), 'the Harbour Gazette');
  assert.equal(slice(text, own?.reportedBy?.cue), 'according to');
  const a = find(seen, 'according to');
  assert.equal(a.source, 'the Harbour Gazette');
  assert.deepEqual(a.content, ['“We will reopen the harbour in spring,” Marlow said', '“Nobody should worry.”']);
  // Without the account the speaker keeps the quote.
  const b = find(run('The port is busy. “We will reopen the harbour in spring,” Marlow said.'), 'said');
  assert.equal(b.source, 'Marlow');
  // An account in a sentence of its own does not take the quote of another sentence.
  const c = run('“We will reopen the harbour in spring,” Marlow said. The ferry runs daily, according to the timetable.');
  assert.equal(find(c, 'said').source, 'Marlow');
});

test('reported speech inside the content of a final cue is attributed to that account', () => {
  const text = 'The port is busy. Officials said the ferry would run again on Sunday, the Harbour Gazette reported.';
  const seen = run(text);
  assert.equal(seen.length, 2, JSON.stringify(seen));
  assert.deepEqual(predictQuotesFile({ d: { text } })['d']?.attributions.map((x) => slice(text, x.source)), ['the Harbour Gazette']);
  const own = extractQuotes(text).find((x) => slice(text, x.source) === 'Officials');
  assert.equal(slice(text, own?.reportedBy?.source), 'the Harbour Gazette');
  const a = find(seen, 'reported');
  assert.equal(a.source, 'the Harbour Gazette');
  assert.deepEqual(a.content, ['Officials said the ferry would run again on Sunday']);
  // The officials' own words end where the account begins.
  assert.deepEqual(own?.content.map((c) => text.slice(c.start, c.end)), ['the ferry would run again on Sunday']);
  const summary = 'Rosa Ferri told the meeting that escorts would begin on Monday, according to a summary of the call.';
  const ferri = extractQuotes(summary).find((x) => slice(summary, x.source) === 'Rosa Ferri');
  assert.deepEqual(ferri?.content.map((c) => summary.slice(c.start, c.end)), ['that escorts would begin on Monday']);
  assert.equal(slice(summary, ferri?.reportedBy?.source), 'a summary of the call');
  const b = find(run('The port is busy. Officials said the ferry would run again on Sunday.'), 'said');
  assert.deepEqual([b.source, b.content], ['Officials', ['the ferry would run again on Sunday']]);
});

test('a period left alone after an abbreviation in parentheses does not cut a continuing quote off', () => {
  const text = '“The levee will hold,” Ada Marlow told reporters beside Sen. Tom Keel (D-Ore.). “We rebuilt it last spring.”';
  const a = find(run(text), 'told');
  assert.equal(a.source, 'Ada Marlow');
  assert.deepEqual(a.content, ['“The levee will hold,”', '“We rebuilt it last spring.”']);
});

test('a cue sentence with an object of its own does not take the quote before it', () => {
  const text = '“We never doubted the plan,” Marlow said. “The harbour will reopen in May.” She noted the council vote set for Friday in the town hall.';
  const seen = run(text);
  const a = find(seen, 'said');
  assert.deepEqual(a.content, ['“We never doubted the plan,”', '“The harbour will reopen in May.”']);
  assert.ok(!seen.some((s) => s.cue === 'noted' && s.content.some((c) => c.includes('harbour'))));
  // A hearer after the cue is no object of that kind: the quote is still the cue's.
  const b = find(run('The council met. “Why would anyone vote for that?” Marlow told the Gazette after the meeting on Friday.'), 'told');
  assert.deepEqual(b.content, ['“Why would anyone vote for that?”']);
  assert.equal(b.source, 'Marlow');
});

test('"the" and nouns right before the cue are the source, not a speaker farther left', () => {
  const text = 'The council voted to close the pier, the port authority said, “and we will appeal.”';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'the port authority');
  // The same after a quote, with an adjunct after the cue.
  const b = find(run('“We will appeal,” the port authority said on Monday.'), 'said');
  assert.equal(b.source, 'the port authority');
});

test('reported content stops before a quotation with its own cue after a colon', () => {
  const text = 'Marlow insisted that the ferry had changed course: “The ferry is not what it was,” she claimed.';
  const seen = run(text);
  assert.deepEqual(find(seen, 'insisted').content, ['that the ferry had changed course']);
  assert.deepEqual(find(seen, 'claimed').content, ['“The ferry is not what it was,”']);
  // Without a cue after it the quotation stays in the reported content.
  const b = find(run('Marlow insisted that the ferry had changed course: “not what it was.”'), 'insisted');
  assert.ok(b.content.some((c) => c.includes('not what it was')));
});

test('a final report cue takes a clause with a cue and a quotation of its own', () => {
  const text = 'In one memo, Marlow explained how she had filed the permits in a “sealed box,” the Gazette reported. The box is missing.';
  const seen = run(text);
  const a = find(seen, 'reported');
  assert.equal(a.source, 'the Gazette');
  assert.deepEqual(a.content, ['In one memo, Marlow explained how she had filed the permits in a “sealed box,”']);
  // Not after other verbs: "Teachers described how they had been “tired,” Marlow noted" keeps the inner cue's frame.
  const b = run('Teachers described how they had felt “tired all year,” Marlow recalled.');
  assert.ok(!b.some((s) => s.cue === 'recalled' && s.content.some((c) => c.startsWith('Teachers'))));
});

test('a source may hold a relative clause after its appositions', () => {
  const text = '"The tides worry me," Ada Marlow, 41, of Dunmore, who fishes off the north pier, said in an interview.';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Ada Marlow, 41, of Dunmore, who fishes off the north pier');
  assert.deepEqual(a.content, ['"The tides worry me,"']);
});

test('a sentence the tokenizer ends at an abbreviation before a comma goes on to its cue', () => {
  const text = '"We will keep the pier open all winter," Harbour Board Chair Ada Marlow, R-Ore., said. "The ferry stays."';
  const a = find(run(text), 'said');
  assert.ok(a.source?.startsWith('Harbour Board Chair Ada Marlow'));
  assert.deepEqual(a.content, ['"We will keep the pier open all winter,"', '"The ferry stays."']);
});

test('a quote opening a sentence mid-paragraph runs to the paragraph end when it is not closed', () => {
  const text = '“The tide was early,” Marlow said. “But the boats were ready. Nobody was hurt.\n\n“We will be ready again.”\n\nThe storm passed.';
  const a = find(run(text), 'said');
  assert.deepEqual(a.content, ['“The tide was early,”', '“But the boats were ready. Nobody was hurt.', '“We will be ready again.”']);
  // The next paragraph's quotation with a cue of its own is its own attribution.
  const seen = run('"The fog is thick here," he said. "The boats stay in.\n\n"And the ferry waits," he added.');
  assert.deepEqual(seen.map((s) => s.content), [['"The fog is thick here,"', '"The boats stay in.'], ['"And the ferry waits,"']]);
  // An unmatched mark after a comma inside a sentence is still no quote.
  assert.deepEqual(findQuotedSegments('The wall was 6" thick, and the gate held.\n\n“Fine.”').map((s) => s.start), [43]);
});

test('a quotation signed by a dash and a name at the end of its line, or on the next line', () => {
  const text = 'Readers wrote in.\n\n“The tide came in early.”― Ada Marlow\n“We lost two boats.” ― Tom G. Keel\n\n"The harbour must reopen."\n\n- Ada Marlow.\n\nThe council met.';
  const seen = run(text);
  const dashed = seen.filter((s) => s.rule === 'quote-then-dash').map((s) => [s.cue, s.source, s.content.join(' | ')]);
  assert.deepEqual(dashed, [
    ['―', 'Ada Marlow', '“The tide came in early.”'],
    ['―', 'Tom G. Keel', '“We lost two boats.”'],
    ['-', 'Ada Marlow', '"The harbour must reopen."'],
  ]);
  // A dash after a quote that goes on with the sentence is no signature.
  const other = run('“Fine,” - Marlow said with a shrug, and left.');
  assert.ok(!other.some((s) => s.rule === 'quote-then-dash'));
});

test('reported content stops at a dash before a clause with its own speaker', () => {
  const text = 'Marlow said the harbour would reopen in May — while her critics have accused the council of “wasting” the summer.';
  const seen = run(text);
  assert.deepEqual(find(seen, 'said').content, ['the harbour would reopen in May']);
  const b = find(seen, 'have accused');
  assert.equal(b.source, 'her critics');
});

test('a participle cue after a comma starts an attribution of its own, with the same speaker', () => {
  const text = 'Marlow told reporters that the council “had a reckless plan,” adding, “It lost every vote in the harbour.”';
  const seen = run(text);
  assert.deepEqual(find(seen, 'told').content, ['that the council “had a reckless plan,”']);
  const b = find(seen, 'adding');
  assert.equal(b.source, 'Marlow');
  assert.deepEqual(b.content, ['“It lost every vote in the harbour.”']);
  // A participle without the comma is part of the content ("said it kept adding costs").
  const c = find(run('Marlow said the plan kept adding costs to the “harbour fund.”'), 'said');
  assert.deepEqual(c.content, ['the plan kept adding costs to the “harbour fund.”']);
});

test('an opening adjunct is not the subject a participle cue takes', () => {
  const text = 'Here in Dunmore, Marlow visited the crews on the north pier, saying, "The pier must reopen by spring."';
  const a = find(run(text), 'saying');
  assert.equal(a.source, 'Marlow');
  assert.deepEqual(a.content, ['"The pier must reopen by spring."']);
});

test('a curly quotation mark the wrong way round closes or opens by where it stands', () => {
  const text = '“The harbour could reopen by May,“ said Tom Keel, the port director. “We are ready.”';
  const a = find(run(text), 'said');
  assert.equal(a.source, 'Tom Keel, the port director');
  assert.deepEqual(a.content, ['“The harbour could reopen by May,“', '“We are ready.”']);
  assert.deepEqual(findQuotedSegments('He said ”we will see” and left.').map((s) => [s.start, s.end]), [[8, 21]]);
});

test('a sentence opening with a quotation and going on without a cue continues the quote before it', () => {
  const text = '"Nobody here worries about the pier," Marlow told reporters. "They worry about the ferry fares" and the winter timetable.';
  const a = find(run(text), 'told');
  assert.deepEqual(a.content, ['"Nobody here worries about the pier,"', '"They worry about the ferry fares" and the winter timetable']);
  // With a cue of its own it is another attribution.
  const seen = run('"We lost," Marlow said. "They won the harbour" and Keel said the rest.');
  assert.deepEqual(find(seen, 'said').content, ['"We lost,"']);
});

test('a "that" clause after the cue and a comma goes on with the quotation before it', () => {
  const a = find(run('"It was simply poor timing," he said, that both boats were at the old harbour.'), 'said');
  assert.deepEqual(a.content, ['"It was simply poor timing,"', 'that both boats were at the old harbour']);
  // A participle cue before the "that" has the clause to itself.
  const seen = run('"We won," Marlow said, adding that it was close.');
  assert.deepEqual(find(seen, 'said').content, ['"We won,"']);
});

test('a question word right after the cue opens the content; a later "that" is its own', () => {
  const seen = run('The ministers have not said what that promise means in practice.');
  assert.deepEqual(seen.map((s) => s.content), [['what that promise means in practice']]);
  // A "that" after an adjunct still starts the content.
  assert.deepEqual(run('Ada Marlow said on Tuesday that the quay would reopen.').map((s) => s.content), [['that the quay would reopen']]);
});

test('a title-case headline line "X Says Y" is an attribution; title case elsewhere is not', () => {
  const text = 'Marlow Says Alliance Will Not Abandon Veloria\n\nThe general spoke after the call on Wednesday.';
  assert.deepEqual(run(text).map((s) => [s.source, s.cue, s.content]), [['Marlow', 'Says', ['Alliance Will Not Abandon Veloria']]]);
  // A headline without a cue, and a capitalised cue word inside ordinary prose, yield nothing.
  assert.deepEqual(run('Alliance Chiefs Meet By Video Link\n\nThe call lasted three hours.'), []);
  assert.deepEqual(run('The children played Simon Says in the harbour square until dusk.'), []);
});

test('an inverted speaker may be followed by an adjunct or a relative clause before the sentence ends', () => {
  const at = (text: string) => run(text).map((s) => [s.source, s.cue, s.content]);
  assert.deepEqual(at('The ferry talks had failed and the pier deal was over, said one harbour official in the room.'),
    [['one harbour official in the room', 'said', ['The ferry talks had failed and the pier deal was over']]]);
  assert.deepEqual(at('The quay would reopen in May, said Tom Keel, a senior official with the board that runs it.'),
    [['Tom Keel, a senior official with the board that runs it', 'said', ['The quay would reopen in May']]]);
  // A comma closing an appositive subject is no end of content: what follows the cue is its object.
  const seen = run('With ten days to go, Ada Marlow, an adviser to the harbour board, called the vote on Monday "a wake-up call" for the port.');
  assert.deepEqual(seen.map((s) => [s.source, s.cue]), [['Ada Marlow, an adviser to the harbour board', 'called']]);
  // Nor is a long clause after the cue a speaker ("…, said Keel reached out to …").
  const clause = run('Tom Keel, who ran the ferry until last year, said Marlow reached out to the harbour board during her first week in office.');
  assert.deepEqual(clause.map((s) => [s.source, s.cue]), [['Tom Keel, who ran the ferry until last year', 'said']]);
});

test('talking with someone, somewhere or for a while, and what a gathering is to discuss, are no attributions', () => {
  for (const text of [
    'Earlier this month, Lena Brandt spoke by phone with Karl Odin for more than an hour.',
    'Odin talked with reporters at the harbour before leaving.',
    'Defence chiefs met by video link on Wednesday to discuss security guarantees for Norland.',
    'The council called an emergency meeting to consider the new port fees.',
  ]) assert.deepEqual(run(text), [], text);
  // Saying so still is.
  assert.deepEqual(run('Karl Odin said he had spoken by phone with Lena Brandt.').map((s) => s.cue), ['said']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../tokens/index.js';
import { resolveEntities, resolveMention, type Entity } from './index.js';
import { assertSpans, tagInline } from './fixtures.js';

function run(annotated: string): { text: string; entities: Entity[]; find: (name: string) => Entity; at: (surface: string, nth?: number) => Entity | undefined } {
  const { text, mentions } = tagInline(annotated);
  const entities = resolveEntities(text, { tokenized: tokenize(text), mentions });
  assertSpans(text, entities);
  const find = (name: string): Entity => {
    const e = entities.find((x) => x.name === name);
    assert.ok(e, `no entity named ${JSON.stringify(name)}; have ${entities.map((x) => x.name).join(', ')}`);
    return e;
  };
  const at = (surface: string, nth = 0): Entity | undefined => {
    const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))];
    const start = found[nth]?.index ?? -1;
    assert.ok(start >= 0, `fixture has no occurrence ${nth} of ${JSON.stringify(surface)}`);
    return resolveMention(entities, { start, end: start + surface.length });
  };
  return { text, entities, find, at };
}

const PEOPLE = `Gen. [[Ada Marlow|PER]], the chief of the defence staff, arrived in [[Brussels|LOC]] on Monday. "We will not wait," [[Marlow|PER]] said. The general added that [[Marlow|PER]]'s staff had drawn up three plans.

Government spokeswoman [[Lena Okafor|PER]] said the talks had been useful. "We are ready," she said. The spokesperson declined to give details.

Col. [[Piet van Dijk|PER]], a spokesman for the allied command, said planners were busy. [[Van Dijk|PER]] did not say when.

French Foreign Minister [[Jean Arnaud|PER]] joined by video. Adm. [[Rosa Ferri|PER]], the newly appointed commander of the alliance's naval forces, who also leads the maritime centre, said escorts could begin soon. [[Solberg|PER]], who chairs the alliance's military committee, opened the meeting.`;

test('full name, surname, title+name, possessive and "the general" form one person with title and roles', () => {
  const { find, at } = run(PEOPLE);
  const marlow = find('Ada Marlow');
  assert.equal(marlow.type, 'person');
  assert.equal(marlow.nerType, 'PER');
  assert.deepEqual(marlow.mentions.map((m) => [m.text, m.kind]), [
    ['Gen. Ada Marlow', 'title-name'], ['Marlow', 'surname'], ['The general', 'nominal'], ['Marlow', 'surname'],
  ]);
  assert.equal(marlow.mentions[3]?.possessive, true);
  assert.equal(marlow.mentions[1]?.inQuote, false);
  assert.ok(marlow.aliases.includes('Gen. Ada Marlow') && marlow.aliases.includes('Marlow'));
  assert.deepEqual(marlow.roles.map((r) => [r.role, r.title, r.text]), [
    ['general', 'Gen.', 'Gen.'],
    ['chief of the defence staff', 'Gen.', 'the chief of the defence staff'],
  ]);
  assert.equal(at('The general'), marlow);
});

test('role pre-modifiers: "Government spokeswoman", "French Foreign Minister" (with nationality)', () => {
  const { find, at } = run(PEOPLE);
  const okafor = find('Lena Okafor');
  assert.deepEqual(okafor.roles.map((r) => [r.role, r.text]), [['Government spokeswoman', 'Government spokeswoman']]);
  assert.deepEqual(okafor.mentions.map((m) => m.kind), ['name', 'pronoun', 'nominal']);
  assert.equal(at('she'), okafor);
  assert.equal(at('The spokesperson'), okafor, 'the spokesperson → the spokeswoman named before');
  const arnaud = find('Jean Arnaud');
  assert.deepEqual(arnaud.roles.map((r) => [r.role, r.text]), [['Foreign Minister', 'French Foreign Minister']]);
  assert.equal(arnaud.nationality?.value, 'France');
  assert.equal(at('French Foreign Minister Jean Arnaud'), arnaud, 'a span holding a demonym and a name is the person');
});

test('appositions and relative clauses: spokesman for, two roles, "who chairs"', () => {
  const { find, text } = run(PEOPLE);
  const vanDijk = find('Piet van Dijk');
  assert.deepEqual(vanDijk.mentions.map((m) => [m.text, m.kind]), [['Col. Piet van Dijk', 'title-name'], ['Van Dijk', 'surname']]);
  assert.deepEqual(vanDijk.roles.map((r) => r.role), ['colonel', 'spokesman for the allied command']);
  assert.equal(vanDijk.affiliation?.value, 'allied command');
  const ferri = find('Rosa Ferri');
  assert.deepEqual(ferri.roles.map((r) => [r.role, r.title, r.text]), [
    ['admiral', 'Adm.', 'Adm.'],
    ["commander of the alliance's naval forces", 'Adm.', "the newly appointed commander of the alliance's naval forces"],
    ['leader of the maritime centre', 'Adm.', 'who also leads the maritime centre'],
  ]);
  const solberg = find('Solberg');
  assert.deepEqual(solberg.roles.map((r) => r.role), ["chair of the alliance's military committee"]);
  assert.equal(text.slice(solberg.roles[0]?.start, solberg.roles[0]?.end), "who chairs the alliance's military committee");
});

test('acronyms: parenthesised, bare, "the WHO" before its expansion', () => {
  const { find, entities } = run(`Planners at [[Joint Forces Command|ORG]] (JFC) are drafting options. A [[JFC|ORG]] summary will follow. \
The [[WHO|ORG]] warned on Tuesday that hospitals were full. The [[World Health Organization|ORG]] said it needed more money.`);
  const jfc = find('Joint Forces Command');
  assert.deepEqual(jfc.mentions.map((m) => [m.text, m.kind]), [['Joint Forces Command', 'name'], ['JFC', 'acronym'], ['JFC', 'acronym']]);
  const who = find('World Health Organization');
  assert.deepEqual(who.aliases, ['WHO']);
  assert.equal(who.type, 'organisation');
  assert.equal(entities.length, 2);
});

test('acronym introduced in parentheses is found later even when the NER misses it', () => {
  const { find } = run(`Officers from [[Joint Forces Command|ORG]] (JFC) took part. Later JFC published a summary.`);
  assert.equal(find('Joint Forces Command').mentions.length, 3);
});

test('country names, abbreviations and demonyms (singular and plural) form one gpe entity', () => {
  const { find, entities } = run(`[[U.S.|LOC]] officials met their [[Russian|MISC]] counterparts. The [[United States|LOC]] wants a deal, and \
[[American|MISC]] diplomats say the [[Americans|MISC]] will not wait.`);
  const us = find('United States');
  assert.equal(us.type, 'gpe');
  assert.equal(us.nerType, 'LOC');
  assert.deepEqual(us.mentions.map((m) => [m.text, m.kind]), [['U.S.', 'name'], ['United States', 'name'], ['American', 'demonym'], ['Americans', 'demonym']]);
  assert.equal(find('Russia').mentions[0]?.kind, 'demonym');
  const diplomats = entities.find((e) => e.plural && e.roles[0]?.role === 'diplomats');
  assert.equal(diplomats?.nationality?.value, 'United States');
});

test('"Moscow said" is the Russian government; "in Moscow" stays the city', () => {
  const { entities, at } = run(`[[Moscow|LOC]] said it rejected the plan. Protesters gathered in [[Moscow|LOC]] on Sunday. \
[[Washington|LOC]] has warned against delay.`);
  const gov = at('Moscow', 0);
  assert.equal(gov?.name, 'government of Russia');
  assert.equal(gov?.metonymy, 'government');
  assert.equal(gov?.type, 'organisation');
  const city = at('Moscow', 1);
  assert.equal(city?.name, 'Moscow');
  assert.notEqual(city, gov);
  assert.equal(city?.metonymy, undefined);
  assert.equal(city?.type, 'gpe');
  assert.equal(at('Washington')?.name, 'government of the United States');
  assert.equal(at('it')?.name, 'government of Russia', '"it" after the capital-as-government');
  assert.equal(entities.length, 3);
});

test('role-only entity, pronouns skip names inside quotes, org nominals and "the ministry said"', () => {
  const { entities, find, at } = run(`The chair of the alliance's military committee opened the call. [[Marlow|PER]] spoke first. \
"I told [[Ivo May|PER]] we are ready," she said. In a statement, the [[Velorian|MISC]] defence ministry said it welcomed the talks. \
The ministry said troops were needed. The [[Velorian|MISC]] government has asked for air defence. It said nothing more. \
[[Veloria|LOC]] said it expected a clear answer.`);
  const chair = entities[0];
  assert.equal(chair?.name, "chair of the alliance's military committee");
  assert.equal(chair?.type, 'person');
  assert.deepEqual(chair?.mentions.map((m) => m.kind), ['role']);
  assert.deepEqual(chair?.roles.map((r) => r.role), ["chair of the alliance's military committee"]);
  assert.equal(at('she')?.name, 'Marlow', 'Ivo May is inside the quotation');
  assert.equal(find('Ivo May').mentions[0]?.inQuote, true);
  const ministry = find('Velorian defence ministry');
  assert.equal(ministry.type, 'organisation');
  assert.equal(ministry.nationality?.value, 'Veloria');
  assert.equal(at('The ministry'), ministry);
  assert.equal(at('it welcomed'), ministry);
  assert.equal(at('The Velorian government')?.name, 'government of Veloria');
  assert.equal(at('It said')?.name, 'government of Veloria');
  const veloria = find('Veloria');
  assert.equal(veloria.type, 'gpe');
  assert.deepEqual(veloria.aliases, ['Velorian']);
});

test('a later name links a role-only description when the role matches', () => {
  const { entities, at } = run(`[[Henrik Solberg|PER]], the chair of the alliance's military committee, opened the call. \
Later the chair of the alliance's military committee said the options were clear.`);
  const solberg = at('Henrik Solberg');
  assert.equal(at("the chair of the alliance's military committee said")?.name, 'Henrik Solberg');
  assert.equal(entities.filter((e) => e.type === 'person').length, 1);
  assert.equal(solberg?.mentions[1]?.kind, 'nominal');
});

test('pre-name apposition with possessor nationality, "its" role, and gendered pronoun choice', () => {
  const { find, at } = run(`[[Spain|LOC]]'s chief of defence, Gen. [[Marta Ibarra|PER]], met [[Henrik Solberg|PER]]. \
[[Veloria|LOC]] was represented by its deputy defence minister, [[Kasia Drozd|PER]]. He said the talks were useful.`);
  const ibarra = find('Marta Ibarra');
  assert.deepEqual(ibarra.roles.map((r) => [r.role, r.text]), [['chief of defence', "Spain's chief of defence"], ['general', 'Gen.']]);
  assert.equal(ibarra.nationality?.value, 'Spain');
  assert.equal(at("Spain's chief of defence, Gen. Marta Ibarra"), ibarra);
  assert.deepEqual(find('Kasia Drozd').roles.map((r) => r.role), ['deputy defence minister']);
  assert.equal(at('He')?.name, 'Henrik Solberg', 'he skips two women named since');
});

test('"she" after a split quote resolves across sentences to the last speaker named', () => {
  const { at } = run(`[[Lena Okafor|PER]], a spokeswoman for the [[Velorian|MISC]] government, said her country would not wait for [[Veloria|LOC]]'s allies. \
"The guarantees must be written down," she said, "and they must be backed by troops."`);
  assert.equal(at('she')?.name, 'Lena Okafor');
  assert.equal(at('her')?.name, 'Lena Okafor');
  assert.equal(at('Lena Okafor')?.nationality?.value, 'Veloria');
  assert.equal(at('Lena Okafor')?.affiliation?.value, 'Velorian government');
});

test('indefinite sources become role-only entities; "the participant" and "the diplomats" link back', () => {
  const { entities, at } = run(`The call lasted three hours, according to one participant. The participant said it was tense. \
According to two diplomats, the largest option is 5,000 troops. The diplomats said no decision was taken. A diplomat briefed on the call said more.`);
  const participant = at('one participant');
  assert.equal(participant?.name, 'participant');
  assert.equal(at('The participant'), participant);
  const diplomats = at('two diplomats');
  assert.equal(diplomats?.plural, true);
  assert.equal(at('The diplomats'), diplomats);
  const single = at('A diplomat');
  assert.notEqual(single, diplomats);
  assert.equal(entities.filter((e) => e.roles.some((r) => r.role === 'diplomat')).length, 1);
});

test('negative cases: Title Case headline, capitalised sentence start, May the month', () => {
  const { entities, find } = run(`Defence Chiefs Weigh Guarantees As General Warns Of Delays

Chief among the worries is cost. [[Ivo May|PER]] spoke first. The chiefs will meet again in [[May|PER]]. [[May|PER]] said the plan was sound. \
Talks resume on [[May|PER]] 5. Mayor [[Ellen May|PER]] disagreed.`);
  const ivo = find('Ivo May');
  assert.deepEqual(ivo.mentions.map((m) => m.text), ['Ivo May', 'May']);
  assert.equal(ivo.mentions[1]?.start, entities.length > 0 ? ivo.mentions[1]?.start : -1);
  const ellen = find('Ellen May');
  assert.deepEqual(ellen.mentions.map((m) => [m.text, m.kind]), [['Mayor Ellen May', 'title-name']]);
  assert.deepEqual(ellen.roles.map((r) => [r.role, r.title]), [['mayor', 'Mayor']]);
  for (const e of entities) {
    assert.ok(!/chief|general/i.test(e.name) || e.name === 'chiefs', `headline or sentence start made an entity: ${e.name}`);
  }
  assert.ok(!entities.some((e) => e.mentions.some((m) => m.text === 'General' || m.text === 'Chief')));
});

test('a name filling a short Title Case quotation is the title of a work; a name inside a quoted sentence keeps its type', () => {
  const { find } = run(`The debate was shaped by a paper, "The Long [[Ceasefire Road|LOC]]", published in [[Velgrad|LOC]]. \
"We will never give up [[Sarnova|LOC]]," the minister said. Critics cited the film “[[Harbour Lights|ORG]]”.`);
  assert.equal(find('Ceasefire Road').type, 'location', 'the NER span is only part of the title: left alone');
  assert.equal(find('Harbour Lights').type, 'misc');
  assert.equal(find('Sarnova').type, 'location');
  assert.equal(find('Velgrad').type, 'location');
  const whole = run(`A think-tank paper, "The [[Long Ceasefire|LOC]]", argued otherwise.`);
  assert.equal(whole.find('The Long Ceasefire').type, 'misc', 'a title keeps its article');
});

test('NER month mention without date context stays a name; no entity when nothing was mentioned', () => {
  const a = run(`[[May|PER]] said the plan was sound.`);
  assert.equal(a.entities.length, 1);
  assert.equal(run('Nothing to see here.').entities.length, 0);
});

test('invalid NER spans are rejected with the offending values', () => {
  const text = 'Ada Marlow said.';
  assert.throws(() => resolveEntities(text, { tokenized: tokenize(text), mentions: [{ start: 4, end: 40, type: 'PER' }] }), /\[4, 40\)/);
});

test('resolveMention: containing spans, spans inside a mention, and no overlap', () => {
  const { text, entities, at } = run(PEOPLE);
  const start = text.indexOf('Col. Piet');
  const end = text.indexOf('command,') + 'command'.length;
  assert.equal(resolveMention(entities, { start, end })?.name, 'Piet van Dijk');
  const ada = text.indexOf('Ada Marlow');
  assert.equal(resolveMention(entities, { start: ada + 4, end: ada + 10 })?.name, 'Ada Marlow');
  assert.equal(at('arrived'), undefined);
});

test('ids are stable for the same input', () => {
  const a = run(PEOPLE).entities;
  const b = run(PEOPLE).entities;
  assert.deepEqual(a, b);
});

test('plural roles: "of France and Spain" is one object; "the foreign ministers" is not "the prime ministers"', () => {
  const { entities, at } = run('The prime ministers of [[France|LOC]] and [[Spain|LOC]] signed the accord on Tuesday. The foreign ministers of both countries spoke by phone. The prime ministers later met again.');
  const leaders = at('The prime ministers of France and Spain');
  assert.ok(leaders, JSON.stringify(entities.map((e) => e.name)));
  assert.notEqual(at('The foreign ministers'), leaders);
  assert.equal(at('The prime ministers', 1), leaders, 'the same role again is the same group');
});

test('the agency in a dateline’s parentheses is an organisation, whatever the NER said', () => {
  const { find } = run('[[VELL|LOC]], Dec. 2 ([[Courier|PER]]) — The ferry company and the union resumed talks on Wednesday.\n\n[[Ada Courier|PER]] said so.');
  assert.equal(find('Courier').type, 'organisation');
});

test('a dateline’s place in capitals is the place the article names elsewhere, or a place when the dateline is unmistakable', () => {
  const named = run('[[VELL|ORG]] — The port of [[Vell|LOC]] reopened on Friday after a storm closed it.\n\nShips queued outside [[Vell|LOC]] overnight.');
  assert.equal(named.at('VELL'), named.find('Vell'));
  assert.equal(named.find('Vell').type, 'location');
  const dated = run('[[TARROW|ORG]], Dec. 2 — The ferry company and the union resumed talks on Wednesday.');
  assert.equal(dated.find('TARROW').type, 'location');
  // A bare word in capitals before a dash, named nowhere else, may be an acronym: the NER's type stands.
  const bare = run('[[NATO|ORG]] — The alliance said on Friday it would send more ships.');
  assert.equal(bare.find('NATO').type, 'organisation');
});

test('a demonym of a country the article never names still modifies an organisation or role description', () => {
  const { find, at } = run('In a statement, the [[Velorian|MISC]] foreign ministry said the country could not wait. The ministry added that it was ready.');
  const ministry = find('Velorian foreign ministry');
  assert.equal(ministry.type, 'organisation');
  assert.equal(at('The ministry'), ministry);
});

test('a role word capitalised only because it opens the sentence stays in the role ("Allied leaders")', () => {
  const { entities } = run('Allied leaders have promised that the country will not be left alone. Military officers said so.');
  assert.deepEqual(entities.map((e) => e.name), ['Allied leaders', 'Military officers']);
});

test('"they" before a negated verb refers back to the group ("they have not said")', () => {
  const { find, at } = run('Allied leaders have promised that the country will not be left alone. But they have not said what that means.');
  assert.equal(at('they'), find('Allied leaders'));
});

test('a seat of government is its government; a capitalised organisation or portfolio words may modify a pre-name role', () => {
  const { find, at } = run(`The [[Kremlin|LOC]] spokesman, [[Dmitry Pesk|PER]], said the aid would prolong the war. [[Moscow|LOC]] has denied it. \
The [[EU|ORG]]'s foreign policy chief, [[Elena Varga|PER]], told reporters that the [[White House|ORG]] had been told.`);
  const russia = find('government of Russia');
  assert.equal(russia.type, 'organisation');
  assert.equal(russia.metonymy, 'government');
  assert.equal(at('Moscow'), russia, 'the capital and the seat are one government');
  assert.equal(at('White House')?.name, 'government of the United States');
  const pesk = find('Dmitry Pesk');
  assert.deepEqual(pesk.roles.map((r) => r.role), ['spokesman']);
  assert.equal(pesk.affiliation?.value, 'Kremlin');
  const varga = find('Elena Varga');
  assert.deepEqual(varga.roles.map((r) => r.role), ['foreign policy chief']);
  assert.equal(varga.affiliation?.value, 'EU');
});

test('a platform is no place, and a name owning a foreign ministry is a country', () => {
  const { find } = run(`[[Velor|ORG]]'s foreign ministry blamed [[Karvia|LOC]] in a statement posted on [[Telegram|LOC]]. [[Velor|ORG]] denied it.`);
  assert.equal(find('Telegram').type, 'organisation');
  assert.notEqual(find('Velor').type, 'organisation');
  assert.equal(find("Velor's foreign ministry").type, 'organisation');
});

test('a party and state tag is the senator\'s party, legislatures\' offices are roles, and a newspaper is no place', () => {
  const { entities, find } = run(`Sen. [[Mark Dolan|PER]], [[R-Ohio|ORG]], who voted against the bill, spoke first. [[Senate|ORG]] Majority Leader [[Ruth Calder|PER]] and House Speaker [[Anna Vos|PER]] met. \
Vos wrote in the [[Washington Post|LOC]] that the speaker would wait.`);
  assert.ok(!entities.some((e) => e.name === 'R-Ohio'), entities.map((e) => e.name).join(', '));
  assert.equal(find('Mark Dolan').affiliation?.value, 'Republican Party');
  assert.deepEqual(find('Ruth Calder').roles.map((r) => r.role), ['Majority Leader']);
  assert.deepEqual(find('Anna Vos').roles.map((r) => r.role), ['House Speaker']);
  assert.equal(find('Washington Post').type, 'organisation');
});

test('a person\'s own aide: "Holm\'s spokeswoman, Lia Roth" gives her the role', () => {
  const { find, at } = run(`[[Piet Holm|PER]] arrived. [[Holm|PER]]'s spokeswoman, [[Lia Roth|PER]], said no date had been set. The spokeswoman said talks would resume.`);
  assert.deepEqual(find('Lia Roth').roles.map((r) => r.role), ['spokeswoman']);
  assert.equal(at('The spokeswoman')?.name, 'Lia Roth');
});

test('two countries\' foreign ministries are two organisations, each named with its owner', () => {
  const { entities, at } = run(`[[Russia|LOC]]'s [[Foreign Ministry|ORG]] said the talks failed. [[Ukraine|LOC]]'s [[Foreign Ministry|ORG]] said they would resume. \
The [[Foreign Ministry|ORG]] added nothing.`);
  const ministries = entities.filter((e) => e.type === 'organisation');
  assert.deepEqual(ministries.map((e) => [e.name, e.nationality?.value]), [["Russia's Foreign Ministry", 'Russia'], ["Ukraine's Foreign Ministry", 'Ukraine']]);
  assert.equal(at('Foreign Ministry', 2)?.name, "Ukraine's Foreign Ministry", 'a bare later mention is the one named last');
});

test('a portfolio after "of" or "for" belongs to the title: "Secretary of State Antony Blinken", "Minister for Health Lia Roth"', () => {
  const { find } = run('In a statement, US Secretary of State [[Antony Blinken|PER]] called for calm. Minister for Health [[Lia Roth|PER]] agreed.');
  assert.equal(find('Antony Blinken').name, 'Antony Blinken');
  assert.equal(find('Lia Roth').name, 'Lia Roth');
});

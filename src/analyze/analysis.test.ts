import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../model/index.js';
import { analyzeArticle } from './analysis.js';

function article(text: string): Article {
  return {
    id: 'a1',
    rawId: 'a1',
    origin: 'test',
    text,
    blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
    metadata: { published: { value: '2026-11-19', source: 'meta' } },
    extraction: { method: 'flattened-text', extractor: 'test', charset: 'utf-8', diagnostics: [] },
  };
}

const TEXT =
  'The alliance met on Wednesday, a summary seen by the Ledger said. ' +
  'In a statement, the Velorian foreign ministry said the country "cannot wait another winter" for a decision ' +
  'and thanked the alliance for what it called "serious and detailed work". ' +
  'Article 5 of the Concord Charter states that members "shall assist one another by every means available".';

describe('analyzeArticle speakers', () => {
  const analysis = analyzeArticle(article(TEXT));
  const quoteWith = (words: string) => {
    const quote = analysis.quotes.find((q) => q.content.some((c) => TEXT.slice(c.start, c.end).includes(words)) && q.content.every((c) => c.end - c.start < 120));
    assert.ok(quote, `a quote containing "${words}"`);
    return quote;
  };
  const nameOf = (id: string | undefined) => analysis.entities.find((e) => e.id === id)?.name;

  it("gives a pronoun inside another speaker's reported words to that speaker, not to the nearest noun", () => {
    const outer = analysis.quotes.find((q) => q.source && /ministry/.test(TEXT.slice(q.source.start, q.source.end)));
    assert.ok(outer?.speakerEntityId, 'the ministry attribution has a speaker');
    const nested = quoteWith('serious and detailed work');
    assert.equal(nested.speakerEntityId, outer.speakerEntityId, `nested quote given to ${nameOf(nested.speakerEntityId)}`);
  });

  it('does not hand an organisation described in its own words to an organisation mentioned earlier', () => {
    const outer = analysis.quotes.find((q) => q.source && /ministry/.test(TEXT.slice(q.source.start, q.source.end)));
    assert.doesNotMatch(nameOf(outer?.speakerEntityId) ?? '', /Ledger|alliance/i);
  });

  it('attributes words quoted from a treaty to no person or organisation entity', () => {
    const quote = analysis.quotes.find((q) => q.source && /^Article 5/.test(TEXT.slice(q.source.start, q.source.end)));
    assert.ok(quote, 'the treaty quote is found');
    assert.equal(quote.speakerEntityId, undefined);
    assert.equal(quote.speaker?.via, 'document');
    assert.equal(quote.speaker?.resolvedTo, undefined, 'not handed to the organisation mentioned before');
  });

  it('keeps every span inside the text', () => {
    for (const q of analysis.quotes) for (const s of [...q.content, q.cue, q.source]) if (s) assert.ok(s.start >= 0 && s.end <= TEXT.length && s.start < s.end);
  });
});

describe('analyzeArticle: a quote inside a quote', () => {
  it('gives "I" inside a speaker\'s quoted words to that speaker, not to the outlet named before', () => {
    const text =
      'The state news agency Velpress reported, as cited by Globe Wire, that troops had moved. ' +
      '"As I have said before, \'these are hard times,\'" Karl Benn said in an interview.';
    const analysis = analyzeArticle(article(text));
    const nameOf = (id: string | undefined) => analysis.entities.find((e) => e.id === id)?.name;
    const inner = analysis.quotes.find((q) => q.content.some((c) => text.slice(c.start, c.end) === "'these are hard times,'"));
    assert.ok(inner, JSON.stringify(analysis.quotes.map((q) => q.content.map((c) => text.slice(c.start, c.end)))));
    assert.equal(nameOf(inner.speakerEntityId), 'Karl Benn');
  });
});

describe('analyzeArticle: a name used as an adjective', () => {
  it('does not make "Velorian" the speaker of "the Velorian defence ministry said"', () => {
    const text = 'The Velorian defence ministry said in a statement that talks would resume.';
    const analysis = analyzeArticle(article(text));
    const quote = analysis.quotes.find((q) => q.source && text.slice(q.source.start, q.source.end).includes('ministry'));
    assert.ok(quote, JSON.stringify(analysis.quotes));
    const speaker = analysis.entities.find((e) => e.id === quote.speakerEntityId);
    assert.ok(speaker === undefined || /ministry/.test(speaker.name), `speaker ${speaker?.name}`);
  });
});

describe('analyzeArticle: an officer named after their organisation', () => {
  it('gives "Republican National Committee (RNC) Chairwoman Ronna McDaniel warned" to the chairwoman', () => {
    const text = 'Republican National Committee (RNC) Chairwoman Ronna McDaniel warned on Tuesday that she may advise candidates against joining debates.';
    const analysis = analyzeArticle(article(text));
    const quote = analysis.quotes.find((q) => q.cue && text.slice(q.cue.start, q.cue.end) === 'warned');
    assert.ok(quote, JSON.stringify(analysis.quotes));
    const speaker = analysis.entities.find((e) => e.id === quote.speakerEntityId);
    assert.equal(speaker?.type, 'person', `speaker ${speaker?.name}`);
    assert.match(speaker?.name ?? '', /McDaniel/);
  });
});

describe('analyzeArticle: a person in apposition to their organisation\'s role', () => {
  it('gives "The Kremlin spokesman, Dmitry Peskov, said" to the spokesman, and "A spokesperson for the alliance" to no earlier person', () => {
    const text = 'Defence Minister Piet Holm said the talks were useful. The Kremlin spokesman, Dmitry Peskov, said the aid would "only prolong the conflict". A spokesperson for the alliance said the chiefs would meet again.';
    const analysis = analyzeArticle(article(text));
    const speakerOf = (cueAfter: string) => {
      const quote = analysis.quotes.find((q) => q.source && text.slice(q.source.start, q.source.end).startsWith(cueAfter));
      assert.ok(quote, `an attribution by "${cueAfter}": ${JSON.stringify(analysis.quotes)}`);
      return analysis.entities.find((e) => e.id === quote.speakerEntityId)?.name;
    };
    assert.equal(speakerOf('The Kremlin spokesman'), 'Dmitry Peskov');
    const senate = 'Sen. Mark Dolan, R-Ohio, who voted against the bill, said in an interview that the border came first.';
    const dolan = analyzeArticle(article(senate));
    const who = dolan.quotes.find((q) => q.source && senate.slice(q.source.start, q.source.end) === 'who');
    assert.equal(dolan.entities.find((e) => e.id === who?.speakerEntityId)?.name, 'Mark Dolan', 'the party tag is no antecedent of "who"');
    assert.notEqual(speakerOf('A spokesperson'), 'Piet Holm');
  });
});

describe('analyzeArticle: role nouns as speakers', () => {
  it('gives "The minister said" to the minister, not to the person named last, and an unnamed spokeswoman to no one named', () => {
    const text = 'Karvian Defence Minister Piet Holm met Gen. Ada Marlow in Brussels. The minister said his country needed more. ' +
      'The spokeswoman declined to give a date. Holm\'s spokeswoman, Lia Roth, said later that no date had been set. The spokeswoman said the talks would resume.';
    const analysis = analyzeArticle(article(text));
    const speakerAt = (sentenceStart: string) => {
      const at = text.indexOf(sentenceStart);
      const quote = analysis.quotes.find((q) => q.source?.start === at);
      assert.ok(quote, `an attribution by "${sentenceStart}"`);
      return analysis.entities.find((e) => e.id === quote.speakerEntityId);
    };
    assert.equal(speakerAt('The minister')?.name, 'Piet Holm');
    assert.equal(speakerAt('The spokeswoman declined')?.name, 'spokeswoman');
    assert.equal(speakerAt('The spokeswoman said')?.name, 'Lia Roth');
  });
});

describe('analyzeArticle: a country no gazetteer knows, named only at sentence starts', () => {
  it('makes "Norland" a country from "Norland\'s prime minister", a party to the agreement but not to its minister\'s call', () => {
    const text = 'Norland and Karvia reached agreement late Wednesday to let grain ships leave Karvian ports. ' +
      "Norland's prime minister Ilse Brandt and Karvian president Tomas Varek spoke by phone for almost three hours.";
    const analysis = analyzeArticle(article(text));
    const norland = analysis.entities.find((e) => e.name === 'Norland');
    assert.equal(norland?.type, 'gpe');
    assert.equal(norland?.mentions.length, 2);
    const agreement = analysis.events.find((e) => e.type === 'agreement');
    assert.deepEqual(agreement?.participants.map((p) => p.name), ['Norland', 'Karvia']);
    const call = analysis.events.find((e) => e.type === 'call');
    assert.deepEqual(call?.participants.map((p) => p.name), ['Ilse Brandt', 'Tomas Varek']);
  });
});

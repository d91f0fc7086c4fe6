import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../tokens/index.js';
import { CueDetector, cueScore, cueTokensOf, isCueCandidate, trainCueDetector } from './cue-detector.js';
import { CUE_DETECTOR_WEIGHTS } from './cue-detector-weights.js';
import { FeatureTable } from './perceptron.js';

const FIXTURE = [
  'In the harbour master’s view, the pier is safe. Her criticism of the ferry company grew louder on Tuesday.',
  '“We will reopen,” Ada Marlow said. The council took to the radio to insist that the fees would not rise.',
  'Tom Keel, who runs the boatyard, is expected to back the plan. Support for the new timetable is weak.',
].join('\n\n');

test('the cheap bound of CueDetector.exceeds never changes the verdict of the full score', () => {
  const detector = new CueDetector(CUE_DETECTOR_WEIGHTS);
  const table = new FeatureTable(CUE_DETECTOR_WEIGHTS);
  const tokens = cueTokensOf(FIXTURE, tokenize(FIXTURE));
  let checked = 0;
  for (const threshold of [-4, -2, -1, 0, 2]) {
    for (let i = 0; i < tokens.lower.length; i++) {
      const expected = isCueCandidate(tokens, i) && cueScore(table, tokens, i) > threshold;
      assert.equal(detector.exceeds(tokens, i, threshold), expected, `token ${i} ${JSON.stringify(tokens.texts[i])} at ${threshold}`);
      assert.equal(detector.score(tokens, i), cueScore(table, tokens, i));
      checked++;
    }
  }
  assert.ok(checked > 100);
  for (const threshold of [-2, 0]) {
    const flags = detector.detect(tokens, threshold);
    const lower = detector.detect(tokens, threshold, true);
    const long = detector.detect(tokens, threshold, false, 6);
    for (let i = 0; i < tokens.lower.length; i++) {
      assert.equal(flags[i] === 1, detector.exceeds(tokens, i, threshold), `detect at token ${i}`);
      assert.equal(lower[i] === 1, flags[i] === 1 && !/^[A-Z0-9]/.test(tokens.texts[i] ?? ''), `lower-case detect at token ${i}`);
      assert.equal(long[i] === 1, flags[i] === 1 && (tokens.lower[i] ?? '').length >= 6, `long-word detect at token ${i}`);
    }
  }
});

test('words in quotation marks, auxiliaries and determiners are never cue candidates', () => {
  const text = 'She has said “they told us nothing” to the board.';
  const tokens = cueTokensOf(text, tokenize(text));
  const at = (w: string): number => tokens.texts.indexOf(w);
  assert.equal(isCueCandidate(tokens, at('told')), false);
  assert.equal(isCueCandidate(tokens, at('has')), false);
  assert.equal(isCueCandidate(tokens, at('the')), false);
  assert.equal(isCueCandidate(tokens, at('said')), true);
});

test('the shipped detector scores a speech verb above a plain noun in the same sentence', () => {
  const detector = new FeatureTable(CUE_DETECTOR_WEIGHTS);
  const text = 'The mayor announced that the ferry timetable will change.';
  const tokens = cueTokensOf(text, tokenize(text));
  const at = (w: string): number => tokens.texts.indexOf(w);
  assert.ok(cueScore(detector, tokens, at('announced')) > 0);
  assert.ok(cueScore(detector, tokens, at('timetable')) < 0);
});

test('training separates a cue word from the others and is deterministic', () => {
  const texts = ['Marlow declared the pier open.', 'Keel declared that the fees rise.', 'The pier is open.', 'The fees rise again.'];
  const docs = texts.map((t) => {
    const tk = tokenize(t);
    const tokens = cueTokensOf(t, tk);
    const heads = new Uint8Array(tk.tokens.length);
    tk.tokens.forEach((x, i) => { if (x.text === 'declared') heads[i] = 1; });
    return { tokens, heads };
  });
  const a = trainCueDetector(docs, 3, 1, 2, 0);
  const b = trainCueDetector(docs, 3, 1, 2, 0);
  assert.deepEqual([...a], [...b]);
  const table = new FeatureTable(a);
  const probe = 'Ada declared the port closed.';
  const tokens = cueTokensOf(probe, tokenize(probe));
  assert.ok(cueScore(table, tokens, tokens.texts.indexOf('declared')) > cueScore(table, tokens, tokens.texts.indexOf('port')));
});

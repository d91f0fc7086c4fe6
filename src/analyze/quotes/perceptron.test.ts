import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeatureTable, argmaxCandidate, featureKey, trainRanker } from './perceptron.js';
import { SOURCE_WEIGHTS } from './source-weights.js';
import { FRAME_WEIGHTS } from './frame-weights.js';

test('the ranker learns a separable toy problem, deterministically', () => {
  const cases = [
    { candidates: [['shape\tCap'], ['shape\tlow']], gold: 0 },
    { candidates: [['shape\tlow'], ['shape\tCap']], gold: 1 },
    { candidates: [['shape\tlow', 'len\t1'], ['shape\tCap', 'len\t2']], gold: 1 },
  ];
  const a = trainRanker(cases, 5);
  const b = trainRanker(cases, 5);
  assert.deepEqual([...a], [...b]);
  for (const c of cases) assert.equal(argmaxCandidate(a, c.candidates), c.gold);
});

test('FeatureTable finds the weights of one- and two-value features by their parts', () => {
  const table = new FeatureTable([[featureKey('first', 'Cap'), 1.5], [featureKey('first.last', 'Cap', 'ROLE'), -2]]);
  assert.equal(table.weight('first', 'Cap'), 1.5);
  assert.equal(table.weight('first.last', 'Cap', 'ROLE'), -2);
  assert.equal(table.weight('first', 'low'), 0);
  assert.equal(table.weight('first.last', 'Cap', 'Cap'), 0);
  assert.equal(table.size, 2);
});

test('the shipped weight artefacts are present and well-formed', () => {
  for (const weights of [SOURCE_WEIGHTS, FRAME_WEIGHTS]) {
    assert.ok(weights.length > 100, 'weights were trained');
    for (const [f, w] of weights) assert.ok(f.includes('\t') && Number.isFinite(w), `bad weight ${JSON.stringify(f)}`);
  }
});

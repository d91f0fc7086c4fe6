import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparableUnit, isStateUnit } from './numbers.js';

test('a count of states is told by its head noun, whatever modifies it', () => {
  for (const unit of ['countries', 'member states', 'allied countries', 'European Union countries', 'delegations', 'nations'])
    assert.ok(isStateUnit(unit), unit);
  for (const unit of ['troops', 'people', 'state officials', 'country singers']) assert.ok(!isStateUnit(unit), unit);
});

test('plain synonyms of a counted noun compare as one unit; nouns that may count different things do not', () => {
  assert.equal(comparableUnit('vessels'), comparableUnit('ships'));
  assert.equal(comparableUnit('warships'), 'ship');
  assert.equal(comparableUnit('soldiers'), comparableUnit('troops'));
  assert.notEqual(comparableUnit('tanks'), comparableUnit('vehicles'));
  assert.notEqual(comparableUnit('missiles'), comparableUnit('rockets'));
});

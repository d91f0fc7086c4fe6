import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStateUnit } from './numbers.js';

test('a count of states is told by its head noun, whatever modifies it', () => {
  for (const unit of ['countries', 'member states', 'allied countries', 'European Union countries', 'delegations', 'nations'])
    assert.ok(isStateUnit(unit), unit);
  for (const unit of ['troops', 'people', 'state officials', 'country singers']) assert.ok(!isStateUnit(unit), unit);
});

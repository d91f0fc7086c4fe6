import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { speechActOf } from './speech-acts.js';

describe('speech acts', () => {
  it('recognises cues that report something said or written', () => {
    for (const cue of ['said', 'says', 'told', 'added', 'warned', 'has confirmed', 'later posted', 'according to', 'According to', 'said in a statement', 'wrote', 'denied', 'called']) {
      assert.equal(speechActOf(cue), 'speech', cue);
    }
  });

  it('does not take plans, wishes, beliefs or refusals for statements', () => {
    for (const cue of ['discussed', 'want', 'agreed', 'newly appointed', 'is attacked', 'have not said', 'did not respond', 'declined', 'believes', 'asking', '']) {
      assert.equal(speechActOf(cue), 'other', cue);
    }
  });

  it('reads an infinitive or negated cue from the words before it', () => {
    assert.equal(speechActOf('say', 'declined to '), 'other');
    assert.equal(speechActOf('say', 'each delegation to '), 'other');
    assert.equal(speechActOf('said', 'has not '), 'other');
    assert.equal(speechActOf('said', 'officials '), 'speech');
  });
});

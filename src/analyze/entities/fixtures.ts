/**
 * Test helpers: a stand-in for a good NER. `tagByList` tags every whole-word occurrence of the listed names
 * (longest first, no overlaps), `tagInline` reads mentions written inline as `[[Ada Marlow|PER]]`.
 */
import assert from 'node:assert/strict';
import type { Entity, NerMentionLike, NerType } from './types.js';

export function tagByList(text: string, names: ReadonlyArray<readonly [string, NerType]>, skip?: (start: number, end: number) => boolean): NerMentionLike[] {
  const sorted = [...names].sort((a, b) => b[0].length - a[0].length);
  const taken = new Uint8Array(text.length);
  const out: NerMentionLike[] = [];
  for (const [name, type] of sorted) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(name, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + name.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (!free || skip?.(at, end)) continue;
      for (let i = at; i < end; i++) taken[i] = 1;
      out.push({ start: at, end, type, text: name });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function tagInline(annotated: string): { text: string; mentions: NerMentionLike[] } {
  const mentions: NerMentionLike[] = [];
  let text = '';
  const re = /\[\[([^|\]]+)\|(PER|ORG|LOC|MISC)\]\]/g;
  let last = 0;
  for (let m = re.exec(annotated); m; m = re.exec(annotated)) {
    text += annotated.slice(last, m.index);
    const name = m[1] ?? '';
    mentions.push({ start: text.length, end: text.length + name.length, type: m[2] as NerType, text: name });
    text += name;
    last = m.index + m[0].length;
  }
  text += annotated.slice(last);
  return { text, mentions };
}

/** Every span the stage outputs must slice back to its text. */
export function assertSpans(text: string, entities: readonly Entity[]): void {
  const ids = new Set<string>();
  for (const e of entities) {
    assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
    ids.add(e.id);
    let prev = -1;
    for (const m of e.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text, `mention span of ${e.name}`);
      assert.ok(m.start < m.end && m.start >= prev, `mentions of ${e.name} out of order at ${m.start}`);
      prev = m.start;
    }
    for (const r of e.roles) assert.equal(text.slice(r.start, r.end), r.text, `role span of ${e.name}`);
    for (const v of [e.nationality, e.affiliation]) if (v) assert.ok(v.start < v.end && v.end <= text.length, `stated span of ${e.name}`);
    assert.ok(e.mentions.length > 0, `${e.name} has no mention`);
    assert.ok(!e.aliases.includes(e.name), `${e.name} lists itself as alias`);
  }
}


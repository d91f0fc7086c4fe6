/**
 * The figures events carry besides who took part: casualty counts of attacks ("at least 12 people were killed",
 * "killing 12 soldiers", "left five dead and 30 wounded", "the death toll rose to 40") and vote tallies ("voted 120 to
 * 40"), the numbers reports most often disagree on, kept with their span so that fusion can compare them.
 */
import { NUMBER, parseNumber } from './counts.js';
import type { CasualtyCount, VoteTally } from './types.js';

const QUALIFIERS: Readonly<Record<string, CasualtyCount['qualifier']>> = {
  'at least': 'at-least', 'no fewer than': 'at-least', 'more than': 'more-than', over: 'more-than', about: 'about', around: 'about',
  nearly: 'about', almost: 'about', roughly: 'about', approximately: 'about', some: 'about', 'an estimated': 'about',
  'up to': 'at-most', 'as many as': 'at-most', 'fewer than': 'fewer-than', 'less than': 'fewer-than',
};

const COUNT = `(?<n>${NUMBER})`;
const QUALIFIER = `(?:(?<q>${Object.keys(QUALIFIERS).sort((a, b) => b.length - a.length).join('|')})\\s+)?`;
const COUNTED = 'people|persons|civilians|soldiers|troops|servicemen|servicemembers|sailors|marines|airmen|guards|police(?:\\s+officers)?|officers|' +
  'policemen|militants|fighters|insurgents|rebels|workers|employees|staff|passengers|pilgrims|protesters|demonstrators|students|children|' +
  'women|men|babies|patients|doctors|journalists|tourists|villagers|residents|migrants|refugees|prisoners|hostages|peacekeepers|others|' +
  // "killing one man", "one soldier was wounded"
  'man|woman|boy|girl|child|baby|person|civilian|soldier|officer|policeman|guard|worker|passenger|student|journalist';
/** Who was counted, with an adjective or a nationality before ("American sailors", "Velorian soldiers"); absent in "12 were killed". */
const UNIT = `(?:\\s+(?:more\\s+)?(?<unit>(?:(?:\\p{Lu}\\p{Ll}+|young|local|foreign|unarmed|innocent|off-duty|other)\\s+)?(?:${COUNTED})))?`;
const KIND_WORD = '(?<kind>killed|dead|died|wounded|injured|hurt|missing)';

/** "12 people were killed", "at least five dead", "30 others wounded", "12 people died". */
const COUNT_THEN_KIND = new RegExp(`\\b${QUALIFIER}${COUNT}${UNIT}(?:,)?\\s+(?:(?:were|was|have been|had been|are|are now|being)\\s+)?(?:(?:reported|confirmed|believed|feared|said to be)\\s+)?${KIND_WORD}\\b`, 'giu');
/** "killing at least 12 people", "wounded 30 soldiers", "left five people dead". */
const KIND_THEN_COUNT = new RegExp(`\\b(?<verb>killing|killed|kills|wounding|wounded|injuring|injured|leaving|left)\\s+${QUALIFIER}${COUNT}${UNIT}(?:\\s+${KIND_WORD})?\\b`, 'giu');
/** "the death toll rose to 40", "a death toll of at least 12". */
const DEATH_TOLL = new RegExp(`\\bdeath toll\\s+(?:(?:has\\s+|had\\s+)?(?:rose|risen|climbed|jumped|reached|stood|stands|is|was|of|at)\\s+)?(?:(?:to|at)\\s+)?${QUALIFIER}${COUNT}\\b`, 'giu');

function kindOf(word: string): CasualtyCount['kind'] {
  const w = word.toLowerCase();
  if (w === 'missing') return 'missing';
  return w === 'killed' || w === 'dead' || w === 'died' || w === 'killing' || w === 'kills' ? 'killed' : 'injured';
}

/** A year or a clock reading is no count ("in 2014 killed", "at 10 killed"). */
function isYearLike(text: string, start: number, raw: string): boolean {
  return /^(?:1[89]|20)\d\d$/.test(raw) && /\b(?:in|since|of|by|until|before|after)\s+$/i.test(text.slice(Math.max(0, start - 8), start));
}

/** Casualty counts in [from, to) of `text`, in text order, not overlapping. */
export function findCasualties(text: string, from: number, to: number): CasualtyCount[] {
  const zone = text.slice(from, to);
  const found: CasualtyCount[] = [];
  const add = (m: RegExpMatchArray, kindWord: string | undefined): void => {
    const g = m.groups ?? {};
    const raw = g['n'] ?? '';
    const start = from + (m.index ?? 0);
    const numberAt = start + m[0].toLowerCase().indexOf(raw.toLowerCase(), (g['verb'] ?? '').length);
    if (!raw || !kindWord || isYearLike(text, numberAt, raw)) return;
    const value = parseNumber(raw);
    if (value === undefined || value <= 0) return;
    const unit = g['unit'] ?? 'people';
    found.push({
      kind: kindOf(kindWord),
      value,
      qualifier: g['q'] ? (QUALIFIERS[g['q'].toLowerCase()] ?? 'exact') : 'exact',
      unit: unit.toLowerCase() === 'others' ? 'people' : unit.replace(/^other\s+/i, ''),
      span: { start, end: start + m[0].length, text: m[0] },
      derivation: 'stated',
    });
  };
  for (const m of zone.matchAll(COUNT_THEN_KIND)) add(m, m.groups?.['kind']);
  for (const m of zone.matchAll(KIND_THEN_COUNT)) {
    const verb = (m.groups?.['verb'] ?? '').toLowerCase();
    // "left five dead": the kind is the word after the count; "left 12 people" alone says nothing of casualties.
    add(m, verb === 'leaving' || verb === 'left' ? m.groups?.['kind'] : verb);
  }
  for (const m of zone.matchAll(DEATH_TOLL)) add(m, 'killed');
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const kept: CasualtyCount[] = [];
  for (const c of found) {
    const last = kept[kept.length - 1];
    if (last && c.span.start < last.span.end) continue;
    kept.push(c);
  }
  return kept;
}

/** "voted 120 to 40", "by 9 votes to 6", "a 52-48 vote", "passed 52-48"; abstentions when stated after. */
const TALLY = /\b(?<for>\d{1,4})(?:\s+votes?)?\s*(?:-|–|to)\s*(?<against>\d{1,4})\b(?:\s+votes?\b)?(?:,?\s+with\s+(?<abst>\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten)\s+abstentions?)?/giu;
const TALLY_CONTEXT = /\b(?:vot(?:e|es|ed|ing)|passed|approved|adopted|rejected|defeated|confirmed|ballots?|margin)\b/i;

/** The first vote tally in [from, to) of `text` whose sentence speaks of voting. */
export function findTally(text: string, from: number, to: number): VoteTally | undefined {
  const zone = text.slice(from, to);
  if (!TALLY_CONTEXT.test(zone)) return undefined;
  for (const m of zone.matchAll(TALLY)) {
    const g = m.groups ?? {};
    const inFavour = Number(g['for']);
    const against = Number(g['against']);
    // "2014-2016", "9-11": years and dates are no tallies.
    if (/^(?:1[89]|20)\d\d$/.test(g['for'] ?? '') || inFavour + against === 0) continue;
    const before = zone.slice(0, m.index ?? 0);
    if (/(?:\bpages?|\bpp?\.|\bages|\baged|\bfrom|\bbetween|\bscore[ds]?|\bwon|\blost|\bbeat)\s*$/i.test(before)) continue;
    const start = from + (m.index ?? 0);
    const abst = g['abst'];
    return {
      inFavour,
      against,
      ...(abst !== undefined ? { abstentions: parseNumber(abst) ?? 0 } : {}),
      span: { start, end: start + m[0].length, text: m[0] },
    };
  }
  return undefined;
}

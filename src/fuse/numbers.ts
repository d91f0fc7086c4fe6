/**
 * Quantities stated in the reports ("about 1,000 troops", "5,000 troops", "two more air-defence batteries"), compared
 * across reports by what they count. Participant counts of events are compared per event (events.ts), so counts of
 * countries and delegations, times and durations, and the people a report cites as its sources ("two officials") are
 * left out here.
 */
import type { FusionContext } from './context.js';
import type { Citation } from './types.js';
import { fold } from './text.js';

export type Qualifier = 'exact' | 'about' | 'more-than' | 'at-least' | 'fewer-than' | 'at-most' | 'all';

export interface Quantity {
  readonly value: number;
  readonly qualifier: Qualifier;
  /** The counted noun, singular and folded: "troop", "ship". */
  readonly unit: string;
  readonly citation: Citation;
}

const WORD_NUMBERS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, thousand: 1000,
};
const QUALIFIERS: Record<string, Qualifier> = {
  about: 'about', around: 'about', roughly: 'about', approximately: 'about', nearly: 'about', almost: 'about', some: 'about',
  'more than': 'more-than', over: 'more-than', 'at least': 'at-least', 'fewer than': 'fewer-than', 'less than': 'fewer-than',
  'up to': 'at-most', 'as many as': 'at-most', all: 'all', 'all of the': 'all',
};
/** Counted nouns that are not facts of the story: who a report heard from, and units of time. */
const NOT_FACT_UNITS = new Set([
  'official', 'diplomat', 'source', 'participant', 'person', 'people', 'aide', 'analyst', 'expert', 'witness', 'reporter',
  'second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'time', 'percent', 'per', 'cent', 'other', 'more', 'of', 'and', 'or',
  'the', 'a', 'an', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'side', 'party', 'way', 'thing', 'option', 'time',
]);
/** Counts of states take part in the participant-count comparison of their event, not here. */
const COUNTRY_UNITS = new Set(['country', 'member', 'state', 'nation', 'delegation', 'ally', 'government']);

/**
 * Nouns reports use for the same counted thing ("40 ships" in one, "more than 60 vessels" in another), each mapped to
 * the name they are compared under. Kept to plain synonyms: "tanks" and "armoured vehicles" or "missiles" and
 * "rockets" may count different things, so they stay apart.
 */
const UNIT_SYNONYMS: Record<string, string> = {
  vessel: 'ship', warship: 'ship',
  soldier: 'troop',
  plane: 'aircraft', jet: 'aircraft', warplane: 'aircraft',
  uav: 'drone',
};

/** The unit a quantity is compared under: "vessels" and "ships" both "ship". */
export function comparableUnit(unit: string): string {
  const word = singular(fold(unit.trim().split(/\s+/).at(-1) ?? ''));
  return UNIT_SYNONYMS[word] ?? word;
}

/** "member states", "countries", "delegations": units counting the states taking part. */
export function isStateUnit(unit: string): boolean {
  const words = fold(unit).split(/\s+/).filter((w) => w !== '').map(singular);
  // The head noun decides: "allied countries", "European Union countries", "member states".
  const head = words[words.length - 1];
  return head !== undefined && COUNTRY_UNITS.has(head);
}

const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${Object.keys(WORD_NUMBERS).join('|')})`;
const QUALIFIER = `(?:(${Object.keys(QUALIFIERS).sort((a, b) => b.length - a.length).join('|')})\\s+)?`;
const QUANTITY = new RegExp(`\\b${QUALIFIER}${NUMBER}(?:\\s+(?:new|more|additional|extra|multinational|allied|foreign))?\\s+([A-Za-z][A-Za-z-]+)`, 'gi');

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1);
  return word;
}

export function findQuantities(ctx: FusionContext): Quantity[] {
  const out: Quantity[] = [];
  for (const r of ctx.reports) {
    const id = r.article.id;
    const text = r.article.text;
    const taken: { start: number; end: number }[] = [...r.analysis.times];
    // Counts the events stage attached to an event: states are compared per event, anything else (troops, ships)
    // story-wide like any other quantity.
    for (const e of r.analysis.events) {
      // Casualties are compared per event (events.ts, disagreements.ts).
      for (const c of e.casualties ?? []) taken.push(c.span);
      for (const c of e.participantCounts) {
        taken.push(c.span);
        const unit = singular(fold(c.unit.trim().split(/\s+/).at(-1) ?? ''));
        if (isStateUnit(c.unit) || NOT_FACT_UNITS.has(unit) || ctx.inHeadline(id, c.span)) continue;
        const qualifier: Qualifier = c.qualifier === 'all' ? 'exact' : c.qualifier;
        out.push({ value: c.value, qualifier, unit, citation: ctx.cite(id, c.span) });
      }
    }
    for (const m of text.matchAll(QUANTITY)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const qualifierText = m[1];
      const numberText = m[2] ?? '';
      const unit = singular(fold(m[3] ?? ''));
      if (NOT_FACT_UNITS.has(unit) || COUNTRY_UNITS.has(unit)) continue;
      // "Article 5 of", "19 other countries", "2028" are not counts of anything.
      const value = WORD_NUMBERS[numberText.toLowerCase()] ?? Number(numberText.replace(/,/g, ''));
      if (!Number.isFinite(value) || value < 2 || /^(?:1[89]|20)\d\d$/.test(numberText)) continue;
      if (/\b(?:article|section|chapter|paragraph|no\.?|number|page)\s*$/i.test(text.slice(Math.max(0, start - 10), start))) continue;
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      if (ctx.inHeadline(id, { start, end })) continue;
      const qualifier = qualifierText ? (QUALIFIERS[qualifierText.toLowerCase()] ?? 'exact') : 'exact';
      out.push({ value, qualifier, unit, citation: ctx.cite(id, { start, end }) });
    }
  }
  return out;
}

/** The values a stated number allows, as an inclusive interval. */
export function interval(value: number, qualifier: Qualifier): [number, number] {
  /** "About 1,000" allows a tenth either way: journalists round to the nearest round number. */
  const ABOUT = 0.1;
  switch (qualifier) {
    case 'exact':
    case 'all':
      return [value, value];
    case 'about':
      return [value * (1 - ABOUT), value * (1 + ABOUT)];
    case 'more-than':
      return [value + 1, Number.POSITIVE_INFINITY];
    case 'at-least':
      return [value, Number.POSITIVE_INFINITY];
    case 'fewer-than':
      return [0, value - 1];
    case 'at-most':
      return [0, value];
  }
}

export function intervalsConflict(a: [number, number], b: [number, number]): boolean {
  return a[1] < b[0] || b[1] < a[0];
}

/** "more than 20", "about 1,000", "30". */
export function displayNumber(value: number, qualifier: Qualifier): string {
  const n = groupThousands(value);
  switch (qualifier) {
    case 'exact':
      return n;
    case 'all':
      return `all ${n}`;
    case 'about':
      return `about ${n}`;
    case 'more-than':
      return `more than ${n}`;
    case 'at-least':
      return `at least ${n}`;
    case 'fewer-than':
      return `fewer than ${n}`;
    case 'at-most':
      return `up to ${n}`;
  }
}

/** Stable key for a stated number: "=30", "~1000", ">20". */
export function numberKey(value: number, qualifier: Qualifier): string {
  const sign = { exact: '=', all: '=', about: '~', 'more-than': '>', 'at-least': '>=', 'fewer-than': '<', 'at-most': '<=' }[qualifier];
  return `${sign}${value}`;
}

/** 1000 → "1,000", locale-independent so output never depends on the machine. */
export function groupThousands(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

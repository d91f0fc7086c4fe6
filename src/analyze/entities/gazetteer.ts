/**
 * Countries, their other names, demonyms and capitals (from world-countries, see data/countries.ts), plus rules
 * that recognise a demonym of a place the gazetteer does not know ("Velorian" for "Veloria").
 */
import { COUNTRIES } from './data/countries.js';

export interface Country {
  readonly code: string;
  readonly name: string;
}

/** Capitals newspapers use in a shorter form than the gazetteer. */
const EXTRA_CAPITALS: Record<string, string[]> = { USA: ['Washington'] };

/** Demonyms that are also common first words of unrelated names or ordinary words; never taken alone. */
const AMBIGUOUS_DEMONYMS = new Set(['guinea', 'chad', 'jersey', 'man', 'georgia', 'jordan', 'turkey', 'niger', 'china']);

const byName = new Map<string, Country>();
const byDemonym = new Map<string, Country>();
const byCapital = new Map<string, Country>();
const countryByCode = new Map<string, Country>();

// Sovereign states first, so a name or demonym shared with a territory ("French" for France and the French
// Southern and Antarctic Lands) goes to the state.
const ordered = [...COUNTRIES].sort((a, b) => b[5] - a[5]);
for (const [code, name, aliases, demonyms, capitals] of ordered) {
  const country: Country = { code, name };
  countryByCode.set(code, country);
  for (const n of [name, ...aliases]) {
    const key = n.toLowerCase();
    if (!byName.has(key)) byName.set(key, country);
  }
  for (const d of demonyms) {
    for (const form of demonymForms(d)) {
      const key = form.toLowerCase();
      if (!byDemonym.has(key) && !byName.has(key)) byDemonym.set(key, country);
    }
  }
  for (const c of [...capitals, ...(EXTRA_CAPITALS[code] ?? [])]) {
    const key = c.toLowerCase();
    if (!byCapital.has(key)) byCapital.set(key, country);
  }
}

/** The singular and plural of a demonym ("American", "Americans"; "French" has no plural). */
function demonymForms(d: string): string[] {
  if (/(?:ese|ish|ch|ss|sh|x|z)$/i.test(d)) return [d];
  if (/man$/.test(d)) return [d, d.slice(0, -3) + 'men'];
  return [d, d + 's'];
}

/** Strip a leading article ("the United States", "The Netherlands"). */
function key(name: string): string {
  return name.replace(/^the\s+/i, '').toLowerCase();
}

export function countryByName(name: string): Country | undefined {
  return byName.get(key(name)) ?? byName.get(name.toLowerCase());
}

export function countryByDemonym(word: string): Country | undefined {
  const k = word.toLowerCase();
  if (AMBIGUOUS_DEMONYMS.has(k)) return undefined;
  return byDemonym.get(k);
}

export function countryByCapital(name: string): Country | undefined {
  return byCapital.get(key(name));
}

export function countryForCode(code: string): Country | undefined {
  return countryByCode.get(code);
}

/** Minimum stem length shared by an unknown demonym and a place name: shorter stems match too many words. */
const MIN_DEMONYM_STEM = 4;

/** The demonym forms the usual English suffix rules give for a one-word place (lower case, singular). */
function derivedDemonyms(place: string): string[] {
  if (place.includes(' ') || !/^\p{Lu}/u.test(place)) return [];
  const p = place.toLowerCase();
  if (p.length < MIN_DEMONYM_STEM) return [];
  const stem = p.replace(/[aeiouy]$/, '');
  return [
    p + 'n', p + 'an', p + 'ian', p + 'ese', p + 'i', p + 'ish', p + 'er',
    stem + 'ian', stem + 'an', stem + 'ese', stem + 'i', p.replace(/(?:en|ia|y|a|e)$/, '') + 'ish',
  ].filter((d) => d !== p);
}

/**
 * Is `word` a demonym of the place `place` by the usual English suffix rules? Covers "Veloria" → "Velorian(s)",
 * "Morvania" → "Morvanian", "Italy" → "Italian", "Japan" → "Japanese", "Sweden" → "Swedish", "Iraq" → "Iraqi".
 */
export function isDerivedDemonym(word: string, place: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  return derivedDemonyms(place).includes(word.toLowerCase().replace(/s$/, ''));
}

/** Index of derived demonyms (lower-case singular → place) for a set of places: one lookup per word instead of a scan. */
export function derivedDemonymIndex(places: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const place of places) for (const d of derivedDemonyms(place)) if (!index.has(d)) index.set(d, place);
  return index;
}

export function lookupDerivedDemonym(index: ReadonlyMap<string, string>, word: string): string | undefined {
  if (!/^\p{Lu}/u.test(word)) return undefined;
  const lower = word.toLowerCase();
  return index.get(lower) ?? (lower.endsWith('s') ? index.get(lower.slice(0, -1)) : undefined);
}

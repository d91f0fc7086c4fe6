/**
 * Normalisation used to match what different outlets wrote: case, accents ("communiqué" / "communique"), curly and
 * straight quotes and apostrophes, possessive "'s", whitespace and punctuation all stop mattering.
 */

/** Lower-case, accents removed, typographic apostrophes made straight. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

/** Words of a text, folded, without punctuation or possessive "'s". */
export function normaliseWords(text: string): string[] {
  return fold(text)
    .replace(/'s\b/g, '')
    .replace(/(\d),(\d)/g, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Is `needle` a contiguous run of `haystack`? */
export function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Words that carry no meaning in a role ("the chair of the committee" = "committee chair" for matching). */
const ROLE_STOPWORDS = new Set(['the', 'a', 'an', 'of', 'for', 'its', 'his', 'her', 'their', 'at', 'to', 'in', 'on', 'and', 'who', 'also', 'which']);
/** Adjectives that say when someone took a role, not which role it is ("the newly appointed commander"). */
const TRANSIENT_ROLE_WORDS = new Set(['newly', 'appointed', 'new', 'current', 'incumbent', 'recently']);

/** Role as a sorted set of stems: "chairs the alliance's military committee" = "chair of the alliance's military committee". */
export function roleKey(role: string): string {
  const stems = normaliseWords(role)
    .filter((w) => !ROLE_STOPWORDS.has(w) && !TRANSIENT_ROLE_WORDS.has(w))
    .map(stem);
  return [...new Set(stems)].sort().join(' ');
}

/** Crude English stem: enough to equate "chairs"/"chair", "leads"/"lead", "forces"/"force". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Titles written before names; entity names come without them, aliases may carry them. */
const NAME_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'gen', 'general', 'adm', 'admiral', 'col', 'colonel', 'maj', 'major',
  'capt', 'captain', 'lt', 'sgt', 'cmdr', 'rep', 'sen', 'gov', 'pres', 'president', 'minister', 'rev', 'st',
]);

/** Name words without titles, folded: "Adm. Henrik Solberg" → ["henrik", "solberg"]. */
export function nameWords(name: string): string[] {
  const words = normaliseWords(name);
  let i = 0;
  while (i < words.length - 1 && NAME_TITLES.has(words[i] ?? '')) i++;
  return words.slice(i);
}

/** Count of words shared by two word lists over the size of the smaller (0 when either is empty). */
export function overlapRatio(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const shared = new Set(a.filter((w) => sb.has(w))).size;
  return shared / Math.min(new Set(a).size, sb.size);
}

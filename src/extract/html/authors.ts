/**
 * Turns byline strings ("By Jane Doe and John Roe, Reuters", "Jane DoeReuters",
 * "Email the author") into clean person names.
 */

/** News agencies and generic credits that appear in bylines but are not people. */
const NOT_PEOPLE =
  /^(?:reuters|associated press|the associated press|ap|afp|agence france-presse|dpa|ansa|efe|upi|bloomberg|pti|ians|xinhua|staff|staff writer|staff reporter|staff writers|editorial staff|editor|editors|the editors|news desk|newsdesk|web desk|desk|admin|administrator|guest|contributor|correspondent|team|redaktion|redacción|redação|rédaction|agencies|agency|wire|wires|press release)$/i;

const LEADING_BY = /^(?:by|from|written by|posted by|words by|reporting by|von|por|par|door)\s*:?\s+/i;
const NOISE =
  /\b(?:email the author|e-mail the author|follow (?:on|me|him|her)\b.*|contact the author|view all posts|more from this author|updated|published|posted|last updated|min(?:ute)?s? read|read more)\b.*$/i;
const HANDLE = /@\w+/g;
const EMAIL = /\S+@\S+\.\S+/g;
const URL_LIKE = /https?:\/\/\S+/g;
const DIGITS = /\d/;
const SEPARATORS = /\s*(?:,|;|\||\/|&|·|•|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bwith\b)\s*/i;
/** Longest plausible person name; longer strings are sentences or bios. */
const MAX_NAME_LENGTH = 60;
const MAX_NAME_WORDS = 5;

/**
 * Cleans raw byline strings into person names, dropping the outlet (also when glued on
 * without a space), agencies, handles, e-mail prompts and dates; de-duplicated, order kept.
 */
export function cleanAuthors(raw: readonly string[], outlet?: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const outletLower = outlet?.toLowerCase();
  for (const entry of raw) {
    for (const part of splitByline(entry)) {
      const name = cleanName(part, outlet, outletLower);
      if (name === undefined) continue;
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

function splitByline(entry: string): string[] {
  const cleaned = entry
    .replace(URL_LIKE, ' ')
    .replace(EMAIL, ' ')
    .replace(HANDLE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(NOISE, '')
    .replace(LEADING_BY, '');
  return cleaned.split(SEPARATORS);
}

function cleanName(part: string, outlet: string | undefined, outletLower: string | undefined): string | undefined {
  let name = part.replace(LEADING_BY, '').replace(/^[\s\-–—:·•]+|[\s\-–—:·•.]+$/g, '').trim();
  if (outlet && outletLower) {
    // "Jane DoeReuters" / "Jane Doe Reuters": the outlet glued to the end of the name.
    if (name.toLowerCase().endsWith(outletLower) && name.length > outlet.length) {
      name = name.slice(0, name.length - outlet.length).trim();
    }
    if (name.toLowerCase() === outletLower) return undefined;
  }
  name = stripGluedAgency(name);
  if (name === '' || name.length > MAX_NAME_LENGTH || DIGITS.test(name)) return undefined;
  if (NOT_PEOPLE.test(name)) return undefined;
  const words = name.split(' ');
  if (words.length > MAX_NAME_WORDS) return undefined;
  // Latin-script names are capitalised; a lower-case word other than a particle means a phrase, not a name.
  for (const word of words) {
    const first = word[0]!;
    if (first.toLowerCase() !== first.toUpperCase() && first === first.toLowerCase() && !NAME_PARTICLES.has(word)) return undefined;
  }
  return name;
}

const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'al', 'el', 'y', 'e', 'ter', 'zu']);

/** A camel-case join ("DoeReuters") of a name and a known agency credit. */
const GLUED_AGENCY = /([a-zà-ÿ])(Reuters|Bloomberg|AFP|AP|CNN|BBC|Staff|Correspondent|Contributor)$/;

function stripGluedAgency(name: string): string {
  return name.replace(GLUED_AGENCY, '$1').trim();
}

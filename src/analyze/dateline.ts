/**
 * Wire datelines ("PARIS, Nov 18 (Globe Wire) - ", "WASHINGTON (AP) — ", "ARLINGTON, Va., Dec. 2 —", "VELL — "): where
 * the outlet filed from, printed at the start of a paragraph. One pattern for every stage that must keep a dateline out
 * of what it reads (quote contents, event places and dates, entity types, dossier sentences).
 */

/**
 * A dateline at the start of a string: a place in capitals (with an optional ", State"), an optional date, an optional
 * agency in parentheses (group 1), a dash and the space after it.
 */
export const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,40}?(?:, [\p{L}.]+(?: [\p{L}.]+)*?)?(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\(([^)\n]{1,40})\))?\s*(?:—|–|―|-{1,2})\s+/u;

export interface Dateline {
  /** Offset of the dateline's first letter. */
  readonly start: number;
  /** Offset after the dateline (after its dash and the space that follows). */
  readonly end: number;
  /** The agency in parentheses, if any ("Globe Wire"). */
  readonly agency?: { readonly start: number; readonly end: number };
}

/** The dateline starting at `start` in `text`, if one does. */
export function datelineAt(text: string, start: number): Dateline | null {
  const m = DATELINE.exec(text.slice(start, start + 120));
  if (!m) return null;
  const agency = m[1];
  if (agency === undefined) return { start, end: start + m[0].length };
  const at = start + m[0].lastIndexOf(`(${agency})`) + 1;
  return { start, end: start + m[0].length, agency: { start: at, end: at + agency.length } };
}

/** The datelines of `text`, one per paragraph at most (at the text's start or after a line break). */
export function datelinesOf(text: string): Dateline[] {
  const out: Dateline[] = [];
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1) {
    let s = i;
    while (text[s] === ' ' || text[s] === '\t') s++;
    const d = datelineAt(text, s);
    if (d) out.push(d);
    if (text.indexOf('\n', i) < 0) break;
  }
  return out;
}

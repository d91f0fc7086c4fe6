/**
 * Where the text is inside double quotation marks. Straight quotes toggle; curly and guillemet quotes open and
 * close; a paragraph break closes any open quote (multi-paragraph quotes reopen at the next paragraph).
 */
export interface Region {
  readonly start: number;
  readonly end: number;
}

const OPEN = new Set(['“', '«', '„']);
const CLOSE = new Set(['”', '»']);

export function quoteRegions(text: string): Region[] {
  const regions: Region[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\n' && text[i + 1] === '\n') {
      if (open >= 0) regions.push({ start: open, end: i });
      open = -1;
    } else if (OPEN.has(c) && open < 0) {
      open = i;
    } else if (CLOSE.has(c) && open >= 0) {
      regions.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === '"') {
      if (open < 0) open = i;
      else {
        regions.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  if (open >= 0) regions.push({ start: open, end: text.length });
  return regions;
}

/** A membership test over sorted, disjoint regions (binary search). */
export function insideRegions(regions: readonly Region[]): (offset: number) => boolean {
  return (offset) => {
    let lo = 0;
    let hi = regions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = regions[mid];
      if (!r) return false;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

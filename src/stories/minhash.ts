/**
 * Near-duplicate detection: MinHash signatures over word shingles, banded into an LSH table, and an exact hash of
 * the normalised text. 32-bit integer arithmetic only (Math.imul), so signatures are identical on every platform.
 */

/** Words per shingle: long enough that two different articles on one event rarely share many, short enough that one edited word spoils few. */
export const SHINGLE_WORDS = 4;
/** LSH bands × rows = signature length. 16 bands of 3 rows find a pair with Jaccard 0.5 with probability 0.88 and 0.8 with ≈1, while pairs at 0.2 collide in 12 % of cases (and are then rejected by the containment check). */
export const LSH_BANDS = 16;
export const LSH_ROWS = 3;
export const SIGNATURE_LENGTH = LSH_BANDS * LSH_ROWS;

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 finaliser: a bijection on 32-bit integers that spreads every input bit over the output. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_LENGTH);
  let state = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    state = mix32(state + 0x6d2b79f5);
    seeds[i] = state;
  }
  return seeds;
})();

/** Distinct shingle hashes of a word sequence (a text shorter than one shingle gives one shingle of all its words). */
export function shingleHashes(words: readonly string[]): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map((w) => hashString(w));
  const seen = new Set<number>();
  const count = Math.max(1, wordHashes.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < count; i++) {
    let h = 0x2545f491;
    const end = Math.min(i + SHINGLE_WORDS, wordHashes.length);
    for (let j = i; j < end; j++) h = mix32(h ^ (wordHashes[j] ?? 0));
    seen.add(h);
  }
  return Uint32Array.from(seen);
}

/** MinHash signature: for each of `SIGNATURE_LENGTH` hash functions, the minimum over the shingles. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] ?? 0;
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const v = mix32(x ^ (SEEDS[i] ?? 0));
      if (v < (signature[i] ?? 0)) signature[i] = v;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_LENGTH;
}

/**
 * Estimated share of the smaller shingle set found in the larger one, from the Jaccard estimate and the two set
 * sizes (|A∩B| = J·(|A|+|B|)/(1+J)). Containment, not Jaccard, is what says "the same article": a re-crawl with
 * a teaser list appended or a wire copy with an extra paragraph contains the original almost entirely even though
 * their Jaccard similarity is only about one half.
 */
export function estimatedContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}

/** Bucket keys of a signature, one per band; kept below 2^30 so V8 stores them as small integers. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = mix32(band + 1);
    for (let r = 0; r < LSH_ROWS; r++) h = mix32(h ^ (signature[band * LSH_ROWS + r] ?? 0));
    keys.push(h & 0x3fffffff);
  }
  return keys;
}

/** Normalised text for the exact-duplicate hash: words only, lower case, single spaces. */
export function exactKey(words: readonly string[]): string {
  const joined = words.join(' ');
  return `${hashString(joined).toString(36)}.${hashString(joined, 0x01234567).toString(36)}.${joined.length.toString(36)}`;
}

/**
 * Incremental story clustering with near-duplicate detection.
 *
 * Each `add` runs four steps in a fixed order:
 *  1. duplicate check — exact hash of the normalised text, same canonical URL, then MinHash-LSH candidates whose
 *     estimated containment is high. A copy joins its original's story (when the time window and the user's
 *     constraints allow) without counting towards document frequencies or the story's centroid, so a wire story
 *     syndicated thirty times weighs as one report;
 *  2. candidate retrieval — the article's names and most distinctive terms are looked up in inverted indexes from
 *     term to story; each posting list is read only back to its `POSTING_SCAN_CAP` newest entries and stories outside
 *     the publication-time window are skipped, so the work per article does not grow with the store;
 *  3. decision — IDF-weighted cosine of the article against each candidate story's centroid, mixed with the
 *     cosine of their name vectors, plus a share of the cosine of the figures both state, with the publication-time
 *     evidence (to the hour when stated) and a penalty when both state event days that lie far apart; a story of two or
 *     more reports is only open to an article about as close to its members as they are to each other
 *     (`coherenceShare`); the best remaining story above `joinThreshold` wins (ties: the older story);
 *  4. bridging — other candidate stories the article matches above `bridgeThreshold` are merged into that story, and
 *     candidate stories of one report that the article matches and that now reach `joinThreshold` against the grown
 *     story join it (re-placement);
 *  5. repair — when the story's contributing reports reach 4, 6, 9, 14, … it is re-examined and split in two when its
 *     best 2-way partition separates clearly (`splitRatio`), undoing an early wrong join before it snowballs.
 * Hand-made merges and splits are constraints (see constraints.ts) honoured at every step. No clock: the order of
 * `add` calls is the only order, and every tie is broken by creation order, so the same input gives the same ids.
 */

import { ConstraintSet, type StoryConstraints } from './constraints.js';
import { canonicalUrl, dayNumber, publicationTime, textFeatures, type StoryDocument } from './features.js';
import {
  bandKeys,
  estimatedContainment,
  estimatedJaccard,
  exactKey,
  minhashSignature,
  shingleHashes,
} from './minhash.js';
import { EMPTY_VECTOR, addScaled, fromEntries, prune, unitLengthIdf, type SparseVector } from './vectors.js';

export interface ClustererOptions {
  /** Similarity (0–1) an article needs with a story to join it rather than start a new one. */
  readonly joinThreshold: number;
  /** Similarity with a second candidate story at which the article bridges the two and they merge. */
  readonly bridgeThreshold: number;
  /** Share of the similarity taken from the name channel when both article and story have names. */
  readonly nameWeight: number;
  /**
   * Similarity gained per unit of cosine between the figures (tolls, scores, sums, magnitudes; not years) of article
   * and story: two reports that state the same specific numbers describe the same occurrence.
   */
  readonly figureWeight: number;
  /**
   * An article may join a story of two or more contributing reports only when its mean similarity to them (average
   * link) is at least this share of their mean similarity to each other (0 turns the check off).
   */
  readonly coherenceShare: number;
  /**
   * Split repair: when a story's contributing reports reach 4, 6, 9, 14, … it is re-examined, and split in two when the
   * mean similarity between the two groups of its best 2-way partition is below this share of the mean similarity
   * within them (0 turns the repair off). See `repair`.
   */
  readonly splitRatio: number;
  /**
   * After an article joins a story, the other candidate stories of one report that the article matches at
   * `joinThreshold` are placed again against the grown story, and merge in when they reach it there too
   * (see `absorbLoneReports`).
   */
  readonly replaceLoneReports: boolean;
  /**
   * Similarity gained when the article's date falls inside the story's date range (both dated), on a day of one story;
   * less on a busy day (`busyDaySpread`).
   */
  readonly sameDateBonus: number;
  /**
   * How much of `sameDateBonus` a busy day costs: the bonus shrinks by this times √(2 ln k), k being the stories a day
   * holds (see `storiesPerDay`): the best of k unrelated same-day stories scores about that many spreads above their
   * mean by chance, so on a day of many stories sharing the date says less about which one an article belongs to.
   */
  readonly busyDaySpread: number;
  /** Similarity lost per day between the article's date and the nearest end of the story's date range. */
  readonly dayPenalty: number;
  /**
   * Similarity lost when article and story both state event days (`StoryDocument.dates`, day precision) and none of
   * the article's lies within `eventDayTolerance` days of any of the story's: a different occurrence of the same kind.
   */
  readonly eventDatePenalty: number;
  /** Days apart two stated event days may lie and still be read as one event (reports round and re-date). */
  readonly eventDayTolerance: number;
  /** Days before a story's first and after its last article within which a new article may still join it. */
  readonly windowDays: number;
  /** Estimated share of the shorter text found in the longer above which two articles are copies of one text. */
  readonly duplicateContainment: number;
  /** Hand-made merges and splits to honour, e.g. from `StoryClusterer.constraints()` of an earlier run. */
  readonly constraints: StoryConstraints | undefined;
}

/**
 * One configuration for every corpus (chosen on the ECB+, AllSides and NeuS dev sets together, never per set):
 *  - joinThreshold 0.25: reports of one event share a quarter of their IDF-weighted vocabulary with the story's
 *    centroid; two events on one topic (two quakes, two rulings) mostly stay below because their names, places and
 *    figures differ. Lower merges same-topic events, higher splits stories whose outlets frame them differently;
 *  - bridgeThreshold 0.5: merging two whole stories is riskier than placing one article, so it needs a confident
 *    match with the second story too;
 *  - nameWeight 0.15: names and figures decide between same-topic events, but capitalised-word proxies are noisy, and
 *    news on one running topic shares its names (the president, the agency) across stories, so they are a minority of
 *    the score. With the coherence check below, 0.1–0.2 moves ECB+ by under 0.005 (mean over orders) while NeuS gains
 *    0.012 from 0.2 to 0.15;
 *  - figureWeight 0.05: reports of two events on one topic share their vocabulary and often their names (the second
 *    report recalls the first), but rarely their figures — a toll, a score, a sum. Agreement on figures is positive
 *    evidence only: outlets round and convert figures differently, so their absence is no conflict. Small, because a
 *    shared small number ("2", "10") happens by chance; between 0.03 and 0.08 the dev sets move by under 0.005;
 *  - coherenceShare 0.4: the first report of a second same-topic event can reach `joinThreshold` against the story of
 *    the first event, and once it joins, the mixed centroid draws in the rest of both events. Comparing the article with
 *    the story's own coherence stops most such joins: a tight story (copies, one wire report retold) asks for a close
 *    match, a loose one (news and opinion on one debate) stays open. Between 0.35 and 0.45 all three dev sets gain;
 *    at 0.5 stories of long reports start to split;
 *  - splitRatio 0.65: the coherence check stops most wrong joins, but a story of one report has no coherence yet, so the
 *    first report of a second same-topic event can still join at 0.25–0.55, and then draws in the rest of both. Two
 *    events told in one story separate as two groups whose mean similarity across is well under two thirds of that
 *    within; reports of one event told from different angles stay above. On the order-averaged dev sets, 0.6–0.7 is a
 *    plateau (ECB+ 0.895–0.899, AllSides 0.943, NeuS 0.834–0.836; all three gain from 0.5 to 0.8, ECB+ most);
 *  - replaceLoneReports: in arrival order the first report of an event often stays alone — the next report shares a
 *    different part of the vocabulary and starts the story beside it, and the first is never compared with the grown
 *    story again. Placing a lone candidate report again after a join, when the joining article reaches it, undoes that
 *    (mean over 11 orders: ECB+ 0.897 → 0.905, AllSides 0.953 → 0.955, NeuS 0.839 → 0.845). Without the article's own
 *    link ECB+ gains more (0.906) but NeuS loses what it gained and reports the story's coherence check turned away get
 *    in once the story loosens; re-placing two-report stories as well costs NeuS, where two short reports are no
 *    settled picture of an event;
 *  - sameDateBonus 0.21 and busyDaySpread 0.03: sharing the day is strong evidence on a quiet day and weak on a busy
 *    one. The best of k unrelated same-day stories scores about σ·√(2 ln k) above their mean by chance, σ being the
 *    spread of the cosine between unrelated reports — 0.022–0.037 on all three dev sets, hence 0.03 — so the bonus
 *    shrinks by that much: 0.16 on a day of 3–4 stories (AllSides roundups), 0.12 on a day of 60 (the synthetic stream,
 *    where the constant 0.12 stood before). Opinion pieces and explainers share little wording with the news they
 *    comment on, and on a quiet day the date is what places them;
 *  - dayPenalty 0.3: most reports of an event appear the same day; a report a day later is
 *    usually a new development, so each day away costs more than sharing the date gains;
 *  - eventDatePenalty 0.15 and eventDayTolerance 3: two reports whose stated event days are weeks apart describe two
 *    meetings or two quakes even when people and place are the same; the penalty removes the names' share of the
 *    score. Three days absorb "Monday" vs "Tuesday" disagreements between outlets. Only dates the caller resolved
 *    (the analysis' event dates) count, so the dev sets, which carry none, do not see it;
 *  - windowDays 7: a story that got no report for a week is closed, so a story re-told months later starts afresh;
 *  - duplicateContainment 0.8: a copy keeps at least 80 % of its 4-word shingles, while two independently written
 *    reports of one event share well under half.
 */
export const DEFAULT_OPTIONS: ClustererOptions = {
  joinThreshold: 0.25,
  bridgeThreshold: 0.5,
  nameWeight: 0.15,
  figureWeight: 0.05,
  coherenceShare: 0.4,
  splitRatio: 0.65,
  replaceLoneReports: true,
  sameDateBonus: 0.21,
  busyDaySpread: 0.03,
  dayPenalty: 0.3,
  eventDatePenalty: 0.15,
  eventDayTolerance: 3,
  windowDays: 7,
  duplicateContainment: 0.8,
  constraints: undefined,
};

/** A plain-JSON image of a clusterer's whole state (`StoryClusterer.toJSON`), restored by `fromJSON`. */
export interface ClustererSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly options: Omit<ClustererOptions, 'constraints'>;
  readonly constraints: StoryConstraints;
  readonly terms: VocabularySnapshot;
  readonly names: VocabularySnapshot;
  readonly articles: readonly ArticleSnapshot[];
  readonly stories: readonly StorySnapshot[];
  readonly alias: readonly number[];
  readonly termPostings: readonly (readonly [number, readonly number[]])[];
  readonly namePostings: readonly (readonly [number, readonly number[]])[];
  readonly exact: readonly (readonly [string, number])[];
  readonly urls: readonly (readonly [string, number])[];
  readonly buckets: readonly (readonly [number, number | readonly number[]])[];
  /** Publication day → stories started on it; absent in snapshots written before the busy-day bonus (then estimated). */
  readonly storiesStarted?: readonly (readonly [number, number])[];
}

interface VocabularySnapshot {
  readonly words: readonly string[];
  readonly df: readonly number[];
  readonly docs: number;
}

type VectorSnapshot = readonly [readonly number[], readonly number[]];

interface ArticleSnapshot {
  readonly id: string;
  readonly story: number;
  readonly duplicateOf: number;
  readonly contributes: boolean;
  readonly day: number | null;
  readonly terms: VectorSnapshot;
  readonly names: VectorSnapshot;
  readonly signature: readonly number[];
  readonly shingles: number;
  /** Absent in snapshots written before event days were kept. */
  readonly eventDays?: readonly number[];
}

interface StorySnapshot {
  readonly members: readonly number[];
  readonly centroid: VectorSnapshot;
  readonly names: VectorSnapshot;
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  readonly eventDays?: readonly number[];
  /** Absent in snapshots written before story coherence was kept; then estimated from the centroid. */
  readonly contributors?: number;
  readonly pairSimilarity?: number;
  readonly alive: boolean;
}

const SNAPSHOT_FORMAT = 'triangulate-stories/1';

export interface Assignment {
  /** Story the article joined; it can change later when stories merge (see `storyOf`). */
  readonly storyId: string;
  /** The earliest article this one copies, when it is an exact or near duplicate. */
  readonly duplicateOf?: string;
  /** Similarity with the chosen story (1 for a copy or a hand-made constraint, 0 for a new story). */
  readonly similarity: number;
  /** Candidate stories scored in full. */
  readonly candidates: number;
}

/** Days before an article's day whose mean count of new stories stands for a day still under way. */
const BUSY_DAY_LOOKBACK = 7;

/** Contributing reports at which a story is first re-examined for a split; then each time it grows by half (`REPAIR_GROWTH`). */
const REPAIR_MIN_SIZE = 4;
/**
 * Growth between two repairs of one story: 4, 6, 9, 14, 21, … contributing reports. At each doubling (4, 8, …) two
 * merged stories of three reports each — a roundup of three outlets — were never looked at again; at 1.5 they are at 6.
 * Repairs stay logarithmic in a story's size (NeuS val +0.004 mean over 21 orders, AllSides +0.003, ECB+ ±0.001;
 * 1.25 gains NeuS another 0.002 but costs ECB+ 0.002).
 */
const REPAIR_GROWTH = 1.5;

/** Repairs are due whenever this step number rises: at 4, then each time the story grows by `REPAIR_GROWTH`. */
function repairStep(contributors: number): number {
  return contributors < REPAIR_MIN_SIZE ? -1 : Math.floor(Math.log(contributors / REPAIR_MIN_SIZE) / Math.log(REPAIR_GROWTH) + 1e-9);
}


/** Contributing reports compared pairwise in a repair (evenly spaced in arrival order); the rest follow the nearer side. */
const REPAIR_SAMPLE = 48;

/** Terms of an article used to look up and index stories: its most distinctive ones carry the story. */
const QUERY_TERMS = 16;
/** Newest entries read per posting list: an older entry of a frequent term is found through a rarer one. */
const POSTING_SCAN_CAP = 24;
/** Entries kept per posting list (older ones are dropped in halves), bounding memory for frequent terms. */
const POSTING_KEEP = 4 * POSTING_SCAN_CAP;
/** Stories scored in full per article, the best by summed IDF of shared index terms. */
const CANDIDATE_LIMIT = 12;
/** Terms kept in a story centroid (largest weight·IDF): its distinctive core; more only adds cost to every comparison. */
const CENTROID_MAX_TERMS = 128;
const CENTROID_MAX_NAMES = 96;
/** Articles kept per LSH bucket: a crowded bucket is one text copied many times, and its first members suffice. */
const BUCKET_CAP = 16;
/** Containment enough for a copy when two articles come from the same canonical URL. */
const SAME_URL_CONTAINMENT = 0.5;
/** Fewer shingles than this (about a dozen words) make containment estimates too coarse for near-duplicates. */
const MIN_SHINGLES_FOR_NEAR_DUPLICATE = 10;

interface ArticleState {
  readonly id: string;
  readonly index: number;
  story: number;
  readonly duplicateOf: number;
  /** Counted in document frequencies and its story's centroid (false for a copy that joined its original). */
  contributes: boolean;
  readonly day: number;
  readonly terms: SparseVector;
  readonly names: SparseVector;
  readonly signature: Uint32Array;
  readonly shingles: number;
  /** Stated event days (days since 1970), ascending. */
  readonly eventDays: readonly number[];
}

interface DenseScratch {
  values: Float64Array;
}

/** Index terms of one article: its most distinctive terms and names. */
interface Query {
  readonly terms: readonly number[];
  readonly names: readonly number[];
}

interface StoryState {
  readonly no: number;
  members: number[];
  centroid: SparseVector;
  names: SparseVector;
  firstDay: number;
  lastDay: number;
  /** Event days stated by its contributing articles, ascending, at most `STORY_EVENT_DAYS_MAX`. */
  eventDays: number[];
  /** Contributing members (copies excluded). */
  contributors: number;
  /**
   * Sum over pairs of contributing members of their IDF-weighted cosine, each pair taken when the later member joined
   * (as its dot product with the centroid of the earlier ones): the story's coherence without storing member pairs.
   */
  pairSimilarity: number;
  groups: Set<number>;
  alive: boolean;
}

class Vocabulary {
  readonly ids = new Map<string, number>();
  readonly df: number[] = [];
  /** Per id: the entry is a figure other than a year (see `isSpecificFigure`). */
  readonly figure: boolean[] = [];
  docs = 0;

  toJSON(): VocabularySnapshot {
    return { words: [...this.ids.keys()], df: [...this.df], docs: this.docs };
  }

  static fromJSON(snapshot: VocabularySnapshot): Vocabulary {
    const v = new Vocabulary();
    snapshot.words.forEach((word, i) => {
      v.ids.set(word, i);
      v.figure.push(isSpecificFigure(word));
    });
    v.df.push(...snapshot.df);
    v.docs = snapshot.docs;
    return v;
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.ids.set(term, id);
      this.df.push(0);
      this.figure.push(isSpecificFigure(term));
    }
    return id;
  }

  /** ln k for k < logs.length, grown on demand: IDF is read ~10⁴ times per article and Math.log dominated the profile. */
  private logs = new Float64Array(1024);
  private logsReady = 1;

  private ln(k: number): number {
    if (k >= this.logsReady) {
      if (k >= this.logs.length) {
        const grown = new Float64Array(Math.max(k + 1, this.logs.length * 2));
        grown.set(this.logs.subarray(0, this.logsReady));
        this.logs = grown;
      }
      for (let i = this.logsReady; i <= k; i++) this.logs[i] = Math.log(i);
      this.logsReady = k + 1;
    }
    return this.logs[k] ?? 0;
  }

  /** Smoothed IDF, ln(1 + N/df) = ln(N + df) − ln(df): about 0.7 for a term in every article, growing with rarity. */
  readonly idf = (id: number): number => {
    const df = Math.max(1, this.df[id] ?? 0);
    return this.ln(this.docs + df) - this.ln(df);
  };

  count(v: SparseVector, by: number): void {
    for (const id of v.ids) this.df[id] = (this.df[id] ?? 0) + by;
  }
}

/**
 * A figure key (`#…`, see features.ts) that is not a year: years are context ("since 2006", "the 2008 draft") that
 * reports of different events share, while tolls, scores and sums belong to one occurrence.
 */
function isSpecificFigure(key: string): boolean {
  return key.startsWith('#') && !/^#(19|20)\d\d$/u.test(key);
}

function sublinear(counts: ReadonlyMap<string, number>, vocabulary: Vocabulary): SparseVector {
  return fromEntries([...counts].map(([term, n]) => [vocabulary.id(term), 1 + Math.log(n)] as const));
}

/** Ids of the `limit` entries with the largest weight·IDF (ties: smaller id). */
function topTerms(v: SparseVector, limit: number, idf: (id: number) => number): number[] {
  const order = Array.from(v.ids.keys());
  const score = (k: number): number => (v.weights[k] ?? 0) * idf(v.ids[k] ?? 0);
  order.sort((x, y) => score(y) - score(x) || (v.ids[x] ?? 0) - (v.ids[y] ?? 0));
  return order.slice(0, limit).map((k) => v.ids[k] ?? 0);
}

export class StoryClusterer {
  private readonly options: ClustererOptions;
  private readonly constraintSet: ConstraintSet;
  private terms = new Vocabulary();
  private nameVocabulary = new Vocabulary();
  private readonly articles: ArticleState[] = [];
  private readonly articleIndex = new Map<string, number>();
  private readonly storyList: StoryState[] = [];
  /** Story number → the story it was merged into (itself while alive). */
  private readonly alias: number[] = [];
  private readonly termPostings = new Map<number, number[]>();
  private readonly namePostings = new Map<number, number[]>();
  private readonly exactIndex = new Map<string, number>();
  private readonly urlIndex = new Map<string, number>();
  private readonly buckets = new Map<number, number | number[]>();
  /** Scratch state reused by every `add` (never part of the clustering state). */
  private voteScratch = new Float64Array(1024);
  private readonly termScratch: DenseScratch = { values: new Float64Array(1024) };
  private readonly nameScratch: DenseScratch = { values: new Float64Array(1024) };
  /** Constraint group → a story holding its members. */
  private readonly groupStory = new Map<number, number>();
  /** Publication day (whole days since 1970) → stories started by an article of that day. */
  private readonly storiesStarted = new Map<number, number>();

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    const { joinThreshold, bridgeThreshold, nameWeight, figureWeight, coherenceShare, splitRatio, sameDateBonus, busyDaySpread, dayPenalty, eventDatePenalty, eventDayTolerance, windowDays, duplicateContainment } =
      this.options;
    for (const [name, value] of Object.entries({ joinThreshold, bridgeThreshold, nameWeight, figureWeight, coherenceShare, splitRatio, sameDateBonus, busyDaySpread, dayPenalty, eventDatePenalty, duplicateContainment })) {
      if (!(value >= 0 && value <= 1)) throw new RangeError(`stories: ${name} must be between 0 and 1, got ${value}`);
    }
    if (!(eventDayTolerance >= 0)) throw new RangeError(`stories: eventDayTolerance must be a non-negative number, got ${eventDayTolerance}`);
    if (!(windowDays >= 0)) throw new RangeError(`stories: windowDays must be a non-negative number, got ${windowDays}`);
    this.constraintSet = ConstraintSet.from(this.options.constraints);
  }

  /** Place one article; articles are processed strictly in call order. */
  add(doc: StoryDocument): Assignment {
    if (typeof doc.id !== 'string' || doc.id === '') throw new TypeError(`stories: article id must be a non-empty string, got ${JSON.stringify(doc.id)}`);
    if (this.articleIndex.has(doc.id)) throw new Error(`stories: article ${JSON.stringify(doc.id)} was already added`);
    const features = textFeatures(doc);
    const shingles = shingleHashes(features.words);
    const signature = minhashSignature(shingles);
    const exact = features.words.length > 0 ? exactKey(features.words) : undefined;
    const url = doc.url === undefined ? undefined : canonicalUrl(doc.url);
    const duplicateOf = this.findDuplicate(exact, url, signature, shingles.length);
    const termVector = sublinear(features.terms, this.terms);
    const nameVector = sublinear(features.names, this.nameVocabulary);
    const article: ArticleState = {
      id: doc.id,
      index: this.articles.length,
      story: -1,
      duplicateOf,
      contributes: true,
      day: publicationTime(doc.published) ?? Number.NaN,
      terms: termVector,
      names: nameVector,
      signature,
      shingles: shingles.length,
      eventDays: eventDaysOf(doc.dates),
    };
    this.articles.push(article);
    this.articleIndex.set(doc.id, article.index);
    if (exact !== undefined && !this.exactIndex.has(exact)) this.exactIndex.set(exact, article.index);
    if (url !== undefined && !this.urlIndex.has(url)) this.urlIndex.set(url, article.index);

    const group = this.constraintSet.groupOf(doc.id);
    const forced = group === undefined ? undefined : this.groupStory.get(group);
    let similarity = 0;
    let candidates = 0;
    let story: number;
    if (forced !== undefined) {
      story = this.resolve(forced);
      const query = this.contribute(article);
      similarity = 1;
      this.join(article, story, query);
    } else if (duplicateOf >= 0 && this.allowsDuplicateJoin(article, this.resolve(this.articleAt(duplicateOf).story))) {
      story = this.resolve(this.articleAt(duplicateOf).story);
      article.contributes = false;
      similarity = 1;
      this.join(article, story, undefined);
    } else {
      const query = this.contribute(article);
      const scored = this.scoreCandidates(article, query, duplicateOf);
      candidates = scored.length;
      const best = scored[0];
      if (best !== undefined && best.score >= this.options.joinThreshold) {
        story = best.story;
        similarity = best.score;
        const before = this.storyAt(story).contributors;
        this.join(article, story, query);
        for (const other of scored.slice(1)) {
          if (other.score < this.options.bridgeThreshold) break;
          story = this.tryMerge(story, other.story);
        }
        if (this.options.replaceLoneReports) story = this.absorbLoneReports(story, scored);
        const after = this.storyAt(story).contributors;
        if (this.options.splitRatio > 0 && after >= REPAIR_MIN_SIZE && repairStep(after) > repairStep(before)) {
          this.repair(story);
          story = this.resolve(article.story);
        }
      } else {
        story = this.newStory(article, query);
      }
    }
    if (article.contributes && duplicateOf < 0) this.indexSignature(article);
    if (group !== undefined) this.groupStory.set(group, this.resolve(story));
    const result: Assignment = { storyId: storyName(this.resolve(story)), similarity, candidates };
    return duplicateOf >= 0 ? { ...result, duplicateOf: this.articleAt(duplicateOf).id } : result;
  }

  /** Current story of an article, or undefined for an unknown id. */
  storyOf(articleId: string): string | undefined {
    const index = this.articleIndex.get(articleId);
    return index === undefined ? undefined : storyName(this.resolve(this.articleAt(index).story));
  }

  /** The earliest article the given one copies, if any. */
  duplicateOf(articleId: string): string | undefined {
    const index = this.articleIndex.get(articleId);
    if (index === undefined) return undefined;
    const original = this.articleAt(index).duplicateOf;
    return original < 0 ? undefined : this.articleAt(original).id;
  }

  /** Live stories in creation order, each with its article ids in the order they were added. */
  stories(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const s of this.storyList) {
      if (s.alive) out.set(storyName(s.no), s.members.map((m) => this.articleAt(m).id));
    }
    return out;
  }

  /** Article id → story id for every article added so far, in add order. */
  assignments(): Map<string, string> {
    return new Map(this.articles.map((a) => [a.id, storyName(this.resolve(a.story))]));
  }

  /** The hand-made constraints in force, to pass to a later run. */
  constraints(): StoryConstraints {
    return this.constraintSet.toJSON();
  }

  /** Hand-made merge: the two stories become one (the older id survives), and stay one when re-clustered. */
  merge(storyA: string, storyB: string): string {
    const a = this.liveStory(storyA);
    const b = this.liveStory(storyB);
    if (a.no === b.no) return storyName(a.no);
    const ids = [...a.members, ...b.members].map((m) => this.articleAt(m).id);
    const group = this.constraintSet.together(ids);
    const kept = this.mergeStories(a.no, b.no);
    this.refreshGroups(kept);
    this.groupStory.set(group, kept);
    return storyName(kept);
  }

  /**
   * Hand-made split: the given articles leave the story for a new one, and the two stay apart (each held together)
   * when re-clustered. Returns the new story's id.
   */
  split(storyId: string, articleIds: readonly string[]): string {
    const story = this.liveStory(storyId);
    const leaving = new Set<number>();
    for (const id of articleIds) {
      const index = this.articleIndex.get(id);
      if (index === undefined || this.resolve(this.articleAt(index).story) !== story.no) {
        throw new Error(`stories: article ${JSON.stringify(id)} is not in story ${storyId}`);
      }
      leaving.add(index);
    }
    if (leaving.size === 0 || leaving.size === story.members.length) {
      throw new Error(`stories: a split of ${storyId} must leave at least one of its ${story.members.length} articles on each side`);
    }
    const staying = story.members.filter((m) => !leaving.has(m));
    const moving = story.members.filter((m) => leaving.has(m));
    const [leftGroup, rightGroup] = this.constraintSet.separate(
      moving.map((m) => this.articleAt(m).id),
      staying.map((m) => this.articleAt(m).id),
    );
    const created = this.divideStory(story, staying, moving);
    this.groupStory.set(leftGroup, created.no);
    this.groupStory.set(rightGroup, story.no);
    return storyName(created.no);
  }

  /** The whole state as plain JSON; `StoryClusterer.fromJSON` continues exactly where this one stopped. */
  toJSON(): ClustererSnapshot {
    const { constraints: _ignored, ...options } = this.options;
    const vector = (v: SparseVector): VectorSnapshot => [Array.from(v.ids), Array.from(v.weights)];
    const day = (d: number): number | null => (Number.isNaN(d) ? null : d);
    return {
      format: SNAPSHOT_FORMAT,
      options,
      constraints: this.constraintSet.toJSON(),
      terms: this.terms.toJSON(),
      names: this.nameVocabulary.toJSON(),
      articles: this.articles.map((a) => ({
        id: a.id,
        story: a.story,
        duplicateOf: a.duplicateOf,
        contributes: a.contributes,
        day: day(a.day),
        terms: vector(a.terms),
        names: vector(a.names),
        signature: Array.from(a.signature),
        shingles: a.shingles,
        eventDays: [...a.eventDays],
      })),
      stories: this.storyList.map((st) => ({
        members: [...st.members],
        centroid: vector(st.centroid),
        names: vector(st.names),
        firstDay: day(st.firstDay),
        lastDay: day(st.lastDay),
        eventDays: [...st.eventDays],
        contributors: st.contributors,
        pairSimilarity: st.pairSimilarity,
        alive: st.alive,
      })),
      alias: [...this.alias],
      termPostings: [...this.termPostings].map(([k, list]) => [k, [...list]] as const),
      namePostings: [...this.namePostings].map(([k, list]) => [k, [...list]] as const),
      exact: [...this.exactIndex],
      urls: [...this.urlIndex],
      buckets: [...this.buckets].map(([k, b]) => [k, typeof b === 'number' ? b : [...b]] as const),
      storiesStarted: [...this.storiesStarted],
    };
  }

  /** Restore a clusterer from `toJSON()` output (e.g. after `JSON.parse`). */
  static fromJSON(snapshot: ClustererSnapshot): StoryClusterer {
    if (snapshot === null || typeof snapshot !== 'object' || snapshot.format !== SNAPSHOT_FORMAT) {
      const found = snapshot !== null && typeof snapshot === 'object' ? JSON.stringify(snapshot.format) : typeof snapshot;
      throw new Error(`stories: expected a snapshot of format ${SNAPSHOT_FORMAT}, got ${found}`);
    }
    // A snapshot written before an option existed continues with the behaviour it was written with: a flat same-date
    // bonus and no re-placement of lone reports (a re-cluster takes the current defaults).
    const earlier: Partial<ClustererOptions> = {
      ...(snapshot.options.busyDaySpread === undefined ? { busyDaySpread: 0 } : {}),
      ...(snapshot.options.replaceLoneReports === undefined ? { replaceLoneReports: false } : {}),
    };
    const c = new StoryClusterer({ ...earlier, ...snapshot.options, constraints: snapshot.constraints });
    const vector = (v: VectorSnapshot): SparseVector => ({ ids: Int32Array.from(v[0]), weights: Float32Array.from(v[1]) });
    const day = (d: number | null): number => (d === null ? Number.NaN : d);
    c.terms = Vocabulary.fromJSON(snapshot.terms);
    c.nameVocabulary = Vocabulary.fromJSON(snapshot.names);
    for (const [index, a] of snapshot.articles.entries()) {
      c.articles.push({
        id: a.id,
        index,
        story: a.story,
        duplicateOf: a.duplicateOf,
        contributes: a.contributes,
        day: day(a.day),
        terms: vector(a.terms),
        names: vector(a.names),
        signature: Uint32Array.from(a.signature),
        shingles: a.shingles,
        eventDays: [...(a.eventDays ?? [])],
      });
      c.articleIndex.set(a.id, index);
    }
    for (const [no, st] of snapshot.stories.entries()) {
      c.storyList.push({
        no,
        members: [...st.members],
        centroid: vector(st.centroid),
        names: vector(st.names),
        firstDay: day(st.firstDay),
        lastDay: day(st.lastDay),
        eventDays: [...(st.eventDays ?? [])],
        contributors: st.contributors ?? 0,
        pairSimilarity: st.pairSimilarity ?? 0,
        groups: new Set(),
        alive: st.alive,
      });
    }
    for (const [no, st] of snapshot.stories.entries()) {
      const story = c.storyList[no];
      if (story !== undefined && story.alive && (st.contributors === undefined || st.pairSimilarity === undefined)) c.estimateCoherence(story);
    }
    c.alias.push(...snapshot.alias);
    for (const [k, list] of snapshot.termPostings) c.termPostings.set(k, [...list]);
    for (const [k, list] of snapshot.namePostings) c.namePostings.set(k, [...list]);
    for (const [k, v] of snapshot.exact) c.exactIndex.set(k, v);
    for (const [k, v] of snapshot.urls) c.urlIndex.set(k, v);
    for (const [k, b] of snapshot.buckets) c.buckets.set(k, typeof b === 'number' ? b : [...b]);
    if (snapshot.storiesStarted !== undefined) for (const [day, n] of snapshot.storiesStarted) c.storiesStarted.set(day, n);
    else {
      // Older snapshot: each story counts on the day of its first member.
      for (const story of c.storyList) {
        const first = story.members[0];
        const day = first === undefined ? Number.NaN : (c.articles[first]?.day ?? Number.NaN);
        if (!Number.isNaN(day)) c.storiesStarted.set(Math.floor(day), (c.storiesStarted.get(Math.floor(day)) ?? 0) + 1);
      }
    }
    for (const story of c.storyList) {
      if (!story.alive) continue;
      c.refreshGroups(story.no);
      for (const g of story.groups) c.groupStory.set(g, story.no);
    }
    return c;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Duplicates

  private findDuplicate(exact: string | undefined, url: string | undefined, signature: Uint32Array, shingles: number): number {
    const byText = exact === undefined ? undefined : this.exactIndex.get(exact);
    if (byText !== undefined) return this.original(byText);
    const byUrl = url === undefined ? undefined : this.urlIndex.get(url);
    if (byUrl !== undefined) {
      // A re-crawl keeps most of the page, with a teaser list or an update added; a reused URL (a live page or a
      // recycled slug) can carry a different article, so the URL lowers the bar for containment but does not replace it.
      const earlier = this.articleAt(byUrl);
      const containment = estimatedContainment(estimatedJaccard(signature, earlier.signature), shingles, earlier.shingles);
      if (containment >= SAME_URL_CONTAINMENT) return this.original(byUrl);
    }
    if (shingles < MIN_SHINGLES_FOR_NEAR_DUPLICATE) return -1;
    let best = -1;
    let bestContainment = this.options.duplicateContainment;
    const seen = new Set<number>();
    for (const key of bandKeys(signature)) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      for (const other of typeof bucket === 'number' ? [bucket] : bucket) {
        if (seen.has(other)) continue;
        seen.add(other);
        const candidate = this.articleAt(other);
        if (candidate.shingles < MIN_SHINGLES_FOR_NEAR_DUPLICATE) continue;
        const containment = estimatedContainment(estimatedJaccard(signature, candidate.signature), shingles, candidate.shingles);
        if (containment > bestContainment || (containment === bestContainment && best >= 0 && other < best)) {
          best = other;
          bestContainment = containment;
        }
      }
    }
    return best < 0 ? -1 : this.original(best);
  }

  private original(index: number): number {
    const a = this.articleAt(index);
    return a.duplicateOf >= 0 ? a.duplicateOf : index;
  }

  private indexSignature(article: ArticleState): void {
    if (article.shingles < MIN_SHINGLES_FOR_NEAR_DUPLICATE) return;
    for (const key of bandKeys(article.signature)) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, article.index);
      else if (typeof bucket === 'number') this.buckets.set(key, [bucket, article.index]);
      else if (bucket.length < BUCKET_CAP) bucket.push(article.index);
    }
  }

  private allowsDuplicateJoin(article: ArticleState, story: number): boolean {
    const s = this.storyAt(story);
    return this.withinWindow(article.day, s) && this.groupsAllow(article.id, s);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Candidates and decision

  private contribute(article: ArticleState): Query {
    article.contributes = true;
    this.terms.docs++;
    this.terms.count(article.terms, 1);
    if (article.names.ids.length > 0) {
      this.nameVocabulary.docs++;
      this.nameVocabulary.count(article.names, 1);
    }
    return this.queryOf(article);
  }

  private queryOf(article: ArticleState): Query {
    return {
      terms: topTerms(article.terms, QUERY_TERMS, this.terms.idf),
      names: topTerms(article.names, QUERY_TERMS, this.nameVocabulary.idf),
    };
  }

  private scoreCandidates(article: ArticleState, query: Query, duplicateOf: number): { story: number; score: number }[] {
    // Votes live in a dense array indexed by story number; `touched` lists the stories to read and reset.
    if (this.voteScratch.length < this.storyList.length) {
      this.voteScratch = new Float64Array(Math.max(this.storyList.length, this.voteScratch.length * 2));
    }
    const votes = this.voteScratch;
    const touched: number[] = [];
    const vote = (postings: Map<number, number[]>, ids: readonly number[], idf: (id: number) => number): void => {
      for (const id of ids) {
        const list = postings.get(id);
        if (list === undefined) continue;
        const weight = idf(id);
        const stop = Math.max(0, list.length - POSTING_SCAN_CAP);
        for (let k = list.length - 1; k >= stop; k--) {
          const story = this.resolve(list[k] ?? 0);
          if (votes[story] === 0) touched.push(story);
          votes[story] = (votes[story] ?? 0) + weight;
        }
      }
    };
    vote(this.termPostings, query.terms, this.terms.idf);
    vote(this.namePostings, query.names, this.nameVocabulary.idf);
    if (duplicateOf >= 0) {
      const story = this.resolve(this.articleAt(duplicateOf).story);
      if (votes[story] === 0) touched.push(story);
      votes[story] = Infinity;
    }
    // Keep the CANDIDATE_LIMIT best by vote (ties: older story) in one pass, without sorting every voted story.
    const top: { story: number; vote: number }[] = [];
    for (const story of touched) {
      const v = votes[story] ?? 0;
      votes[story] = 0;
      const last = top[top.length - 1];
      if (top.length === CANDIDATE_LIMIT && last !== undefined && (v < last.vote || (v === last.vote && story > last.story))) continue;
      const s = this.storyAt(story);
      if (!this.withinWindow(article.day, s) || !this.groupsAllow(article.id, s)) continue;
      let at = top.length;
      while (at > 0) {
        const before = top[at - 1];
        if (before === undefined || before.vote > v || (before.vote === v && before.story < story)) break;
        at--;
      }
      top.splice(at, 0, { story, vote: v });
      if (top.length > CANDIDATE_LIMIT) top.pop();
    }
    const terms = this.loadDense(this.termScratch, article.terms, this.terms.idf);
    const names = this.loadDense(this.nameScratch, article.names, this.nameVocabulary.idf);
    const dateBonus = this.sameDateBonusOn(article.day);
    const scored = top.map(({ story }) => ({ story, score: this.similarity(article, this.storyAt(story), terms, names, dateBonus) }));
    this.clearDense(this.termScratch, article.terms);
    this.clearDense(this.nameScratch, article.names);
    return scored.sort((a, b) => b.score - a.score || a.story - b.story);
  }

  /**
   * Re-placement of lone reports. A story's first report can miss it because the story had not formed yet: its own
   * report arrived first and the next one, sharing a different part of the vocabulary, started the story beside it.
   * After an article joins `storyNo`, every other candidate story that still holds a single contributing report the
   * article itself matches at `joinThreshold` (the new link between the two) is scored again against the grown story
   * by the decision's own rule (centroid cosine with names and figures, date evidence, coherence), and merges in when
   * it reaches `joinThreshold` there too, as the report would on arriving now. A report of another event that the
   * story turned away stays out: the article that loosened the story is not close to it. Only the candidates the article
   * already scored are looked at, so the cost stays a constant per article.
   */
  private absorbLoneReports(storyNo: number, scored: readonly { story: number; score: number }[]): number {
    let story = this.resolve(storyNo);
    for (const other of scored) {
      const lone = this.storyAt(this.resolve(other.story));
      if (lone.no === story || !lone.alive || lone.contributors !== 1) continue;
      // The report that grew the story must itself reach the lone one: it is the new link between them.
      if (other.score < this.options.joinThreshold) continue;
      const report = lone.members.map((m) => this.articleAt(m)).find((a) => a.contributes);
      if (report === undefined) continue;
      const terms = this.loadDense(this.termScratch, report.terms, this.terms.idf);
      const names = this.loadDense(this.nameScratch, report.names, this.nameVocabulary.idf);
      const score = this.similarity(report, this.storyAt(story), terms, names, this.sameDateBonusOn(report.day));
      this.clearDense(this.termScratch, report.terms);
      this.clearDense(this.nameScratch, report.names);
      if (score >= this.options.joinThreshold) story = this.tryMerge(story, lone.no);
    }
    return story;
  }

  /** Spread the article's IDF-weighted vector over a dense array, so each centroid is compared in one pass. */
  private loadDense(scratch: DenseScratch, v: SparseVector, idf: (id: number) => number): number {
    const needed = (v.ids[v.ids.length - 1] ?? 0) + 1;
    if (scratch.values.length < needed) scratch.values = new Float64Array(Math.max(needed, scratch.values.length * 2));
    let norm = 0;
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i] ?? 0;
      const x = (v.weights[i] ?? 0) * idf(id);
      scratch.values[id] = x;
      norm += x * x;
    }
    return Math.sqrt(norm);
  }

  private clearDense(scratch: DenseScratch, v: SparseVector): void {
    for (const id of v.ids) scratch.values[id] = 0;
  }

  /** IDF-weighted length of the vector last passed to `denseCosine` (read right after the call). */
  private lastVectorNorm = 0;

  /** Cosine of the loaded article (norm `articleNorm`) with an IDF-weighted story vector. */
  private denseCosine(scratch: Float64Array, articleNorm: number, v: SparseVector, idf: (id: number) => number): number {
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < v.ids.length; i++) {
      const id = v.ids[i] ?? 0;
      const y = (v.weights[i] ?? 0) * idf(id);
      norm += y * y;
      if (id < scratch.length) dot += y * (scratch[id] ?? 0);
    }
    this.lastVectorNorm = Math.sqrt(norm);
    return articleNorm === 0 || norm === 0 ? 0 : dot / (articleNorm * this.lastVectorNorm);
  }

  /**
   * The article's mean cosine with the story's contributing members (average link) is the centroid cosine times the
   * centroid's length over the member count, since the centroid is the sum of the members' unit vectors; it must reach
   * `coherenceShare` of the members' mean cosine with each other. Stories of one report always pass.
   */
  private coherentWith(story: StoryState, textCosine: number, centroidNorm: number): boolean {
    const n = story.contributors;
    if (this.options.coherenceShare === 0 || n < 2) return true;
    const averageLink = (textCosine * centroidNorm) / n;
    const internal = story.pairSimilarity / ((n * (n - 1)) / 2);
    return averageLink >= this.options.coherenceShare * internal;
  }

  /** Cosine of the specific figures (years excluded) of the loaded article and the story; 0 when either has none. */
  private figureCosine(article: ArticleState, story: StoryState): number {
    const figure = this.nameVocabulary.figure;
    const idf = this.nameVocabulary.idf;
    const loaded = this.nameScratch.values;
    let dot = 0;
    let storyNorm = 0;
    for (let i = 0; i < story.names.ids.length; i++) {
      const id = story.names.ids[i] ?? 0;
      if (figure[id] !== true) continue;
      const y = (story.names.weights[i] ?? 0) * idf(id);
      storyNorm += y * y;
      dot += y * (loaded[id] ?? 0);
    }
    if (dot === 0) return 0;
    let articleNorm = 0;
    for (const id of article.names.ids) if (figure[id] === true) articleNorm += (loaded[id] ?? 0) ** 2;
    return dot / Math.sqrt(storyNorm * articleNorm);
  }

  /**
   * Text cosine mixed with the name cosine, plus the time evidence when both sides are dated: `sameDateBonus`
   * for an article inside the story's date range, less `dayPenalty` for each day outside it.
   * `termNorm`/`nameNorm` are the norms of the article vectors loaded by `loadDense`.
   */
  private similarity(article: ArticleState, story: StoryState, termNorm: number, nameNorm: number, dateBonus: number): number {
    const text = this.denseCosine(this.termScratch.values, termNorm, story.centroid, this.terms.idf);
    if (!this.coherentWith(story, text, this.lastVectorNorm)) return Number.NEGATIVE_INFINITY;
    let score = text;
    if (article.names.ids.length > 0 && story.names.ids.length > 0) {
      const names = this.denseCosine(this.nameScratch.values, nameNorm, story.names, this.nameVocabulary.idf);
      score = (1 - this.options.nameWeight) * text + this.options.nameWeight * names;
      if (this.options.figureWeight > 0) score += this.options.figureWeight * this.figureCosine(article, story);
    }
    if (eventDaysConflict(article.eventDays, story.eventDays, this.options.eventDayTolerance)) score -= this.options.eventDatePenalty;
    if (Number.isNaN(article.day) || Number.isNaN(story.lastDay)) return score;
    return score + dateBonus - this.options.dayPenalty * dayGap(article.day, story);
  }

  /**
   * Stories a day holds: those started on it so far, or, early in a day, the mean per day over the `BUSY_DAY_LOOKBACK`
   * days before it that started any (an article's day is only partly known when it arrives).
   */
  private storiesPerDay(time: number): number {
    const day = Math.floor(time);
    let sum = 0;
    let days = 0;
    for (let d = day - BUSY_DAY_LOOKBACK; d < day; d++) {
      const n = this.storiesStarted.get(d);
      if (n === undefined) continue;
      sum += n;
      days++;
    }
    return Math.max(this.storiesStarted.get(day) ?? 0, days === 0 ? 0 : sum / days, 1);
  }

  /** `sameDateBonus`, less `busyDaySpread`·√(2 ln k) on a day of k stories (never below 0). */
  private sameDateBonusOn(time: number): number {
    const { sameDateBonus, busyDaySpread } = this.options;
    if (busyDaySpread === 0 || Number.isNaN(time)) return sameDateBonus;
    const k = this.storiesPerDay(time);
    return Math.max(0, sameDateBonus - busyDaySpread * Math.sqrt(2 * Math.log(k)));
  }

  private withinWindow(day: number, story: StoryState): boolean {
    if (Number.isNaN(day) || Number.isNaN(story.lastDay)) return true;
    const w = this.options.windowDays;
    return day >= story.firstDay - w && day <= story.lastDay + w;
  }

  private groupsAllow(articleId: string, story: StoryState): boolean {
    const group = this.constraintSet.groupOf(articleId);
    return group === undefined || this.constraintSet.compatible([group], story.groups);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Story bookkeeping

  /** Keep `staying` in `story` and move `moving` to a new story (hand split and split repair alike); returns it. */
  private divideStory(story: StoryState, staying: number[], moving: number[]): StoryState {
    const created = this.createStory();
    this.rebuildStory(story, staying);
    this.rebuildStory(created, moving);
    for (const m of moving) {
      const article = this.articleAt(m);
      if (article.contributes) this.indexPostings(this.queryOf(article), created.no);
    }
    this.refreshGroups(story.no);
    this.refreshGroups(created.no);
    return created;
  }

  private createStory(): StoryState {
    const story: StoryState = {
      no: this.storyList.length,
      members: [],
      centroid: EMPTY_VECTOR,
      names: EMPTY_VECTOR,
      firstDay: Number.NaN,
      lastDay: Number.NaN,
      eventDays: [],
      contributors: 0,
      pairSimilarity: 0,
      groups: new Set(),
      alive: true,
    };
    this.storyList.push(story);
    this.alias.push(story.no);
    return story;
  }

  private newStory(article: ArticleState, query: Query): number {
    const story = this.createStory();
    if (!Number.isNaN(article.day)) {
      const day = Math.floor(article.day);
      this.storiesStarted.set(day, (this.storiesStarted.get(day) ?? 0) + 1);
    }
    this.join(article, story.no, query);
    return story.no;
  }

  /** `query` is needed when the article contributes (its terms then index the story). */
  private join(article: ArticleState, storyNo: number, query: Query | undefined): void {
    const story = this.storyAt(storyNo);
    article.story = story.no;
    story.members.push(article.index);
    this.extendDays(story, article.day);
    const group = this.constraintSet.groupOf(article.id);
    if (group !== undefined) story.groups.add(group);
    if (!article.contributes) return;
    story.eventDays = unionDays(story.eventDays, article.eventDays);
    const unit = unitLengthIdf(article.terms, this.terms.idf);
    // The new member's dot product with the centroid is the sum of its cosines with the earlier members.
    story.pairSimilarity += idfDot(unit, story.centroid, this.terms.idf);
    story.contributors++;
    story.centroid = prune(addScaled(story.centroid, unit, 1), CENTROID_MAX_TERMS, this.terms.idf);
    if (article.names.ids.length > 0) {
      story.names = prune(addScaled(story.names, unitLengthIdf(article.names, this.nameVocabulary.idf), 1), CENTROID_MAX_NAMES, this.nameVocabulary.idf);
    }
    this.indexPostings(query ?? this.queryOf(article), story.no);
  }

  private extendDays(story: StoryState, day: number): void {
    if (Number.isNaN(day)) return;
    if (Number.isNaN(story.firstDay) || day < story.firstDay) story.firstDay = day;
    if (Number.isNaN(story.lastDay) || day > story.lastDay) story.lastDay = day;
  }

  private indexPostings(query: Query, storyNo: number): void {
    const post = (postings: Map<number, number[]>, ids: readonly number[]): void => {
      for (const id of ids) {
        let list = postings.get(id);
        if (list === undefined) postings.set(id, (list = []));
        const last = list[list.length - 1];
        if (last !== undefined && this.resolve(last) === storyNo) continue;
        list.push(storyNo);
        if (list.length > POSTING_KEEP) list.splice(0, list.length - POSTING_KEEP / 2);
      }
    };
    post(this.termPostings, query.terms);
    post(this.namePostings, query.names);
  }

  /** Bridging merge, unless the time window or a hand-made "apart" forbids it. Returns the surviving story. */
  private tryMerge(a: number, b: number): number {
    const sa = this.storyAt(this.resolve(a));
    const sb = this.storyAt(this.resolve(b));
    if (sa.no === sb.no) return sa.no;
    if (!this.constraintSet.compatible(sa.groups, sb.groups)) return sa.no;
    if (!Number.isNaN(sb.firstDay) && !(this.withinWindow(sb.firstDay, sa) || this.withinWindow(sb.lastDay, sa))) return sa.no;
    return this.mergeStories(sa.no, sb.no);
  }

  private mergeStories(a: number, b: number): number {
    const keep = this.storyAt(Math.min(a, b));
    const drop = this.storyAt(Math.max(a, b));
    keep.members = [...keep.members, ...drop.members].sort((x, y) => x - y);
    // Pairs across the two stories add the dot product of their centroids.
    keep.pairSimilarity += drop.pairSimilarity + idfDot(keep.centroid, drop.centroid, this.terms.idf);
    keep.contributors += drop.contributors;
    keep.centroid = prune(addScaled(keep.centroid, drop.centroid, 1), CENTROID_MAX_TERMS, this.terms.idf);
    keep.names = prune(addScaled(keep.names, drop.names, 1), CENTROID_MAX_NAMES, this.nameVocabulary.idf);
    this.extendDays(keep, drop.firstDay);
    this.extendDays(keep, drop.lastDay);
    keep.eventDays = unionDays(keep.eventDays, drop.eventDays);
    for (const g of drop.groups) keep.groups.add(g);
    drop.alive = false;
    drop.members = [];
    drop.centroid = EMPTY_VECTOR;
    drop.names = EMPTY_VECTOR;
    this.alias[drop.no] = keep.no;
    for (const m of keep.members) this.articleAt(m).story = keep.no;
    return keep.no;
  }

  /**
   * Split repair. An incremental clusterer cannot undo an early wrong join: once a report of a second event joins, the
   * mixed centroid draws in the rest of both events. Each time a story's contributing reports grow by half (from 4) its members
   * (at most `REPAIR_SAMPLE`, evenly spaced in arrival order) are compared pairwise with the text and name mix the
   * decision uses; average-link agglomeration, starting from the hand-made groups so that must-links stay together,
   * brings them down to two groups. The story splits when both groups hold two or more sampled reports and the mean
   * similarity between them is below `splitRatio` of the mean within them. Members outside the sample and copies follow
   * the nearer side (a copy its original, a hand-made group its first placed member). The side holding the story's
   * first member keeps its id; the other becomes a new story, so ids stay a function of the input order.
   */
  private repair(storyNo: number): void {
    const story = this.storyAt(storyNo);
    const contributing = story.members.filter((m) => this.articleAt(m).contributes);
    const n = Math.min(contributing.length, REPAIR_SAMPLE);
    if (n < 4) return;
    const sample = Array.from({ length: n }, (_, k) => contributing[Math.floor((k * contributing.length) / n)] ?? 0);
    const termIdf = this.terms.idf;
    const nameIdf = this.nameVocabulary.idf;
    const units = sample.map((m) => {
      const a = this.articleAt(m);
      return { terms: unitLengthIdf(a.terms, termIdf), names: unitLengthIdf(a.names, nameIdf), hasNames: a.names.ids.length > 0 };
    });
    const w = this.options.nameWeight;
    const sim = new Float64Array(n * n);
    const textSim = new Float64Array(n * n);
    const nameSim = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const ui = units[i];
      if (ui === undefined) continue;
      textSim[i * n + i] = 1;
      nameSim[i * n + i] = ui.hasNames ? 1 : 0;
      for (let j = i + 1; j < n; j++) {
        const uj = units[j];
        if (uj === undefined) continue;
        const text = idfDot(ui.terms, uj.terms, termIdf);
        const names = ui.hasNames && uj.hasNames ? idfDot(ui.names, uj.names, nameIdf) : 0;
        const value = ui.hasNames && uj.hasNames ? (1 - w) * text + w * names : text;
        sim[i * n + j] = value;
        sim[j * n + i] = value;
        textSim[i * n + j] = textSim[j * n + i] = text;
        nameSim[i * n + j] = nameSim[j * n + i] = names;
      }
    }
    // Clusters as lists of sample positions; hand-made groups start as one cluster each.
    const clusters: number[][] = [];
    const byGroup = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const g = this.constraintSet.groupOf(this.articleAt(sample[i] ?? 0).id);
      if (g === undefined) clusters.push([i]);
      else {
        let c = byGroup.get(g);
        if (c === undefined) {
          byGroup.set(g, (c = []));
          clusters.push(c);
        }
        c.push(i);
      }
    }
    if (clusters.length < 2) return;
    const linkSum = (a: readonly number[], b: readonly number[]): number => {
      let sum = 0;
      for (const i of a) for (const j of b) sum += sim[i * n + j] ?? 0;
      return sum;
    };
    while (clusters.length > 2) {
      let bestA = 0;
      let bestB = 1;
      let best = Number.NEGATIVE_INFINITY;
      for (let a = 0; a < clusters.length; a++) {
        const ca = clusters[a] ?? [];
        for (let b = a + 1; b < clusters.length; b++) {
          const cb = clusters[b] ?? [];
          const link = linkSum(ca, cb) / (ca.length * cb.length);
          if (link > best) {
            best = link;
            bestA = a;
            bestB = b;
          }
        }
      }
      (clusters[bestA] ?? []).push(...(clusters[bestB] ?? []));
      clusters.splice(bestB, 1);
    }
    const [left, right] = clusters as [number[], number[]];
    if (left.length < 2 || right.length < 2) return;
    const within = (c: readonly number[]): number => (linkSum(c, c) / 2) / ((c.length * (c.length - 1)) / 2);
    const between = linkSum(left, right) / (left.length * right.length);
    const inside = (within(left) * left.length + within(right) * right.length) / (left.length + right.length);
    if (!(between < this.options.splitRatio * inside)) return;
    if (this.bridges(sample, left, right, textSim, nameSim) || this.bridges(sample, right, left, textSim, nameSim)) return;
    // Sides: 0 keeps the story (the side of its first member), 1 leaves.
    const side = new Map<number, number>();
    const firstSide = right.some((i) => sample[i] === story.members[0]) ? 1 : 0;
    for (const i of left) side.set(sample[i] ?? 0, firstSide === 0 ? 0 : 1);
    for (const i of right) side.set(sample[i] ?? 0, firstSide === 0 ? 1 : 0);
    const centroids = [0, 1].map((k) => {
      let c: SparseVector = EMPTY_VECTOR;
      for (let i = 0; i < n; i++) if (side.get(sample[i] ?? 0) === k) c = addScaled(c, units[i]?.terms ?? EMPTY_VECTOR, 1);
      return c;
    });
    const groupSide = new Map<number, number>();
    for (const [m, k] of side) {
      const g = this.constraintSet.groupOf(this.articleAt(m).id);
      if (g !== undefined) groupSide.set(g, k);
    }
    // Sizes for the nearer-side comparison: centroids are sums, so compare mean similarity per side.
    const sizes = [0, 1].map((k) => [...side.values()].filter((x) => x === k).length);
    const nearerSide = (article: ArticleState): number => {
      const u = unitLengthIdf(article.terms, termIdf);
      const s0 = idfDot(u, centroids[0] ?? EMPTY_VECTOR, termIdf) / Math.max(1, sizes[0] ?? 1);
      const s1 = idfDot(u, centroids[1] ?? EMPTY_VECTOR, termIdf) / Math.max(1, sizes[1] ?? 1);
      return s1 > s0 ? 1 : 0;
    };
    for (const m of story.members) {
      if (side.has(m)) continue;
      const article = this.articleAt(m);
      const g = this.constraintSet.groupOf(article.id);
      const known = g === undefined ? undefined : groupSide.get(g);
      if (known !== undefined) {
        side.set(m, known);
        continue;
      }
      const originalSide = article.contributes ? undefined : side.get(article.duplicateOf);
      const k = originalSide ?? nearerSide(article);
      side.set(m, k);
      if (g !== undefined) groupSide.set(g, k);
    }
    // Members are in arrival order, so a copy's original (added earlier) has its side when the copy is reached.
    const staying = story.members.filter((m) => side.get(m) === 0);
    const moving = story.members.filter((m) => side.get(m) === 1);
    if (staying.length === 0 || moving.length === 0) return;
    const created = this.divideStory(story, staying, moving);
    for (const g of created.groups) this.groupStory.set(g, created.no);
    for (const g of story.groups) this.groupStory.set(g, story.no);
  }

  /**
   * A member of `own` that matches the rest of its side and the `other` side both at `bridgeThreshold` (centroid
   * cosines from the pairwise matrices, with the name mix and the date evidence of `similarity`) is a report the
   * bridging step would merge the two sides on again: the story is one event told from two angles, not two events.
   */
  private bridges(sample: readonly number[], own: readonly number[], other: readonly number[], textSim: Float64Array, nameSim: Float64Array): boolean {
    const n = sample.length;
    const w = this.options.nameWeight;
    const centroidCosine = (i: number, side: readonly number[], matrix: Float64Array): number => {
      let dot = 0;
      let norm = 0;
      for (const j of side) {
        if (j === i) continue;
        dot += matrix[i * n + j] ?? 0;
        for (const k of side) if (k !== i) norm += matrix[j * n + k] ?? 0;
      }
      const self = matrix[i * n + i] ?? 0;
      return norm <= 0 || self <= 0 ? 0 : dot / Math.sqrt(norm * self);
    };
    const score = (i: number, side: readonly number[]): number => {
      const text = centroidCosine(i, side, textSim);
      const names = centroidCosine(i, side, nameSim);
      const article = this.articleAt(sample[i] ?? 0);
      const sideHasNames = side.some((j) => j !== i && (nameSim[j * n + j] ?? 0) > 0);
      let value = article.names.ids.length > 0 && sideHasNames ? (1 - w) * text + w * names : text;
      let first = Number.NaN;
      let last = Number.NaN;
      for (const j of side) {
        const day = j === i ? Number.NaN : this.articleAt(sample[j] ?? 0).day;
        if (Number.isNaN(day)) continue;
        if (Number.isNaN(first) || day < first) first = day;
        if (Number.isNaN(last) || day > last) last = day;
      }
      if (!Number.isNaN(article.day) && !Number.isNaN(last)) {
        const gap = article.day < first ? first - article.day : article.day > last ? article.day - last : 0;
        value += this.sameDateBonusOn(article.day) - this.options.dayPenalty * gap;
      }
      return value;
    };
    const bar = this.options.bridgeThreshold;
    return own.some((i) => score(i, other) >= bar && score(i, own) >= bar);
  }

  private rebuildStory(story: StoryState, members: number[]): void {
    story.members = members;
    story.centroid = EMPTY_VECTOR;
    story.names = EMPTY_VECTOR;
    story.firstDay = Number.NaN;
    story.lastDay = Number.NaN;
    story.eventDays = [];
    // A story made only of copies still needs a centroid: then the copies stand in for their originals.
    const anyContributor = members.some((m) => this.articleAt(m).contributes);
    for (const m of members) {
      const article = this.articleAt(m);
      article.story = story.no;
      this.extendDays(story, article.day);
      if (anyContributor && !article.contributes) continue;
      story.eventDays = unionDays(story.eventDays, article.eventDays);
      story.centroid = addScaled(story.centroid, unitLengthIdf(article.terms, this.terms.idf), 1);
      story.names = addScaled(story.names, unitLengthIdf(article.names, this.nameVocabulary.idf), 1);
    }
    this.estimateCoherence(story, anyContributor ? members.filter((m) => this.articleAt(m).contributes).length : members.length);
    story.centroid = prune(story.centroid, CENTROID_MAX_TERMS, this.terms.idf);
    story.names = prune(story.names, CENTROID_MAX_NAMES, this.nameVocabulary.idf);
  }

  /**
   * Coherence from the centroid alone, for a rebuilt or restored story: |Σ uᵢ|² = n + 2·Σᵢ<ⱼ uᵢ·uⱼ for unit vectors.
   * Approximate (IDF has moved since the members were normalised, pruning drops mass), and low rather than high, so
   * the check errs towards the story staying open.
   */
  private estimateCoherence(story: StoryState, contributors?: number): void {
    story.contributors = contributors ?? story.members.filter((m) => this.articleAt(m).contributes).length;
    story.pairSimilarity = Math.max(0, (idfDot(story.centroid, story.centroid, this.terms.idf) - story.contributors) / 2);
  }

  private refreshGroups(storyNo: number): void {
    const story = this.storyAt(storyNo);
    story.groups = new Set();
    for (const m of story.members) {
      const g = this.constraintSet.groupOf(this.articleAt(m).id);
      if (g !== undefined) story.groups.add(g);
    }
  }

  private resolve(no: number): number {
    let root = no;
    while (this.alias[root] !== root) root = this.alias[root] ?? root;
    let cursor = no;
    while (this.alias[cursor] !== root) {
      const next = this.alias[cursor] ?? root;
      this.alias[cursor] = root;
      cursor = next;
    }
    return root;
  }

  private liveStory(id: string): StoryState {
    const m = /^s(\d+)$/u.exec(id);
    const story = m === null ? undefined : this.storyList[Number(m[1])];
    if (story === undefined || !story.alive) throw new Error(`stories: no live story ${JSON.stringify(id)}`);
    return story;
  }

  private storyAt(no: number): StoryState {
    const story = this.storyList[no];
    if (story === undefined) throw new Error(`stories: internal error, story ${no} does not exist`);
    return story;
  }

  private articleAt(index: number): ArticleState {
    const article = this.articles[index];
    if (article === undefined) throw new Error(`stories: internal error, article ${index} does not exist`);
    return article;
  }
}

/** Dot product of two stored vectors in IDF-weighted space (both sorted by id). */
function idfDot(a: SparseVector, b: SparseVector, idf: (id: number) => number): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] ?? 0;
    const y = b.ids[j] ?? 0;
    if (x === y) {
      const w = idf(x);
      dot += (a.weights[i] ?? 0) * (b.weights[j] ?? 0) * w * w;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** Event days kept per story: the first ones stated are the event's own; later reports add context dates. */
const STORY_EVENT_DAYS_MAX = 32;

/** Day-precision values of `dates` (`YYYY-MM-DD…`; coarser `YYYY`/`YYYY-MM` say too little to tell events apart). */
function eventDaysOf(dates: readonly string[] | undefined): number[] {
  const days = new Set<number>();
  for (const date of dates ?? []) {
    const day = dayNumber(date);
    if (day !== undefined) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

function unionDays(a: readonly number[], b: readonly number[]): number[] {
  if (b.length === 0 || a.length >= STORY_EVENT_DAYS_MAX) return [...a];
  return [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, STORY_EVENT_DAYS_MAX);
}

/** Both sides state event days and no pair lies within `tolerance` days. */
function eventDaysConflict(article: readonly number[], story: readonly number[], tolerance: number): boolean {
  if (article.length === 0 || story.length === 0) return false;
  for (const a of article) {
    for (const s of story) if (Math.abs(a - s) <= tolerance) return false;
  }
  return true;
}

/** Days from `day` to the story's date range (0 inside it, or when either side is undated). */
function dayGap(day: number, story: StoryState): number {
  if (Number.isNaN(day) || Number.isNaN(story.lastDay)) return 0;
  return day < story.firstDay ? story.firstDay - day : day > story.lastDay ? day - story.lastDay : 0;
}

function storyName(no: number): string {
  return `s${no}`;
}

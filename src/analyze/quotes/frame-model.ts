/**
 * Keeping or dropping a candidate attribution with a learned linear model: the rules over-generate (participles
 * such as "referring to" after a quote, nouns read as verbs, content running over another attribution), and the
 * averaged-perceptron weights in frame-weights.ts (learned from PolNeAR train by `npm run train:quotes`) say
 * which of them PolNeAR does not annotate.
 */
import { PRONOUNS } from './lexicon.js';
import { featureKey, type Emit, type FeatureTable } from './perceptron.js';
import { scoreBucket } from './cue-detector.js';

/** What the extractor knows about one candidate attribution, in plain values. */
export interface FrameFacts {
  readonly rule: string;
  readonly kind: 'direct' | 'reported' | 'mixed';
  /** Lower-cased cue words ('' without a cue). */
  readonly cueWords: readonly string[];
  /** Source words as written (empty without a source). */
  readonly sourceWords: readonly string[];
  /** Is the source to the left of the cue? */
  readonly sourceBeforeCue: boolean;
  /** The first content words as written. */
  readonly contentWords: readonly string[];
  /** How many words the content has, over all fragments. */
  readonly contentWordCount: number;
  /** How many of them lie inside the quotations it holds. */
  readonly quotedWordCount: number;
  readonly fragments: number;
  /**
   * Does the content hold another strong (not weak) attribution's cue, or overlap another strong attribution's
   * content? Weak frames are left out as they exist at prediction time only if this model keeps them.
   */
  readonly holdsOtherCue: boolean;
  readonly overlapsOther: boolean;
  /** Does the cue lie inside another strong attribution's content ("pledged to act against what it called “…”")? */
  readonly cueInsideOther: boolean;
  /** Word before the source, lower-cased ('' when none or the source is not before the cue). */
  readonly beforeSource: string;
  /** Is the cue the sentence's first word, or its last? */
  readonly cueOpensSentence: boolean;
  readonly cueClosesSentence: boolean;
  /** Word before the cue, lower-cased ('' at sentence start). */
  readonly beforeCue: string;
  /** Word after the cue, lower-cased ('' at sentence end). */
  readonly afterCue: string;
  /** Was the frame started by a weak cue head (lexicon.ts)? */
  readonly weak: boolean;
  /** The cue detector's score of the cue's head (cue-detector.ts); NaN when unknown. */
  readonly cueScore: number;
  /** Is the frame a title-case headline ("Graham Says Trump Could …"), with a capitalised cue after its subject? */
  readonly headline?: boolean;
}

/** The "drop" option's one feature (as a template with an empty value), against which a frame's score is compared. */
export const DROP_FEATURE = 'DROP';
export const DROP_KEY = `${DROP_FEATURE}\t`;

/** Words the frame features keep as themselves; everything else is reduced to its shape. */
const SHAPE_WORDS = new Set([...PRONOUNS, 'that', 'the', 'a', 'an', 'to', 'whether', 'if']);
const QUOTE_CHARS = new Set(['"', '“', '”', '«', '»', "'", '‘', '’']);
const UPPER_FIRST = /^\p{Lu}/u;
/** Words before a source kept as themselves: they open the clause the attribution sits in. */
const CLAUSE_OPENERS = new Set(['what', 'which', 'who', 'whom', 'as', 'when', 'while', 'after', 'before', 'because', 'and', 'but', 'of', 'by', 'with', 'for', 'in', 'on', 'at', 'if', 'where', 'how', 'why', 'than', 'like', ',', ':', '(', '—', '"', '“', '”']);

function shape(w: string | undefined): string {
  if (w === undefined) return 'none';
  if (w === '') return 'low';
  // Checked on the word as written first: most are lower-case already, which spares a lower-casing per call.
  if (SHAPE_WORDS.has(w)) return w;
  const c = w.charCodeAt(0);
  if (c >= 97 && c <= 122) return 'low';
  if (c >= 48 && c <= 57) return 'num';
  const l = w.toLowerCase();
  if (SHAPE_WORDS.has(l)) return l;
  if (QUOTE_CHARS.has(w[0] ?? '')) return 'Q';
  if ((c >= 65 && c <= 90) || UPPER_FIRST.test(w)) return 'Cap';
  return 'low';
}

function bucket(n: number): string {
  return n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 15 ? '9-15' : n <= 30 ? '16-30' : '31+';
}

const yn = (x: boolean): string => (x ? 'y' : 'n');

/** The frame's features, passed to `emit` (template and values; see perceptron.ts). */
export function emitFrameFeatures(f: FrameFacts, emit: Emit): void {
  const head = f.cueWords[f.cueWords.length - 1] ?? '';
  const src = f.sourceWords.length === 0 ? 'none' : f.sourceWords.length === 1 ? shape(f.sourceWords[0]) : `${shape(f.sourceWords[0])}+`;
  const participle = head.endsWith('ing') ? 'ing' : head.endsWith('ed') ? 'ed' : 'other';
  const contentLen = bucket(f.contentWordCount);
  const firstContent = shape(f.contentWords[0]);
  const holds = yn(f.holdsOtherCue);
  const overlaps = yn(f.overlapsOther);
  if (f.headline) {
    // Headlines are a register of their own (every word capitalised, no articles): they get features of their own
    // too, so that the few of them do not move the weights of running text, where shapes and small words mean more.
    emit('headline', '');
    emit('headline.head', head);
    emit('headline.src', bucket(f.sourceWords.length));
    emit('headline.contentLen', contentLen);
    return;
  }
  emit('BIAS', '');
  emit('rule', f.rule);
  emit('kind', f.kind);
  emit('rule.kind', f.rule, f.kind);
  emit('head', head);
  emit('cueLen', bucket(f.cueWords.length));
  emit('src', src);
  emit('src.kind', src, f.kind);
  emit('srcLen', bucket(f.sourceWords.length));
  const side = f.sourceWords.length ? (f.sourceBeforeCue ? 'L' : 'R') : 'none';
  emit('srcSide.rule', side, f.rule);
  emit('srcSide.head', side, head);
  // Inversion ("…, said Tom Keel") is a property of speech verbs; after other verbs the "source" is an object.
  if (side === 'R') emit('inverted.rule.head', f.rule, head);
  emit('contentLen', contentLen);
  emit('contentLen.kind', contentLen, f.kind);
  emit('fragments', bucket(Math.min(f.fragments, 3)));
  if (f.kind === 'mixed') {
    // A partial quotation of a word or two is a scare quote or a title more often than someone's words.
    const quoted = bucket(f.quotedWordCount);
    emit('mixed.quoted', quoted);
    emit('mixed.quoted.rule', quoted, f.rule);
    emit('mixed.quotedShare', String(Math.round((4 * f.quotedWordCount) / Math.max(1, f.contentWordCount))));
  }
  emit('firstContent', firstContent);
  emit('firstContent.kind', firstContent, f.kind);
  emit('holdsCue', holds);
  emit('holdsCue.kind', holds, f.kind);
  emit('overlaps', overlaps);
  emit('overlaps.rule', overlaps, f.rule);
  const inside = yn(f.cueInsideOther);
  emit('inside', inside);
  emit('inside.kind', inside, f.kind);
  emit('inside.rule', inside, f.rule);
  emit('participle.kind', participle, f.kind);
  emit('participle.overlaps', participle, overlaps);
  emit('opens.rule', yn(f.cueOpensSentence), f.rule);
  emit('closes.rule', yn(f.cueClosesSentence), f.rule);
  emit('before', shape(f.beforeCue));
  // "what he called …", "in which she said …", "as Marlow put it": the clause is someone else's account.
  const beforeSource = CLAUSE_OPENERS.has(f.beforeSource) ? f.beforeSource : shape(f.beforeSource);
  emit('beforeSrc', beforeSource);
  emit('beforeSrc.kind', beforeSource, f.kind);
  const after = shape(f.afterCue);
  emit('after', after);
  if (!Number.isNaN(f.cueScore)) {
    // How cue-like the head is in its context, by the cue detector.
    const det = scoreBucket(f.cueScore);
    emit('det', det);
    emit('det.weak', det, yn(f.weak));
    emit('det.kind', det, f.kind);
  }
  if (f.weak) {
    // Weak heads are cues in some constructions only ("plans to", "believe that", "is expected to").
    emit('weak.rule', f.rule);
    emit('weak.head', head);
    emit('weak.head.after', head, after);
    emit('weak.before', shape(f.beforeCue));
    emit('weak.src', src);
    emit('weak.contentLen', contentLen);
  }
}

/** The frame's features as strings (training). */
export function frameFeatures(f: FrameFacts): string[] {
  const out: string[] = [];
  emitFrameFeatures(f, (t, a, b) => out.push(featureKey(t, a, b)));
  return out;
}

/** Keep the frame when its score beats the "drop" option's by at least `margin`. */
export function keepFrame(weights: FeatureTable, f: FrameFacts, margin = 0): boolean {
  // An object field rather than a captured variable: V8 updates a double field in place, a captured one it boxes anew
  // on every write.
  const acc = { score: 0 };
  emitFrameFeatures(f, (t, a, b) => {
    acc.score += weights.weight(t, a, b);
  });
  return acc.score - weights.weight(DROP_FEATURE, '') >= margin;
}

/**
 * The part of a weak frame's score that its cue alone decides (head word, and the word after the cue): a cheap
 * test, before the frame is built, of whether the keep/drop model could keep it at all.
 */
export function weakCueScore(weights: FeatureTable, head: string, afterCue: string): number {
  return weights.weight('head', head) + weights.weight('weak.head', head) + weights.weight('weak.head.after', head, shape(afterCue));
}

/**
 * What kind of act an attribution's cue reports. PolNeAR (which the quote stage follows) annotates every attribution:
 * speech ("said", "according to"), but also beliefs, plans and wishes ("think", "want", "agreed to"), perception
 * ("saw"), and more. A dossier's "who said what" and the facts built from it need the speech acts only: "the chiefs
 * discussed a force" or "some governments want a standing force" is not a statement anyone made.
 */

export type SpeechAct = 'speech' | 'other';

/**
 * Verb stems (lower case, no inflection) that report something said or written. Checked against the cue's content
 * words, so "said in a statement", "later posted", "told reporters" and "has confirmed" all match.
 */
const SPEECH_STEMS = [
  'say', 'said', 'tell', 'told', 'add', 'argu', 'warn', 'stat', 'announc', 'confirm', 'den', 'claim', 'insist', 'note',
  'writ', 'wrote', 'post', 'tweet', 'report', 'explain', 'describ', 'call', 'accus', 'urg', 'acknowledg', 'admit',
  'stress', 'predict', 'declar', 'assert', 'contend', 'maintain', 'reiterat', 'remark', 'comment', 'repl', 'respond',
  'answer', 'recall', 'quot', 'cit', 'emphasi', 'point', 'mention', 'suggest', 'propos', 'recommend',
  'promis', 'pledg', 'vow', 'threaten', 'demand', 'conced', 'complain', 'prais', 'criticiz',
  'criticis', 'condemn', 'welcom', 'reject', 'dismiss', 'disput', 'question', 'challeng', 'counter', 'retort',
  'testif', 'brief', 'disclos', 'reveal', 'publish', 'broadcast', 'exclaim', 'shout', 'whisper', 'boast', 'joke',
  'observ', 'alleg', 'affirm', 'assur', 'inform', 'notif', 'advis', 'caution', 'estimat',
  'forecast', 'project', 'conclud', 'summ', 'speak', 'spoke', 'talk', 'messag', 'email', 'e-mail', 'text',
] as const;

/** Cue words that are not the act itself: auxiliaries, negation is handled apart, adverbs, prepositions. */
const FUNCTION_WORDS = new Set([
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'may',
  'might', 'should', 'shall', 'must', 'did', 'does', 'do', 'also', 'later', 'earlier', 'then', 'again', 'repeatedly',
  'publicly', 'privately', 'in', 'on', 'at', 'to', 'a', 'an', 'the', 'of', 'by', 'with', 'that', 'it', 'out', 'up',
]);

const NEGATION = /\b(?:not|never|n't|no longer|declined|refused|did not)\b/i;

/** "according to" is speech by definition; so are the channel phrases a cue sometimes is ("in a statement"). */
const SPEECH_PHRASE = /^(?:according\s+to|as\s+(?:quoted|cited|reported)\s+by|in\s+(?:a|an|his|her|its|their)\s+(?:statement|interview|post|tweet|speech|letter|email|message))\b/i;

/**
 * The act a cue reports, given the few words `before` it. A negated cue ("did not say", "declined to comment") reports no statement; neither does a
 * cue with no speech verb ("discussed", "want", "agreed", "newly appointed").
 */
export function speechActOf(cue: string, before = ''): SpeechAct {
  const text = cue.trim().toLowerCase();
  if (text.length === 0) return 'other';
  // "declined to say", "asked each delegation to say", "is expected to announce": nothing was said yet.
  if (/\b(?:to|not|never|n't)\s*$/i.test(before)) return 'other';
  if (SPEECH_PHRASE.test(text)) return 'speech';
  if (NEGATION.test(text)) return 'other';
  const words = text.split(/[^\p{L}'-]+/u).filter((w) => w.length > 0 && !FUNCTION_WORDS.has(w));
  return words.some((w) => SPEECH_STEMS.some((stem) => w.startsWith(stem))) ? 'speech' : 'other';
}

/**
 * Does this attribution report a statement? A direct quote needs no cue (a quote-only paragraph continues its speaker);
 * reported speech needs a speech cue that is neither negated nor an infinitive ("declined to say").
 */
export function isStatement(text: string, attribution: { readonly kind: string; readonly cue: { start: number; end: number } | null }): boolean {
  const cue = attribution.cue;
  if (cue === null) return attribution.kind === 'direct';
  return speechActOf(text.slice(cue.start, cue.end), text.slice(Math.max(0, cue.start - 12), cue.start)) === 'speech';
}

/**
 * Is the cue a passive with its agent ("was first reported by")? Its attribution's content is then the subject before
 * it, which readers expect first: "The closure was first reported by the Vell Courier".
 */
export function isPassiveCue(cue: string): boolean {
  return /\sby$/.test(cue);
}

/**
 * Word lists for attribution: which word forms head a cue (learned counts from cue-lexicon.ts, filtered here),
 * which words attach to a cue (auxiliaries, adverbs, particles), and which words end a source noun phrase.
 */
import { CUE_LEXICON } from './cue-lexicon.js';

/**
 * A word form heads a cue when at least this share of its train occurrences lies inside a gold cue. Below 0.4 the
 * forms are mostly nouns or verbs of belief that PolNeAR annotates only sometimes ("support", "believe", "want"),
 * and each costs more precision than it brings recall.
 */
export const MIN_CUE_RATIO = 0.4;
/** ...and it was seen inside a cue at least this often, so one-off annotations do not become cues. */
export const MIN_CUE_COUNT = 4;

/** Forms that sit inside cues a lot but never head one: auxiliaries, adverbs, prepositions, nouns of a phrase. */
const NEVER_HEAD = new Set([
  'also', 'reportedly', 'publicly', 'repeatedly', 'previously', 'recently', 'later', 'often', 'once', 'already', 'first',
  'statement', 'interview', 'known', 'expected', 'expressed', 'criticism', 'clear', 'out', 'pointed', 'to',
  'been', 'being', 'quoted', 'named', 'view', 'press', 'conference', 'remarks', 'comments', 'concerns',
  'message', 'post', 'tweet', 'released', 'sought', 'went', 'made', 'seen', 'seem', 'seems', 'seemed', 'appear', 'appears',
  'appeared', 'questions', 'question', 'hope', 'calls', 'call', 'cited', 'reference', 'references', 'attention',
]);

/** Words glued to the left of a cue head ("has also said", "did not say", "repeatedly noted"). */
export const CUE_MODIFIERS = new Set([
  'has', 'have', 'had', 'also', 'was', 'were', 'is', 'are', 'will', 'would', 'could', 'can', 'may', 'might', 'should',
  'must', 'did', 'does', 'do', 'not', "n't", 'never', 'later', 'then', 'first', 'once', 'just', 'still', 'recently',
  'previously', 'already', 'again', 'reportedly', 'publicly', 'repeatedly', 'often', 'been', 'be', 'has', 'even',
  'privately', 'separately', 'flatly', 'bluntly', 'openly', 'specifically', 'explicitly', 'directly', 'initially',
  'subsequently', 'since', 'simply', 'quickly', 'immediately', 'frequently', 'earlier', 'ultimately', 'finally',
]);

/** Particles that belong to a cue after its head ("according to", "pointed out", "called for"). */
export const CUE_PARTICLES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['according', new Set(['to'])],
  ['referring', new Set(['to'])],
  ['pointed', new Set(['out', 'to'])],
  ['pointing', new Set(['out', 'to'])],
  ['points', new Set(['out', 'to'])],
  ['point', new Set(['out', 'to'])],
  ['called', new Set(['for', 'on'])],
  ['calls', new Set(['for', 'on'])],
  ['calling', new Set(['for', 'on'])],
  ['call', new Set(['for', 'on'])],
  ['spoke', new Set(['about', 'of'])],
  ['talked', new Set(['about'])],
  ['complained', new Set(['about', 'that'].filter((w) => w !== 'that'))],
  ['warned', new Set(['of', 'against'])],
  ['warning', new Set(['of', 'against'])],
  ['weighed', new Set(['in'])],
  ['signed', new Set(['on'])],
  ['came', new Set(['out'])],
  ['spoken', new Set(['out'])],
]);

/** Determiners and possessives: a cue form right after one is a noun ("the statement", "his claims"). */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', "'s", '’s', 'whose', 'no',
  'any', 'every', 'each', 'some', 'such', 'another', 'of', 'to',
]);

/** Words that end a source noun phrase when scanning left from a cue: clause openers and verbs. */
export const SOURCE_STOPS = new Set([
  'that', 'which', 'when', 'while', 'because', 'if', 'after', 'before', 'since', 'although', 'though', 'where', 'whether',
  'so', 'than', 'until', 'unless', 'whereas', 'but', 'yet', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'have',
  'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do', 'not', "n't", 'said',
  'says', 'say', 'told', 'tells', 'if', 'how', 'why', 'what', 'as', 'about', 'to', 'said', 'also', 'once',
]);

/** Common nouns in -ly, never adverbs ("the harbour family said", "a Keel ally called"). */
export const LY_NOUNS = new Set(['family', 'ally', 'rally', 'assembly', 'supply', 'reply', 'bully', 'monopoly', 'anomaly', 'homily', 'belly']);

/** Pronouns that can be a source on their own. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'one', 'someone', 'nobody']);
export const PERSON_PRONOUNS: ReadonlyMap<string, 'm' | 'f' | 'x'> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['they', 'x'], ['i', 'x'], ['we', 'x'],
  ['you', 'x'], ['who', 'x'],
]);

/** Time words skipped between a cue and its content ("said Tuesday that", "told reporters on Monday"). */
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier',
  'later', 'recently', 'previously', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year', 'weekend', 'last',
  'this', 'next', 'on', 'in', 'at', 'during', 'late', 'early', 'then', 'again', 'also', 'repeatedly', 'privately', 'publicly',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/**
 * Irregular past forms that are rarely anything but a finite verb: a source noun phrase ends before one ("Defence
 * chiefs of the Concord | met by video link … to discuss"). Forms as often nouns or adjectives ("left", "set", "cut",
 * "read", "hit", "bit", "wound") are left out.
 */
export const IRREGULAR_PAST = new Set([
  'arose', 'ate', 'became', 'began', 'blew', 'bought', 'brought', 'built', 'came', 'caught', 'chose', 'clung', 'crept',
  'dealt', 'drew', 'drank', 'drove', 'dug', 'fell', 'felt', 'fled', 'flew', 'forbade', 'forgave', 'forgot', 'fought',
  'found', 'froze', 'gave', 'got', 'grew', 'hid', 'held', 'hung', 'kept', 'knew', 'laid', 'led', 'lent', 'lost', 'made',
  'meant', 'met', 'overtook', 'paid', 'ran', 'rang', 'rode', 'rose', 'sang', 'sank', 'sat', 'saw', 'shook', 'shot',
  'slept', 'slid', 'sold', 'sought', 'sent', 'spent', 'spoke', 'sprang', 'stole', 'stood', 'struck', 'stuck', 'swam',
  'swept', 'swore', 'swung', 'taught', 'thought', 'threw', 'took', 'tore', 'understood', 'undertook', 'went', 'withdrew',
  'woke', 'won', 'wore', 'wrote', 'spun', 'bent', 'bled', 'bore', 'broke', 'wept',
]);

/** Verbs whose first object is the hearer, skipped before the content ("told reporters", "assured voters"). */
export const HEARER_VERBS = new Set([
  'told', 'tell', 'tells', 'telling', 'asked', 'ask', 'asks', 'asking', 'warned', 'warn', 'warns', 'warning', 'urged',
  'urge', 'urges', 'urging', 'assured', 'reminded', 'informed', 'promised', 'promising', 'advised', 'convinced', 'wrote',
]);

/** Nouns that make a source an organisation rather than a person ("the ministry said"). */
export const ORGANISATION_NOUNS = new Set([
  'ministry', 'authority', 'department', 'campaign', 'committee', 'party', 'company', 'police', 'agency', 'office', 'government',
  'administration', 'house', 'council', 'commission', 'court', 'board', 'embassy', 'army', 'military', 'group', 'union',
  'association', 'organization', 'organisation', 'institute', 'foundation', 'corporation', 'bank', 'network', 'newspaper',
  'paper', 'magazine', 'station', 'team', 'firm', 'university', 'senate', 'congress', 'parliament', 'cabinet', 'kremlin',
  'pentagon', 'fbi', 'cia', 'un', 'nato', 'eu', 'white', 'state', 'authorities', 'officials', 'spokesman', 'spokeswoman',
]);

/** Nouns naming a person by role, resolved to the nearest preceding name ("the spokesperson", "the senator"). */
export const ROLE_NOUNS = new Set([
  'spokesperson', 'spokesman', 'spokeswoman', 'minister', 'president', 'senator', 'governor', 'mayor', 'candidate', 'nominee',
  'secretary', 'chairman', 'chairwoman', 'chair', 'leader', 'official', 'congressman', 'congresswoman', 'representative',
  'director', 'chief', 'ambassador', 'lawyer', 'attorney', 'aide', 'adviser', 'advisor', 'strategist', 'manager', 'judge',
  'prosecutor', 'businessman', 'businesswoman', 'billionaire', 'man', 'woman', 'official', 'general', 'commander',
  'premier', 'chancellor', 'king', 'queen', 'prince', 'pope', 'speaker', 'host', 'author', 'professor', 'analyst', 'expert',
  'economist', 'researcher', 'reporter', 'journalist', 'editor', 'founder', 'ceo', 'executive', 'pollster', 'lawmaker',
]);

/** Verbs by which a document "says" something; cues only after a document noun ("Article 5 states"). */
export const DOCUMENT_CUES = new Set(['states', 'stipulates', 'provides', 'reads', 'says', 'specifies', 'declares', 'requires', 'stated']);

/** Nouns of texts that "say" things themselves ("Article 5 states", "the law provides"). */
export const DOCUMENT_NOUNS = new Set([
  'article', 'section', 'clause', 'paragraph', 'law', 'act', 'treaty', 'constitution', 'amendment', 'resolution', 'bill',
  'agreement', 'accord', 'charter', 'convention', 'regulation', 'directive', 'statute', 'decree', 'report', 'memo',
  'document', 'letter', 'ruling', 'order', 'text', 'draft', 'protocol', 'code', 'declaration', 'manifesto', 'platform',
  'summary', 'transcript', 'readout', 'communique', 'communiqué', 'filing', 'indictment', 'study', 'survey', 'poll',
]);

export const TITLE_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['mr', 'm'], ['mr.', 'm'], ['mrs', 'f'], ['mrs.', 'f'], ['ms', 'f'], ['ms.', 'f'], ['miss', 'f'], ['sir', 'm'],
  ['lady', 'f'], ['madam', 'f'], ['king', 'm'], ['queen', 'f'], ['congressman', 'm'], ['congresswoman', 'f'],
  ['spokesman', 'm'], ['spokeswoman', 'f'], ['chairman', 'm'], ['chairwoman', 'f'], ['businessman', 'm'],
  ['businesswoman', 'f'],
]);

/** An -ly adverb ("publicly", "implicitly"), not a verb such as "reply" or "apply". */
const ADVERB = /^[a-z]{3,}[^p]ly$/;

/** Cue forms keyed to their learned head score; built once. */
const HEAD_SCORES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [form, inCue, total] of CUE_LEXICON) {
    // Adverbs sit inside cues ("implicitly agreed", "officially announced") but the verb heads them.
    if (NEVER_HEAD.has(form) || inCue < MIN_CUE_COUNT || ADVERB.test(form)) continue;
    const ratio = inCue / total;
    if (ratio >= MIN_CUE_RATIO) m.set(form, ratio);
  }
  return m;
})();

/** The learned share of occurrences inside a cue for a head form, or 0 when the form does not head cues. */
export function cueHeadScore(lowerForm: string): number {
  return HEAD_SCORES.get(lowerForm) ?? 0;
}

/**
 * Weak cue heads: forms PolNeAR annotates as cues only some of the time (verbs of belief, intention and showing:
 * "believe", "expected", "plans", "show"). They only start candidate attributions, which the learned keep/drop model
 * (frame-model.ts, feature `head`) then judges; they do not stop sources or contents as the strong heads do.
 * A form is weak from this share of its train occurrences inside a gold cue (0.15 gave 0.4 points less F1 on all
 * attributions, train and dev alike; lower shares mostly add candidates the model drops).
 */
const MIN_WEAK_CUE_RATIO = 0.1;
/**
 * ...or from this share of its occurrences outside quotation marks: higher, as at 0.1 the outside counts admit about
 * thirty forms ("now", "case", "come") that the keep/drop model drops nearly always, at a cost in speed.
 */
const MIN_WEAK_CUE_RATIO_OUTSIDE_QUOTES = 0.25;
/** ...seen inside a cue at least this often, so the keep/drop model has examples to judge each form by. */
const MIN_WEAK_CUE_COUNT = 6;
/** Forms that sit inside cues without heading them, or head them only as nouns the rules cannot frame. */
const NEVER_WEAK = new Set([
  'has', 'have', 'about', 'also', 'out', 'did', 'against', 'made', 'clear', 'question', 'questions', 'interview', 'message',
  'view', 'attention', 'focus', 'friday', 'once', 'endorsement', 'favor', 'address', 'opposition', 'concern', 'concerns',
  'comment', 'interest', 'talks', 'views', 'answer', 'facebook', 'letter', 'supporter', 'proposal', 'shot', 'willing',
  'advice', 'argument', 'critical', 'deep', 'upon', 'mind', 'opinion', 'allegations', 'announcement', 'quick', 'went', 'took',
  'gave', 'cast', 'began', 'started', 'continues', 'largely', 'increasingly', 'interested', 'unclear', 'to', 'been', 'being',
  'statement', 'press', 'conference', 'remarks', 'comments', 'criticism', 'reference', 'references', 'tweet', 'post',
]);
/** Verbs kept out of the strong heads (their gold cues are mostly longer phrases) but worth a candidate each. */
const EXTRA_WEAK = ['expected', 'seemed', 'seem', 'seems', 'appear', 'appears', 'appeared', 'calls', 'call', 'cited', 'sought', 'seen', 'named', 'known', 'hope', 'pointed', 'expressed', 'released', 'quoted'];

const WEAK_SCORES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const [form, inCue, total, outsideQuotes] of CUE_LEXICON) {
    if (HEAD_SCORES.has(form) || NEVER_WEAK.has(form) || CUE_MODIFIERS.has(form) || TIME_WORDS.has(form) || DETERMINERS.has(form)) continue;
    if (/ly$/.test(form) || !/^\p{L}+$/u.test(form)) continue;
    const ratio = inCue / total;
    // Counted outside quotation marks, where cues are: "think" heads a cue in 9% of all its uses but in 44% of those
    // outside quotes (the rest are the speakers' own "I think").
    const ratioOutsideQuotes = inCue / Math.max(1, outsideQuotes);
    const often = ratio >= MIN_WEAK_CUE_RATIO || ratioOutsideQuotes >= MIN_WEAK_CUE_RATIO_OUTSIDE_QUOTES;
    if ((inCue >= MIN_WEAK_CUE_COUNT && often) || EXTRA_WEAK.includes(form)) m.set(form, ratioOutsideQuotes);
  }
  return m;
})();

/** The learned share of occurrences inside a cue for a weak head form, or 0 when it is not one. */
export function weakCueScore(lowerForm: string): number {
  return WEAK_SCORES.get(lowerForm) ?? 0;
}

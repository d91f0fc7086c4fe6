/**
 * Hand-written word lists for titles, roles, pronouns and reporting verbs. Everything is lower-case; callers
 * lower-case before looking up.
 */

export type Gender = 'm' | 'f';

export interface TitleInfo {
  /** The role the title states ("general" for "Gen."), or undefined for pure honorifics ("Mr."). */
  readonly role?: string;
  readonly gender?: Gender;
}

/**
 * Titles written before a name, abbreviated or not. Multi-word titles ("Lt. Gen.", "Prime Minister") are handled by
 * `MULTI_WORD_TITLES`; the single words here may also combine ("Vice Adm.").
 */
export const TITLES: ReadonlyMap<string, TitleInfo> = new Map<string, TitleInfo>([
  ['mr.', { gender: 'm' }], ['mr', { gender: 'm' }], ['mrs.', { gender: 'f' }], ['mrs', { gender: 'f' }],
  ['ms.', { gender: 'f' }], ['ms', { gender: 'f' }], ['miss', { gender: 'f' }], ['mme', { gender: 'f' }], ['mme.', { gender: 'f' }],
  ['sir', { gender: 'm' }], ['dame', { gender: 'f' }], ['lord', { gender: 'm' }], ['lady', { gender: 'f' }],
  ['dr.', { role: 'doctor' }], ['dr', { role: 'doctor' }], ['prof.', { role: 'professor' }], ['professor', { role: 'professor' }],
  ['gen.', { role: 'general' }], ['general', { role: 'general' }], ['gens.', { role: 'general' }],
  ['adm.', { role: 'admiral' }], ['admiral', { role: 'admiral' }],
  ['col.', { role: 'colonel' }], ['colonel', { role: 'colonel' }],
  ['maj.', { role: 'major' }], ['major', { role: 'major' }],
  ['capt.', { role: 'captain' }], ['cpt.', { role: 'captain' }], ['captain', { role: 'captain' }],
  ['lt.', { role: 'lieutenant' }], ['lieut.', { role: 'lieutenant' }], ['lieutenant', { role: 'lieutenant' }],
  ['sgt.', { role: 'sergeant' }], ['sergeant', { role: 'sergeant' }], ['cpl.', { role: 'corporal' }], ['corporal', { role: 'corporal' }],
  ['pvt.', { role: 'private' }], ['brig.', { role: 'brigadier' }], ['brigadier', { role: 'brigadier' }],
  ['cmdr.', { role: 'commander' }], ['cdr.', { role: 'commander' }], ['commander', { role: 'commander' }],
  ['cmdt.', { role: 'commandant' }], ['commandant', { role: 'commandant' }], ['marshal', { role: 'marshal' }],
  ['sen.', { role: 'senator' }], ['senator', { role: 'senator' }], ['rep.', { role: 'representative' }],
  ['gov.', { role: 'governor' }], ['governor', { role: 'governor' }], ['amb.', { role: 'ambassador' }], ['ambassador', { role: 'ambassador' }],
  ['pres.', { role: 'president' }], ['president', { role: 'president' }], ['vice-president', { role: 'vice president' }],
  ['rev.', { role: 'reverend' }], ['reverend', { role: 'reverend' }], ['fr.', { role: 'priest' }], ['father', { role: 'priest' }],
  ['pope', { role: 'pope', gender: 'm' }], ['cardinal', { role: 'cardinal', gender: 'm' }], ['bishop', { role: 'bishop' }],
  ['rabbi', { role: 'rabbi' }], ['imam', { role: 'imam', gender: 'm' }], ['sheikh', { role: 'sheikh', gender: 'm' }],
  ['king', { role: 'king', gender: 'm' }], ['queen', { role: 'queen', gender: 'f' }], ['prince', { role: 'prince', gender: 'm' }],
  ['princess', { role: 'princess', gender: 'f' }], ['emperor', { role: 'emperor', gender: 'm' }],
  ['chancellor', { role: 'chancellor' }], ['premier', { role: 'premier' }], ['mayor', { role: 'mayor' }],
  ['judge', { role: 'judge' }], ['justice', { role: 'justice' }], ['minister', { role: 'minister' }],
  ['inspector', { role: 'inspector' }], ['insp.', { role: 'inspector' }], ['det.', { role: 'detective' }], ['detective', { role: 'detective' }],
  ['supt.', { role: 'superintendent' }], ['superintendent', { role: 'superintendent' }], ['chief', { role: 'chief' }],
  ['coach', { role: 'coach' }], ['ceo', { role: 'chief executive' }],
]);

/** Multi-word titles, as lower-case token sequences (longest first when matching). */
export const MULTI_WORD_TITLES: ReadonlyMap<string, TitleInfo> = new Map<string, TitleInfo>([
  ['lt. gen.', { role: 'lieutenant general' }], ['lieutenant general', { role: 'lieutenant general' }],
  ['maj. gen.', { role: 'major general' }], ['major general', { role: 'major general' }],
  ['brig. gen.', { role: 'brigadier general' }], ['brigadier general', { role: 'brigadier general' }],
  ['lt. col.', { role: 'lieutenant colonel' }], ['lieutenant colonel', { role: 'lieutenant colonel' }],
  ['vice adm.', { role: 'vice admiral' }], ['vice admiral', { role: 'vice admiral' }],
  ['rear adm.', { role: 'rear admiral' }], ['rear admiral', { role: 'rear admiral' }],
  ['air marshal', { role: 'air marshal' }], ['field marshal', { role: 'field marshal' }],
  ['lt. cmdr.', { role: 'lieutenant commander' }], ['lieutenant commander', { role: 'lieutenant commander' }],
  ['prime minister', { role: 'prime minister' }], ['vice president', { role: 'vice president' }],
  ['secretary of state', { role: 'secretary of state' }], ['attorney general', { role: 'attorney general' }],
  ['chief justice', { role: 'chief justice' }],
]);

/**
 * Nouns heading a role phrase ("spokeswoman", "chief of the defence staff", "commander of the naval forces").
 * The value is the role family used to match a later short nominal: "the spokesperson" matches a "spokeswoman".
 */
export const ROLE_HEADS: ReadonlyMap<string, string> = new Map<string, string>([
  ...(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'spokespersons'].map((w) => [w, 'spokesperson'] as const)),
  ...(['chair', 'chairman', 'chairwoman', 'chairperson', 'chairmen', 'chairs'].map((w) => [w, 'chair'] as const)),
  ...([
    'president', 'minister', 'secretary', 'secretary-general', 'ambassador', 'envoy', 'commander', 'chief', 'head', 'leader', 'director',
    'director-general', 'governor', 'mayor', 'senator', 'premier', 'chancellor', 'general', 'admiral', 'colonel', 'captain', 'sergeant',
    'lieutenant', 'officer', 'official', 'diplomat', 'adviser', 'advisor', 'aide', 'deputy', 'executive', 'founder', 'manager', 'prosecutor',
    'judge', 'lawyer', 'attorney', 'analyst', 'expert', 'researcher', 'professor', 'economist', 'participant', 'source', 'negotiator',
    'representative', 'delegate', 'lawmaker', 'legislator', 'mp', 'commissioner', 'inspector', 'detective', 'witness', 'resident',
    'king', 'queen', 'prince', 'princess', 'pope', 'cardinal', 'bishop', 'rector', 'dean', 'coach', 'ceo', 'cfo', 'coo', 'chairman',
    'vice-president', 'vice-chair', 'treasurer', 'auditor', 'editor', 'correspondent', 'reporter', 'ombudsman', 'superintendent',
    'speaker', 'whip', 'congressman', 'congresswoman', 'councillor', 'councilor', 'sheriff',
  ].map((w) => [w, w] as const)),
]);

/** Plural role heads ("officials said", "the diplomats") → singular. */
export const PLURAL_ROLE_HEADS: ReadonlyMap<string, string> = new Map<string, string>([
  ['officials', 'official'], ['diplomats', 'diplomat'], ['participants', 'participant'], ['sources', 'source'],
  ['officers', 'officer'], ['chiefs', 'chief'], ['ministers', 'minister'], ['leaders', 'leader'], ['analysts', 'analyst'],
  ['experts', 'expert'], ['commanders', 'commander'], ['generals', 'general'], ['envoys', 'envoy'], ['negotiators', 'negotiator'],
  ['lawmakers', 'lawmaker'], ['delegates', 'delegate'], ['witnesses', 'witness'], ['residents', 'resident'], ['aides', 'aide'],
  ['advisers', 'adviser'], ['executives', 'executive'], ['prosecutors', 'prosecutor'], ['lawyers', 'lawyer'],
  ['presidents', 'president'], ['spokesmen', 'spokesman'], ['spokespeople', 'spokesperson'], ['ambassadors', 'ambassador'],
  ['senators', 'senator'], ['governors', 'governor'], ['mayors', 'mayor'], ['directors', 'director'], ['representatives', 'representative'],
]);

/** Organisation head nouns in lower-case descriptions ("the defence ministry", "the allied command"). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry', 'government', 'command', 'committee', 'council', 'office', 'department', 'agency', 'alliance', 'army', 'navy',
  'military', 'company', 'firm', 'group', 'party', 'parliament', 'senate', 'congress', 'court', 'commission', 'embassy', 'administration',
  'cabinet', 'presidency', 'kremlin', 'police', 'bank', 'union', 'organisation', 'organization', 'authority', 'authorities',
  'secretariat', 'headquarters', 'board', 'bureau', 'regime', 'junta', 'coalition', 'federation', 'association', 'institute',
  'university', 'team', 'club', 'newspaper', 'broadcaster', 'network', 'consortium', 'delegation',
]);

/** Modifiers allowed inside a lower-case role or organisation description ("deputy defence minister", "newly appointed"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'deputy', 'vice', 'assistant', 'acting', 'interim', 'former', 'foreign', 'defence', 'defense', 'interior', 'finance', 'justice',
  'health', 'economy', 'economic', 'trade', 'prime', 'senior', 'top', 'chief', 'executive', 'managing', 'press', 'military', 'naval',
  'army', 'air', 'force', 'navy', 'allied', 'government', 'state', 'national', 'federal', 'regional', 'local', 'general', 'supreme',
  'joint', 'newly', 'appointed', 'elected', 'new', 'outgoing', 'incoming', 'current', 'permanent', 'special', 'lead', 'principal',
  'police', 'security', 'intelligence', 'energy', 'environment', 'education', 'transport', 'labour', 'labor', 'agriculture',
  'culture', 'communications', 'information', 'budget', 'treasury', 'home', 'european', 'affairs', 'development', 'industry',
  'presidential', 'ministerial', 'parliamentary', 'opposition', 'ruling', 'party', 'union', 'company', 'campaign', 'white', 'house',
  'pentagon', 'embassy', 'foreign-affairs', 'long-serving', 'longtime', 'veteran', 'influential', 'powerful', 'retired', 'anonymous',
  'french', 'another', 'one', 'two', 'three', 'several', 'some', 'many', 'other', 'western', 'eastern', 'european', 'maritime',
  'military-affairs', 'operations', 'operational', 'field', 'regional', 'district', 'city', 'provincial', 'municipal',
  // subject words of a portfolio ("foreign policy chief", "human rights envoy", "arms control negotiator")
  'policy', 'human', 'rights', 'climate', 'nuclear', 'arms', 'control', 'competition', 'migration', 'tax', 'digital',
  'technology', 'legal', 'political', 'financial', 'humanitarian', 'peace',
  // legislatures' offices ("Senate Majority Leader", "House Speaker", "minority whip")
  'majority', 'minority', 'senate', 'assembly', 'council',
]);

/** Words the role/organisation phrase may start with; they are kept in the span but not in the normalised role. */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'another']);

/** Determiners that make a nominal definite: it then refers back to an earlier entity if one fits. */
export const DEFINITE: ReadonlySet<string> = new Set(['the', 'its', 'his', 'her', 'their']);

/** Adjectives dropped from the normalised role ("the newly appointed commander" → "commander"). */
export const TRANSIENT_MODIFIERS: ReadonlySet<string> = new Set([
  'newly', 'appointed', 'elected', 'new', 'outgoing', 'incoming', 'current', 'long-serving', 'longtime', 'veteran', 'influential',
  'powerful', 'anonymous', 'one', 'two', 'three', 'several', 'some', 'many', 'another', 'recently',
]);

/** Relative-clause verbs stating a role ("who chairs the committee" → "chair of the committee"). */
export const ROLE_VERBS: ReadonlyMap<string, string> = new Map<string, string>([
  ['chairs', 'chair'], ['chaired', 'chair'], ['leads', 'leader'], ['led', 'leader'], ['heads', 'head'], ['headed', 'head'],
  ['runs', 'head'], ['commands', 'commander'], ['directs', 'director'], ['manages', 'manager'], ['oversees', 'head'],
  ['represents', 'representative'], ['presides', 'president'],
]);

/** Person pronouns with their gender; plural and neuter pronouns resolve only to organisations or groups. */
export const PERSON_PRONOUNS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'], ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);

/** Role nouns that state a gender. */
export const GENDERED_ROLE_WORDS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['spokesman', 'm'], ['spokeswoman', 'f'], ['chairman', 'm'], ['chairwoman', 'f'], ['congressman', 'm'], ['congresswoman', 'f'],
  ['businessman', 'm'], ['businesswoman', 'f'], ['king', 'm'], ['queen', 'f'], ['prince', 'm'], ['princess', 'f'],
  ['husband', 'm'], ['wife', 'f'], ['father', 'm'], ['mother', 'f'], ['son', 'm'], ['daughter', 'f'], ['brother', 'm'], ['sister', 'f'],
]);

/**
 * Verbs that, right after a place name, show it stands for its government ("Moscow said", "Paris has warned").
 * Only verbs of speaking and of political action: "Paris hosted" or "Paris was" stay places.
 */
export const AGENT_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'announced', 'announces', 'warned', 'warns', 'accused', 'accuses', 'denied', 'denies',
  'insisted', 'insists', 'demanded', 'demands', 'rejected', 'rejects', 'responded', 'responds', 'urged', 'urges', 'called',
  'calls', 'condemned', 'condemns', 'claimed', 'claims', 'confirmed', 'confirms', 'threatened', 'threatens', 'vowed', 'vows',
  'pledged', 'pledges', 'promised', 'promises', 'agreed', 'agrees', 'refused', 'refuses', 'signed', 'signs', 'recalled',
  'expelled', 'expects', 'expected', 'wants', 'wanted', 'argued', 'argues', 'added', 'stated', 'declared', 'declares',
  'welcomed', 'welcomes', 'criticised', 'criticized', 'protested', 'sanctioned', 'imposed', 'retaliated', 'offered', 'offers',
  'blamed', 'blames', 'hit', 'struck', 'launched', 'backed', 'backs', 'opposed', 'opposes', 'suggested', 'proposed',
]);
/** Words allowed between the place and that verb ("Moscow has long said", "Paris would also insist"). */
export const AGENT_VERB_FILLERS: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'will', 'would', 'also', 'later', 'quickly', 'then', 'again', 'long', 'repeatedly', 'previously',
  'already', 'now', 'on', 'officially', 'publicly', 'swiftly', 'immediately', 'strongly', 'firmly', 'formally', 'not', 'never', 'yet',
]);

/** Month names: a single-token person name equal to one of these is checked against date context. */
export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** Words before a month name that make it a date ("in May", "since March", "early June"). */
export const MONTH_CONTEXT_BEFORE: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'through', 'throughout', 'during', 'before', 'after', 'last', 'next', 'this',
  'early', 'late', 'mid', 'mid-', 'of', 'to', 'between', 'and', 'or', 'on', 'each', 'every', 'end', 'beginning', 'until',
]);

/** Lower-case name particles that belong to the surname ("van Dijk", "de la Cruz", "bin Salman"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'de', 'der', 'den', 'da', 'das', 'dos', 'di', 'del', 'della', 'degli', 'du', 'la', 'le', 'ter', 'ten', 'zu',
  'bin', 'ibn', 'al', 'el', 'st.', 'mac', 'op',
]);

/** Name suffixes that are not surnames ("Jr.", "III"). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq.']);

/** Function words skipped when forming an acronym from an expansion ("Organization of American States" → OAS). */
export const ACRONYM_STOPWORDS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'des', 'du', 'la', 'le', '&', 'to', 'at']);

/**
 * Common female first names ending in a consonant and male first names ending in "a", the exceptions to the
 * weak "-a means female" default used only when nothing else states a gender.
 */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set([
  'ingrid', 'astrid', 'sigrid', 'karin', 'kathleen', 'helen', 'ellen', 'susan', 'ann', 'anne', 'janet', 'margaret', 'elizabeth',
  'sarah', 'ruth', 'esther', 'rachel', 'miriam', 'carmen', 'mercedes', 'dolores', 'beatriz', 'isabel', 'ines', 'agnes', 'alice',
  'catherine', 'kate', 'claire', 'marie', 'sophie', 'chloe', 'zoe', 'nicole', 'michelle', 'jennifer', 'kim', 'lynn', 'ursula',
  'mary', 'emily', 'amy', 'lucy', 'lily', 'judy', 'nancy', 'betty', 'dorothy', 'shirley', 'hillary', 'kamala', 'theresa', 'angela',
  'farah', 'miriam', 'anika', 'jacqueline', 'caroline', 'louise', 'charlotte', 'rose', 'grace', 'joy', 'hope', 'faith', 'yvonne',
  'annegret', 'ulrike', 'heike', 'elke', 'birgit', 'gudrun', 'liz', 'beth', 'meg', 'peg', 'sue', 'jo', 'bridget', 'megan', 'eileen',
]);
export const MALE_FIRST_NAMES_A: ReadonlySet<string> = new Set([
  'luca', 'andrea', 'nikita', 'ilya', 'joshua', 'elijah', 'isaiah', 'jeremiah', 'zachariah', 'noa', 'mustafa', 'musa', 'isa', 'yahya',
  'attila', 'sasha', 'misha', 'kostya', 'vanya', 'kolya', 'sergeja', 'jiya', 'aliyu', 'shiva', 'krishna', 'rama', 'ezra', 'jonah',
  'joshua', 'akira', 'dana', 'sacha', 'mattia', 'nicola', 'tomba', 'costa', 'garcia', 'dima', 'fedja', 'juha', 'pekka', 'jukka',
  'mika', 'ola', 'kenta', 'hideyoshi', 'seba', 'ricca',
]);
/** Common male first names (no ending rule covers them). */
export const MALE_FIRST_NAMES: ReadonlySet<string> = new Set([
  'john', 'james', 'robert', 'michael', 'william', 'david', 'richard', 'joseph', 'thomas', 'charles', 'peter', 'paul', 'mark',
  'george', 'donald', 'joe', 'barack', 'bill', 'vladimir', 'xi', 'emmanuel', 'olaf', 'boris', 'rishi', 'keir', 'jean', 'pierre',
  'henrik', 'piet', 'ivo', 'tomas', 'owen', 'jens', 'hans', 'klaus', 'mario', 'carlos', 'jose', 'juan', 'pedro', 'ahmed', 'mohammed',
  'ali', 'omar', 'hassan', 'ivan', 'igor', 'sergei', 'dmitry', 'alexei', 'viktor', 'volodymyr', 'recep', 'benjamin', 'justin',
]);

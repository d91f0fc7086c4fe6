/**
 * Words that name events, the verbs that relate people to them, and the phrases that give their format.
 * Every pattern is applied to one sentence at a time; guards reject the idioms that share the words
 * ("meeting expectations", "a call for calm", "visit our website", "the summit of the mountain").
 */
import type { EventFormat, EventType } from './types.js';

export type TriggerClass = 'verb' | 'noun';

export interface TriggerPattern {
  readonly re: RegExp;
  readonly type: EventType;
  readonly cls: TriggerClass;
  readonly rule: string;
  /** The trigger itself states the format ("video call", "phone call"). */
  readonly format?: EventFormat;
  /** Only ever refers back to an event already reported ("the discussion"); never starts one. */
  readonly anaphorOnly?: true;
}

/** Longest and most specific first: an earlier pattern's match blocks later overlapping ones. */
export const TRIGGERS: readonly TriggerPattern[] = [
  { re: /\b(?:news|press) (?:conference|briefing)s?\b/gi, type: 'news-conference', cls: 'noun', rule: 'news-conference-noun' },
  { re: /\bconference calls?\b/gi, type: 'call', cls: 'noun', rule: 'call-noun', format: 'phone' },
  { re: /\b(?:video[- ]?conferences?|video (?:calls?|meetings?|summits?|link talks)|virtual (?:meetings?|summits?|talks)|online (?:meetings?|summits?))\b/gi, type: 'meeting', cls: 'noun', rule: 'virtual-meeting-noun', format: 'virtual' },
  { re: /\b(?:tele)?phone (?:calls?|conversations?|talks)\b/gi, type: 'call', cls: 'noun', rule: 'phone-call-noun', format: 'phone' },
  { re: /\b(?:spoke|speak|talked|spoken) (?:by|on the|over the) (?:tele)?phone\b/gi, type: 'call', cls: 'verb', rule: 'phone-call-verb', format: 'phone' },
  { re: /\bsummits?\b/gi, type: 'summit', cls: 'noun', rule: 'summit-noun' },
  { re: /\bmeetings?\b/gi, type: 'meeting', cls: 'noun', rule: 'meeting-noun' },
  { re: /\btalks\b/gi, type: 'meeting', cls: 'noun', rule: 'talks-noun' },
  { re: /\bcalls?\b/gi, type: 'call', cls: 'noun', rule: 'call-noun' },
  { re: /\b(?:conferences?|gatherings?)\b/gi, type: 'meeting', cls: 'noun', rule: 'meeting-noun' },
  // "the commission's first session", "an emergency session of the Security Council": a session of its own.
  { re: /(?<=\b(?:first|next|opening|inaugural|emergency|special|extraordinary|plenary|closed-door)\s+)sessions?\b/gi, type: 'meeting', cls: 'noun', rule: 'session-noun' },
  { re: /\b(?:discussions?|session)\b/gi, type: 'meeting', cls: 'noun', rule: 'meeting-anaphor', anaphorOnly: true },
  { re: /\b(?:met|meet|meets|gathered|convened)\b/gi, type: 'meeting', cls: 'verb', rule: 'meeting-verb' },
  { re: /\bvisit(?:ed|ing|s)?\b/gi, type: 'visit', cls: 'verb', rule: 'visit' },
  // "would travel to Kyiv", "flew to Brussels", "arrived in Oslo", "a trip to Kyiv": a visit when a place follows.
  { re: /\b(?:travel(?:s|led|ed|ling|ing)?|fl(?:ew|ies|y|ying|own)|arriv(?:ed|es|e|ing)|(?:trip|journey)s?)\b(?=\s+(?:to|in)\s+(?:the\s+)?\p{Lu})/gu, type: 'visit', cls: 'verb', rule: 'travel' },
  { re: /\b[Ii]n an? (?:written |joint |brief |short |separate )?statement\b/g, type: 'statement', cls: 'noun', rule: 'statement-in' },
  { re: /\b(?:issued|released|published|put out)\s+(?:an?|the|its|his|her|their)\s+(?:joint\s+|written\s+)?statement\b/g, type: 'statement', cls: 'noun', rule: 'statement-issued' },
  // Remarks to the press and interviews are statements too, with their own date and place ("told reporters in Salm on Thursday").
  { re: /\btold (?:reporters|journalists|the press|a news conference|a press conference|a briefing)\b(?!\s+(?:at|during|in)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?:news|press)\s+(?:conference|briefing))/g, type: 'statement', cls: 'verb', rule: 'statement-reporters' },
  { re: /\b[Ii]n an? (?:(?:exclusive|televised|radio|television|TV|phone|telephone|recent|separate|written|podcast|video)\s+)?interview\b/g, type: 'statement', cls: 'noun', rule: 'statement-interview' },
  { re: /\bin remarks (?:released|published|issued)\b/g, type: 'statement', cls: 'noun', rule: 'statement-remarks' },
  { re: /\b(?:posted|wrote) on (?:X|Twitter|Facebook|Telegram|Instagram|LinkedIn|Bluesky|social media)\b/g, type: 'statement', cls: 'verb', rule: 'statement-social' },
  { re: /\bannounced\b/g, type: 'announcement', cls: 'verb', rule: 'announcement-verb' },
  // "addressed parliament", "will address the nation", "gave a speech", "in a speech to the UN": a speech to an audience.
  { re: /\baddress(?:ed|es|ing)?\b(?=\s+(?:a\s+|an\s+|the\s+|joint\s+|a\s+joint\s+)?(?:nation|parliament|congress|lawmakers|legislators|UN\b|United Nations|General Assembly|assembly|rally|crowd|conference|summit|supporters|reporters|students|delegates|troops|country|session|Bundestag|Knesset|Duma|Senate|House|Security Council|graduates|MPs|convention|meeting|forum|audience)\b(?!['’]s))/gi, type: 'speech', cls: 'verb', rule: 'speech-address' },
  { re: /\bspeech(?:es)?\b|\baddress to the (?:nation|country|parliament|assembly)\b/gi, type: 'speech', cls: 'noun', rule: 'speech-noun' },
  { re: /\b(?:signed|reached|struck|sealed|clinched)\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:agreement|deal|accord|treaty|pact)|agreement)\b/g, type: 'agreement', cls: 'verb', rule: 'agreement-signed' },
  { re: /\bagreed\b(?=\s+(?:on\s+\w+day\s+|unanimously\s+|in principle\s+)?(?:to|on|that)\b)/g, type: 'agreement', cls: 'verb', rule: 'agreement-verb' },
  { re: /\bvot(?:ed|es)\b(?!\s+(?:best|most|the best|the most))|\ba vote (?:on|in)\b|\b(?:will|would|to|shall|must|could|did not|didn't|didn’t)\s+vote\b/g, type: 'vote', cls: 'verb', rule: 'vote' },
  // "The 285-120 vote", "by a vote of 9 to 6": a tally names the vote.
  { re: /\b\d{1,4}[-–]\d{1,4}\s+vote\b|\bby\s+a\s+vote\s+of\s+\d{1,4}(?:\s*[-–]\s*|\s+to\s+)\d{1,4}\b/g, type: 'vote', cls: 'noun', rule: 'vote-tally' },
  // "The vote came two days after …": a definite "vote" names the vote reported before (no event of its own).
  { re: /\bvote\b/g, type: 'vote', cls: 'noun', rule: 'vote-anaphor', anaphorOnly: true },
  { re: /\b(?:missiles?|drones?|rockets?|shells?|strikes?|bombs?)\s+(?:struck|hit|slammed into|rained down on)\b/gi, type: 'attack', cls: 'verb', rule: 'attack' },
  { re: /\b(?:attack(?:ed|s)?|air ?strikes?|missile strikes?|drone strikes?|[Ss]helling|shelled|[Bb]ombing|bombed|[Ee]xplosions?|ambush(?:ed)?|[Ss]hootings?|opened fire)\b/g, type: 'attack', cls: 'verb', rule: 'attack' },
  // "Fighting has continued", "heavy fighting near Tarrow", "clashes between …": fighting as a noun, not "fighting corruption".
  { re: /\b(?:[Ff]ighting|clashes)\b/g, type: 'attack', cls: 'noun', rule: 'fighting' },
  { re: /\b(?:deploy(?:ed|ing|s)?|deployment|sen[dt]|sending|dispatched)\b/g, type: 'deployment', cls: 'verb', rule: 'deployment' },
];

/** Words before "meeting" that make it a noun ("the meeting", "a two-day meeting") rather than a participle. */
export const NOUN_DETERMINER =
  /(?:^|\s)(?:a|an|the|this|that|these|those|their|its|his|her|our|first|second|next|last|smaller|larger|small|large|emergency|[\w-]+-day|[\w-]+-hour|\p{L}+day['’]s|\p{L}+['’]s|extraordinary|special|informal|formal|regular|annual|monthly|weekly|joint|ministerial|private|closed-door|cabinet|board|same|previous|face-to-face|in-person|bilateral|trilateral|brief|separate|follow-up|preparatory|peace|crisis|high-level|leaders'|leaders’|direct|further|new|fresh|latest|final|earlier|later|planned|one|two|three|of|video|virtual|online)\s*$/iu;

/** Definite references: the event was already reported ("the call", "Wednesday's talks", "this meeting"). */
export const DEFINITE = /(?:^|\s)(?:the|this|that|these|those|its|their|\p{L}+day['’]s|today['’]s|yesterday['’]s|(?:last|this|next|past)\s+(?:week|weekend|month|year)['’]s)\s+(?:[\w-]+\s+){0,2}$/iu;

/** Objects of "meet"/"met" that make it "satisfy" or "receive", not "gather". */
export const MEET_OBJECT_GUARD =
  /^\s+(?:and\s+(?:in\s+some\s+cases\s+|even\s+|perhaps\s+)?(?:exceed|surpass|beat)\b|or\s+(?:exceed|surpass|beat)\b)|^\s+(?:with\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|an\s+|our\s+|these\s+)?(?:\w+\s+)?(?:criticism|resistance|scepticism|skepticism|silence|approval|protests?|opposition|anger|derision|demand|demands|expectations?|targets?|needs|requirements|deadlines?|standards|criteria|goals?|obligations|commitments|costs?|challenges?|conditions|threshold|quota|fate|end|death)\b/i;

/** What follows "call" when it is an appeal, not a conversation ("a call for calm", "calls on"). */
export const CALL_GUARD_AFTER = /^\s+(?:for|on|to|it|them|him|her|me|us)\b/i;
/** What precedes "call" when it is a verb or an appeal ("to call", "they call", "so-called", "roll call", "close call"). */
export const CALL_GUARD_BEFORE = /(?:\b(?:to|will|would|could|they|we|you|I|he|she|it|so-|roll|close|wake-up|judgment|judgement|curtain|last|port|casting|conference|video|phone|telephone)\s*$|-\s*$)/i;
/** Verbs whose object "call" is an appeal ("might extend the call", "heeded the call", "renewed its call"). */
export const APPEAL_VERB_BEFORE = /\b(?:extend(?:ed|s|ing)?|heed(?:ed|s|ing)?|issu(?:e|ed|es|ing)|answer(?:ed|s|ing)?|renew(?:ed|s|ing)?|echo(?:ed|es|ing)?|reject(?:ed|s|ing)?|repeat(?:ed|s|ing)?|back(?:ed|s|ing)?|support(?:ed|s|ing)?|ignor(?:e|ed|es|ing))\s+(?:the|a|an|its|their|his|her|this|that)\s+(?:[\w-]+\s+)?$/i;

/** Mountain words after "summit" ("the summit of the mountain", "reached the summit"). */
export const SUMMIT_GUARD = /^\s+of\s+(?:the\s+)?(?:mountain|mount|mt\.?|peak|hill|volcano|ridge|everest|k2|kilimanjaro)\b|^\s+(?:at|of)\s+\d[\d,]*\s*(?:m|metres|meters|feet|ft)\b/i;
export const SUMMIT_GUARD_BEFORE = /\b(?:reached|reach|reaching|climbed|climb|climbing|to the|mountain|mountain's|peak)\s+(?:the\s+)?$/i;

/** "visit our website", "please visit", "visit www…": invitations, not visits. */
export const VISIT_GUARD_AFTER = /^\s+(?:our|the\s+(?:website|site|page)|www\.|https?:|this\s+(?:page|site)|us\b|website|(?:\p{Lu}\p{L}*\s+)?(?:page|site|website|account)s?\b)/iu;
/** "most-visited", "well-visited": an adjective, not a visit. */
export const VISIT_GUARD_BEFORE = /(?:most|least|much|well|often|rarely|frequently|heavily|widely)-?\s*$/i;

/** "heart attack", "panic attack": not attacks. */
export const ATTACK_GUARD_BEFORE = /\b(?:heart|panic|asthma|anxiety|personal|verbal|cyber-?|political|legislative|partisan|media|campaign|negative|rhetorical|scathing|stinging|blistering|withering)\s*$/i;
/** "attack ads", "attacks on his record", "shooting a film", "a shooting guard": no violence (a person's name as the target is checked in index.ts). */
export const ATTACK_GUARD_AFTER = /^\s+(?:ads?\b|dogs?\b|lines?\b|(?:a\s+|the\s+)?(?:film|movie|video|scene|guard|range|star|percentage|hoops|baskets)\b|(?:on|against)\s+(?:his|her|their|my|our)\s+(?:record|rival|opponent|critics|policies|plan|character|integrity)\b|(?:my|his|her)\s+(?:record|character|integrity)\b)/i;

/** Nouns that make a "send"/"deploy" a deployment of forces. */
export const FORCE_NOUN = /\b(?:troops|soldiers|forces?|personnel|marines|peacekeepers|warships|ships|jets|aircraft|tanks|batteries|brigades?|battalions?|units)\b/i;

/** Verbs before a noun trigger that relate the clause's subject to the event; the relation is named by the group. */
export const RELATION_VERB = new RegExp(
  '(?:^|\\s)(?<neg>(?:did not|didn\'t|didn’t|does not|doesn\'t|doesn’t|will not|won\'t|won’t|would not|never|not)\\s+(?:\\w+ly\\s+)?)?' +
  '(?:(?<org>chaired|chairs|chairing|chair|hosted|hosts|hosting|host|convened|convenes|convene|led|leads|lead|opened|opens|organi[sz]ed|called\\s+an?|(?<invite>invited|invites|inviting|invite)\\s+(?:[\\w.\'’-]+\\s+){1,5}to)' +
  '|(?<part>held|holds|holding|hold|attended|attends|attending|attend|joined|joins|joining|join|took\\s+part\\s+in|takes?\\s+part\\s+in|taking\\s+part\\s+in|participated\\s+in|participates?\\s+in|participating\\s+in|told|tells|addressed|addresses|(?:ended|ends|concluded|concludes|began|begins|started|starts|resumed|resumes|broke\\s+off|wrapped\\s+up|completed|walked\\s+out\\s+of)|spoke\\s+at|speaking\\s+at|spoke\\s+to|was\\s+at|were\\s+at|at\\s+(?:their|its)|sent\\s+(?:[\\w\'’-]+\\s+){0,4}to|send\\s+(?:[\\w\'’-]+\\s+){0,4}to))' +
  // Up to five words between the verb and the event noun: "joined the first hour of the call".
  '\\s+(?:[\\w\'’-]+\\s+){0,5}$',
  'u',
);

/** Participation stated without naming the event ("… also took part", "Britain, France and Spain were among those present"). */
export const PARTICIPATION_ALONE =
  /\b(?:also\s+)?(?:took part|were among those present|was among those present|were present|was present|were represented by|was represented by|also attended|also joined|participated)\b/;

/** Phrases giving the format. */
export const FORMAT_PATTERNS: ReadonlyArray<readonly [RegExp, EventFormat]> = [
  [/\b(?:in a |in )?hybrid (?:format|meeting)\b/i, 'hybrid'],
  [/\bby video(?:[- ]?(?:link|conference|call))?\b|\bvia video(?:[- ]?(?:link|conference))?\b|\bvideo[- ]?link\b|\bvirtually\b|\bonline\b|\bremotely\b|\bvideo format\b/i, 'virtual'],
  [/\b(?:by|over the|on the) (?:tele)?phone\b/i, 'phone'],
  [/\bin[- ]person\b|\bface[- ]to[- ]face\b/i, 'in-person'],
];

/** Group heads that make a gathering a summit ("summit of presidents", "presidents meeting in Madrid"). */
export const SUMMIT_PARTICIPANTS = /\b(?:presidents|heads of state|heads of government|prime ministers|(?:world|national|EU|G7|G20|allied|European|African|Arab) leaders)\b|^leaders$/i;

/** Prepositions before a time expression that make it a deadline or a range edge, not the event's date. */
export const NON_EVENT_DATE_PREP = /\b(?:before|by|until|till|since|from|after|through|throughout|within|ahead of|for|during|over|than|into|starting)\s+(?:the\s+)?$/i;

/** Words before a place actor that make it a participant's origin or a destination, not a participant. */
export const PLACE_PREP = /\b(?:in|at|to|near|into|across|outside|inside|for|on|against|from|toward|towards|via|over)\s+(?:the\s+|an?\s+)?$/i;

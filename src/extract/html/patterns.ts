/**
 * The one table of tag sets and class/id patterns the content extractor uses.
 * Patterns are matched against `id + " " + class`, lower-cased, once per element.
 */

/** Subtrees that never hold visible article text. */
export const NEVER_TEXT_TAGS: ReadonlySet<string> = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'picture', 'img', 'button', 'select', 'option', 'input', 'textarea', 'dialog', 'title', 'meta', 'link',
  'source', 'track', 'map', 'area',
]);

/** Image and embed wrappers: their text is a caption or a credit, not article prose. */
export const CAPTION_TAGS: ReadonlySet<string> = new Set(['figure', 'figcaption']);

/** Page chrome by structure; removed unless they hold most of the page's prose (some sites wrap everything in them). */
export const CHROME_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'header', 'form', 'menu']);

/** Tags that start a new line of text. Anything else is inline and joins its neighbours. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'main', 'article', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl',
  'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure', 'figcaption',
  'header', 'footer', 'aside', 'nav', 'form', 'fieldset', 'legend', 'address', 'hr', 'center', 'details', 'summary',
  'hgroup', 'menu', 'dialog', 'noscript',
]);

/** Table cells: separate words, do not start a block (layout tables put whole articles in one cell). */
export const CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Class/id words of boilerplate containers, anchored at a word start so that
 * `socialShare`, `related-articles`, `newsletter_signup` match but `headline` does not.
 */
export const BOILERPLATE_CLASS =
  /(?:^|[\s_-])(?:share|sharing|social|related|newsletter|subscri|signup|sign-up|promo|recommend|trending|popular|most-?read|most-?viewed|outbrain|taboola|comment|disqus|cookie|consent|gdpr|banner|advert|sponsor|sidebar|widget|footer|breadcrumb|pagination|pager|popup|modal|overlay|masthead|toolbar|byline|author|caption|credit|read-?more|readmore|see-?also|also-?read|more-?(?:stories|articles|news|from|on)|recirc|teaser|rail|skip|newsfeed|inline-?related|tags(?!-)|tag-?list|keywords|topics|nav|menu|dateline|timestamp|published|copyright|disclaimer|jump|sr-only|visually-?hidden|screen-?reader|offscreen)/;

/** Very short words that are boilerplate only as whole tokens (`ad`, `ads`, `bio`, `meta`, `tag`). */
export const BOILERPLATE_TOKEN =
  /(?:^|[\s_-])(?:ad|ads|adv|adslot|dfp|gpt|bio|meta|info|date|time|source|social|share|header|extra|more|related|aside|links|hidden|hide|print|toc)(?:$|[\s_-])|(?:^|\s)tag(?:$|\s)/;

/** Containers sites use for the article body; never pruned, and preferred as the container. */
export const ARTICLE_BODY_CLASS =
  /(?:article|story|post|entry|news|blog|main|page|td-post)[_-]{0,2}(?:body|content|text|copy)(?![_-]{0,2}(?:share|social|related|meta|header|footer|tags?|author|wrap))|rich-?text|body-?text|text-?body|content-?body|(?:^|\s)h-?entry(?:$|\s)/;

/** Words that, alone on a line, are page furniture in most languages the web is written in. */
export const FURNITURE_LINE =
  /^(?:advertisement|advertising|anzeige|publicidad|publicité|pubblicità|publicidade|реклама|sponsored|sponsored content|read more|read more:|more:|related|related:|related articles|related stories|related content|see also|share|share this|share this article|share on facebook|share on twitter|tweet|email|print|comments?|\d+ comments?|leave a comment|subscribe|sign up|log in|login|continue reading|click here|back to top|next|previous|close|menu|loading\.*|photo|image|video|watch|listen|getty images|ap photo|reuters|afp|ap|skip to (?:main )?content|story continues below advertisement|article continues below|continue reading below|trending|most read|most popular|follow us|tags:?|topics:?|leia (?:mais|também)|veja também|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|leggi anche|читайте также)$/i;

/** Lines that start like boilerplate in most sites: calls to action, credits, copyright. */
export const FURNITURE_PREFIX =
  /^(?:read more|read also|also read|related:|see also|more:|recommended:|watch:|listen:|subscribe|sign up|click here|follow (?:us|him|her|them)|©|copyright|all rights reserved|photo:|image:|photograph:|file photo|credit:|getty images|(?:photo|image|picture|video) (?:by|courtesy|credit)|this (?:article|story) (?:was|has been|first)|get (?:the|our) |join (?:the|our) |download (?:the|our) |leia (?:mais|também)|veja também|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|leggi anche|читайте также)/i;

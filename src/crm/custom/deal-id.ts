import { DEAL_ID_MAX } from '../../messaging/content-messages';
import type { CustomRule } from '../../settings/schema';
import { cleanText, queryDeep } from '../../detection/dom';

/** Where a user rule reads the deal's id: the rule's `dealIdFrom` and `dealIdKey`. */
export type DealIdSource = Pick<CustomRule, 'dealIdFrom' | 'dealIdKey'>;

/** Longer than this, an element's text is a paragraph, not an id. */
const MAX_TEXT = 120;
/** What a loss message accepts as a deal id: a longer one names no deal Rebound can keep. */
const MAX_ID = DEAL_ID_MAX;

const fit = (id: string | undefined) => (id && id.length <= MAX_ID ? id : undefined);

/**
 * The deal id a URL names under a rule, for every source but `element` (the page's text, read by
 * `dealIdFromPage`): undefined when the URL does not name one (no such parameter, no hash, too
 * few segments). Ids start with the host, so two CRMs' deals never share one.
 * `path` keeps the form rules had before sources existed (host + path), so prompts already
 * recorded for a deal still count.
 */
export function dealIdFromUrl(source: DealIdSource, url: URL): string | undefined {
  return fit(fromUrl(source, url));
}

function fromUrl(source: DealIdSource, url: URL): string | undefined {
  const key = source.dealIdKey.trim();
  switch (source.dealIdFrom) {
    case 'path':
      return `${url.host}${url.pathname}`;
    case 'segment': {
      const position = Number(key);
      const segment = url.pathname.split('/').filter(Boolean)[position - 1];
      return Number.isInteger(position) && segment ? `${url.host} /${segment}` : undefined;
    }
    case 'query': {
      const value = key ? url.searchParams.get(key)?.trim() : undefined;
      return value ? `${url.host} ?${key}=${value}` : undefined;
    }
    case 'hash': {
      const hash = url.hash.replace(/^#/, '').trim();
      return hash ? `${url.host} #${hash}` : undefined;
    }
    case 'element':
      return undefined;
  }
}

/** The deal id of a page: the text of the rule's element, or what its URL names. */
export function dealIdFromPage(source: DealIdSource, root: Document, url: URL): string | undefined {
  if (source.dealIdFrom !== 'element') return dealIdFromUrl(source, url);
  let el: Element | undefined;
  try {
    el = queryDeep(root, source.dealIdKey);
  } catch {
    return undefined; // not valid CSS (the options page refuses it; stored settings may not)
  }
  const text = cleanText(el?.textContent);
  return text && text.length <= MAX_TEXT ? fit(`${url.host} [${text}]`) : undefined;
}

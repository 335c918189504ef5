import { cleanText } from './dom';

/**
 * What a page shows, read with no selectors of the CRM's: the part of the generic readers the
 * content script carries at load (the lost-label count taken when the user acts, and after a
 * save). The rest, which reads a deal's context, loads with the panels (generic-read.ts).
 */

/**
 * Subtrees that never show the deal's saved state: menus and lists of choices, hidden parts,
 * Rebound's own panels, and what the user is still choosing — dialogs (a "Close as lost"
 * dialog that stays open with its error after a refused save) and form controls (an inline
 * edit left open) show the user's input, not what the CRM saved.
 */
const NOT_SHOWN =
  'option, optgroup, datalist, script, style, template, noscript, [hidden], [aria-hidden="true"], ' +
  '[role="listbox"], [role="menu"], [role="option"], [role="menuitem"], [role="tooltip"], ' +
  'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"], select, input, textarea, ' +
  '[role="combobox"], [contenteditable="true"]';
/** Stage labels are short ("Closed-Lost to Competition"); a sentence that starts with one is not one. */
const LABEL_MAX = 40;
/** The text directly in an element (not its children's). */
export function ownText(el: Element): string {
  let text = '';
  for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
  return cleanText(text);
}

function isShown(el: Element): boolean {
  // checkVisibility() covers display:none ancestors, content-visibility and the like.
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}

/**
 * Visits every element of the page in document order, open shadow roots included, leaving
 * out what `NOT_SHOWN` names and Rebound's own panels.
 */
export function eachShownElement(root: Document, visit: (el: Element) => void): void {
  const walk = (scope: Node) => {
    const walker = root.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT, {
      acceptNode: (node) =>
        (node as Element).matches(NOT_SHOWN) || (node as Element).localName.startsWith('rebound-')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node as Element;
      visit(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root.body) walk(root.body);
}

/**
 * The elements a page now shows saying lost (the stage field, a status badge, a table cell):
 * each element whose own text is a lost label, visible, and not an option in a list of
 * choices. The generic evidence for a save the request alone cannot read: after the save, an
 * element says lost that did not when the save was sent.
 */
export function lostLabelElements(
  root: Document,
  isLost: (label: string | undefined) => boolean,
): Element[] {
  const found: Element[] = [];
  eachShownElement(root, (el) => {
    const text = ownText(el);
    if (text && text.length <= LABEL_MAX && isLost(text) && isShown(el)) found.push(el);
  });
  return found;
}

/** What a deal is called when nothing on the page names it: the prompt then asks for its name. */
export function fallbackDealName(crmName: string, dealId: string): string {
  return `${crmName} deal ${dealId}`;
}

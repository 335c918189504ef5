import { useEffect, useState } from 'preact/hooks';

/**
 * The options page's place, in its URL hash: `#library?crm=hubspot` is the route `library` with
 * the query `crm=hubspot`. A hash survives a reload, can be bookmarked and linked to
 * (`options.html#detection` from the popup), and Back goes to the previous section.
 */
export type HashRoute = { route: string; query: string };

export function parseHash(hash: string): HashRoute {
  const body = hash.replace(/^#/, '');
  const at = body.indexOf('?');
  return at < 0
    ? { route: decodeURIComponent(body), query: '' }
    : { route: decodeURIComponent(body.slice(0, at)), query: body.slice(at + 1) };
}

export function hashOf({ route, query }: HashRoute): string {
  return `#${encodeURIComponent(route)}${query ? `?${query}` : ''}`;
}

/**
 * The current route, and a way to go elsewhere. `replace` changes the URL without a history
 * entry (each keystroke of a search is not a step Back should take).
 */
export function useHashRoute(): [
  HashRoute,
  (next: HashRoute, options?: { replace?: boolean }) => void,
] {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = (next: HashRoute, { replace = false } = {}) => {
    const hash = hashOf(next);
    if (hash === location.hash) return;
    if (replace) {
      // replaceState fires no hashchange: the state follows by hand.
      history.replaceState(history.state, '', hash);
      setRoute(next);
    } else location.hash = hash;
  };
  return [route, go];
}

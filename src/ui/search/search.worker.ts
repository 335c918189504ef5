import { serveSearch } from './search-worker-main';

// The options page's search worker (src/ui/search/search-client.ts starts it).
serveSearch(self as unknown as Parameters<typeof serveSearch>[0]);

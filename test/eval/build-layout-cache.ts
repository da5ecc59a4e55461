/** `npm run real-pages:cache`: rebuilds the real-page layout cache after the pages or the token extractor change. */
import { buildLayoutCache, CACHE } from './layout-cache.ts';

const n = buildLayoutCache();
console.log(`${CACHE}: layout features of ${n} pages`);

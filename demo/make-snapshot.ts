/**
 * Writes demo/snapshot/<seed host>/: the seized seed's pages as they were before the takedown, rendered
 * from the universe's declaration, with a manifest (capture time, URLs, SHA-256). Run once and commit
 * the result; the universe test fails if the shipped files and the declaration drift apart.
 *
 *   npx tsx demo/make-snapshot.ts
 */
import { pathToFileURL } from 'node:url';
import { renderFavicon } from '../sitegen/index.ts';
import { classifiedsPages } from './render.ts';
import { SNAPSHOT_DIR, writeSnapshot } from './snapshot.ts';
import { DEMO_UNIVERSE, type Universe } from './universe.ts';

/** What the snapshot of each seized seed must contain, from the universe's declaration. */
export function expectedSnapshots(universe: Universe) {
  return universe.hosts.flatMap((h) => {
    if (h.content.kind !== 'seized') return [];
    const site = universe.monitoredSites.find((s) => s.domains.includes(h.host));
    if (!site) throw new Error(`The seized host ${h.host} is not a monitored site's domain in the universe.`);
    const pages = [...classifiedsPages(h.content.before)].map(([path, html]) => ({ path, html }));
    return [
      {
        host: h.host,
        site: site.name,
        capturedAt: universe.snapshotCapturedAt,
        pages,
        favicon: renderFavicon(h.content.before),
      },
    ];
  });
}

async function main() {
  for (const snapshot of expectedSnapshots(DEMO_UNIVERSE)) {
    await writeSnapshot(snapshot, SNAPSHOT_DIR);
    process.stdout.write(`${snapshot.host}: ${snapshot.pages.length} pages written under ${SNAPSHOT_DIR}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

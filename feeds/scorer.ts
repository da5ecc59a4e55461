/** The lexical scorer of the monitored names as they are in the database now (seeds and site names). */
import { type Executor, listSites } from '../db/index.ts';
import { createLexicalScorer, type LexicalScorer } from '../screen/lexical.ts';

export async function scorerFromDatabase(db: Executor): Promise<LexicalScorer> {
  const sites = await listSites(db as Parameters<typeof listSites>[0]);
  return createLexicalScorer({
    hostnames: sites.flatMap((s) => s.domains.map((d) => d.hostname)),
    names: sites.map((s) => s.name),
  });
}

/** Layout corpora of queued cycles (see schema/corpora.ts). */
import { eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { type LayoutCorpusRow, layoutCorpora } from '../schema/index.ts';

export async function saveCorpus(
  db: Executor,
  cycleId: string,
  corpus: { documents: number; frequencies: Record<string, number>; subjects: number },
): Promise<void> {
  await db
    .insert(layoutCorpora)
    .values({ cycleId, ...corpus })
    .onConflictDoUpdate({ target: layoutCorpora.cycleId, set: { ...corpus, builtAt: new Date() } });
}

export async function getCorpus(db: Executor, cycleId: string): Promise<LayoutCorpusRow | null> {
  const [row] = await db.select().from(layoutCorpora).where(eq(layoutCorpora.cycleId, cycleId));
  return row ?? null;
}

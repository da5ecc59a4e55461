/** Every near-identical ad pair of every alert, with the candidate's ad text as its stored capture holds it. */
import { type Executor, getAlert, latestUsefulCaptures, listAlerts } from '../../db/index.ts';

type Side = { id: string; url: string; text: string; cut?: boolean };
export interface StoredAdPair {
  alert: string;
  pair: { kind: 'near-identical-ad'; distance: number; reference: Side; candidate: Side };
  storedCandidate: string | undefined;
}

export async function demoAdPairs(db: Executor): Promise<StoredAdPair[]> {
  const out: StoredAdPair[] = [];
  for (const summary of await listAlerts(db)) {
    const alert = await getAlert(db, summary.id);
    const stored = new Map<string, string>();
    for (const c of await latestUsefulCaptures(db, [alert.candidateDomainId], () => true)) {
      const ads = ((c.features ?? {}) as { ads?: { id: string; text: string }[] }).ads ?? [];
      for (const ad of ads) stored.set(ad.id, ad.text);
    }
    for (const e of alert.evidence as StoredAdPair['pair'][]) {
      if (e.kind === 'near-identical-ad')
        out.push({ alert: alert.candidate, pair: e, storedCandidate: stored.get(e.candidate.id) });
    }
  }
  return out;
}

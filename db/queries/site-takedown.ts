/**
 * The takedown date a unit enters for a monitored site (`phenix sites takedown`): the day the site was actually
 * taken down, from the unit's own records. Phénix's liveStateChangedAt is only when a crawl noticed it, and a clone
 * set up in between must not look "first seen before the takedown" because of that delay.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { sites } from '../schema/index.ts';
import { appendAudit } from './audit.ts';

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30) and is not in the future. */
export function parseTakedownDate(text: string, now: Date = new Date()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !day || day.toISOString().slice(0, 10) !== text.trim())
    throw new InvalidRequestError(
      `The takedown date must be a real day written YYYY-MM-DD, e.g. 2026-03-14; got "${text}"`,
    );
  if (day.getTime() > now.getTime())
    throw new InvalidRequestError(`The takedown date ${text} is in the future; enter the day the site was taken down`);
  return text.trim();
}

/** Records (or corrects) the takedown date of a site, journaled with the previous value. */
export async function recordTakedown(
  db: Executor,
  siteName: string,
  o: { date: string; note: string; by: string },
): Promise<void> {
  const date = parseTakedownDate(o.date);
  const [site] = await db.select().from(sites).where(eq(sites.name, siteName));
  if (!site) throw new NotFoundError(`No monitored site is named "${siteName}". See: phenix sites list`);
  await db
    .update(sites)
    .set({ takedownDate: date, takedownNote: o.note, takedownBy: o.by, updatedAt: new Date() })
    .where(eq(sites.id, site.id));
  await appendAudit(db, {
    actor: o.by,
    action: 'site.takedown',
    subjectType: 'site',
    subjectId: siteName,
    details: { date, note: o.note, previous: site.takedownDate, seenDownByPhenix: site.liveStateChangedAt },
  });
}

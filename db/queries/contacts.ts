/** Contacts seen per domain, with the capture that first showed them. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { contacts } from '../schema/index.ts';

export async function recordContacts(
  db: Executor,
  domainId: number,
  captureId: number,
  list: { kind: string; value: string }[],
  at = new Date(),
): Promise<void> {
  const unique = [...new Map(list.map((c) => [`${c.kind}|${c.value}`, c])).values()];
  if (unique.length === 0) return;
  await db
    .insert(contacts)
    .values(
      unique.map((c) => ({
        domainId,
        kind: c.kind,
        value: c.value,
        firstCaptureId: captureId,
        firstSeenAt: at,
        lastSeenAt: at,
      })),
    )
    .onConflictDoUpdate({
      target: [contacts.domainId, contacts.kind, contacts.value],
      set: { lastSeenAt: sql`excluded.last_seen_at` },
    });
}

export async function contactsOfDomain(db: Executor, domainId: number) {
  return db
    .select()
    .from(contacts)
    .where(eq(contacts.domainId, domainId))
    .orderBy(asc(contacts.kind), asc(contacts.value));
}

/** Other domains where a contact was seen (a phone number that follows an operator). */
export async function domainsWithContact(db: Executor, kind: string, value: string) {
  return db
    .select({ domainId: contacts.domainId, firstSeenAt: contacts.firstSeenAt })
    .from(contacts)
    .where(and(eq(contacts.kind, kind), eq(contacts.value, value)));
}

/**
 * Stored site profiles and their 64-bit fingerprints. Near-duplicate lookups use four 16-bit bands:
 * two fingerprints within 3 bits agree exactly on at least one band (pigeonhole), so an indexed band
 * match followed by an exact Hamming check finds them all without a scan.
 */
import { and, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { contacts, domains, fingerprints, type SiteProfileRow, siteProfiles } from '../schema/index.ts';

export interface FingerprintInput {
  kind: string;
  /** Unsigned 64-bit value. */
  value: bigint;
  ref?: string;
}

export function bandsOf(value: bigint): [number, number, number, number] {
  const u = BigInt.asUintN(64, value);
  // smallint is signed: store each 16-bit band shifted into [-32768, 32767]
  return [0, 1, 2, 3].map((i) => Number((u >> BigInt(16 * i)) & 0xffffn) - 32768) as [number, number, number, number];
}

export async function saveProfile(
  db: Executor,
  subject: { siteId: number } | { domainId: number },
  profile: { pageCount: number; data: Record<string, unknown>; runId?: string | null },
  prints: FingerprintInput[],
  at = new Date(),
): Promise<SiteProfileRow> {
  const where =
    'siteId' in subject ? eq(siteProfiles.siteId, subject.siteId) : eq(siteProfiles.domainId, subject.domainId);
  await db
    .update(siteProfiles)
    .set({ latest: false })
    .where(and(where, eq(siteProfiles.latest, true)));
  const [row] = await db
    .insert(siteProfiles)
    .values({
      ...subject,
      runId: profile.runId ?? null,
      pageCount: profile.pageCount,
      profile: profile.data,
      latest: true,
      builtAt: at,
    })
    .returning();
  if (prints.length) {
    await db.insert(fingerprints).values(
      prints.map((f) => {
        const [band0, band1, band2, band3] = bandsOf(f.value);
        return {
          profileId: row.id,
          kind: f.kind,
          value: BigInt.asIntN(64, f.value),
          band0,
          band1,
          band2,
          band3,
          ref: f.ref ?? '',
        };
      }),
    );
  }
  return row;
}

export async function latestProfile(
  db: Executor,
  subject: { siteId: number } | { domainId: number },
): Promise<SiteProfileRow | null> {
  const where =
    'siteId' in subject ? eq(siteProfiles.siteId, subject.siteId) : eq(siteProfiles.domainId, subject.domainId);
  const [row] = await db
    .select()
    .from(siteProfiles)
    .where(and(where, eq(siteProfiles.latest, true)));
  return row ?? null;
}

export async function getProfiles(db: Executor, ids: number[]): Promise<SiteProfileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(siteProfiles).where(inArray(siteProfiles.id, ids));
}

export interface NearDuplicate {
  profileId: number;
  ref: string;
  value: bigint;
  distance: number;
}

/** Fingerprints of `kind` within `maxBits` (≤ 3) of `value`, through the band indexes. */
export async function findNearDuplicates(
  db: Executor,
  kind: string,
  value: bigint,
  maxBits = 3,
): Promise<NearDuplicate[]> {
  if (maxBits > 3) throw new RangeError('the four-band index finds distances up to 3 bits');
  const [b0, b1, b2, b3] = bandsOf(value);
  const signed = BigInt.asIntN(64, value);
  const distance = sql<number>`length(replace(((${fingerprints.value} # ${signed}::bigint)::bit(64))::text, '0', ''))`;
  const rows = await db
    .select({ profileId: fingerprints.profileId, ref: fingerprints.ref, value: fingerprints.value, distance })
    .from(fingerprints)
    .where(
      and(
        eq(fingerprints.kind, kind),
        or(
          eq(fingerprints.band0, b0),
          eq(fingerprints.band1, b1),
          eq(fingerprints.band2, b2),
          eq(fingerprints.band3, b3),
        ),
        sql`${distance} <= ${maxBits}`,
      ),
    );
  return rows.map((r) => ({ ...r, value: BigInt.asUintN(64, BigInt(r.value)), distance: Number(r.distance) }));
}

export async function fingerprintsOfProfile(db: Executor, profileId: number): Promise<FingerprintInput[]> {
  const rows = await db
    .select({ kind: fingerprints.kind, value: fingerprints.value, ref: fingerprints.ref })
    .from(fingerprints)
    .where(eq(fingerprints.profileId, profileId));
  return rows.map((r) => ({ kind: r.kind, value: BigInt.asUintN(64, BigInt(r.value)), ref: r.ref }));
}

/**
 * The latest profiles on the other side of a comparison (monitored sites for a candidate, candidates for
 * a site) that an index links to this profile: a fingerprint within `maxBits` bits (band lookups), or a
 * contact seen on both sides (the contacts index). Never a scan of all profiles.
 */
export async function counterpartProfiles(
  db: Executor,
  profile: SiteProfileRow,
  maxBits = 3,
): Promise<{ rows: SiteProfileRow[]; byFingerprint: number; byContact: number }> {
  const other = profile.siteId !== null ? 'candidate' : 'site';
  const ids = new Set<number>();
  for (const f of await fingerprintsOfProfile(db, profile.id)) {
    for (const near of await findNearDuplicates(db, f.kind, f.value, maxBits)) ids.add(near.profileId);
  }
  ids.delete(profile.id);
  const byPrint = ids.size === 0 ? [] : await latestOfSide(db, other, inArray(siteProfiles.id, [...ids]));
  // Domains of this subject: a site's seeds, or the candidate domain.
  const own =
    profile.siteId !== null
      ? sql`select id from ${domains} where ${domains.siteId} = ${profile.siteId}`
      : sql`select ${profile.domainId}::int`;
  const sharing = sql`
    select distinct c2.domain_id from ${contacts} c1
    join ${contacts} c2 on c2.kind = c1.kind and c2.value = c1.value
    where c1.domain_id in (${own}) and c2.domain_id not in (${own})`;
  const byContacts =
    other === 'candidate'
      ? await latestOfSide(db, other, sql`${siteProfiles.domainId} in (${sharing})`)
      : await latestOfSide(
          db,
          other,
          sql`${siteProfiles.siteId} in (select ${domains.siteId} from ${domains} where ${domains.id} in (${sharing}) and ${domains.siteId} is not null)`,
        );
  const all = new Map<number, SiteProfileRow>();
  for (const r of [...byPrint, ...byContacts]) all.set(r.id, r);
  return { rows: [...all.values()], byFingerprint: byPrint.length, byContact: byContacts.length };
}

async function latestOfSide(db: Executor, side: 'site' | 'candidate', where: SQL): Promise<SiteProfileRow[]> {
  return db
    .select()
    .from(siteProfiles)
    .where(
      and(
        eq(siteProfiles.latest, true),
        side === 'site' ? isNotNull(siteProfiles.siteId) : isNotNull(siteProfiles.domainId),
        where,
      ),
    );
}

/** Ids of the latest profiles, all of them or those of the given sites and candidate domains. */
export async function latestProfileIds(
  db: Executor,
  subjects?: { siteIds: number[]; domainIds: number[] },
): Promise<number[]> {
  const of = subjects
    ? or(
        subjects.siteIds.length ? inArray(siteProfiles.siteId, subjects.siteIds) : sql`false`,
        subjects.domainIds.length ? inArray(siteProfiles.domainId, subjects.domainIds) : sql`false`,
      )
    : undefined;
  const rows = await db
    .select({ id: siteProfiles.id })
    .from(siteProfiles)
    .where(and(eq(siteProfiles.latest, true), of))
    .orderBy(siteProfiles.id);
  return rows.map((r) => r.id);
}

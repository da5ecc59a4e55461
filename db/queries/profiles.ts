/**
 * Stored site profiles and their 64-bit fingerprints. Near-duplicate lookups use four 16-bit bands and multi-index
 * hashing (Norouzi, Punjani & Fleet, 2012; Manku, Jain & Das Sarma, 2007 for k ≤ 3): two fingerprints within k bits
 * differ by at most ⌊k/4⌋ bits in at least one band (pigeonhole), so looking each band up among its values within
 * ⌊k/4⌋ bits — exact match up to 3 bits, 697 indexed values per band up to 15 (ads match up to 12) — then checking
 * the exact Hamming distance finds them all without a scan.
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

/** Largest per-band radius looked up through the indexes (2,517 values per band); beyond it, a scan of the kind. */
const MAX_BAND_RADIUS = 4;

/** Stored (signed) band values within `radius` bits of a stored band value: every way to flip ≤ radius of 16 bits. */
export function bandNeighbours(band: number, radius: number): number[] {
  const u = band + 32768;
  const out: number[] = [];
  const flip = (value: number, from: number, left: number) => {
    out.push(value - 32768);
    if (left === 0) return;
    for (let bit = from; bit < 16; bit++) flip(value ^ (1 << bit), bit + 1, left - 1);
  };
  flip(u, 0, radius);
  return out;
}

export async function saveProfile(
  db: Executor,
  subject: { siteId: number } | { domainId: number },
  profile: { pageCount: number; data: Record<string, unknown>; runId?: string | null; detectorVersion?: number },
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
      detectorVersion: profile.detectorVersion ?? 1,
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

/**
 * Fingerprints of `kind` within `maxBits` of `value`, through the band indexes (multi-index hashing: each band within
 * ⌊maxBits/4⌋ bits). Past 19 bits a band lookup would match most of the table, so the kind is scanned instead.
 * `where` narrows to some profiles (e.g. the latest ones of one side).
 */
export async function findNearDuplicates(
  db: Executor,
  kind: string,
  value: bigint,
  maxBits = 3,
  where?: SQL,
): Promise<NearDuplicate[]> {
  if (!Number.isInteger(maxBits) || maxBits < 0 || maxBits > 64)
    throw new RangeError(`a distance is a whole number of bits from 0 to 64, not ${maxBits}`);
  const radius = Math.floor(maxBits / 4);
  const columns = [fingerprints.band0, fingerprints.band1, fingerprints.band2, fingerprints.band3];
  const bands = bandsOf(value);
  const byBand =
    radius === 0
      ? or(...columns.map((c, i) => eq(c, bands[i])))
      : radius <= MAX_BAND_RADIUS
        ? // One array parameter per band (a literal), not one parameter per value: 697 values per band at 12 bits.
          or(
            ...columns.map((c, i) => sql`${c} = any(${`{${bandNeighbours(bands[i], radius).join(',')}}`}::smallint[])`),
          )
        : undefined;
  const signed = BigInt.asIntN(64, value);
  const distance = sql<number>`length(replace(((${fingerprints.value} # ${signed}::bigint)::bit(64))::text, '0', ''))`;
  const rows = await db
    .select({ profileId: fingerprints.profileId, ref: fingerprints.ref, value: fingerprints.value, distance })
    .from(fingerprints)
    .where(and(eq(fingerprints.kind, kind), byBand, sql`${distance} <= ${maxBits}`, where));
  return rows.map((r) => ({ ...r, value: BigInt.asUintN(64, BigInt(r.value)), distance: Number(r.distance) }));
}

/**
 * Ids of the profiles with a fingerprint of `kind` within `maxBits` of any of `values`: the same multi-index lookup
 * as findNearDuplicates, for all the values of a profile in one statement (one index probe per value, band and
 * neighbour, instead of one round trip per value). `profiles` narrows to the site_profiles rows it accepts.
 */
export async function profilesNearAny(
  db: Executor,
  kind: string,
  values: bigint[],
  maxBits: number,
  profiles: SQL = sql`true`,
): Promise<number[]> {
  if (values.length === 0) return [];
  const radius = Math.floor(maxBits / 4);
  const literal = (xs: (number | bigint)[]) => `{${xs.join(',')}}`;
  const bands = values.map(bandsOf);
  // The XOR masks of ≤ radius flipped bits in 16: neighbour = ((band + 32768) # mask) - 32768, as bandNeighbours.
  const masks = bandNeighbours(-32768, Math.min(radius, MAX_BAND_RADIUS)).map((b) => b + 32768);
  const q = sql`unnest(${literal(values.map((v) => BigInt.asIntN(64, v)))}::bigint[], ${literal(bands.map((b) => b[0]))}::int[], ${literal(bands.map((b) => b[1]))}::int[], ${literal(bands.map((b) => b[2]))}::int[], ${literal(bands.map((b) => b[3]))}::int[]) as q(v, b0, b1, b2, b3)`;
  const m = sql`unnest(${literal(masks)}::int[]) as m(x)`;
  const probe = (column: string, band: string) =>
    sql`select f.profile_id, f.value, q.v from ${q} cross join ${m} join ${fingerprints} f on f.kind = ${kind} and f.${sql.raw(column)} = (((q.${sql.raw(band)} + 32768) # m.x) - 32768)::smallint`;
  const hits =
    radius <= MAX_BAND_RADIUS
      ? sql`${probe('band0', 'b0')} union all ${probe('band1', 'b1')} union all ${probe('band2', 'b2')} union all ${probe('band3', 'b3')}`
      : sql`select f.profile_id, f.value, q.v from ${q} join ${fingerprints} f on f.kind = ${kind}`;
  const result = (await db.execute(
    sql`select distinct h.profile_id as id from (${hits}) h
        where length(replace(((h.value # h.v)::bit(64))::text, '0', '')) <= ${maxBits}
        and h.profile_id in (select ${siteProfiles.id} from ${siteProfiles} where ${profiles})`,
  )) as unknown as { id: number }[] | { rows: { id: number }[] };
  return (Array.isArray(result) ? result : result.rows).map((r) => Number(r.id));
}

export async function fingerprintsOfProfile(db: Executor, profileId: number): Promise<FingerprintInput[]> {
  const rows = await db
    .select({ kind: fingerprints.kind, value: fingerprints.value, ref: fingerprints.ref })
    .from(fingerprints)
    .where(eq(fingerprints.profileId, profileId));
  return rows.map((r) => ({ kind: r.kind, value: BigInt.asUintN(64, BigInt(r.value)), ref: r.ref }));
}

/** How far each kind of fingerprint is looked up for counterparts. */
export interface CounterpartReach {
  /** Ad texts: the detector's `adMaxDistance` (two ads within it count as near-identical). */
  adBits: number;
  /** Layout and whole-site text fingerprints. */
  layoutBits: number;
  /** Ad photos, whole picture against whole picture: the detector's `photoMaxDistance`. */
  photoBits?: number;
  /**
   * A photo's whole-picture hash against the other side's windows (`photo-crop`), both ways, and windows against
   * windows (two copies cropped each its own way): the detector's `photoCropMaxDistance`. The lookup takes windows
   * of any size; the comparison then keeps windows of the same size only.
   */
  photoCropBits?: number;
}

export const DEFAULT_REACH: CounterpartReach = { adBits: 12, layoutBits: 3, photoBits: 6, photoCropBits: 4 };

/** The kinds of stored fingerprints a profile's fingerprints of `kind` are looked up against, and how far. */
function lookups(kind: string, reach: CounterpartReach): [string, number][] {
  const photoBits = reach.photoBits ?? reach.layoutBits;
  const cropBits = reach.photoCropBits ?? Math.min(photoBits, 4);
  // A ladder's window (a copy re-cropped deeper) against whole pictures and ladders, within the whole-picture bound.
  if (kind === 'photo')
    return [
      ['photo', photoBits],
      ['photo-crop', cropBits],
      ['photo-ladder', photoBits],
    ];
  if (kind === 'photo-ladder')
    return [
      ['photo', photoBits],
      ['photo-ladder', photoBits],
    ];
  if (kind === 'photo-crop')
    return [
      ['photo', cropBits],
      ['photo-crop', cropBits],
    ];
  return [[kind, kind === 'ad' ? reach.adBits : kind === 'pivot' ? 0 : reach.layoutBits]];
}

/**
 * The latest profiles on the other side of a comparison (monitored sites for a candidate, candidates for a site), of
 * the same detector version, that an index links to this profile: an ad text within `reach.adBits` (the detector's
 * own ad distance), a layout or site-text fingerprint within `reach.layoutBits`, an ad photo within
 * `reach.photoBits` (or, for a cropped copy, its whole-picture hash within `reach.photoCropBits` of a window), a
 * pivot (analytics id, payment id, favicon…) or a contact seen on both sides. Never a scan of all profiles.
 */
export async function counterpartProfiles(
  db: Executor,
  profile: SiteProfileRow,
  reach: CounterpartReach = DEFAULT_REACH,
): Promise<{ rows: SiteProfileRow[]; byFingerprint: number; byContact: number }> {
  const other = profile.siteId !== null ? 'candidate' : 'site';
  const ofOtherSide = and(
    eq(siteProfiles.latest, true),
    other === 'site' ? isNotNull(siteProfiles.siteId) : isNotNull(siteProfiles.domainId),
    eq(siteProfiles.detectorVersion, profile.detectorVersion),
  )!;
  const byKind = new Map<string, bigint[]>();
  for (const f of await fingerprintsOfProfile(db, profile.id))
    byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.value]);
  const ids = new Set<number>();
  for (const [kind, values] of byKind)
    for (const [stored, bits] of lookups(kind, reach))
      for (const id of await profilesNearAny(db, stored, values, bits, ofOtherSide)) ids.add(id);
  ids.delete(profile.id);
  const byPrint =
    ids.size === 0 ? [] : await latestOfSide(db, other, profile.detectorVersion, inArray(siteProfiles.id, [...ids]));
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
      ? await latestOfSide(db, other, profile.detectorVersion, sql`${siteProfiles.domainId} in (${sharing})`)
      : await latestOfSide(
          db,
          other,
          profile.detectorVersion,
          sql`${siteProfiles.siteId} in (select ${domains.siteId} from ${domains} where ${domains.id} in (${sharing}) and ${domains.siteId} is not null)`,
        );
  const all = new Map<number, SiteProfileRow>();
  for (const r of [...byPrint, ...byContacts]) all.set(r.id, r);
  return { rows: [...all.values()], byFingerprint: byPrint.length, byContact: byContacts.length };
}

async function latestOfSide(
  db: Executor,
  side: 'site' | 'candidate',
  detectorVersion: number,
  where: SQL,
): Promise<SiteProfileRow[]> {
  return db
    .select()
    .from(siteProfiles)
    .where(
      and(
        eq(siteProfiles.latest, true),
        // Profiles of two detector versions are never compared.
        eq(siteProfiles.detectorVersion, detectorVersion),
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

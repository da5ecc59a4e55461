/** The contacts an alert's evidence says both sides share, read defensively from the stored JSON. */

export interface SharedContact {
  kind: string;
  value: string;
}

export function sharedContacts(evidence: unknown[]): SharedContact[] {
  const out = new Map<string, SharedContact>();
  for (const item of Array.isArray(evidence) ? evidence : []) {
    const e = item as { kind?: unknown; contactKind?: unknown; values?: unknown };
    if (e?.kind !== 'shared-contact' || typeof e.contactKind !== 'string' || !Array.isArray(e.values)) continue;
    for (const v of e.values) {
      if (typeof v === 'string' && v) out.set(`${e.contactKind}\u0000${v}`, { kind: e.contactKind, value: v });
    }
  }
  return [...out.values()];
}

/**
 * Alerts as a STIX 2.1 bundle that MISP and OpenCTI import as is: each monitored site and each clone is an
 * `infrastructure` made of `domain-name` observables; the contacts both share become `indicator`s with
 * standard STIX patterns (email-addr for emails, user-account for phones and messaging handles); the links
 * are `relationship`s, and each alert is a `report` carrying its explanation. Ids are UUIDv5 of the content
 * and times come from the data, so exporting the same alerts twice gives the same bundle byte for byte.
 */
import type { AlertForExport } from '../../db/index.ts';
import { type SharedContact, sharedContacts } from './contacts.ts';
import { PHENIX_NAMESPACE, STIX_SCO_NAMESPACE, uuid5 } from './uuid5.ts';

type StixObject = Record<string, unknown> & { type: string; id: string };

/** TLP:AMBER as the STIX 2.1 specification defines it (section 7.2.1.4): case data is not for publication. */
export const TLP_AMBER: StixObject = {
  type: 'marking-definition',
  spec_version: '2.1',
  id: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  created: '2017-01-20T00:00:00.000Z',
  definition_type: 'tlp',
  name: 'TLP:AMBER',
  definition: { tlp: 'amber' },
};

const PRODUCER_CREATED = '2026-01-01T00:00:00.000Z';
const PRODUCER: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: `identity--${uuid5(PHENIX_NAMESPACE, 'identity:phenix')}`,
  created: PRODUCER_CREATED,
  modified: PRODUCER_CREATED,
  name: 'Phénix site-resurgence monitor',
  identity_class: 'system',
};

const sdoId = (type: string, key: string) => `${type}--${uuid5(PHENIX_NAMESPACE, `${type}:${key}`)}`;
const iso = (d: Date) => d.toISOString();

/** STIX pattern string literal: backslash and single quote escaped. */
export function patternLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function contactPattern(c: SharedContact): string {
  if (c.kind === 'email') return `[email-addr:value = ${patternLiteral(c.value)}]`;
  const accountType = c.kind === 'phone' ? 'phone' : c.kind;
  return `[user-account:account_type = ${patternLiteral(accountType)} AND user-account:account_login = ${patternLiteral(c.value)}]`;
}

export function domainNameObject(hostname: string): StixObject {
  // SCO ids are UUIDv5 of the id-contributing properties' canonical JSON (STIX 2.1 section 2.9).
  return {
    type: 'domain-name',
    spec_version: '2.1',
    id: `domain-name--${uuid5(STIX_SCO_NAMESPACE, JSON.stringify({ value: hostname }))}`,
    value: hostname,
  };
}

function sdo(type: string, key: string, created: Date, modified: Date, fields: Record<string, unknown>): StixObject {
  return {
    type,
    spec_version: '2.1',
    id: sdoId(type, key),
    created_by_ref: PRODUCER.id,
    created: iso(created),
    modified: iso(modified < created ? created : modified),
    object_marking_refs: [TLP_AMBER.id],
    ...fields,
  };
}

function relationship(source: string, type: string, target: string, at: Date, description?: string): StixObject {
  return sdo('relationship', `${source}|${type}|${target}`, at, at, {
    relationship_type: type,
    source_ref: source,
    target_ref: target,
    ...(description ? { description } : {}),
  });
}

export function alertsToStix(alerts: AlertForExport[]): Record<string, unknown> {
  const objects = new Map<string, StixObject>();
  const add = (o: StixObject) => {
    if (!objects.has(o.id)) objects.set(o.id, o);
    return o;
  };
  add(TLP_AMBER);
  add(PRODUCER);
  for (const a of alerts) {
    const refs: string[] = [];
    const keep = (o: StixObject) => {
      refs.push(add(o).id);
      return o;
    };
    const site = keep(
      sdo('infrastructure', `site:${a.site}`, a.siteCreatedAt, a.siteCreatedAt, {
        name: a.site,
        description: `Monitored classified-ad site (${a.siteStatus}), case ${a.caseRef}.`,
        infrastructure_types: ['unknown'],
      }),
    );
    for (const hostname of a.seedDomains) {
      const d = keep(domainNameObject(hostname));
      keep(relationship(site.id, 'consists-of', d.id, a.siteCreatedAt));
    }
    const clone = keep(
      sdo('infrastructure', `candidate:${a.candidate}`, a.candidateFirstSeenAt, a.updatedAt, {
        name: a.candidate,
        description: `Suspected clone of ${a.site}: verdict ${a.verdict}, score ${a.score.toFixed(2)}, review status ${a.status}.`,
        infrastructure_types: ['unknown'],
        first_seen: iso(a.candidateFirstSeenAt),
      }),
    );
    const cloneDomain = keep(domainNameObject(a.candidate));
    keep(relationship(clone.id, 'consists-of', cloneDomain.id, a.candidateFirstSeenAt));
    keep(relationship(clone.id, 'related-to', site.id, a.createdAt, `Clone of ${a.site} (Phénix alert ${a.id})`));
    for (const contact of sharedContacts(a.evidence)) {
      const indicator = keep(
        sdo('indicator', `${contact.kind}:${contact.value}`, a.createdAt, a.createdAt, {
          name: `${contact.kind} ${contact.value}`,
          description: `Contact shown on both ${a.site} and ${a.candidate}.`,
          indicator_types: ['attribution'],
          pattern: contactPattern(contact),
          pattern_type: 'stix',
          pattern_version: '2.1',
          valid_from: iso(a.createdAt),
        }),
      );
      keep(relationship(indicator.id, 'indicates', clone.id, a.createdAt));
      keep(relationship(indicator.id, 'indicates', site.id, a.createdAt));
    }
    add(
      sdo('report', `alert:${a.id}`, a.createdAt, a.updatedAt, {
        name: `Phénix alert ${a.id}: ${a.candidate} looks like ${a.site}`,
        description: a.explanation.join('\n'),
        report_types: ['threat-report'],
        published: iso(a.updatedAt),
        labels: [`verdict:${a.verdict}`, `status:${a.status}`],
        object_refs: [...new Set(refs)],
      }),
    );
  }
  const list = [...objects.values()];
  return {
    type: 'bundle',
    id: `bundle--${uuid5(PHENIX_NAMESPACE, `bundle:${list.map((o) => `${o.id}@${o.modified ?? ''}`).join(',')}`)}`,
    objects: list,
  };
}

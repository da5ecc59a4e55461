/**
 * Exports: CSV quoting and spreadsheet-formula guard, JSON, and the STIX 2.1 bundle validated against the
 * OASIS STIX 2.1 JSON schemas (test/fixtures/stix2-json-schemas, see its PROVENANCE.md), stable from one export to the next.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAlert, listAlertsForExport, listAudit } from '../../../db/index.ts';
import { alertsToCsv, CSV_COLUMNS, csvCell } from '../../../review/export/index.ts';
import { exportAlerts } from '../../../review/index.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

const SCHEMA_DIR = fileURLToPath(new URL('../../fixtures/stix2-json-schemas/schemas', import.meta.url));

let f: ReviewFixture;
beforeAll(async () => {
  f = await createReviewFixture();
});
afterAll(async () => {
  await f?.close();
});

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF), to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += ch;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`).startsWith(`'${start}`) || csvCell(`${start}1+1`).startsWith(`"'${start}`)).toBe(
        true,
      );
    expect(csvCell('=HYPERLINK("http://x.example","clic")')).toBe(`"'=HYPERLINK(""http://x.example"",""clic"")"`);
    expect(csvCell(0.93)).toBe('0.93');
  });

  it('round-trips every alert through an RFC 4180 reader, hostile note included', async () => {
    const note = '=HYPERLINK("http://xss-payload.test","ok"), then "quotes"\nand a second line';
    await decideAlert(f.t.handle.db, f.seeded.alerts.hostile, {
      status: 'confirmed',
      reviewer: 'analyste.dupont',
      note,
    });
    const alerts = await listAlertsForExport(f.t.handle.db);
    const rows = parseCsv(alertsToCsv(alerts));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(alerts.length + 1);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const hostile = rows.find((r) => r[0] === String(f.seeded.alerts.hostile)) as string[];
    expect(hostile[CSV_COLUMNS.indexOf('note')]).toBe(`'${note}`);
    expect(hostile[CSV_COLUMNS.indexOf('shared_contacts')]).toContain('phone:+33199001234');
    const clone = rows.find((r) => r[0] === String(f.seeded.alerts.clone)) as string[];
    expect(clone[CSV_COLUMNS.indexOf('seed_domains')]).toBe('maison-services.test');
    expect(clone[CSV_COLUMNS.indexOf('candidate')]).toBe('maison-services2.test');
  });
});

describe('JSON', () => {
  it('exports every alert with its explanation and evidence, and audits the export', async () => {
    const r = await exportAlerts(f.t.handle.db, { format: 'json', filter: { status: 'open' }, by: 'analyste.dupont' });
    const rows = JSON.parse(r.body) as { id: number; status: string; explanation: string[]; evidence: unknown[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((a) => a.status === 'open' && a.explanation.length > 0 && a.evidence.length > 0)).toBe(true);
    const audit = await listAudit(f.t.handle.db, { subjectType: 'export' });
    expect(audit.at(-1)).toMatchObject({ actor: 'analyste.dupont', action: 'alerts.exported', subjectId: 'json' });
  });
});

describe('STIX 2.1', () => {
  function validator() {
    if (!existsSync(SCHEMA_DIR)) {
      throw new Error(
        `The STIX 2.1 JSON schemas are missing: expected the OASIS cti-stix2-json-schemas folder at ${SCHEMA_DIR} (shipped in the repository). This test cannot validate the export without them.`,
      );
    }
    const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false }); // the OASIS patterns use \- (invalid with the u flag);
    // ajv-formats is CommonJS: under NodeNext its default import is the module object
    const addFormats = formats.default as unknown as (ajv: Ajv2020) => Ajv2020;
    addFormats(ajv);
    for (const sub of readdirSync(SCHEMA_DIR)) {
      for (const file of readdirSync(join(SCHEMA_DIR, sub)).filter((n) => n.endsWith('.json'))) {
        ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, sub, file), 'utf8')));
      }
    }
    const bundleId =
      'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json';
    const validate = ajv.getSchema(bundleId);
    if (!validate) throw new Error('bundle.json schema not found');
    return { ajv, validate };
  }

  it('is a bundle that the OASIS STIX 2.1 schemas accept', async () => {
    const { body } = await exportAlerts(f.t.handle.db, { format: 'stix', by: 'test' });
    const bundle = JSON.parse(body);
    const { ajv, validate } = validator();
    const ok = validate(bundle);
    expect(ok ? [] : ajv.errorsText(validate.errors, { separator: '\n' }).split('\n').slice(0, 20)).toEqual([]);
    // each object on its own too: oneOf in the bundle schema hides which branch failed
    for (const object of bundle.objects) {
      const schema = ajv.getSchema(
        `http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/${
          ['domain-name', 'email-addr', 'user-account'].includes(object.type)
            ? 'observables'
            : object.type === 'relationship'
              ? 'sros'
              : object.type === 'marking-definition'
                ? 'common'
                : 'sdos'
        }/${object.type}.json`,
      );
      expect(schema, object.type).toBeDefined();
      expect(schema?.(object) ? null : { id: object.id, errors: schema?.errors }).toBeNull();
    }
  });

  it('holds the sites and clones as infrastructure of domain-names, contact indicators, and their relationships', async () => {
    const bundle = JSON.parse(
      (await exportAlerts(f.t.handle.db, { format: 'stix', filter: { site: 'maison-services' }, by: 'test' })).body,
    );
    const objects = bundle.objects as Record<string, unknown>[];
    const byType = (t: string) => objects.filter((o) => o.type === t);
    expect(
      byType('infrastructure')
        .map((o) => o.name)
        .sort(),
    ).toEqual(['maison-services', 'maison-services2.test', 'services-a-domicile.test']);
    expect(
      byType('domain-name')
        .map((o) => o.value)
        .sort(),
    ).toEqual(['maison-services.test', 'maison-services2.test', 'services-a-domicile.test']);
    const patterns = byType('indicator')
      .map((o) => o.pattern)
      .sort();
    expect(patterns).toEqual([
      "[email-addr:value = 'contact@maison-services.example']",
      "[user-account:account_type = 'phone' AND user-account:account_login = '+33639980123']",
      "[user-account:account_type = 'phone' AND user-account:account_login = '+33639980145']",
    ]);
    expect(byType('indicator').every((o) => o.pattern_type === 'stix')).toBe(true);
    const id = (name: string) => objects.find((o) => o.type === 'infrastructure' && o.name === name)?.id;
    const rels = byType('relationship').map((r) => [r.source_ref, r.relationship_type, r.target_ref]);
    expect(rels).toContainEqual([id('maison-services2.test'), 'related-to', id('maison-services')]);
    const phone = objects.find((o) => typeof o.pattern === 'string' && o.pattern.includes('+33639980123'))?.id;
    expect(rels).toContainEqual([phone, 'indicates', id('maison-services2.test')]);
    expect(rels).toContainEqual([phone, 'indicates', id('maison-services')]);
    // SCO ids follow the STIX 2.1 UUIDv5 rule
    const domain = byType('domain-name').find((o) => o.value === 'maison-services.test');
    expect(domain?.id).toMatch(/^domain-name--[0-9a-f-]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(byType('report')).toHaveLength(2);
  });

  it('is identical when exported twice, and escapes quotes in patterns', async () => {
    const a = (await exportAlerts(f.t.handle.db, { format: 'stix', by: 'test' })).body;
    const b = (await exportAlerts(f.t.handle.db, { format: 'stix', by: 'test' })).body;
    expect(a).toBe(b);
    const bundle = JSON.parse(a);
    const handle = bundle.objects.find((o: { pattern?: string }) => o.pattern?.includes('telegram'));
    expect(handle.pattern).toBe(
      `[user-account:account_type = 'telegram' AND user-account:account_login = 'jardin"><svg onload="alert(\\'xss-svg\\')">']`,
    );
  });

  it('is downloadable from the review page by a logged-in analyst', async () => {
    const client = new TestClient(f.server);
    await client.loginAndGetCsrf();
    const res = await client.get('/export/alerts?format=stix');
    expect(res.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(JSON.parse(await res.text()).type).toBe('bundle');
    const csv = await client.get('/export/alerts?format=csv&status=confirmed');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });
});

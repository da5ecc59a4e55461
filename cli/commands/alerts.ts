/** `phenix alerts list|show|confirm|dismiss|reopen`: the alert queue and decisions from the terminal. */
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  ALERT_STATUSES,
  type AlertStatus,
  appendAudit,
  decideAlert,
  type Executor,
  getAlertReview,
  listAlerts,
  VERDICTS,
  type Verdict,
} from '../../db/index.ts';
import { terminalSafe } from '../../lib/terminal-safe.ts';
import { describeEvidence } from '../../review/index.ts';
import { phenixCommand } from '../command-hint.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs, byOption } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';

export function parseAlertId(raw: string): number {
  if (!/^\d{1,10}$/.test(raw) || Number(raw) < 1 || Number(raw) > 2_147_483_647) {
    throw new UsageError(`"${raw}" is not an alert id; ids are whole numbers, see: phenix alerts list`);
  }
  return Number(raw);
}

export function parseStatus(raw: string | undefined): AlertStatus | undefined {
  if (raw === undefined) return undefined;
  if (!(ALERT_STATUSES as readonly string[]).includes(raw)) {
    throw new UsageError(`"${raw}" is not an alert status; use ${ALERT_STATUSES.join(', ')}`);
  }
  return raw as AlertStatus;
}

export function parseVerdict(raw: string | undefined): Verdict | undefined {
  if (raw === undefined) return undefined;
  if (!(VERDICTS as readonly string[]).includes(raw)) {
    throw new UsageError(`"${raw}" is not a verdict; use ${VERDICTS.join(', ')}`);
  }
  return raw as Verdict;
}

const BY = byOption();

export function registerAlertsCommands(program: Command): void {
  const alerts = program.command('alerts').description('clone alerts: list, show, confirm, dismiss');
  alerts
    .command('list')
    .description('list alerts: clones first, then related sites; strongest and newest first')
    .option('--status <status>', `only this status (${ALERT_STATUSES.join(', ')})`)
    .option('--verdict <verdict>', 'only this verdict (clone, related)')
    .option('--site <name>', 'only alerts against this monitored site')
    .option('--json', 'print JSON')
    .option(...BY)
    .action(
      async (opts: { status?: string; verdict?: string; site?: string; json?: boolean; by?: string }, cmd: Command) => {
        const status = parseStatus(opts.status);
        const verdict = parseVerdict(opts.verdict);
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        await withDatabase(loaded, async ({ db }) => {
          const actor = await actAs(db, opts.by, 'alerts.read');
          const rows = await listAlerts(db, { status, verdict, site: opts.site });
          await appendAudit(db, {
            actor,
            action: 'view.queue',
            subjectType: 'alerts',
            subjectId:
              [status && `status=${status}`, verdict && `verdict=${verdict}`, opts.site && `site=${opts.site}`]
                .filter(Boolean)
                .join('&') || '-',
            details: { via: 'cli', count: rows.length },
          });
          if (opts.json) {
            printJson(
              rows.map((a) => ({
                id: a.id,
                site: a.site,
                candidate: a.candidate,
                verdict: a.verdict,
                score: a.score,
                status: a.status,
                createdAt: a.createdAt,
                updatedAt: a.updatedAt,
              })),
            );
            return;
          }
          if (rows.length === 0) return print('No alert matches.');
          print(
            table(
              ['id', 'score', 'verdict', 'status', 'candidate', 'site', 'updated', 'reviewer'],
              rows.map((a) => [
                a.id,
                a.score.toFixed(2),
                a.verdict,
                a.status,
                terminalSafe(a.candidate),
                terminalSafe(a.site),
                formatTime(a.updatedAt),
                terminalSafe(a.reviewer ?? ''),
              ]),
            ),
          );
        });
      },
    );

  alerts
    .command('show')
    .description('show an alert: why, the evidence, its history (and where its captured files are, with --files)')
    .argument('<id>', 'alert id (see: phenix alerts list)')
    .option('--files', 'also list every captured file of both sites, with its path in the evidence store')
    .option(...BY)
    .action(async (raw: string, opts: { by?: string; files?: boolean }, cmd: Command) => {
      const id = parseAlertId(raw);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const evidenceDir = loaded.resolvePath(loaded.config.evidence.dir);
      await withDatabase(loaded, async ({ db }) => {
        const actor = await actAs(db, opts.by, 'alerts.read');
        print(await renderAlert(db, id, evidenceDir, opts.files === true));
        await appendAudit(db, {
          actor,
          action: 'view.alert',
          subjectType: 'alert',
          subjectId: id,
          details: { via: 'cli' },
        });
      });
    });

  for (const [name, status, verb] of [
    ['confirm', 'confirmed', 'confirm the alert is a clone'],
    ['dismiss', 'dismissed', 'dismiss the alert (not a clone)'],
    ['reopen', 'open', 'put a decided alert back in the queue'],
  ] as const) {
    alerts
      .command(name)
      .description(`${verb}; the decision and the note go to the audit log`)
      .argument('<id>', 'alert id')
      .requiredOption('--note <text>', 'why (kept in the audit log)')
      .option(...BY)
      .action(async (raw: string, opts: { note: string; by?: string }, cmd: Command) => {
        const id = parseAlertId(raw);
        const note = opts.note.trim();
        if (!note) throw new UsageError('--note cannot be empty: write why you take this decision');
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        await withDatabase(loaded, async ({ db }) => {
          const by = await actAs(db, opts.by, 'alerts.decide');
          const row = await (
            db as unknown as { transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T> }
          ).transaction((tx) => decideAlert(tx, id, { status, reviewer: by, note }));
          print(`Alert ${row.id} is now ${row.status} (by ${terminalSafe(by)}, recorded in the audit log).`);
        });
      });
  }
}

/**
 * The alert for a reader in a terminal: what it is, why (the explanation), the evidence, the candidate's history and
 * the decisions; the captured files (one line each, dozens per alert) only with --files.
 */
async function renderAlert(db: Executor, id: number, evidenceDir: string, withFiles: boolean): Promise<string> {
  const r = await getAlertReview(db, id);
  const a = r.alert;
  const lines = [
    `Alert ${a.id}: ${terminalSafe(a.candidate)} looks like ${terminalSafe(a.site)} (case ${terminalSafe(r.site.caseRef)})`,
    `verdict ${a.verdict} · score ${a.score.toFixed(2)} · status ${a.status} · raised ${formatTime(a.createdAt)} · updated ${formatTime(a.updatedAt)}`,
    '',
    'Why:',
    ...a.explanation.map((e, i) => `  ${i + 1}. ${terminalSafe(e)}`),
    '',
    'Evidence:',
  ];
  for (const item of a.evidence) {
    const [first, ...rest] = describeEvidence(item);
    lines.push(`  - ${first}`, ...rest.map((l) => `  ${l}`));
  }
  lines.push(
    '',
    `Signals: ${Object.entries(a.signals)
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(2) : 'not measured'}`)
      .join(', ')}`,
    `Candidate ${terminalSafe(a.candidate)}: first seen ${formatTime(r.candidate.domain.firstSeenAt)} (${r.candidate.domain.source}: ${terminalSafe(r.candidate.domain.sourceDetail)})`,
  );
  if (a.reviewer)
    lines.push(`Decided by ${terminalSafe(a.reviewer)} at ${formatTime(a.decidedAt)}: ${terminalSafe(a.note ?? '')}`);
  // What each decision saw stays as it was; the evidence above is the latest.
  for (const d of r.decisions)
    lines.push(
      `  ${d.status} by ${terminalSafe(d.reviewer)} at ${formatTime(d.decidedAt)} on: verdict ${d.verdict}, score ${d.score.toFixed(2)}, ${d.evidence.length} evidence item(s) — ${d.explanation.map(terminalSafe).join('; ')}`,
    );
  const sides = [
    [`monitored site ${r.site.name}`, r.reference],
    [`candidate ${a.candidate}`, r.candidate],
  ] as const;
  lines.push('');
  if (withFiles) {
    lines.push(`Captured files (evidence store ${evidenceDir}):`);
    for (const [label, side] of sides) {
      lines.push(`  ${terminalSafe(label)}:`);
      if (side.captures.length === 0) lines.push('    (no capture stored)');
      for (const c of side.captures) {
        lines.push(`    ${terminalSafe(c.finalUrl)}  HTTP ${c.status ?? '—'}  captured ${formatTime(c.capturedAt)}`);
        for (const art of c.artifacts) lines.push(`      ${art.kind.padEnd(16)} ${join(evidenceDir, art.path)}`);
      }
    }
  } else {
    const count = (side: (typeof sides)[number][1]) => {
      const files = side.captures.reduce((n, c) => n + c.artifacts.length, 0);
      const latest = side.captures.map((c) => c.capturedAt).sort((x, y) => +new Date(y) - +new Date(x))[0];
      return side.captures.length === 0
        ? 'no capture stored'
        : `${side.captures.length} page(s), ${files} file(s), latest ${formatTime(latest)}`;
    };
    lines.push(
      `Captures: ${sides.map(([label, side]) => `${terminalSafe(label)} ${count(side)}`).join('; ')}.`,
      `  Their files: ${phenixCommand(`alerts show ${a.id} --files`)}`,
    );
  }
  lines.push(`Evidence package: ${phenixCommand(`evidence ${a.id} --out alert-${a.id}.wacz`)}`);
  return lines.join('\n');
}

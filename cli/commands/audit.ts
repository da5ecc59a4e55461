/**
 * `phenix audit list [--actor NAME] [--since DATE] [--until DATE] [--action A] [--json]` reads the journal (every
 * decision, consultation, export, package, purge); `phenix audit verify` recomputes the hash chain and names any
 * removed, changed or moved entry, and entries cut from its end since a seal of its tail (exit 1). Both need the role supervisor or auditor, and are journaled.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { appendAudit, checkJournalSeals, listAudit, verifyAuditChain } from '../../db/index.ts';
import { verifyTimestamp } from '../../evidence/index.ts';
import { terminalSafe as safe } from '../../lib/terminal-safe.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs, byOption } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';

/** The audit chain does not verify (exit 1): the journal was altered after it was written. */
export class AuditChainBrokenError extends Error {
  override readonly name = 'AuditChainBrokenError';
}

export function parseDate(raw: string | undefined, option: string): Date | undefined {
  if (raw === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw);
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T00:00:00Z` : raw);
  if (!ok || Number.isNaN(date.getTime())) {
    throw new UsageError(`${option} "${raw}" is not a date: write 2026-11-30 or 2026-11-30T14:00Z`);
  }
  return date;
}

const BY = byOption();

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the journal: who did or consulted what, when, from where');
  audit
    .command('list')
    .description('journal entries in the order written (needs the role supervisor or auditor)')
    .option('--actor <name>', 'only this account (or "monitor", "retention" for the service)')
    .option('--since <date>', 'from this date or time (UTC unless a zone is given)')
    .option('--until <date>', 'up to this date or time')
    .option('--action <action>', 'only this action, or a prefix ending in "." (view. for consultations)')
    .option('--json', 'print JSON')
    .option(...BY)
    .action(
      async (
        opts: { actor?: string; since?: string; until?: string; action?: string; json?: boolean; by?: string },
        cmd: Command,
      ) => {
        const since = parseDate(opts.since, '--since');
        const until = parseDate(opts.until, '--until');
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        await withDatabase(loaded, async ({ db }) => {
          const actor = await actAs(db, opts.by, 'journal.read');
          const rows = await listAudit(db, { actor: opts.actor, since, until, action: opts.action });
          await appendAudit(db, {
            actor,
            action: 'view.journal',
            subjectType: 'journal',
            subjectId: '-',
            details: {
              via: 'cli',
              filter: { actor: opts.actor, since: opts.since, until: opts.until },
              count: rows.length,
            },
          });
          if (opts.json) {
            return printJson(
              rows.map((r) => ({
                seq: r.seq,
                at: r.at,
                actor: r.actor,
                action: r.action,
                subjectType: r.subjectType,
                subjectId: r.subjectId,
                details: r.details,
                hash: r.hash,
              })),
            );
          }
          if (rows.length === 0) return print('No journal entry matches.');
          print(
            table(
              ['#', 'at (server)', 'actor', 'action', 'subject', 'from'],
              rows.map((r) => [
                r.seq,
                formatTime(r.at),
                safe(r.actor),
                safe(r.action),
                safe(`${r.subjectType} ${r.subjectId}`),
                safe(
                  String((r.details as { address?: unknown }).address ?? (r.details as { via?: unknown }).via ?? ''),
                ),
              ]),
            ),
          );
        });
      },
    );
  audit
    .command('verify')
    .description('recompute the hash chain of the whole journal; exit 1 naming any removed, changed or moved entry')
    .option(...BY)
    .action(async (opts: { by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async ({ db }) => {
        const actor = await actAs(db, opts.by, 'journal.read');
        const report = await verifyAuditChain(db);
        const caFile = loaded.config.evidence.tsaCaCert && loaded.resolvePath(loaded.config.evidence.tsaCaCert);
        if (caFile && !existsSync(caFile)) {
          throw new UsageError(`The TSA certificate ${caFile} (evidence.tsaCaCert) does not exist`);
        }
        const caPem = caFile ? readFileSync(caFile, 'utf8') : undefined;
        const seals = await checkJournalSeals(db, {
          // A seal's token must stamp the entry it names; its TSA is judged only with the CA of the config.
          checkToken: async (token, text) =>
            (await verifyTimestamp(token, text, { trustedCaPem: caPem })).problems.map((p) =>
              p.replace('datapackage.json', 'the sealed entry'),
            ),
        });
        const ok = report.ok && seals.problems.length === 0;
        if (ok) {
          print(`OK: ${report.entries} journal entries, each chained to the one before.`);
          if (report.head) print(`Last entry #${report.head.seq} at ${report.head.at}, hash ${report.head.hash}`);
        } else {
          const n = report.problems.length + seals.problems.length;
          print(`BROKEN: ${n} problem(s) in ${report.entries} journal entries:`);
          for (const p of report.problems) print(`  - ${safe(p.message)}`);
          for (const p of seals.problems) print(`  - ${safe(p)}`);
        }
        if (seals.lastSeal) {
          print(
            `${seals.seals} seal(s) of the journal's tail; the last at ${seals.lastSeal.at.toISOString()} covers entries up to #${seals.lastSeal.seq}.`,
          );
        }
        for (const note of seals.notes) print(`Note: ${note}.`);
        if (seals.timestamped && !caPem) {
          print(
            "Note: the seals' timestamps stamp what they name, but their TSA is not checked (set evidence.tsaCaCert).",
          );
        }
        await appendAudit(db, {
          actor,
          action: 'audit.verified',
          subjectType: 'journal',
          subjectId: report.head?.seq ?? 0,
          details: {
            ok,
            entries: report.entries,
            problems: report.problems.length + seals.problems.length,
            head: report.head?.hash,
          },
        });
        if (!ok) throw new AuditChainBrokenError('The journal has been altered: keep this output for the inquiry');
      });
    });
}

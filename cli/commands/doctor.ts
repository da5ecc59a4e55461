/** `phenix doctor`: is this machine fit to crawl suspects' sites? Each check with its fix; exit 1 if one failed. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseConfig } from '../../config/index.ts';
import { configPath, type GlobalOptions, loadConfig } from '../context.ts';
import { type CheckResult, runDoctor } from '../doctor-checks.ts';
import { AccessDeniedError, byOption, operator, unitDatabaseExists, withAccount } from '../identity.ts';
import { print, printJson } from '../output.ts';

/** At least one essential check failed (the report says which and how to fix it). */
export class DoctorFailedError extends Error {
  override readonly name = 'DoctorFailedError';
}

const MARK = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('check the browser sandbox, Chromium, the resolver and proxy, and the database; each with a fix')
    .option('--fix', 'create the unprivileged browser user when missing (as root)')
    .option('--json', 'print the checks as JSON')
    .option(...byOption())
    .action(async (opts: { fix?: boolean; json?: boolean; by?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      // Without a config file the defaults are checked: doctor is also what one runs before writing one.
      const loaded = existsSync(configPath(globals)) ? loadConfig(globals) : null;
      const embeddedDir = loaded ? loaded.resolvePath('data/db') : 'data/db';
      // With a unit config the role is checked in its database; a database doctor cannot open is one of its findings.
      if (loaded && unitDatabaseExists(loaded))
        await withAccount(loaded, operator(opts.by), async () => {}).catch((error) => {
          if (error instanceof AccessDeniedError) throw error;
        });
      const config = loaded?.config ?? parseConfig('', { env: process.env });
      const results: CheckResult[] = await runDoctor({ config, embeddedDir, fix: Boolean(opts.fix) });
      if (opts.json) printJson(results);
      else {
        if (!loaded) print(`(no config file at ${configPath(globals)}: checking the defaults)`);
        for (const r of results) {
          print(`${MARK[r.state]}  ${r.name}: ${r.detail}`);
          if (r.fix && r.state !== 'ok') print(`      fix: ${r.fix}`);
        }
      }
      const failed = results.filter((r) => r.state === 'fail');
      if (failed.length > 0) {
        throw new DoctorFailedError(
          `${failed.length} essential check(s) failed: ${failed.map((r) => r.name).join(', ')}`,
        );
      }
    });
}

/**
 * `phenix db migrate`: applies pending migrations (the embedded database migrates itself on open). A database
 * administrator has no unit config: with DATABASE_URL set and no config file, it needs nothing else.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase, type PhenixDatabase } from '../../db/index.ts';
import { configPath, type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { print } from '../output.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('create or update the database tables (needs only DATABASE_URL when there is no config file)')
    .action(async (_opts, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const url = process.env.DATABASE_URL;
      const migrate = async (handle: PhenixDatabase) => {
        const applied = await handle.migrate();
        print(
          `${handle.kind === 'embedded' ? 'Embedded database' : 'Database'} ${handle.location}: ${applied} migration(s) applied, up to date.`,
        );
      };
      if (url && !globals.config && !process.env.PHENIX_CONFIG && !existsSync(configPath(globals))) {
        const handle = await openDatabase({ url, requireMigrated: false, maxConnections: 1 });
        try {
          return await migrate(handle);
        } finally {
          await handle.close();
        }
      }
      await withDatabase(loadConfig(globals), migrate, { requireMigrated: false });
    });
}

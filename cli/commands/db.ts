/** `phenix db migrate`: applies pending migrations (the embedded database migrates itself on open). */
import type { Command } from 'commander';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { print } from '../output.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('create or update the database tables')
    .action(async (_opts, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(
        loaded,
        async (handle) => {
          const applied = await handle.migrate();
          print(
            `${handle.kind === 'embedded' ? 'Embedded database' : 'Database'} ${handle.location}: ${applied} migration(s) applied, up to date.`,
          );
        },
        { requireMigrated: false },
      );
    });
}

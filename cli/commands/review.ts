/** `phenix review [--port N] [--host H]`: runs the review web page alone until SIGINT/SIGTERM. */
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { listUsers } from '../../db/index.ts';
import { startReviewServer } from '../../review/index.ts';
import { phenixCommand } from '../command-hint.ts';
import { type GlobalOptions, type LoadedConfig, loadConfig, logger } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { print } from '../output.ts';
import { reviewSigning } from './evidence.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The page's cookie and proxy settings, shared by `phenix review` and `phenix serve`: `review.secureCookies` from
 * the config (or --secure-cookies), and a warning when the page is served beyond this machine without it.
 */
export function reviewPageSettings(
  loaded: LoadedConfig,
  host: string,
  log: Logger,
  secureCookiesFlag?: boolean,
): { secureCookies: boolean; trustedProxies: readonly string[] } {
  const secureCookies = Boolean(secureCookiesFlag) || loaded.config.review.secureCookies;
  if (!LOOPBACK.has(host) && !secureCookies) {
    log.warn(
      { host },
      'serving the review page beyond this machine over plain HTTP: put it behind TLS and set review.secureCookies: true',
    );
  }
  return { secureCookies, trustedProxies: loaded.config.review.trustedProxies };
}

export function registerReviewCommands(program: Command): void {
  program
    .command('review')
    .description('serve the review web page (log in with an account made by: phenix users add <name>)')
    .option('--host <host>', 'address to listen on (default: review.host of the config, 127.0.0.1)')
    .option('--port <port>', 'port (default: review.port of the config, 8377)')
    .option(
      '--secure-cookies',
      'mark cookies Secure (config review.secureCookies): when a TLS proxy serves the page over https',
    )
    .option(...byOption('the account that starts the page'))
    .action(async (opts: { host?: string; port?: string; secureCookies?: boolean; by?: string }, cmd: Command) => {
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      const loaded = loadConfig(globals);
      const port = opts.port === undefined ? loaded.config.review.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0 to 65535`);
      const host = opts.host ?? loaded.config.review.host;
      const log = logger(globals);
      const settings = reviewPageSettings(loaded, host, log, opts.secureCookies);
      await withAccount(
        loaded,
        operator(opts.by),
        async ({ db, sharing }) => {
          if (sharing) log.info(`embedded database ${sharing}`);
          if ((await listUsers(db)).length === 0)
            print(
              `No analyst account yet: while the page runs, create one from another shell with "${phenixCommand('users add <name> --role supervisor')}".`,
            );
          const server = await startReviewServer({
            db,
            evidenceDir: loaded.resolvePath(loaded.config.evidence.dir),
            logger: log,
            ...settings,
            host,
            port,
            evidenceSigning: reviewSigning(loaded),
            cliCommand: phenixCommand(),
          });
          print(`Review page at ${server.url}/ (Ctrl-C to stop)`);
          await new Promise<void>((resolve) => {
            const stop = () => resolve();
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          await server.close();
          print('Review page stopped.');
        },
        { service: true },
      );
    });
}

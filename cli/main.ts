/**
 * The `phenix` command: registers one file of commands per group, then owns how the process ends
 * (exit codes 0 ok, 1 runtime failure, 2 bad input or config) and the signals. A group's file is loaded only when
 * its command runs (or for the full help): their imports reach crawlee, Playwright, PGlite, Tesseract and sharp,
 * seconds of loading that `phenix users list` or `phenix config check` never needs.
 */
import { Command, CommanderError, Option } from 'commander';
import { describeError, EXIT_BAD_INPUT, exitCodeFor } from './errors.ts';
import { LOG_LEVELS } from './logger.ts';

type Register = (program: Command) => void;

/**
 * Every command group: the top-level commands its file registers, and how to load it. In the order of
 * `phenix --help`; `cases` has two files (purge.ts adds `cases close`, case.ts `cases export`).
 */
export const COMMAND_GROUPS: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['config', 'init'], load: async () => (await import('./commands/config.ts')).registerConfigCommands },
  { names: ['db'], load: async () => (await import('./commands/db.ts')).registerDbCommands },
  { names: ['sites'], load: async () => (await import('./commands/sites.ts')).registerSitesCommands },
  { names: ['candidates'], load: async () => (await import('./commands/candidates.ts')).registerCandidatesCommands },
  { names: ['feeds'], load: async () => (await import('./commands/feeds.ts')).registerFeedsCommands },
  { names: ['crawl'], load: async () => (await import('./commands/crawl.ts')).registerCrawlCommand },
  { names: ['run'], load: async () => (await import('./commands/run.ts')).registerRunCommand },
  { names: ['reprocess'], load: async () => (await import('./commands/reprocess.ts')).registerReprocessCommand },
  { names: ['compare'], load: async () => (await import('./commands/compare.ts')).registerCompareCommand },
  { names: ['demo'], load: async () => (await import('./commands/demo.ts')).registerDemoCommand },
  { names: ['serve'], load: async () => (await import('./commands/serve.ts')).registerServeCommand },
  { names: ['worker'], load: async () => (await import('./commands/worker.ts')).registerWorkerCommand },
  { names: ['queue'], load: async () => (await import('./commands/queue.ts')).registerQueueCommands },
  { names: ['alerts'], load: async () => (await import('./commands/alerts.ts')).registerAlertsCommands },
  { names: ['export'], load: async () => (await import('./commands/export.ts')).registerExportCommands },
  { names: ['evidence'], load: async () => (await import('./commands/evidence.ts')).registerEvidenceCommands },
  { names: ['keys'], load: async () => (await import('./commands/keys.ts')).registerKeysCommands },
  { names: ['users'], load: async () => (await import('./commands/users.ts')).registerUsersCommands },
  { names: ['review'], load: async () => (await import('./commands/review.ts')).registerReviewCommands },
  { names: ['audit'], load: async () => (await import('./commands/audit.ts')).registerAuditCommands },
  { names: ['purge', 'cases'], load: async () => (await import('./commands/purge.ts')).registerPurgeCommands },
  { names: ['doctor'], load: async () => (await import('./commands/doctor.ts')).registerDoctorCommand },
  { names: ['notify'], load: async () => (await import('./commands/notify.ts')).registerNotifyCommands },
  { names: ['cases'], load: async () => (await import('./commands/case.ts')).registerCaseCommands },
];

/** Global options that take a value: their value is not the command's name. */
const VALUED_OPTIONS = new Set(['-c', '--config', '--log-level']);

/** The command named on the command line (`phenix -c x.yaml users list` → `users`), or undefined. */
export function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return args[i + 1];
    if (VALUED_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The program with the groups `args` (the arguments after `phenix`) needs: the named command's group(s), or every
 * group when no known command is named (`--help`, `help crawl`, a typo commander suggests a fix for).
 */
export async function buildProgram(args?: readonly string[]): Promise<Command> {
  const program = new Command('phenix')
    .description(
      'Phénix: finds where convicted classified-ad sites come back under new names, with court-ready evidence',
    )
    .version('0.1.0')
    .option('-c, --config <file>', 'config file (default phenix.yaml, or env PHENIX_CONFIG)')
    .addOption(new Option('--log-level <level>', 'log detail (env LOG_LEVEL)').choices(LOG_LEVELS))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const word = args === undefined ? undefined : commandWord(args);
  const named = COMMAND_GROUPS.filter((g) => word !== undefined && g.names.includes(word));
  // One after another, in the help's order: the files load (and run their top level) as the static imports did.
  for (const group of named.length ? named : COMMAND_GROUPS) (await group.load())(program);
  for (const cmd of program.commands) applyExitOverride(cmd);
  return program;
}

function applyExitOverride(cmd: Command): void {
  cmd.exitOverride();
  cmd.showHelpAfterError('(run with --help for usage)');
  for (const sub of cmd.commands) applyExitOverride(sub);
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv.slice(2));
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed its message (unknown option, --help, --version)
      return error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    process.stderr.write(`phenix: ${describeError(error)}\n`);
    return exitCodeFor(error);
  }
}

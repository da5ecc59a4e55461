/**
 * The `phenix` command: registers one file of commands per group, then owns how the process ends
 * (exit codes 0 ok, 1 runtime failure, 2 bad input or config) and the signals.
 */
import { Command, CommanderError, Option } from 'commander';
import { registerAlertsCommands } from './commands/alerts.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerCandidatesCommands } from './commands/candidates.ts';
import { registerCaseCommands } from './commands/case.ts';
import { registerCompareCommand } from './commands/compare.ts';
import { registerConfigCommands } from './commands/config.ts';
import { registerCrawlCommand } from './commands/crawl.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerDoctorCommand } from './commands/doctor.ts';
import { registerEvidenceCommands } from './commands/evidence.ts';
import { registerExportCommands } from './commands/export.ts';
import { registerFeedsCommands } from './commands/feeds.ts';
import { registerKeysCommands } from './commands/keys.ts';
import { registerNotifyCommands } from './commands/notify.ts';
import { registerPurgeCommands } from './commands/purge.ts';
import { registerQueueCommands } from './commands/queue.ts';
import { registerReprocessCommand } from './commands/reprocess.ts';
import { registerReviewCommands } from './commands/review.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerSitesCommands } from './commands/sites.ts';
import { registerUsersCommands } from './commands/users.ts';
import { registerWorkerCommand } from './commands/worker.ts';
import { describeError, EXIT_BAD_INPUT, exitCodeFor } from './errors.ts';
import { LOG_LEVELS } from './logger.ts';

export function buildProgram(): Command {
  const program = new Command('phenix')
    .description(
      'Phénix: finds where convicted classified-ad sites come back under new names, with court-ready evidence',
    )
    .version('0.1.0')
    .option('-c, --config <file>', 'config file (default phenix.yaml, or env PHENIX_CONFIG)')
    .addOption(new Option('--log-level <level>', 'log detail (env LOG_LEVEL)').choices(LOG_LEVELS))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerConfigCommands(program);
  registerDbCommands(program);
  registerSitesCommands(program);
  registerCandidatesCommands(program);
  registerFeedsCommands(program);
  registerCrawlCommand(program);
  registerRunCommand(program);
  registerReprocessCommand(program);
  registerCompareCommand(program);
  registerDemoCommand(program);
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerQueueCommands(program);
  registerAlertsCommands(program);
  registerExportCommands(program);
  registerEvidenceCommands(program);
  registerKeysCommands(program);
  registerUsersCommands(program);
  registerReviewCommands(program);
  registerAuditCommands(program);
  registerPurgeCommands(program);
  registerDoctorCommand(program);
  registerNotifyCommands(program);
  registerCaseCommands(program);
  for (const cmd of program.commands) applyExitOverride(cmd);
  return program;
}

function applyExitOverride(cmd: Command): void {
  cmd.exitOverride();
  cmd.showHelpAfterError('(run with --help for usage)');
  for (const sub of cmd.commands) applyExitOverride(sub);
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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

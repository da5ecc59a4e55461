/**
 * `phenix` loads only the file of the command it runs: the table of groups must name exactly the top-level commands
 * each file registers, or a command would be missing (unknown command) when run on its own.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_GROUPS, commandWord } from '../../../cli/main.ts';

describe('command groups', () => {
  it('name exactly the top-level commands their file registers', async () => {
    for (const group of COMMAND_GROUPS) {
      const alone = new Command('phenix');
      (await group.load())(alone);
      const registered = alone.commands.map((c) => c.name());
      expect([...registered].sort(), group.names.join(' ')).toEqual([...new Set(group.names)].sort());
    }
  });

  it('build, for one command, only its groups, with the same subcommands as the full program', async () => {
    const full = await buildProgram();
    const subcommands = (program: Command, name: string) =>
      program.commands
        .find((c) => c.name() === name)
        ?.commands.map((c) => c.name())
        .sort();
    for (const cmd of full.commands) {
      const alone = await buildProgram([cmd.name(), '--help']);
      const itsGroups = COMMAND_GROUPS.filter((g) => g.names.includes(cmd.name()));
      expect(alone.commands.map((c) => c.name()).sort()).toEqual(
        [...new Set(itsGroups.flatMap((g) => g.names))].sort(),
      );
      expect(subcommands(alone, cmd.name())).toEqual(subcommands(full, cmd.name()));
    }
  });

  it('build every group when no known command is named (help, a typo, options only)', async () => {
    const count = (await buildProgram()).commands.length;
    expect(count).toBeGreaterThan(20);
    for (const args of [[], ['--help'], ['help', 'crawl'], ['crwal'], ['--version']]) {
      expect((await buildProgram(args)).commands.length, args.join(' ')).toBe(count);
    }
  });
});

describe('commandWord', () => {
  it('skips the global options and their values', () => {
    expect(commandWord(['users', 'list'])).toBe('users');
    expect(commandWord(['-c', 'users', 'sites', 'list'])).toBe('sites');
    expect(commandWord(['--config', 'x.yaml', '--log-level', 'debug', 'crawl', '--mode', 'http'])).toBe('crawl');
    expect(commandWord(['--config=x.yaml', 'alerts'])).toBe('alerts');
    expect(commandWord(['--help'])).toBeUndefined();
    expect(commandWord([])).toBeUndefined();
  });
});

/**
 * How to run Phénix in a hint printed to the analyst: `phenix …` when a `phenix` command is on the PATH (installed
 * globally or linked), else `npx phenix …`, which works from the project folder the README starts in.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

let onPath: boolean | undefined;

function phenixOnPath(): boolean {
  onPath ??= (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, 'phenix'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  return onPath;
}

/** The command line to run `args` with, e.g. phenixCommand('users add alice') → "npx phenix users add alice". */
export function phenixCommand(args: string): string {
  return `${phenixOnPath() ? 'phenix' : 'npx phenix'} ${args}`;
}

/** Forgets what was found on the PATH (tests change it). */
export function resetPhenixCommand(): void {
  onPath = undefined;
}

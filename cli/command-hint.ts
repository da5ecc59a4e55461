/**
 * The command a hint tells the analyst to type: `phenix …` when a `phenix` executable is on the PATH (installed
 * globally or linked), else `npx phenix …`, which works from the project folder as the README shows. One place
 * decides, so no hint suggests a command the shell cannot find.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

export function phenixOnPath(env: NodeJS.ProcessEnv = process.env): boolean {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, 'phenix'), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** `phenix` or `npx phenix`, followed by the arguments given. */
export function phenixCommand(args = ''): string {
  cached ??= phenixOnPath() ? 'phenix' : 'npx phenix';
  return args ? `${cached} ${args}` : cached;
}

/** For tests: forget the answer so the next call looks at PATH again. */
export function resetPhenixCommand(): void {
  cached = undefined;
}

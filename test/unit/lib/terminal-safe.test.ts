import { describe, expect, it } from 'vitest';
import { table } from '../../../cli/output.ts';
import { terminalSafe } from '../../../lib/terminal-safe.ts';

describe('terminalSafe', () => {
  it('shows escapes, line breaks, C1 controls and bidi overrides as visible text', () => {
    expect(terminalSafe('a\u001b]0;title\u0007b')).toBe('a\\x1b]0;title\\x07b');
    expect(terminalSafe('ok\nOK: forged line\r')).toBe('ok\\nOK: forged line\\r');
    expect(terminalSafe('\u009b31m')).toBe('\\x9b31m');
    expect(terminalSafe('plomberie\u202egnp.exe')).toBe('plomberie\\u202egnp.exe');
    expect(terminalSafe('jardinage\tmenage é')).toBe('jardinage\tmenage é');
  });

  it('is applied to every table cell', () => {
    const out = table(['name'], [['\u001b[2Jmenage.test']]);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('\\x1b[2Jmenage.test');
  });
});

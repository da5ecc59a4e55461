/**
 * Text from the database or a crawled site printed on an analyst's terminal: control characters (an escape
 * sequence can rewrite the screen, the window title or what a later command seems to print), line breaks (a forged
 * "OK" line) and bidirectional overrides (a name that displays differently from what it is) are shown as visible
 * escapes instead. Tabs are kept.
 */

// C0 controls but tab, DEL, C1 controls (the 8-bit CSI), and the Unicode bidi controls and overrides.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

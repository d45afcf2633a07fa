/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/**
 * Output that cannot act on its reader: spreadsheet formulas (OWASP CSV injection) and terminal
 * control sequences or bidirectional overrides ("Trojan Source", CVE-2021-42574) are shown as
 * text. The stored log is never changed; only what is printed or exported.
 */

/** C0 and C1 control characters (but tab, LF, CR), DEL, bidi controls and line/paragraph separators. */
const unsafe =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const unsafeInLine = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`;

/**
 * Text for a terminal: every control character (tab and line breaks included), bidi control
 * and line separator is written as a visible `\u{…}` escape.
 *
 * @example
 * terminalSafe('ann\u202Eevil'); // 'ann\\u{202e}evil'
 */
export const terminalSafe = (text: string): string => text.replace(unsafeInLine, escape);

/** Cells starting with these are formulas to a spreadsheet (OWASP: = + - @ tab CR). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A CSV cell a spreadsheet will not execute: a value starting with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading `'` (OWASP CSV injection), controls and bidi overrides other than tab and line
 * breaks become visible `\u{…}` escapes, and the cell is quoted as RFC 4180 requires.
 *
 * @example
 * csvCell('=HYPERLINK("http://x","y")'); // '"\'=HYPERLINK(""http://x"",""y"")"'
 */
export const csvCell = (value: string): string => {
  const visible = value.replace(unsafe, escape);
  const inert = formulaStart.test(visible) ? `'${visible}` : visible;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
};

/** JSON text with bidi controls and separators escaped as `\uXXXX` (the same JSON value). */
export const jsonSafe = (json: string): string =>
  json.replace(
    /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

import pc from 'picocolors';
import type { Severity, Status } from '../../checks/types.js';

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours on or off, decided by the CLI (TTY, NO_COLOR); never read from the environment here. */
export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

export function paintSeverity(c: Colors, s: Severity, text: string = s): string {
  switch (s) {
    case 'critical':
      return c.bold(c.red(text));
    case 'high':
      return c.red(text);
    case 'medium':
      return c.yellow(text);
    case 'low':
      return c.blue(text);
    case 'info':
      return c.gray(text);
  }
}

export function paintStatus(c: Colors, s: Status, text: string = s.toUpperCase()): string {
  switch (s) {
    case 'fail':
      return c.bold(c.red(text));
    case 'unknown':
      return c.magenta(text);
    case 'manual':
      return c.cyan(text);
    case 'muted':
      return c.gray(text);
    case 'pass':
      return c.green(text);
  }
}

// C0/C1 control characters (ESC among them): a resource name or tag must not drive the terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text from AWS or templates made safe to print: control characters shown as '?'. */
export function clean(text: string): string {
  return text.replace(CONTROL, '?');
}

/** Pads to a visible width (ignoring colour codes, which padEnd would count). */
export function pad(painted: string, plain: string, width: number): string {
  return painted + ' '.repeat(Math.max(0, width - plain.length));
}

import { writeFile } from 'node:fs/promises';

/** Colour only on a TTY, never with NO_COLOR set (https://no-color.org), always with FORCE_COLOR. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Data goes to stdout, or to --output; progress and logs go to stderr. */
export async function emit(text: string, output?: string): Promise<void> {
  const body = text.endsWith('\n') ? text : text + '\n';
  if (output) await writeFile(output, body);
  else await new Promise<void>((resolve, reject) => process.stdout.write(body, (e) => (e ? reject(e) : resolve())));
}

export function log(message: string): void {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
}

import { absent, failed, ok, type Attr, type SshdConfig, type SshdDirective, type SshdMatch, type SshdProblem } from '../../inventory/index.js';
import { errorCode } from './errors.js';
import { globRoot } from './glob.js';
import type { RootFs } from './rootfs.js';

/** sshd's own limit (SERVCONF_MAX_DEPTH): deeper nesting makes it refuse to start. */
export const MAX_INCLUDE_DEPTH = 16;
const SSH_DIR = '/etc/ssh';

/** Keywords sshd accepts under an older name (servconf.h SSHCONF_ALIAS). */
const ALIASES: Record<string, string> = {
  challengeresponseauthentication: 'kbdinteractiveauthentication',
  skeyauthentication: 'kbdinteractiveauthentication',
  dsaauthentication: 'pubkeyauthentication',
  pubkeyacceptedkeytypes: 'pubkeyacceptedalgorithms',
  hostbasedacceptedkeytypes: 'hostbasedacceptedalgorithms',
  hostdsakey: 'hostkey',
  keepalive: 'tcpkeepalive',
};

/**
 * One line as sshd splits it: the keyword ends at whitespace or '=', arguments honour double quotes,
 * and an argument starting with '#' ends the line. null for blank lines and comments.
 */
export function tokenize(raw: string): { keyword: string; args: string[] } | null {
  const line = raw.replace(/^\s+/, '');
  if (line === '' || line.startsWith('#')) return null;
  const m = /^([^\s=]+)\s*=?\s*(.*)$/.exec(line);
  if (!m) return null;
  const keyword = m[1] as string;
  const args: string[] = [];
  let rest = (m[2] as string).trimEnd();
  while (rest.length > 0) {
    rest = rest.replace(/^\s+/, '');
    if (rest === '' || rest.startsWith('#')) break;
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end === -1) {
        args.push(rest.slice(1));
        break;
      }
      args.push(rest.slice(1, end));
      rest = rest.slice(end + 1);
    } else {
      const w = /^\S+/.exec(rest)?.[0] ?? '';
      args.push(w);
      rest = rest.slice(w.length);
    }
  }
  return { keyword, args };
}

interface State {
  directives: SshdDirective[];
  matches: SshdMatch[];
  problems: SshdProblem[];
  files: string[];
}

/**
 * Reads sshd_config as sshd does, Include expanded in place: relative patterns start in /etc/ssh,
 * globs are sorted, an included file starts in the Match state of the Include line and cannot change
 * the includer's state. What cannot be read, and loops, become problems at their place in the stream.
 */
export async function loadSshdConfig(fs: RootFs): Promise<Attr<SshdConfig>> {
  let main = '/etc/ssh/sshd_config';
  if (!(await fs.stat(main).catch(() => true)) && (await fs.stat('/usr/etc/ssh/sshd_config').catch(() => null))) {
    main = '/usr/etc/ssh/sshd_config'; // openSUSE keeps the vendor default under /usr/etc
  }
  let text: string | null;
  try {
    text = await fs.readText(main);
  } catch (e) {
    return failed(`read ${main}`, errorCode(e));
  }
  if (text === null) return absent();
  const st: State = { directives: [], matches: [], problems: [], files: [main] };
  await parse(fs, st, main, text, null, [main], 0);
  return ok({ file: main, ...st });
}

async function parse(fs: RootFs, st: State, file: string, text: string, startMatch: number | null, stack: string[], depth: number): Promise<void> {
  let match = startMatch;
  const rows = text.split('\n');
  for (const [i, raw] of rows.entries()) {
    const line = i + 1;
    const t = tokenize(raw);
    if (!t) continue;
    const lower = t.keyword.toLowerCase();
    if (lower === 'match') {
      st.matches.push({ criteria: t.args.join(' '), all: t.args.length >= 1 && t.args[0]?.toLowerCase() === 'all', file, line });
      match = st.matches.length - 1;
      continue;
    }
    if (lower === 'include') {
      for (const arg of t.args) await include(fs, st, arg, { file, line }, match, stack, depth);
      continue;
    }
    st.directives.push({ keyword: ALIASES[lower] ?? lower, written: t.keyword, args: t.args, file, line, match });
  }
}

async function include(
  fs: RootFs,
  st: State,
  arg: string,
  at: { file: string; line: number },
  match: number | null,
  stack: string[],
  depth: number,
): Promise<void> {
  const pattern = arg.startsWith('/') || arg.startsWith('~') ? arg : `${SSH_DIR}/${arg}`;
  const problem = (kind: SshdProblem['kind'], call: string, error: string) =>
    st.problems.push({ at: st.directives.length, kind, ...at, call, error });
  let files: string[];
  try {
    files = await globRoot(fs, pattern);
  } catch (e) {
    problem('unreadable', `glob ${pattern}`, errorCode(e));
    return;
  }
  for (const f of files) {
    if (stack.includes(f)) {
      problem('loop', `include ${f}`, `Include loop (${[...stack, f].join(' -> ')}): sshd refuses to start`);
      continue;
    }
    if (depth + 1 > MAX_INCLUDE_DEPTH) {
      problem('depth', `include ${f}`, `more than ${MAX_INCLUDE_DEPTH} nested Include levels: sshd refuses to start`);
      continue;
    }
    let text: string | null;
    try {
      text = await fs.readText(f);
    } catch (e) {
      problem('unreadable', `read ${f}`, errorCode(e));
      continue;
    }
    if (text === null) continue; // vanished between glob and read: nothing to include
    st.files.push(f);
    await parse(fs, st, f, text, match, [...stack, f], depth + 1);
  }
}

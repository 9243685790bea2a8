import type { PasswdEntry, PasswordState, ShadowEntry } from '../../inventory/index.js';

/** crypt(3) scheme ids (the $id$ prefix) to names. */
const SCHEMES: Record<string, string> = {
  '1': 'md5crypt',
  '2a': 'bcrypt',
  '2b': 'bcrypt',
  '2y': 'bcrypt',
  '5': 'sha256crypt',
  '6': 'sha512crypt',
  y: 'yescrypt',
  gy: 'gost-yescrypt',
  '7': 'scrypt',
  md5: 'sunmd5',
  sha1: 'sha1crypt',
};

/**
 * What a password field allows, without keeping it. '!' or '*' first means locked (passwd -l adds '!';
 * '*', '!!' and '!*' are how distributions write "no password"); empty means no password at all; a crypt
 * hash means a password that works. Anything else cannot be produced by crypt, so no password matches it.
 */
export function classifyPassword(field: string): { state: PasswordState; scheme?: string } {
  if (field === '') return { state: 'empty' };
  if (field.startsWith('!') || field.startsWith('*')) return { state: 'locked' };
  const mcf = /^\$([0-9a-z]+)\$/.exec(field);
  if (mcf) return { state: 'hash', scheme: SCHEMES[mcf[1] as string] ?? `$${mcf[1]}$` };
  if (/^[./0-9A-Za-z]{13}$/.test(field)) return { state: 'hash', scheme: 'des' };
  if (/^_[./0-9A-Za-z]{19}$/.test(field)) return { state: 'hash', scheme: 'bsdi-des' };
  return { state: 'other' };
}

/** /etc/passwd: name:password:uid:gid:gecos:home:shell. Malformed lines are skipped. */
export function parsePasswd(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const [i, row] of text.split('\n').entries()) {
    if (row.trim() === '' || row.startsWith('#') || row.startsWith('+') || row.startsWith('-')) continue;
    const f = row.split(':');
    if (f.length < 7) continue;
    const field = f[1] as string;
    const uid = Number(f[2]);
    out.push({
      user: f[0] as string,
      uid: Number.isInteger(uid) ? uid : -1,
      home: f[5] as string,
      shell: f[6] as string,
      password: field === 'x' ? 'shadow' : classifyPassword(field).state,
      line: i + 1,
    });
  }
  return out;
}

/** /etc/shadow: name:password:... Only the password field's kind is kept. */
export function parseShadow(text: string): ShadowEntry[] {
  const out: ShadowEntry[] = [];
  for (const [i, row] of text.split('\n').entries()) {
    if (row.trim() === '' || row.startsWith('#') || row.startsWith('+') || row.startsWith('-')) continue;
    const f = row.split(':');
    if (f.length < 2) continue;
    const c = classifyPassword(f[1] as string);
    out.push({ user: f[0] as string, password: c.state, ...(c.scheme ? { scheme: c.scheme } : {}), line: i + 1 });
  }
  return out;
}

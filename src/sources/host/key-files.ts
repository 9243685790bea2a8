import { createHash } from 'node:crypto';
import type { PrivateKey } from '../../inventory/index.js';
import { maskKeyId } from './secrets.js';

const KEY_TYPE = /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)(?:-cert-v01@openssh\.com)?$/;

export interface AuthorizedKey {
  type: string;
  fingerprint: string;
  comment?: string;
  options: boolean;
  line: number;
}

/** ssh-keygen's SHA256 fingerprint of a base64 key blob. */
export function fingerprint(blobBase64: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(blobBase64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** The keys of an authorized_keys file: [options] type base64 [comment]; anything else is skipped. */
export function parseAuthorizedKeys(text: string): AuthorizedKey[] {
  const out: AuthorizedKey[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const row = raw.trim();
    if (row === '' || row.startsWith('#')) continue;
    // Options may hold quoted spaces (command="a b"): find the first token that is a key type.
    const tokens = row.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
    const at = tokens.findIndex((t) => KEY_TYPE.test(t));
    if (at === -1 || !tokens[at + 1]) continue;
    const comment = tokens.slice(at + 2).join(' ');
    out.push({
      type: tokens[at] as string,
      fingerprint: fingerprint(tokens[at + 1] as string),
      ...(comment ? { comment } : {}),
      options: at > 0,
      line: i + 1,
    });
  }
  return out;
}

const BEGIN = /^-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----\s*$/;
const END = /^-----END /;

/** An OpenSSH key's cipher, from its binary header: "openssh-key-v1\0", then a length-prefixed cipher name. */
function opensshCipher(body: string): string | undefined {
  const bin = Buffer.from(body, 'base64');
  const magic = 'openssh-key-v1\0';
  if (bin.length < magic.length + 4 || bin.toString('latin1', 0, magic.length) !== magic) return undefined;
  const len = bin.readUInt32BE(magic.length);
  if (len > 64 || bin.length < magic.length + 4 + len) return undefined;
  return bin.toString('latin1', magic.length + 4, magic.length + 4 + len);
}

/**
 * The private key blocks of a PEM file, with whether a passphrase protects them. The key material is
 * read only to find the OpenSSH cipher name and is never kept.
 */
export function privateKeyBlocks(text: string, path: string): PrivateKey[] {
  const out: PrivateKey[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const m = BEGIN.exec((rows[i] as string).trim());
    if (!m) continue;
    const label = m[1] as string;
    let body = '';
    let procEncrypted = false;
    let j = i + 1;
    for (; j < rows.length && !END.test((rows[j] as string).trim()); j++) {
      const r = (rows[j] as string).trim();
      if (/^Proc-Type:.*ENCRYPTED/i.test(r)) procEncrypted = true;
      else if (!r.includes(':')) body += r;
    }
    let encrypted: boolean | null;
    if (label.startsWith('ENCRYPTED') || procEncrypted) encrypted = true;
    else if (label === 'OPENSSH PRIVATE KEY') {
      const cipher = opensshCipher(body);
      encrypted = cipher === undefined ? null : cipher !== 'none';
    } else if (label.includes('PGP')) encrypted = null;
    else encrypted = false;
    out.push({ path, label, encrypted, line: i + 1 });
    i = j;
  }
  return out;
}

export interface AwsProfile {
  name: string;
  line: number;
  accessKeyId?: string;
  hasSecretKey: boolean;
  hasSessionToken: boolean;
}

/** Profiles of ~/.aws/credentials or ~/.aws/config that hold keys; key ids masked, secrets dropped. */
export function parseAwsCredentials(text: string): AwsProfile[] {
  const out: AwsProfile[] = [];
  let current: AwsProfile | undefined;
  for (const [i, raw] of text.split('\n').entries()) {
    const row = raw.trim();
    if (row === '' || row.startsWith('#') || row.startsWith(';')) continue;
    const section = /^\[\s*(?:profile\s+)?([^\]]+?)\s*\]$/.exec(row);
    if (section) {
      current = { name: section[1] as string, line: i + 1, hasSecretKey: false, hasSessionToken: false };
      out.push(current);
      continue;
    }
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(row);
    if (!kv) continue;
    if (!current) {
      current = { name: 'default', line: i + 1, hasSecretKey: false, hasSessionToken: false };
      out.push(current);
    }
    const key = (kv[1] as string).toLowerCase();
    const value = (kv[2] as string).trim();
    if (value === '') continue;
    if (key === 'aws_access_key_id') current.accessKeyId = maskKeyId(value);
    if (key === 'aws_secret_access_key') current.hasSecretKey = true;
    if (key === 'aws_session_token' || key === 'aws_security_token') current.hasSessionToken = true;
  }
  return out.filter((p) => p.accessKeyId !== undefined || p.hasSecretKey || p.hasSessionToken);
}

import type { SecretHit, SecretType, TextScan } from '../../inventory/index.js';
import { lines } from './lines.js';

/** What one line gives away, already redacted. */
export interface LineSecret {
  type: SecretType;
  excerpt: string;
}

/** Characters of a long line's previous piece scanned again with the next one. */
const OVERLAP = 1024;

/** At most this many hits are kept per file; all are counted. */
export const MAX_HITS = 25;

// Access key ids: AKIA (long-term), ASIA (session), ABIA/ACCA (other partitions' services).
const ACCESS_KEY_ID = /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/g;
// key=value, key: value, and the CLI's `aws configure set aws_secret_access_key VALUE`.
const SECRET_KEY = /(aws_?secret_?(?:access_?)?key|secretaccesskey)["']?(?:\s*[:=]\s*|\s+)["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi;
const PRIVATE_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/g;
// key=value and key: value forms: password=, PGPASSWORD=, MYSQL_PWD=, db_passwd: ...
// A colon counts only when quoted ("password": x) or followed by a space (YAML), so that log words
// such as pam_unix(passwd:chauthtok) do not.
const PASSWORD_ASSIGN = /\b([A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd))(?:\s*=\s*|["']\s*:\s*|:\s+)("[^"]*"|'[^']*'|[^\s,;&|]+)/dgi;
// Command-line flags: --password X, --password=X, mysql -pX, sshpass -p X.
const PASSWORD_FLAG = /(?:^|\s)(--password|--passwd|--pass)(?:=|\s+)("[^"]*"|'[^']*'|\S+)/dgi;
const MYSQL_P = /\b(mysql(?:dump|admin)?|mariadb)\b[^|;&\n]*?\s-p(?!\s)("[^"]*"|'[^']*'|\S+)/dg;
const SSHPASS = /\b(sshpass)\s+-p\s*("[^"]*"|'[^']*'|\S+)/dg;
// SQL: ALTER USER x WITH PASSWORD '...', CREATE USER x IDENTIFIED BY '...'.
const SQL_PASSWORD = /\b(password|identified\s+by)\s+('[^']+'|"[^"]+")/dgi;
/** The password forms, most specific first, with how the excerpt joins key and mask. */
const PASSWORD_FORMS: Array<[RegExp, string]> = [
  [PASSWORD_FLAG, 'as-written'],
  [SQL_PASSWORD, ' '],
  [MYSQL_P, ' -p'],
  [SSHPASS, ' -p '],
  [PASSWORD_ASSIGN, '='],
];
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]+):([^\s@/]+)@/gi;

/** A quick test so that the common line (no hint of a secret) costs one regex. */
const HINT = /AKIA|ASIA|ABIA|ACCA|secret|PRIVATE KEY|pass|pwd|identified|mysql|mariadb|:\/\/[^\s/@]*:[^\s@]*@/i;

/** AKIA****WXYZ: the key id's kind and last four characters, as the console shows it. */
export function maskKeyId(id: string): string {
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}

function unquote(v: string): string {
  return (v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")) ? v.slice(1, -1) : v;
}

/** Values that are not a secret but a reference or placeholder: $VAR, ${VAR}, ****, <password>, %s, {{x}}. */
function isPlaceholder(raw: string): boolean {
  const v = unquote(raw).trim();
  return (
    v === '' ||
    /^(\$|\*+$|<|%[a-z]?$|\{\{|x+$)/i.test(v) ||
    /^(null|none|true|false|yes|no|required|optional|password|passwd|updated|changed|expired|for|is|set)[.,:;)]?$/i.test(v)
  );
}

/** Every secret the line shows, redacted. Nothing of a password or secret key is kept. */
export function findSecrets(text: string): LineSecret[] {
  if (!HINT.test(text)) return [];
  const out: LineSecret[] = [];
  for (const m of text.matchAll(ACCESS_KEY_ID)) out.push({ type: 'aws-access-key-id', excerpt: maskKeyId(m[1] as string) });
  for (const m of text.matchAll(SECRET_KEY)) out.push({ type: 'aws-secret-access-key', excerpt: `${m[1]}=****` });
  for (const m of text.matchAll(PRIVATE_KEY)) out.push({ type: 'private-key', excerpt: m[0] });
  // Several forms can see the same password (--password=x is also password=x): report each value once.
  const taken: Array<[number, number]> = [];
  const fresh = (span: [number, number] | undefined) => !!span && !taken.some(([a, b]) => span[0] < b && a < span[1]);
  for (const [re, sep] of PASSWORD_FORMS) {
    for (const m of text.matchAll(re)) {
      const span = m.indices?.[2];
      if (isPlaceholder(m[2] as string) || !fresh(span)) continue;
      taken.push(span as [number, number]);
      const key = m[1] as string;
      const between = text.slice(m.indices?.[1]?.[1], span?.[0]);
      const joiner = sep === 'as-written' ? (between.includes('=') ? '=' : ' ') : sep;
      out.push({ type: 'password', excerpt: `${key}${joiner}****` });
    }
  }
  for (const m of text.matchAll(URL_CREDENTIALS)) {
    if (isPlaceholder(m[3] as string)) continue;
    out.push({ type: 'url-credentials', excerpt: `${m[1]}${m[2]}:****@` });
  }
  return out;
}

/** Streams a file's lines through findSecrets; memory stays at one chunk and one line. */
export async function scanText(chunks: AsyncIterable<Buffer>): Promise<TextScan> {
  let bytes = 0;
  const counted = (async function* () {
    for await (const c of chunks) {
      bytes += c.length;
      yield c;
    }
  })();
  const secrets: SecretHit[] = [];
  let secretCount = 0;
  let last = 0;
  // A line longer than MAX_LINE comes in pieces: each piece is scanned with the end of the one
  // before, so a secret cut in two is still seen, and what the overlap shows twice counts once.
  let tail = '';
  let seen = new Set<string>();
  for await (const line of lines(counted)) {
    const continued = line.no === last;
    if (!continued) seen = new Set();
    for (const s of findSecrets(continued ? tail + line.text : line.text)) {
      const key = `${s.type}\u0000${s.excerpt}`;
      if (continued && seen.has(key)) continue;
      seen.add(key);
      secretCount++;
      if (secrets.length < MAX_HITS) secrets.push({ ...s, line: line.no });
    }
    last = line.no;
    tail = line.text.slice(-OVERLAP);
  }
  return { bytes, lines: last, secrets, secretCount, decompressed: false, truncated: false };
}

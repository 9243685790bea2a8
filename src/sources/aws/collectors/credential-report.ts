import { ROOT_USER, type CredentialReportRow } from '../../../inventory/index.js';

/** Cells the report uses for "no value". */
const NO_VALUE = new Set(['N/A', 'no_information', 'not_supported', '']);

const REQUIRED = ['user', 'arn', 'password_enabled', 'mfa_active', 'access_key_1_active', 'access_key_2_active'] as const;

export class CredentialReportFormatError extends Error {}

/** Splits one CSV line; the report quotes nothing today, but a quoted cell must not break us. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Parses the IAM credential report (GetCredentialReport's CSV), root row included. Columns are
 * found by header name, so AWS adding or reordering columns does not shift values.
 */
export function parseCredentialReport(csv: string): CredentialReportRow[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = cells(lines[0] ?? '');
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const missingCols = REQUIRED.filter((c) => !col.has(c));
  if (missingCols.length > 0) throw new CredentialReportFormatError(`credential report lacks columns: ${missingCols.join(', ')}`);
  return lines.slice(1).map((line) => {
    const row = cells(line);
    const raw = (name: string): string | undefined => {
      const i = col.get(name);
      const v = i === undefined ? undefined : row[i]?.trim();
      return v === undefined || NO_VALUE.has(v) ? undefined : v;
    };
    const bool = (name: string) => raw(name) === 'true';
    const date = (name: string) => {
      const v = raw(name);
      if (v === undefined) return undefined;
      const t = new Date(v);
      return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
    };
    const out: CredentialReportRow = {
      user: raw('user') ?? ROOT_USER,
      arn: raw('arn') ?? '',
      passwordEnabled: bool('password_enabled'),
      mfaActive: bool('mfa_active'),
      accessKey1Active: bool('access_key_1_active'),
      accessKey2Active: bool('access_key_2_active'),
      cert1Active: bool('cert_1_active'),
      cert2Active: bool('cert_2_active'),
    };
    const dates: Array<[keyof CredentialReportRow, string]> = [
      ['userCreationTime', 'user_creation_time'],
      ['passwordLastUsed', 'password_last_used'],
      ['passwordLastChanged', 'password_last_changed'],
      ['passwordNextRotation', 'password_next_rotation'],
      ['accessKey1LastRotated', 'access_key_1_last_rotated'],
      ['accessKey1LastUsedDate', 'access_key_1_last_used_date'],
      ['accessKey2LastRotated', 'access_key_2_last_rotated'],
      ['accessKey2LastUsedDate', 'access_key_2_last_used_date'],
    ];
    for (const [key, name] of dates) {
      const d = date(name);
      if (d !== undefined) (out as Record<string, unknown>)[key] = d;
    }
    return out;
  });
}

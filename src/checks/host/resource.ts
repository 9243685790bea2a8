import { GLOBAL_REGION, type HostInventory, type Inventory, type SecretHit, type SecretType, type SourceLocation } from '../../inventory/index.js';
import type { ResourceRef, Severity } from '../types.js';

export const HOST_RESOURCE_TYPE = 'Host::Image';

/** The image (or root) as the resource of a host finding; the file and line go in `location`. */
export function hostResource(host: HostInventory, location?: SourceLocation): ResourceRef {
  return { id: host.name ?? host.root, type: HOST_RESOURCE_TYPE, region: GLOBAL_REGION, ...(location ? { location } : {}) };
}

export function at(file: string, line: number): SourceLocation {
  return { file, line };
}

/** A finding about a whole file points at its first line (what editors and SARIF viewers expect). */
export function fileAt(file: string): SourceLocation {
  return { file, line: 1 };
}

/** The host part, when this inventory came from the host source. */
export function hostOf(inv: Inventory): HostInventory | undefined {
  return inv.host;
}

const SECRET_SEVERITY: Record<SecretType, Severity> = {
  'aws-access-key-id': 'critical',
  'aws-secret-access-key': 'critical',
  'private-key': 'critical',
  password: 'high',
  'url-credentials': 'high',
};

/** The severity secrets raise a finding to: critical for AWS keys and private keys, high for passwords. */
export function secretSeverity(secrets: readonly SecretHit[], otherwise: Severity): Severity {
  if (secrets.some((s) => SECRET_SEVERITY[s.type] === 'critical')) return 'critical';
  if (secrets.length > 0) return 'high';
  return otherwise;
}

/** "AKIA****WXYZ (aws-access-key-id, line 3)": what the report says of secrets, never the secret. */
export function describeSecrets(secrets: readonly SecretHit[], total: number, max = 5): string {
  const shown = secrets.slice(0, max).map((s) => `${s.excerpt} (${s.type}, line ${s.line})`);
  return total > shown.length ? `${shown.join(', ')} and ${total - shown.length} more` : shown.join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

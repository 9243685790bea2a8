import type { SourceLocation } from '../inventory/index.js';
import type { CheckStatus, ComplianceRefs, Remediation, Severity, Status } from '../checks/types.js';

/** One verdict on one resource: the JSON contract of design.md, plus a few extra fields. */
export interface Finding {
  /** Stable across scans: a hash of check, account, region, resource and detail. */
  id: string;
  checkId: string;
  title: string;
  guideIds: string[];
  /** The guide section of the first guide id, for grouping. */
  section: string;
  status: Status;
  severity: Severity;
  resourceId: string;
  resourceType: string;
  account: string;
  region: string;
  message: string;
  remediation: Remediation;
  location?: SourceLocation;
  /** IaC: the condition under which the resource exists. */
  condition?: string;
  detail?: string;
  evidence?: Record<string, unknown>;
  compliance?: ComplianceRefs;
  /** The resource's tags, where the source knows them; mutelist entries can match on them. */
  tags?: Record<string, string>;
  /** Set when a mutelist entry matched: `status` is then `muted`, and the verdict is kept here. */
  muted?: { reason: string; expires?: string; originalStatus: CheckStatus };
}

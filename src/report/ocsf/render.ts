import { getCheck } from '../../checks/index.js';
import type { Severity } from '../../checks/types.js';
import { FRAMEWORKS } from '../../compliance/index.js';
import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { partitionOf } from '../arn.js';
import { OCSF_VERSION, type OcsfComplianceFinding } from './schema.js';

const SEVERITY: Record<Severity, Pick<OcsfComplianceFinding, 'severity_id' | 'severity'>> = {
  info: { severity_id: 1, severity: 'Informational' },
  low: { severity_id: 2, severity: 'Low' },
  medium: { severity_id: 3, severity: 'Medium' },
  high: { severity_id: 4, severity: 'High' },
  critical: { severity_id: 5, severity: 'Critical' },
};

/**
 * `--format ocsf`: a JSON array of OCSF 1.3.0 Compliance Findings (class 2003), one per finding,
 * passes included (a compliance finding records every evaluation). Compliance status: pass → Pass,
 * fail → Fail, unknown and manual → Warning ("no result for lack of information"; status_detail
 * says which). A muted finding keeps its verdict and gets the finding status Suppressed, with the
 * mutelist reason as the comment. What OCSF has no attribute for goes under `unmapped.rampart`.
 */
export function renderOcsf(report: ScanReport): string {
  return JSON.stringify(toOcsf(report), null, 2) + '\n';
}

export function toOcsf(report: ScanReport): OcsfComplianceFinding[] {
  const time = Date.parse(report.scan.finishedAt);
  return report.findings.map((f) => event(f, report, time));
}

function event(f: Finding, report: ScanReport, time: number): OcsfComplianceFinding {
  const verdict = f.muted?.originalStatus ?? f.status;
  const compliance =
    verdict === 'pass'
      ? ({ status_id: 1, status: 'Pass' } as const)
      : verdict === 'fail'
        ? ({ status_id: 3, status: 'Fail' } as const)
        : ({ status_id: 2, status: 'Warning' } as const);
  const references = FRAMEWORKS.flatMap((fw) => (f.compliance?.[fw.refKey] ?? []).map((id) => `${fw.name} v${fw.version}/${id}`));
  return {
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Rampart', vendor_name: 'Rampart', version: report.tool.version, uid: 'rampart' },
      uid: f.id,
      event_code: f.checkId,
      profiles: ['cloud'],
      tenant_uid: f.account,
      log_name: report.scan.id,
    },
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    activity_id: 1,
    activity_name: 'Create',
    type_uid: 200301,
    type_name: 'Compliance Finding: Create',
    time,
    ...SEVERITY[f.severity],
    ...(f.muted ? { status_id: 3 as const, status: 'Suppressed' as const, comment: f.muted.reason } : { status_id: 1 as const, status: 'New' as const }),
    message: f.message,
    finding_info: {
      uid: f.id,
      title: f.title,
      desc: getCheck(f.checkId)?.description ?? f.title,
      types: [f.section],
      created_time: time,
      data_sources: [report.scan.source],
    },
    compliance: {
      standards: ['Securing AWS guide', ...FRAMEWORKS.filter((fw) => (f.compliance?.[fw.refKey] ?? []).length > 0).map((fw) => `${fw.name} v${fw.version}`)],
      requirements: [...f.guideIds, ...references],
      control: f.checkId,
      ...compliance,
      status_detail: verdict === 'unknown' || verdict === 'manual' ? `${verdict}: ${f.message}` : f.message,
    },
    resources: [
      {
        uid: f.resourceId,
        type: f.resourceType,
        ...(f.region !== 'global' ? { region: f.region } : {}),
        cloud_partition: partitionOf(f.resourceId),
        ...(f.tags ? { labels: Object.entries(f.tags).map(([k, v]) => `${k}=${v}`) } : {}),
        ...(f.location ? { data: { location: f.location } } : {}),
      },
    ],
    cloud: { provider: 'AWS', ...(f.region !== 'global' ? { region: f.region } : {}), account: { uid: f.account, type_id: 10, type: 'AWS Account' } },
    remediation: { desc: f.remediation.text },
    unmapped: {
      rampart: {
        status: f.status,
        ...(f.detail !== undefined ? { detail: f.detail } : {}),
        ...(f.muted ? { muted: f.muted } : {}),
        ...(f.evidence ? { evidence: f.evidence } : {}),
        remediation: f.remediation,
      },
    },
  };
}

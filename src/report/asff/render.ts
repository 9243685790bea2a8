import type { AwsSecurityFinding, ComplianceStatus, Partition, SeverityLabel } from '@aws-sdk/client-securityhub';
import type { Severity } from '../../checks/types.js';
import { FRAMEWORKS } from '../../compliance/index.js';
import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { partitionOf } from '../arn.js';

const LABEL: Record<Severity, SeverityLabel> = { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFORMATIONAL' };

// ASFF's documented limits; longer values make BatchImportFindings reject the finding.
const MAX_TITLE = 256;
const MAX_DESCRIPTION = 1024;
const MAX_RECOMMENDATION = 512;
const MAX_REQUIREMENTS = 32;
const TYPES = ['Software and Configuration Checks/AWS Security Best Practices'];

export interface AsffOptions {
  /**
   * The Security Hub region the findings go to: part of each ProductArn. Defaults to us-east-1 when
   * it was scanned, else the first scanned region.
   */
  region?: string;
}

/** The default Security Hub region for a report (see AsffOptions.region). */
export function homeRegion(report: ScanReport): string {
  return report.scan.regions.includes('us-east-1') ? 'us-east-1' : (report.scan.regions[0] ?? 'us-east-1');
}

/** `--format asff`: a JSON array of AwsSecurityFinding, ready for BatchImportFindings. */
export function renderAsff(report: ScanReport, opts: AsffOptions = {}): string {
  return JSON.stringify(toAsff(report, opts), null, 2) + '\n';
}

/**
 * One AwsSecurityFinding per finding, passes included so that a fixed problem turns PASSED in
 * Security Hub. Compliance.Status: pass → PASSED, fail → FAILED, unknown → NOT_AVAILABLE (the read
 * failed), manual → WARNING (no API can tell). Muted findings keep their verdict and get
 * Workflow.Status SUPPRESSED, with the reason in a Note.
 */
export function toAsff(report: ScanReport, opts: AsffOptions = {}): AwsSecurityFinding[] {
  const region = opts.region ?? homeRegion(report);
  const at = report.scan.finishedAt;
  return report.findings.map((f) => finding(f, region, at, report.tool.version));
}

function finding(f: Finding, region: string, at: string, version: string): AwsSecurityFinding {
  const partition = partitionOf(f.resourceId);
  const verdict = f.muted?.originalStatus ?? f.status;
  const status: ComplianceStatus =
    verdict === 'pass' ? 'PASSED' : verdict === 'fail' ? 'FAILED' : verdict === 'unknown' ? 'NOT_AVAILABLE' : 'WARNING';
  const severity = { Label: LABEL[f.severity], Original: f.severity };
  const related = FRAMEWORKS.flatMap((fw) => (f.compliance?.[fw.refKey] ?? []).map((id) => `${fw.name} v${fw.version}/${id}`));
  return {
    SchemaVersion: '2018-10-08',
    Id: `rampart/${f.checkId}/${f.id}`,
    ProductArn: `arn:${partition}:securityhub:${region}:${f.account}:product/${f.account}/default`,
    ProductName: 'Rampart',
    CompanyName: 'Rampart',
    Region: region,
    GeneratorId: `rampart/${f.checkId}`,
    AwsAccountId: f.account,
    Types: TYPES,
    CreatedAt: at,
    UpdatedAt: at,
    Severity: severity,
    FindingProviderFields: { Severity: severity, Types: TYPES },
    Title: cut(f.title, MAX_TITLE),
    Description: cut(f.message, MAX_DESCRIPTION),
    Remediation: { Recommendation: { Text: cut(f.remediation.text, MAX_RECOMMENDATION) } },
    ProductFields: {
      'rampart/CheckId': f.checkId,
      'rampart/Status': f.status,
      'rampart/GuideIds': f.guideIds.join(','),
      'rampart/Section': f.section,
      ...(f.detail !== undefined ? { 'rampart/Detail': f.detail } : {}),
      ...(f.location ? { 'rampart/Location': `${f.location.file}:${f.location.line}` } : {}),
      'aws/securityhub/ProductName': 'Rampart',
      'rampart/Version': version,
    },
    Resources: [
      {
        Type: asffType(f.resourceType),
        Id: f.resourceId,
        Partition: partition as Partition,
        Region: f.region === 'global' ? region : f.region,
        ...(f.tags && Object.keys(f.tags).length > 0 ? { Tags: f.tags } : {}),
        ...(f.location ? { Details: { Other: { file: f.location.file, line: String(f.location.line) } } } : {}),
      },
    ],
    Compliance: { Status: status, ...(related.length > 0 ? { RelatedRequirements: related.slice(0, MAX_REQUIREMENTS) } : {}) },
    RecordState: 'ACTIVE',
    ...(f.muted
      ? {
          Workflow: { Status: 'SUPPRESSED' },
          Note: { Text: cut(`Muted: ${f.muted.reason}`, 512), UpdatedBy: 'rampart-mutelist', UpdatedAt: at },
        }
      : { Workflow: { Status: 'NEW' } }),
  };
}

// Types whose ASFF name does not follow the general rule below.
const ASFF_TYPES: Record<string, string> = {
  'AWS::::Account': 'AwsAccount',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::RDS::DBInstance': 'AwsRdsDbInstance',
  'AWS::RDS::DBCluster': 'AwsRdsDbCluster',
  'AWS::RDS::DBSnapshot': 'AwsRdsDbSnapshot',
  'AWS::RDS::DBClusterSnapshot': 'AwsRdsDbClusterSnapshot',
  'AWS::WAFv2::WebACL': 'AwsWafv2WebAcl',
  'AWS::EC2::NetworkAcl': 'AwsEc2NetworkAcl',
};

/**
 * The ASFF resource type for a CloudFormation type: AWS::S3::Bucket → AwsS3Bucket,
 * AWS::EC2::SecurityGroup → AwsEc2SecurityGroup (acronyms become capitalised words). Resources
 * that are not AWS's (host files) are "Other", as ASFF asks.
 */
export function asffType(cfnType: string): string {
  const known = ASFF_TYPES[cfnType];
  if (known) return known;
  if (!cfnType.startsWith('AWS::')) return 'Other';
  return cfnType
    .split('::')
    .filter(Boolean)
    .map((p) => (/^[A-Z0-9]+$/.test(p) ? p.charAt(0) + p.slice(1).toLowerCase() : p))
    .join('');
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

import { getCheck } from '../../checks/index.js';
import { SEVERITIES, type Severity } from '../../checks/types.js';
import { recommendation } from '../../guide/index.js';
import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { remediationMarkdown } from '../remediation.js';
import { sortFindings } from '../order.js';
import { taxonomies, relationships } from './taxonomies.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
// GitHub code scanning reads `security-severity` (0-10) to rank alerts.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/**
 * `--format sarif`: SARIF 2.1.0, one run. Which findings become results, and how:
 * - fail: kind "fail", level by severity (critical/high error, medium warning, low/info note);
 * - unknown: kind "open" (the tool could not decide), level "none";
 * - manual: kind "review" (a person must verify), level "none";
 * - muted: the original verdict, with an external suppression carrying the mutelist reason;
 * - pass: left out (SARIF consumers list problems; the JSON report keeps the passes).
 * SARIF allows a level other than "none" only on kind "fail", hence "none" for open and review.
 * Host and IaC findings get a physicalLocation (file and line); live findings a logicalLocation
 * whose fullyQualifiedName is the ARN.
 */
export function renderSarif(report: ScanReport): string {
  const findings = sortFindings(report.findings).filter((f) => (f.muted?.originalStatus ?? f.status) !== 'pass');
  const ruleIds = [...new Set(findings.map((f) => f.checkId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Rampart',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: ruleIds.map((id) => rule(id, findings.filter((f) => f.checkId === id))),
          },
        },
        taxonomies: taxonomies(findings),
        automationDetails: { id: `rampart/${report.scan.source}/${report.scan.id}` },
        invocations: [
          {
            executionSuccessful: report.scan.coverage.checkErrors.length === 0,
            startTimeUtc: report.scan.startedAt,
            endTimeUtc: report.scan.finishedAt,
            toolExecutionNotifications: report.scan.coverage.failedCalls.map((c) => ({
              level: 'warning',
              message: { text: `${c.call} failed in ${c.region}${c.errors > 1 ? ` (${c.errors} times)` : ''}: ${c.lastError ?? 'error'}` },
            })),
          },
        ],
        results: findings.map((f) => result(f, ruleIndex.get(f.checkId) as number)),
        properties: { accounts: report.scan.accounts, regions: report.scan.regions, origin: report.scan.origin },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function rule(id: string, of: Finding[]) {
  const sample = of[0] as Finding;
  const check = getCheck(id);
  // The check's own severity; for a check this build does not know (an old snapshot), its worst finding's.
  const severity = check?.severity ?? SEVERITIES.find((s) => of.some((f) => f.severity === s)) ?? sample.severity;
  const guide = sample.guideIds.map((g) => `- ${g}: ${recommendation(g)?.title ?? g}`).join('\n');
  const markdown = `${remediationMarkdown(sample.remediation)}\n\n**Securing AWS guide**\n\n${guide}`;
  return {
    id,
    name: pascal(id),
    shortDescription: { text: sample.title },
    fullDescription: { text: check?.description ?? sample.title },
    help: { text: `${sample.remediation.text}\nGuide: ${sample.guideIds.join(', ')}`, markdown },
    defaultConfiguration: { level: LEVEL[severity] },
    relationships: relationships(sample),
    properties: {
      tags: ['security', 'aws', sample.section],
      'security-severity': SECURITY_SEVERITY[severity],
      guideIds: sample.guideIds,
    },
  };
}

function result(f: Finding, ruleIndex: number) {
  const verdict = f.muted?.originalStatus ?? f.status;
  const kind = verdict === 'fail' ? 'fail' : verdict === 'unknown' ? 'open' : 'review';
  return {
    ruleId: f.checkId,
    ruleIndex,
    kind,
    level: kind === 'fail' ? LEVEL[f.severity] : 'none',
    message: { text: f.message },
    locations: [location(f)],
    partialFingerprints: { 'rampartFindingId/v1': f.id },
    ...(f.muted ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.muted.reason }] } : {}),
    properties: {
      status: f.status,
      severity: f.severity,
      resourceType: f.resourceType,
      account: f.account,
      region: f.region,
      ...(f.detail !== undefined ? { detail: f.detail } : {}),
      ...(f.muted?.expires ? { mutedUntil: f.muted.expires } : {}),
    },
  };
}

function location(f: Finding) {
  const logical = [{ name: shortName(f.resourceId), fullyQualifiedName: f.resourceId, kind: 'resource' }];
  if (!f.location) return { logicalLocations: logical };
  const path = f.location.file.replace(/\\/g, '/');
  const absolute = path.startsWith('/');
  return {
    physicalLocation: {
      artifactLocation: absolute ? { uri: `file://${encodeURI(path)}` } : { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
      ...(f.location.line >= 1 ? { region: { startLine: f.location.line } } : {}),
    },
    logicalLocations: logical,
  };
}

/** The last segment of an ARN or path, for display. */
function shortName(id: string): string {
  return id.split(/[:/]/).filter(Boolean).pop() ?? id;
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

import { demoInventory, DEMO_NOW } from '../../demo/index.js';
import { runChecks } from '../../engine/run.js';
import { ALL_CHECKS } from '../../checks/index.js';
import { demoMutelist } from '../../mutelist/index.js';
import { buildReport } from '../build.js';
import type { ScanReport } from '../model.js';
import type { Finding } from '../../engine/finding.js';

/** The demo account's report, as `rampart scan --demo` builds it (with the demo mutelist). */
export function demoReport(): ScanReport {
  const inventory = demoInventory();
  const run = runChecks(inventory, ALL_CHECKS, { now: DEMO_NOW });
  return buildReport({
    inventories: [inventory],
    runResults: [run],
    startedAt: DEMO_NOW,
    finishedAt: new Date(DEMO_NOW.getTime() + 4000),
    toolVersion: '0.0.0-test',
    mutelist: demoMutelist(),
  });
}

/** A finding with every field a test may want to vary. */
export function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: '0123456789abcdef0123',
    checkId: 's3.access-control',
    title: 'Buckets are not public',
    guideIds: ['s3.access-control'],
    section: 'S3',
    status: 'fail',
    severity: 'high',
    resourceId: 'arn:aws:s3:::northwind-assets',
    resourceType: 'AWS::S3::Bucket',
    account: '210987654321',
    region: 'us-east-1',
    message: 'Bucket northwind-assets is public.',
    remediation: { text: 'Turn on Block Public Access.', cli: 'aws s3api put-public-access-block --bucket northwind-assets' },
    ...over,
  };
}

/** A report around the given findings, for renderer tests that need exact inputs. */
export function reportOf(findings: Finding[], over: Partial<ScanReport['scan']['coverage']> = {}): ScanReport {
  return {
    schemaVersion: '1.0',
    tool: { name: 'rampart', version: '0.0.0-test' },
    scan: {
      id: 'scan-1',
      startedAt: '2026-11-20T09:35:00.000Z',
      finishedAt: '2026-11-20T09:35:04.000Z',
      source: 'aws',
      origin: 'demo',
      accounts: ['210987654321'],
      regions: ['us-east-1'],
      coverage: {
        checksRun: 1,
        checksWithNothingToInspect: [],
        checksNotApplicable: [],
        checkErrors: [],
        failedCalls: [],
        counts: { byStatus: {}, bySeverity: {} },
        ...over,
      },
    },
    findings,
  };
}

import { z } from 'zod';
import { describeMissing, type Inventory, type Trail } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { distinctTrails, trailLabel, trailResource, type UnreadRegion } from './trails.js';
import { managementCoverage } from './management-events.js';

const Options = z.object({
  /** CIS 3.1 and FSBP CloudTrail.1 want read and write management events; false accepts write-only trails. */
  requireReadEvents: z.boolean().default(true),
});
type Options = z.infer<typeof Options>;

type Verdict = { ok: true; excluded: string[] } | { ok: false; why: string } | { ok: 'unknown'; attr: Trail['status'] | Trail['eventSelectors']; what: string };

/** Whether one trail, alone, gives the account the coverage the guide asks for. */
function judge(trail: Trail, opts: Options): Verdict {
  if (!trail.isMultiRegion) return { ok: false, why: 'single-region' };
  if (trail.status.state !== 'ok') return { ok: 'unknown', attr: trail.status, what: `the status of trail ${trail.name}` };
  if (!trail.status.value.isLogging) return { ok: false, why: 'not logging' };
  if (trail.eventSelectors.state !== 'ok') return { ok: 'unknown', attr: trail.eventSelectors, what: `the event selectors of trail ${trail.name}` };
  const m = managementCoverage(trail.eventSelectors.value);
  if (!m.write && !m.read) return { ok: false, why: 'no management events' };
  if (!m.write) return { ok: false, why: 'read-only management events' };
  if (!m.read && opts.requireReadEvents) return { ok: false, why: 'write-only management events' };
  return { ok: true, excluded: m.excluded };
}

export default defineCheck({
  id: 'cloudtrail.enabled',
  title: 'A multi-region trail is logging management events',
  description:
    'Without a trail that records management events in every region, nobody can say who changed what, and an attacker can work in a region nobody watches. A trail that exists but is stopped records nothing.',
  severity: 'high',
  guideIds: ['cloudtrail.enabled'],
  needs: ['regions.*.cloudtrail.trails'],
  permissions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['3.1'], fsbp: ['CloudTrail.1'] },
  remediation: {
    text: 'Create one multi-region trail (or an organisation trail from the management account) that logs read and write management events to a dedicated bucket, and start logging. Restart any trail that was stopped, and find out who stopped it.',
    cli: 'aws cloudtrail create-trail --name main-trail --s3-bucket-name LOG_BUCKET --is-multi-region-trail --enable-log-file-validation --kms-key-id alias/cloudtrail\naws cloudtrail put-event-selectors --trail-name main-trail --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'\naws cloudtrail start-logging --name main-trail',
    cloudformation:
      'MainTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    TrailName: main-trail\n    S3BucketName: !Ref LogBucket\n    IsLogging: true\n    IsMultiRegionTrail: true\n    IncludeGlobalServiceEvents: true\n    EnableLogFileValidation: true\n    EventSelectors:\n      - ReadWriteType: All\n        IncludeManagementEvents: true',
    terraform:
      'resource "aws_cloudtrail" "main" {\n  name                          = "main-trail"\n  s3_bucket_name                = aws_s3_bucket.logs.id\n  is_multi_region_trail         = true\n  include_global_service_events = true\n  enable_log_file_validation    = true\n  enable_logging                = true\n\n  event_selector {\n    read_write_type           = "All"\n    include_management_events = true\n  }\n}',
  },
  messages: {
    covered: 'Multi-region trail {{trail}} is logging read and write management events.',
    coveredWriteOnly: 'Multi-region trail {{trail}} is logging write management events (read events are not required by this configuration).',
    coveredExcluding: 'Multi-region trail {{trail}} is logging management events, except those of {{excluded}}.',
    notCovered: 'No multi-region trail is logging management events ({{reasons}}).',
    noTrail: 'The account has no CloudTrail trail: API activity is kept only in the 90-day event history.',
    coverageUnknown: 'Could not tell whether a multi-region trail logs management events: {{why}}.',
    logging: 'Trail {{trail}} is logging.',
    stopped: 'Trail {{trail}} exists but is not logging: it records nothing.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const { trails, unread } = distinctTrails(inventory);
    const out: CheckResult[] = [];
    // A template set is not the whole account: IaC inventories get only the per-trail verdicts.
    if (inventory.meta.source === 'aws') out.push(coverage(inventory, trails, unread, options));
    // CIS 3.1 and CloudTrail.1 ask for one covering trail: only the coverage verdict speaks to them.
    // A stopped secondary trail, or a region whose list failed, is the guide's concern alone.
    const perTrail = { compliance: {} };

    // Each trail is actually on: a stopped trail is the classic first move of an intruder.
    for (const t of trails) {
      const resource = trailResource(inventory, t);
      const trail = trailLabel(inventory, t);
      if (t.status.state !== 'ok') out.push({ ...missing(resource, t.status, `the status of trail ${trail}`), ...perTrail });
      else out.push({ status: t.status.value.isLogging ? 'pass' : 'fail', resource, message: t.status.value.isLogging ? 'logging' : 'stopped', data: { trail }, ...perTrail });
    }
    // Regions whose list failed: their own single-region trails are unseen (coverage says unknown).
    for (const u of unread) out.push({ ...missing(accountResource(inventory, u.region), u.attr, `the trails of ${u.region}`), ...perTrail });
    return out;
  },
});

/** The account's verdict, from its best trail. */
function coverage(inventory: Inventory, trails: Trail[], unread: UnreadRegion[], options: Options): CheckResult {
  const resource = accountResource(inventory);
  const base = { resource, detail: 'coverage' } as const;
  const verdicts = trails.map((t) => ({ t, v: judge(t, options) }));
  const good = verdicts.find((x) => x.v.ok === true);
  if (good && good.v.ok === true) {
    const trail = trailLabel(inventory, good.t);
    const cov = good.t.eventSelectors.state === 'ok' ? managementCoverage(good.t.eventSelectors.value) : undefined;
    if (good.v.excluded.length > 0) return { ...base, status: 'pass', message: 'coveredExcluding', data: { trail, excluded: good.v.excluded.join(', ') } };
    // Write-only passes only a relaxed configuration: CIS 3.1 and CloudTrail.1 want read and write events.
    if (cov && !cov.read) return { ...base, status: 'pass', message: 'coveredWriteOnly', data: { trail }, compliance: {} };
    return { ...base, status: 'pass', message: 'covered', data: { trail } };
  }
  // A trail we could not fully read, or a region we could not list, might be the one that covers us.
  const undecided = verdicts.find((x) => x.v.ok === 'unknown');
  if (undecided && undecided.v.ok === 'unknown') return missing(resource, undecided.v.attr, undecided.v.what, 'coverage');
  if (unread[0]) {
    const why = `the trails of ${unread[0].region} could not be read (${describeMissing(unread[0].attr)})`;
    return { ...base, status: 'unknown', message: 'coverageUnknown', data: { why } };
  }
  if (trails.length === 0) return { ...base, status: 'fail', message: 'noTrail' };
  const reasons = verdicts.map((x) => `${trailLabel(inventory, x.t)}: ${x.v.ok === false ? x.v.why : 'unknown'}`).join('; ');
  return { ...base, status: 'fail', message: 'notCovered', data: { reasons } };
}

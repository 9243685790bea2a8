import { z } from 'zod';
import type { Inventory, RegionalInventory, Snapshot, Volume } from '../../inventory/index.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { defineCheck, type CheckResult, type ComplianceRefs } from '../types.js';
import { labelOf, snapshotResource, volumeResource } from './resources.js';

const Options = z.object({
  /** A volume in use must have a completed snapshot younger than this. */
  maxAgeDays: z.number().int().positive().default(7),
});
type Options = z.infer<typeof Options>;

type Msg =
  | 'recent'
  | 'stale'
  | 'none'
  | 'newVolume'
  | 'private'
  | 'shared'
  | 'public'
  | 'encrypted'
  | 'unencrypted'
  | 'missing';

const DAY_MS = 86_400_000;
const time = (iso: string | undefined): number | undefined => {
  const t = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};
const days = (ms: number): number => Math.floor(ms / DAY_MS);
/** "3 days", "1 day", "less than a day". */
const ageText = (ms: number): string => {
  const d = days(ms);
  return d === 0 ? 'less than a day' : d === 1 ? '1 day' : `${d} days`;
};

// EC2.1 is about public snapshots only: the exposure verdicts (and an unread snapshot list) speak
// to it; recency and encryption are the guide's and evidence for no control.
const EXPOSURE_DETAILS = new Set(['public', 'snapshots']);
const refsFor = (r: CheckResult<Msg>): ComplianceRefs => (r.detail !== undefined && EXPOSURE_DETAILS.has(r.detail) ? { fsbp: ['EC2.1'] } : {});

/** Snapshots that can restore the volume: finished ones (a template or old record may not say). */
const usable = (s: Snapshot): boolean => s.state === undefined || s.state === 'completed';

function judgeVolume(v: Volume, region: string, snaps: readonly Snapshot[], opts: Options, now: Date): CheckResult<Msg> {
  const resource = volumeResource(v, region);
  const detail = 'recent-snapshot';
  const data = { volume: labelOf(v), max: opts.maxAgeDays };
  const limitMs = opts.maxAgeDays * DAY_MS;
  let newest: { s: Snapshot; t: number } | undefined;
  for (const s of snaps) {
    const t = time(s.startTime);
    if (!usable(s) || t === undefined) continue;
    if (!newest || t > newest.t) newest = { s, t };
  }
  if (newest) {
    const age = now.getTime() - newest.t;
    const d = { ...data, snapshot: newest.s.id, age: ageText(age) };
    return age < limitMs ? { status: 'pass', resource, detail, message: 'recent', data: d } : { status: 'fail', resource, detail, message: 'stale', data: d };
  }
  const created = time(v.createTime);
  if (created !== undefined && now.getTime() - created < limitMs) {
    return { status: 'pass', resource, detail, message: 'newVolume', data: { ...data, age: ageText(now.getTime() - created) } };
  }
  return { status: 'fail', resource, detail, message: 'none', data };
}

function judgeSnapshot(s: Snapshot, region: string): CheckResult<Msg>[] {
  const resource = snapshotResource(s, region);
  const data = { snapshot: labelOf(s), volume: s.volumeId ?? 'an unknown volume' };
  const perm = s.createVolumePermission;
  let exposure: CheckResult<Msg>;
  if (perm.state === 'ok' && perm.value.public) {
    exposure = { status: 'fail', resource, detail: 'public', message: 'public', data, severity: 'critical' };
  } else if (perm.state === 'ok' && perm.value.accounts.length > 0) {
    exposure = { status: 'pass', resource, detail: 'public', message: 'shared', data: { ...data, accounts: perm.value.accounts.join(', ') } };
  } else if (perm.state === 'ok' || perm.state === 'absent') {
    exposure = { status: 'pass', resource, detail: 'public', message: 'private', data };
  } else {
    exposure = missing(resource, perm, `who may create volumes from snapshot ${s.id}`, 'public');
  }
  const encryption: CheckResult<Msg> = s.encrypted
    ? { status: 'pass', resource, detail: 'encryption', message: 'encrypted', data }
    : { status: 'fail', resource, detail: 'encryption', message: 'unencrypted', data };
  return [exposure, encryption];
}

function judgeRegion(inv: Inventory, region: string, r: RegionalInventory, opts: Options, now: Date): CheckResult<Msg>[] {
  const out: CheckResult<Msg>[] = [];
  const { volumes, snapshots } = r.ec2;
  // Only the account's own snapshots are its to judge, and its to restore from.
  const owned = snapshots.state === 'ok' ? snapshots.value.filter((s) => s.ownerId === inv.meta.accountId) : [];
  if (snapshots.state === 'ok') {
    for (const s of owned) out.push(...judgeSnapshot(s, region));
  } else if (snapshots.state !== 'absent') {
    out.push(missing(accountResource(inv, region), snapshots, `the EBS snapshots in ${region}`, 'snapshots'));
  }
  if (volumes.state === 'ok') {
    const inUse = volumes.value.filter((v) => v.state === 'in-use');
    // Indexed once: accounts keep tens of thousands of snapshots.
    const byVolume = new Map<string, Snapshot[]>();
    for (const s of owned) {
      if (!s.volumeId) continue;
      const list = byVolume.get(s.volumeId);
      if (list) list.push(s);
      else byVolume.set(s.volumeId, [s]);
    }
    for (const v of inUse) {
      if (snapshots.state === 'ok' || snapshots.state === 'absent') {
        out.push(judgeVolume(v, region, byVolume.get(v.id) ?? [], opts, now));
      } else {
        out.push(missing(volumeResource(v, region), snapshots, `the snapshots of volume ${labelOf(v)}`, 'recent-snapshot'));
      }
    }
  } else if (volumes.state !== 'absent') {
    // Distinct details: both lists can fail in one region, on the same account resource.
    out.push(missing(accountResource(inv, region), volumes, `the EBS volumes in ${region}`, 'volumes'));
  }
  return out;
}

export default defineCheck<Options, Msg>({
  id: 'ebs.snapshots',
  title: 'Volumes in use have recent snapshots, and no snapshot is public or unencrypted',
  description:
    'A recent snapshot is the way back after a failure, a ransomware attack or a bad deployment, and the evidence to examine after a breach. A public snapshot gives any AWS account a full copy of the disk; an unencrypted one holds the data in clear for whoever it is shared with.',
  severity: 'medium',
  guideIds: ['ebs.snapshots'],
  needs: ['regions.*.ec2.volumes', 'regions.*.ec2.snapshots'],
  permissions: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots', 'ec2:DescribeSnapshotAttribute'],
  sources: ['aws'],
  compliance: { fsbp: ['EC2.1'] },
  remediation: {
    text: 'Schedule snapshots of every volume in use with Amazon Data Lifecycle Manager or AWS Backup (daily, kept as long as recovery and forensics need). Remove public permissions from snapshots, and turn on EBS snapshot Block Public Access in each region. Replace unencrypted snapshots by encrypted copies and delete the originals.',
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id SNAPSHOT_ID --attribute createVolumePermission --operation-type remove --group-names all\naws ec2 enable-snapshot-block-public-access --state block-all-sharing --region REGION\naws ec2 copy-snapshot --source-region REGION --source-snapshot-id SNAPSHOT_ID --encrypted\naws dlm create-lifecycle-policy --description "daily EBS snapshots" --state ENABLED --execution-role-arn arn:aws:iam::ACCOUNT:role/AWSDataLifecycleManagerDefaultRole \\\n  --policy-details \'{"ResourceTypes":["VOLUME"],"TargetTags":[{"Key":"backup","Value":"daily"}],"Schedules":[{"Name":"daily","CreateRule":{"Interval":24,"IntervalUnit":"HOURS"},"RetainRule":{"Count":14}}]}\'',
    cloudformation:
      'DailySnapshots:\n  Type: AWS::DLM::LifecyclePolicy\n  Properties:\n    Description: daily EBS snapshots\n    State: ENABLED\n    ExecutionRoleArn: !Sub arn:aws:iam::${AWS::AccountId}:role/AWSDataLifecycleManagerDefaultRole\n    PolicyDetails:\n      ResourceTypes: [VOLUME]\n      TargetTags: [{ Key: backup, Value: daily }]\n      Schedules:\n        - Name: daily\n          CreateRule: { Interval: 24, IntervalUnit: HOURS }\n          RetainRule: { Count: 14 }',
    terraform:
      'resource "aws_ebs_snapshot_block_public_access" "this" {\n  state = "block-all-sharing"\n}\n\nresource "aws_dlm_lifecycle_policy" "daily" {\n  description        = "daily EBS snapshots"\n  execution_role_arn = aws_iam_role.dlm.arn\n  state              = "ENABLED"\n  policy_details {\n    resource_types = ["VOLUME"]\n    target_tags    = { backup = "daily" }\n    schedule {\n      name = "daily"\n      create_rule {\n        interval      = 24\n        interval_unit = "HOURS"\n      }\n      retain_rule {\n        count = 14\n      }\n    }\n  }\n}',
  },
  messages: {
    recent: 'Volume {{volume}} has a snapshot {{age}} old ({{snapshot}}), within the {{max}}-day limit.',
    stale: 'The newest snapshot of volume {{volume}} is {{age}} old ({{snapshot}}), older than the {{max}}-day limit.',
    none: 'Volume {{volume}} is in use and has no completed snapshot.',
    newVolume: 'Volume {{volume}} was created {{age}} ago and has no snapshot yet; it is within the {{max}}-day limit.',
    private: 'Snapshot {{snapshot}} of volume {{volume}} is not shared.',
    shared: 'Snapshot {{snapshot}} of volume {{volume}} is not public; it is shared with account(s) {{accounts}}.',
    public: 'Snapshot {{snapshot}} of volume {{volume}} is public: any AWS account can create a volume from it.',
    encrypted: 'Snapshot {{snapshot}} of volume {{volume}} is encrypted.',
    unencrypted: 'Snapshot {{snapshot}} of volume {{volume}} is not encrypted: it was taken from an unencrypted volume.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options, now }) {
    return regionsOf(inventory)
      .flatMap(([region, r]) => judgeRegion(inventory, region, r, options, now))
      .map((r) => ({ ...r, compliance: refsFor(r) }));
  },
});

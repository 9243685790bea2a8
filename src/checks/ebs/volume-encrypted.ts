import type { Inventory, RegionalInventory, Volume } from '../../inventory/index.js';
import { accountResource, forEachRegional, missing, regionsOf } from '../helpers.js';
import { defineCheck, type CheckResult, type ComplianceRefs } from '../types.js';
import { labelOf, volumeResource } from './resources.js';

type Msg = 'encrypted' | 'unencrypted' | 'templateUnencrypted' | 'defaultOn' | 'defaultOff' | 'missing';

function attachment(v: Volume): string {
  return v.attachedInstanceIds.length > 0 ? `${v.state}, attached to ${v.attachedInstanceIds.join(', ')}` : v.state;
}

// CIS 2.2.1 and EC2.7 are the region's default; EC2.3 is about attached volumes (a template's
// attachments may be declared elsewhere, so its volumes count).
const DEFAULT_REFS: ComplianceRefs = { cis: ['2.2.1'], fsbp: ['EC2.7'] };
const VOLUME_REFS: ComplianceRefs = { fsbp: ['EC2.3'] };

function volumeRefs(inv: Inventory, v: Volume): ComplianceRefs {
  return inv.meta.source !== 'aws' || v.state === 'in-use' || v.attachedInstanceIds.length > 0 ? VOLUME_REFS : {};
}

function judgeVolume(inv: Inventory, v: Volume, region: string): CheckResult<Msg>[] {
  const resource = volumeResource(v, region);
  const data = { volume: labelOf(v), attachment: attachment(v), region };
  const compliance = volumeRefs(inv, v);
  if (v.encrypted) return [{ status: 'pass', resource, message: 'encrypted', data, compliance, ...(v.kmsKeyId ? { evidence: { kmsKeyId: v.kmsKeyId } } : {}) }];
  // A template that leaves Encrypted out still gets encryption where the account turned on the default.
  if (inv.meta.source !== 'aws') return [{ status: 'fail', resource, message: 'templateUnencrypted', data, compliance }];
  return [{ status: 'fail', resource, message: 'unencrypted', data, compliance }];
}

function judgeDefault(inv: Inventory, region: string, r: RegionalInventory): CheckResult<Msg> {
  const resource = accountResource(inv, region);
  const setting = r.ec2.ebsEncryptionByDefault;
  const detail = 'encryption-by-default';
  if (setting.state === 'ok' && setting.value.enabled) return { status: 'pass', resource, detail, message: 'defaultOn', data: { region } };
  // GetEbsEncryptionByDefault always answers; `absent` can only mean "not turned on".
  if (setting.state === 'ok' || setting.state === 'absent') return { status: 'fail', resource, detail, message: 'defaultOff', data: { region } };
  return missing(resource, setting, `whether EBS encryption by default is on in ${region}`, detail);
}

export default defineCheck<Record<string, never>, Msg>({
  id: 'ebs.volume-encrypted',
  title: 'EBS volumes are encrypted, and encryption by default is on in each region',
  description:
    'EBS encryption protects data at rest, in snapshots and in transit to the instance with keys in KMS. It cannot be added to an existing volume: an unencrypted volume must be copied through an encrypted snapshot. Encryption by default makes every new volume and snapshot copy in the region encrypted, whoever creates it.',
  severity: 'medium',
  guideIds: ['ebs.volume-encrypted'],
  needs: ['regions.*.ec2.volumes', 'regions.*.ec2.ebsEncryptionByDefault'],
  permissions: ['ec2:DescribeVolumes', 'ec2:GetEbsEncryptionByDefault'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['2.2.1'], fsbp: ['EC2.3', 'EC2.7'] },
  remediation: {
    text: 'Turn on EBS encryption by default in every region you use. For each unencrypted volume: snapshot it, copy the snapshot with encryption (--encrypted, optionally your own KMS key), create a volume from the copy, and swap it in during a maintenance window; then delete the unencrypted volume and snapshots.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region REGION\naws ec2 create-snapshot --volume-id VOLUME_ID --description "before encryption"\naws ec2 copy-snapshot --source-region REGION --source-snapshot-id SNAPSHOT_ID --encrypted --kms-key-id alias/aws/ebs\naws ec2 create-volume --snapshot-id ENCRYPTED_SNAPSHOT_ID --availability-zone AZ --volume-type gp3',
    cloudformation:
      'DataVolume:\n  Type: AWS::EC2::Volume\n  Properties:\n    AvailabilityZone: !Select [0, !GetAZs ""]\n    Size: 100\n    VolumeType: gp3\n    Encrypted: true\n    KmsKeyId: !Ref DataKey   # optional; default: aws/ebs',
    terraform:
      'resource "aws_ebs_encryption_by_default" "this" {\n  enabled = true\n}\n\nresource "aws_ebs_volume" "data" {\n  availability_zone = "eu-west-1a"\n  size              = 100\n  type              = "gp3"\n  encrypted         = true\n}',
  },
  messages: {
    encrypted: 'Volume {{volume}} is encrypted ({{attachment}}).',
    unencrypted: 'Volume {{volume}} is not encrypted ({{attachment}}); encryption cannot be added in place.',
    templateUnencrypted:
      'Volume {{volume}} does not ask for encryption (Encrypted is not true): it is encrypted only if EBS encryption by default is on in {{region}} when it is created.',
    defaultOn: 'EBS encryption by default is on in {{region}}.',
    defaultOff: 'EBS encryption by default is off in {{region}}: new volumes are unencrypted unless each request asks for encryption.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    // The region-wide setting belongs to the account, not to a template: judged on live scans only.
    const defaults = inventory.meta.source === 'aws' ? regionsOf(inventory).map(([region, r]) => ({ ...judgeDefault(inventory, region, r), compliance: DEFAULT_REFS })) : [];
    const volumes = forEachRegional<Volume, Msg>(inventory, (r) => r.ec2.volumes, 'the EBS volumes', (v, region) => judgeVolume(inventory, v, region));
    // An unread volume list leaves EC2.3 unknown; the per-volume results carry their own refs.
    return [...defaults, ...volumes.map((r) => r.compliance ? r : { ...r, compliance: VOLUME_REFS })];
  },
});

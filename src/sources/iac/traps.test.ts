import { describe, expect, it } from 'vitest';
import { selectChecks } from '../../checks/index.js';
import type { Finding } from '../../engine/finding.js';
import { scanIac, PARSE_ERROR_CHECK } from './scan.js';
import { fixture, inventoryOf, list, load } from './testing.js';
import type { IacOptions } from './load.js';

const NOW = new Date('2026-06-01T00:00:00.000Z');

/** Scans fixtures with the real checks (selected by glob) and gives the findings. */
function scan(paths: string[], checks: string[], opts: Partial<IacOptions> = {}): Finding[] {
  const l = load(paths.map((p) => fixture(p)), opts);
  return scanIac(l, { checks: selectChecks(checks), now: NOW }).runResults.flatMap((r) => r.findings);
}
const brief = (fs: Finding[]) => fs.map((f) => ({ check: f.checkId, status: f.status, resource: f.resourceId, ...(f.condition ? { condition: f.condition } : {}) }));

describe('CloudFormation conditions: both branches, reported with their condition', () => {
  it('evaluates Fn::If on both branches; parameter values follow the branch taken', () => {
    const fs = scan(['cloudformation/conditions.yaml'], ['s3.block-public-access']);
    expect(brief(fs)).toEqual(
      expect.arrayContaining([
        { check: 's3.block-public-access', status: 'fail', resource: 'arn:aws:s3:::northwind-data-dev', condition: '!IsProd' },
        { check: 's3.block-public-access', status: 'pass', resource: 'arn:aws:s3:::northwind-data-prod', condition: 'IsProd' },
        { check: 's3.block-public-access', status: 'pass', resource: 'arn:aws:s3:::debugbucket', condition: 'IsDev' },
      ]),
    );
    expect(fs).toHaveLength(3);
    expect(fs.every((f) => f.location?.file === 'test/fixtures/iac/cloudformation/conditions.yaml')).toBe(true);
  });

  it('takes a condition as given when --parameters decides it', () => {
    const fs = scan(['cloudformation/conditions.yaml'], ['s3.block-public-access'], { parameters: new Map([['Env', 'prod']]) });
    expect(brief(fs)).toEqual([{ check: 's3.block-public-access', status: 'pass', resource: 'arn:aws:s3:::northwind-data-prod', condition: 'IsProd' }]);
  });

  it('reports a verdict shared by both branches once, and differing verdicts once each with ids of their own', () => {
    const fs = scan(['cloudformation/conditions-merge.yaml'], ['s3.block-public-access', 's3.acl', 'cloudtrail.log-validation']);
    const bpa = fs.filter((f) => f.checkId === 's3.block-public-access');
    expect(brief(bpa)).toEqual(
      expect.arrayContaining([
        { check: 's3.block-public-access', status: 'fail', resource: 'arn:aws:s3:::northwind-site', condition: 'HasPublicSite' },
        { check: 's3.block-public-access', status: 'pass', resource: 'arn:aws:s3:::northwind-site', condition: '!HasPublicSite' },
      ]),
    );
    expect(new Set(bpa.map((f) => f.id)).size).toBe(2);
    expect(brief(fs.filter((f) => f.checkId === 's3.acl'))).toEqual([{ check: 's3.acl', status: 'pass', resource: 'arn:aws:s3:::northwind-site' }]);
    // IsProd and IsDev compare one parameter with two values: never both true.
    expect(brief(fs.filter((f) => f.checkId === 'cloudtrail.log-validation'))).toEqual([
      { check: 'cloudtrail.log-validation', status: 'pass', resource: 'arn:aws:cloudtrail:us-east-1:000000000000:trail/ProdTrail', condition: '!IsDev && IsProd' },
    ]);
  });
});

describe('deploy-time values: never open to the world, never compliant', () => {
  it('holds a security group with a rule from a variable without default as unknown, naming the variable', () => {
    const fs = scan(['terraform/unknown-vars'], ['ec2.sg-public-restricted', 'rds.access-restricted', 'rds.storage-encrypted']);
    const sg = fs.find((f) => f.checkId === 'ec2.sg-public-restricted')!;
    expect(sg.status).toBe('unknown');
    expect(sg.message).toContain('variable "admin_cidr" has no default');
    expect(sg.message).toContain('test/fixtures/iac/terraform/unknown-vars/main.tf:2');
    expect(fs.find((f) => f.checkId === 'rds.access-restricted')!.status).toBe('unknown');
    // Encryption is known: the unknown PubliclyAccessible cannot change that verdict.
    expect(fs.find((f) => f.checkId === 'rds.storage-encrypted')!.status).toBe('pass');
  });

  it('judges the same rule once the value is given with --var', () => {
    const open = scan(['terraform/unknown-vars'], ['ec2.sg-public-restricted'], { vars: [['admin_cidr', '0.0.0.0/0']] });
    expect(brief(open)).toEqual([{ check: 'ec2.sg-public-restricted', status: 'fail', resource: 'arn:aws:ec2:us-east-1:000000000000:security-group/aws_security_group.bastion' }]);
    expect(open[0]!.severity).toBe('critical');
    const closed = scan(['terraform/unknown-vars'], ['ec2.sg-public-restricted'], { vars: [['admin_cidr', '10.20.0.0/16']] });
    expect(closed.map((f) => f.status)).toEqual(['pass']);
  });

  it('keeps an unknown count as a condition on the resource, its parts joined to it', () => {
    const fs = scan(['terraform/unknown-count'], ['s3.block-public-access']);
    expect(brief(fs)).toEqual([{ check: 's3.block-public-access', status: 'pass', resource: 'arn:aws:s3:::northwind-optional-logs', condition: 'count = var.enable_logs ? 1 : 0' }]);
    // aws_s3_bucket.logs[count.index] and logs[0] reach the one instance Rampart evaluates.
    const [bucket] = list(inventoryOf(load([fixture('terraform/unknown-count')])).s3.buckets);
    expect(bucket!.ownershipControls).toEqual({ state: 'ok', value: 'BucketOwnerPreferred' });
    expect(bucket!.acl.state === 'ok' && bucket!.acl.value.grants).toHaveLength(3);
  });
});

describe('Terraform traps', () => {
  it('joins the split S3 resources back onto their bucket', () => {
    const fs = scan(['terraform/split-s3'], ['s3.block-public-access', 's3.access-control', 's3.acl']);
    const logs = fs.filter((f) => f.resourceId === 'arn:aws:s3:::northwind-logs');
    expect(logs.map((f) => [f.checkId, f.status]).sort()).toEqual([
      ['s3.access-control', 'fail'],
      ['s3.acl', 'fail'],
      ['s3.block-public-access', 'fail'],
    ]);
    expect(logs.every((f) => f.location?.line === 6 && f.region === 'eu-west-1')).toBe(true);
    expect(fs.filter((f) => f.resourceId === 'arn:aws:s3:::northwind-access-logs').map((f) => f.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('creates nothing for count = 0, and the resource once the variable turns it on', () => {
    const off = load([fixture('terraform/count-zero')]);
    expect(list(inventoryOf(off).s3.buckets)).toEqual([]);
    expect(list(inventoryOf(off).regions['us-east-1']!.ec2.securityGroups).map((g) => g.id)).toEqual(['aws_security_group.web[0]', 'aws_security_group.web[1]']);
    const on = scan(['terraform/count-zero'], ['s3.acl'], { vars: [['create_debug_bucket', 'true']] });
    expect(brief(on)).toEqual([{ check: 's3.acl', status: 'fail', resource: 'arn:aws:s3:::northwind-debug' }]);
  });

  it('evaluates a local module called twice, each call with its own inputs', () => {
    const inv = inventoryOf(load([fixture('terraform/modules')]));
    expect(list(inv.s3.buckets).map((b) => [b.name, b.versioning, b.location])).toEqual([
      ['northwind-reports', { state: 'ok', value: { status: 'Enabled', mfaDelete: 'Disabled' } }, { file: 'test/fixtures/iac/terraform/modules/modules/bucket/main.tf', line: 10 }],
      ['northwind-scratch', { state: 'ok', value: { status: 'Suspended', mfaDelete: 'Disabled' } }, { file: 'test/fixtures/iac/terraform/modules/modules/bucket/main.tf', line: 10 }],
    ]);
  });

  it('renders aws_iam_policy_document to JSON and judges the policy it builds', () => {
    const inv = inventoryOf(load([fixture('terraform/policy-document')]));
    const admin = list(inv.iam.policies)[0]!;
    expect(admin.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' },
        { Sid: 'RequireMfaForIam', Effect: 'Deny', Action: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } },
      ],
    });
    expect(list(inv.iam.roles)[0]!.attachedManagedPolicies).toEqual([admin.arn]);
    const fs = scan(['terraform/policy-document'], ['s3.access-control']);
    // The principal is the account itself (aws_caller_identity): not public, not cross-account.
    expect(brief(fs)).toEqual([{ check: 's3.access-control', status: 'pass', resource: 'arn:aws:s3:::northwind-shared' }]);
  });

  it('reads a plan: unknown values stay unknown, references join parts to their owner', () => {
    const fs = scan(['terraform/plan/plan.json'], ['s3.block-public-access', 'ec2.sg-public-restricted', 'rds.*']);
    expect(fs.find((f) => f.checkId === 's3.block-public-access')).toMatchObject({ status: 'fail', resourceId: 'arn:aws:s3:::northwind-plan-data', location: { file: 'test/fixtures/iac/terraform/plan/plan.json', line: 12 } });
    // Port 22 is open to the world whatever the unknown CIDR of the other rule turns out to be.
    expect(fs.find((f) => f.checkId === 'ec2.sg-public-restricted')).toMatchObject({ status: 'fail', severity: 'critical' });
    expect(fs.find((f) => f.checkId === 'rds.access-restricted' && f.status === 'fail')).toMatchObject({ resourceId: 'arn:aws:rds:eu-west-1:000000000000:db:orders' });
    expect(fs.find((f) => f.checkId === 'rds.storage-encrypted')).toMatchObject({ status: 'fail' });
    expect(fs.some((f) => f.resourceId.includes('northwind-old'))).toBe(false); // being deleted
  });
});

describe('what Rampart does not expand, it says', () => {
  it('merges Terraform override files into the blocks they name', () => {
    const fs = scan(['terraform/override'], ['rds.access-restricted']);
    expect(fs.map((f) => [f.status, f.location])).toEqual([['fail', { file: 'test/fixtures/iac/terraform/override/main.tf', line: 1 }]]);
  });

  it('notes CloudFormation transforms and Fn::ForEach, and scans the rest', () => {
    const l = load([fixture('cloudformation/transform.yaml')]);
    expect(l.errors).toEqual([]);
    expect(l.notes).toEqual([
      'test/fixtures/iac/cloudformation/transform.yaml: the resources that AWS::Serverless-2016-10-31 generate exist only once the transform runs: they are not scanned',
      'test/fixtures/iac/cloudformation/transform.yaml:4: Fn::ForEach::Buckets is not expanded: the resources it generates are not scanned',
    ]);
    expect(list(inventoryOf(l).s3.buckets).map((b) => b.name)).toEqual(['northwind-plain']);
  });
});

describe('malformed files', () => {
  it('gives an error finding with file and line for each, and scans the other files', () => {
    const l = load([fixture('malformed')]);
    const { runResults } = scanIac(l, { checks: selectChecks(['s3.acl']), now: NOW });
    const all = runResults.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.checkId === PARSE_ERROR_CHECK);
    expect(errors.map((f) => [f.location?.file, f.location?.line, f.status, (f as Finding & { kind?: string }).kind]).sort()).toEqual([
      ['test/fixtures/iac/malformed/cfn/bad-ref.yaml', 10, 'unknown', 'error'],
      ['test/fixtures/iac/malformed/cfn/broken.yaml', 7, 'unknown', 'error'],
      ['test/fixtures/iac/malformed/cfn/no-type.json', 4, 'unknown', 'error'],
      ['test/fixtures/iac/malformed/plan/plan.json', 4, 'unknown', 'error'],
      ['test/fixtures/iac/malformed/tf/main.tf', 12, 'unknown', 'error'],
    ]);
    expect(errors.find((f) => f.location?.file.endsWith('main.tf'))!.message).toBe(
      'Could not read test/fixtures/iac/malformed/tf/main.tf:12: expected "," or "]" in a list. Nothing it declares was checked.',
    );
    // The readable files are still scanned, the readable resources of a partly broken template too.
    expect(all.filter((f) => f.checkId === 's3.acl').map((f) => f.resourceId).sort()).toEqual(['arn:aws:s3:::northwind-fine', 'arn:aws:s3:::northwind-still-scanned']);
  });
});

describe('CloudFormation: a deploy-time TLS policy', () => {
  it('is unknown, naming the parameter, never judged as the API default', () => {
    const fs = scan(['cloudformation/traps/listener-policy-parameter.yaml'], ['elb.tls-policy']);
    expect(fs.map((f) => f.status)).toEqual(['unknown']);
    expect(fs[0]!.message).toContain('parameter Policy has no default');
  });

  it('is judged once --parameters gives it', () => {
    const outdated = scan(['cloudformation/traps/listener-policy-parameter.yaml'], ['elb.tls-policy'], {
      parameters: new Map([['Policy', 'ELBSecurityPolicy-TLS-1-0-2015-04']]),
    });
    expect(outdated.map((f) => f.status)).toEqual(['fail']);
  });
});

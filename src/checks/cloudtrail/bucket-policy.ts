import { z } from 'zod';
import { accountOfArn, type Bucket, type Inventory, type Trail } from '../../inventory/index.js';
import {
  crossAccountGrants,
  evaluateRequest,
  isPolicyParseError,
  isPolicyPublic,
  parsePolicy,
  principalFromArn,
  type DecisionKind,
  type MaybeUnknownPolicy,
} from '../../policy/index.js';
import { defineCheck, type CheckResult, type ResourceRef } from '../types.js';
import { missing } from '../helpers.js';
import { ActionList } from '../account/privileged-actions.js';
import { listText, policyView, principalLabel, viewGap } from '../account/policy-view.js';
import { bucketResource, forEachTrailBucket, logPrefix } from './trails.js';

const Options = z.object({
  /** Calls that destroy logs, directly or by expiring them or rewriting the policy. */
  deleteActions: ActionList.default(['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:DeleteBucket', 's3:PutLifecycleConfiguration', 's3:PutBucketPolicy']),
});

/** "Suppose the other account allows it": the bucket policy alone then decides a cross-account request. */
const OTHER_SIDE = parsePolicy(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  { type: 'identity', name: "the other account's own policies (assumed to allow)" },
);

/** An object key CloudTrail writes for this account (§ "Finding your CloudTrail log files"). */
function sampleKey(trail: Trail, account: string): string {
  return `${logPrefix(trail, account)}${trail.homeRegion}/2026/01/01/${account}_CloudTrail_${trail.homeRegion}_20260101T0000Z_example.json.gz`;
}

/** Object-level actions act on keys; the rest on the bucket. */
const onObject = (action: string): boolean => /Object/.test(action);

type Verdict = DecisionKind;

/** Can CloudTrail, writing for this trail, read the bucket ACL and put a log object? */
function cloudtrailCanWrite(inv: Inventory, trail: Trail, bucket: string, policy: MaybeUnknownPolicy | undefined): Verdict {
  if (!policy) return 'implicit-deny';
  const owner = accountOfArn(trail.arn) ?? inv.meta.accountId;
  const context = { 'aws:SourceArn': trail.arn, 'aws:SourceAccount': owner, 'aws:SecureTransport': true, 's3:x-amz-acl': 'bucket-owner-full-control' };
  const principal = principalFromArn('cloudtrail.amazonaws.com');
  const acl = evaluateRequest({ principal, action: 's3:GetBucketAcl', resource: `arn:${inv.meta.partition}:s3:::${bucket}`, context }, { resource: [policy] });
  const put = evaluateRequest(
    { principal, action: 's3:PutObject', resource: `arn:${inv.meta.partition}:s3:::${bucket}/${sampleKey(trail, owner)}`, context },
    { resource: [policy] },
  );
  const order: Verdict[] = ['deny', 'implicit-deny', 'undecided', 'allow'];
  return order[Math.min(order.indexOf(acl.decision), order.indexOf(put.decision))] ?? 'undecided';
}

/** Block Public Access that neutralises a public bucket policy (bucket or account level). */
function restrictsPublic(inv: Inventory, b: Bucket): boolean {
  const own = b.publicAccessBlock.state === 'ok' && b.publicAccessBlock.value.restrictPublicBuckets;
  const acct = inv.s3.accountPublicAccessBlock;
  return own || (acct.state === 'ok' && acct.value.restrictPublicBuckets);
}

/** Principal ARNs a cross-account grant names ("111122223333", an ARN, or "aws:PrincipalAccount=111122223333"). */
function grantPrincipal(p: string, partition: string): string | undefined {
  const v = p.includes('=') && !p.startsWith('arn:') ? p.slice(p.indexOf('=') + 1) : p;
  if (/^\d{12}$/.test(v)) return `arn:${partition}:iam::${v}:root`;
  return v.startsWith('arn:') && !v.includes('*') ? v : undefined;
}

export default defineCheck({
  id: 'cloudtrail.bucket-policy',
  title: "The trail's bucket lets CloudTrail write, a few readers read, and nobody else in",
  description:
    "If logging cannot be stopped, an intruder deletes the logs. The bucket policy must let CloudTrail deliver (for this trail), must not be public, and nobody but administrators should be able to delete logs, expire them with a lifecycle rule, or rewrite the policy.",
  severity: 'high',
  guideIds: ['cloudtrail.bucket-policy'],
  needs: ['regions.*.cloudtrail.trails', 's3.buckets', 's3.accountPublicAccessBlock', 'iam.users', 'iam.groups', 'iam.roles', 'iam.policies'],
  permissions: ['cloudtrail:DescribeTrails', 's3:ListAllMyBuckets', 's3:GetBucketPolicy', 's3:GetBucketPublicAccessBlock', 's3:GetAccountPublicAccessBlock', 'iam:GetAccountAuthorizationDetails'],
  sources: ['aws'],
  remediation: {
    text: 'Give the log bucket a policy that allows cloudtrail.amazonaws.com s3:GetBucketAcl on the bucket and s3:PutObject on AWSLogs/<account>/* with s3:x-amz-acl bucket-owner-full-control, both conditioned on aws:SourceArn of the trail; grant read to the few log readers; deny s3:DeleteObject*, s3:PutLifecycleConfiguration and s3:PutBucketPolicy to everyone but an administrator role; and keep Block Public Access on.',
    cli: 'aws s3api put-bucket-policy --bucket LOG_BUCKET --policy file://cloudtrail-bucket-policy.json\naws s3api put-public-access-block --bucket LOG_BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    cloudformation:
      'LogBucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref LogBucket\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Sid: AclCheck\n          Effect: Allow\n          Principal: { Service: cloudtrail.amazonaws.com }\n          Action: s3:GetBucketAcl\n          Resource: !GetAtt LogBucket.Arn\n          Condition: { StringEquals: { "aws:SourceArn": !Sub "arn:${AWS::Partition}:cloudtrail:${AWS::Region}:${AWS::AccountId}:trail/main-trail" } }\n        - Sid: Write\n          Effect: Allow\n          Principal: { Service: cloudtrail.amazonaws.com }\n          Action: s3:PutObject\n          Resource: !Sub "${LogBucket.Arn}/AWSLogs/${AWS::AccountId}/*"\n          Condition:\n            StringEquals:\n              s3:x-amz-acl: bucket-owner-full-control\n              aws:SourceArn: !Sub "arn:${AWS::Partition}:cloudtrail:${AWS::Region}:${AWS::AccountId}:trail/main-trail"\n        - Sid: NoDeleteButAdmins\n          Effect: Deny\n          Principal: "*"\n          Action: [s3:DeleteObject, s3:DeleteObjectVersion, s3:PutLifecycleConfiguration, s3:PutBucketPolicy]\n          Resource: [!GetAtt LogBucket.Arn, !Sub "${LogBucket.Arn}/*"]\n          Condition:\n            ArnNotLike: { "aws:PrincipalArn": !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/LogAdmin" }',
    terraform:
      'data "aws_iam_policy_document" "logs" {\n  statement {\n    sid       = "AclCheck"\n    actions   = ["s3:GetBucketAcl"]\n    resources = [aws_s3_bucket.logs.arn]\n    principals {\n      type        = "Service"\n      identifiers = ["cloudtrail.amazonaws.com"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceArn"\n      values   = [local.trail_arn]\n    }\n  }\n  statement {\n    sid       = "Write"\n    actions   = ["s3:PutObject"]\n    resources = ["${aws_s3_bucket.logs.arn}/AWSLogs/${data.aws_caller_identity.me.account_id}/*"]\n    principals {\n      type        = "Service"\n      identifiers = ["cloudtrail.amazonaws.com"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "s3:x-amz-acl"\n      values   = ["bucket-owner-full-control"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "aws:SourceArn"\n      values   = [local.trail_arn]\n    }\n  }\n}\nresource "aws_s3_bucket_policy" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  policy = data.aws_iam_policy_document.logs.json\n}',
  },
  messages: {
    writes: 'Bucket {{bucket}} lets CloudTrail deliver the logs of {{trails}}.',
    cannotWrite: 'Bucket {{bucket}} does not let CloudTrail deliver the logs of trail {{trail}} ({{why}}): logging fails.',
    writeUndecided: 'Could not decide whether bucket {{bucket}} lets CloudTrail deliver the logs of trail {{trail}}: {{why}}.',
    notPublic: 'The policy of bucket {{bucket}} grants nothing to the public.',
    public: 'The policy of bucket {{bucket}} is public: {{why}}.',
    publicBlocked: 'The policy of bucket {{bucket}} is public ({{why}}), but Block Public Access (RestrictPublicBuckets) keeps the public out.',
    publicUndecided: 'Could not decide whether the policy of bucket {{bucket}} is public: {{why}}.',
    onlyAdmins: 'Only administrators can delete or expire the logs in bucket {{bucket}} ({{principals}}).',
    nobodyDeletes: 'No IAM principal of the account can delete or expire the logs in bucket {{bucket}}.',
    deleters: 'In bucket {{bucket}}, {{principals}} can delete or expire logs ({{actions}}) without being administrators.',
    deleteUndecided: 'Could not decide who can delete the logs in bucket {{bucket}}: {{why}}.',
    elsewhere: 'Bucket {{bucket}} (trail {{trails}}) is not among this account\'s buckets (an organisation trail or another account\'s log archive): scan that account to judge its policy.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const owner = inventory.meta.accountId;
    const partition = inventory.meta.partition;
    const pv = policyView(inventory);
    return forEachTrailBucket(inventory, ({ name, bucket, trails, trailList, elsewhere, unreadList }): CheckResult[] => {
      const resource: ResourceRef = bucketResource(inventory, name, bucket);
      if (unreadList) return [missing(resource, unreadList, `bucket ${name}`)];
      if (elsewhere || !bucket) return [{ status: 'unknown', resource, message: 'elsewhere', data: { bucket: name, trails } }];
      const pol = bucket.policy;
      if (pol.state !== 'ok' && pol.state !== 'absent') return [missing(resource, pol, `the policy of bucket ${name}`)];
      const doc = pol.state === 'ok' ? pol.value : undefined;
      const parsed = doc ? parsePolicy(doc, { type: 'resource', name: `bucket policy of ${name}`, attachedTo: resource.id }) : undefined;
      const policy: MaybeUnknownPolicy | undefined = parsed && isPolicyParseError(parsed) ? { source: { type: 'resource', name: `bucket policy of ${name}` }, unknownBecause: parsed.message } : parsed;
      const out: CheckResult[] = [];

      // 1. CloudTrail may write, for every trail that delivers here.
      // A policy AWS would refuse to parse is read as neither open nor closed: the engine says 'undecided'.
      const unreadable = policy && 'unknownBecause' in policy ? policy.unknownBecause : undefined;
      const blocked: Array<{ trail: Trail; v: Verdict }> = [];
      for (const t of trailList) {
        const v = cloudtrailCanWrite(inventory, t, name, policy);
        if (v !== 'allow') blocked.push({ trail: t, v });
      }
      const first = blocked[0];
      if (!first) out.push({ status: 'pass', resource, message: 'writes', data: { bucket: name, trails }, detail: 'write' });
      else if (first.v === 'undecided' || first.trail.isOrganizationTrail) {
        const why = unreadable
          ? `the policy cannot be read (${unreadable})`
          : first.trail.isOrganizationTrail
            ? 'an organisation trail writes under AWSLogs/<organisation id>/, which the inventory does not record'
            : "the policy's conditions could not be evaluated";
        out.push({ status: 'unknown', resource, message: 'writeUndecided', data: { bucket: name, trail: first.trail.name, why }, detail: 'write' });
      } else {
        const why = !policy ? 'the bucket has no policy' : first.v === 'deny' ? 'a statement denies it' : 'no statement allows it';
        out.push({ status: 'fail', resource, message: 'cannotWrite', data: { bucket: name, trail: first.trail.name, why }, detail: 'write', severity: 'critical' });
      }

      // 2. Nobody public gets in.
      if (!doc) out.push({ status: 'pass', resource, message: 'notPublic', data: { bucket: name }, detail: 'public' });
      else {
        const pub = isPolicyPublic(doc, { ownerAccount: owner });
        // Name only the statements that make it public; when undecided, the engine's reasons say why.
        const why = pub.statements.length
          ? listText(pub.statements.map((st) => `statement ${st.index}${st.sid ? ` (${st.sid})` : ''}: ${st.why.join('; ')}`), 3)
          : listText(pub.reasons, 3);
        if (pub.public === 'undecided') out.push({ status: 'unknown', resource, message: 'publicUndecided', data: { bucket: name, why }, detail: 'public' });
        else if (!pub.public) out.push({ status: 'pass', resource, message: 'notPublic', data: { bucket: name }, detail: 'public' });
        else if (restrictsPublic(inventory, bucket)) out.push({ status: 'pass', resource, message: 'publicBlocked', data: { bucket: name, why }, detail: 'public', severity: 'low' });
        else out.push({ status: 'fail', resource, message: 'public', data: { bucket: name, why }, detail: 'public', severity: 'critical' });
      }

      // 3. No principal but administrators may delete: this account's users and roles, then other accounts the policy names.
      const objectArn = `arn:${partition}:s3:::${name}/${trailList[0] ? sampleKey(trailList[0], owner) : 'AWSLogs/'}`;
      const bucketArn = `arn:${partition}:s3:::${name}`;
      const deleters = new Map<string, Set<string>>();
      const admins = new Set<string>();
      const undecided: string[] = [];
      for (const action of options.deleteActions) {
        const target = onObject(action) ? objectArn : bucketArn;
        for (const r of pv.who({ action, resource: target, resourceAccount: owner, ...(doc ? { resourcePolicy: doc } : {}) })) {
          const can = r.allowedWithMfa === true || r.allowedWithoutMfa === true;
          const admin = pv.admin(r.principal);
          if (can && admin === true) admins.add(principalLabel(r));
          else if (can && admin === false) deleters.set(principalLabel(r), (deleters.get(principalLabel(r)) ?? new Set()).add(action));
          else undecided.push(`${principalLabel(r)}: ${(r.undecidedBecause ?? ['undecided']).join('; ')}`);
        }
        if (!doc || !policy || 'unknownBecause' in policy || isPolicyParseError(OTHER_SIDE)) continue;
        for (const g of crossAccountGrants(doc, { ownerAccount: owner })) {
          for (const p of g.principals) {
            const arn = grantPrincipal(p, partition);
            if (!arn) continue;
            const d = evaluateRequest({ principal: principalFromArn(arn), action, resource: target, resourceAccount: owner, missingKeys: 'unknown' }, { identity: [OTHER_SIDE], resource: [policy] });
            const label = `account ${g.account} (${arn})`;
            if (d.decision === 'allow') deleters.set(label, (deleters.get(label) ?? new Set()).add(action));
            else if (d.decision === 'undecided') undecided.push(`${label}: ${(d.undecidedBecause ?? ['undecided']).join('; ')}`);
          }
        }
      }
      const gap = viewGap(pv);
      // First: every principal's 'undecided' then has this one cause.
      if (unreadable) undecided.unshift(`the bucket policy cannot be read (${unreadable}), and it may grant deletes`);
      if (deleters.size > 0) {
        const actions = [...new Set([...deleters.values()].flatMap((s) => [...s]))];
        out.push({ status: 'fail', resource, message: 'deleters', data: { bucket: name, principals: listText([...deleters.keys()]), actions: actions.join(', ') }, detail: 'delete' });
      } else if (undecided.length > 0 || gap) {
        out.push({ status: 'unknown', resource, message: 'deleteUndecided', data: { bucket: name, why: listText([...(gap ? [gap] : []), ...new Set(undecided)], 3) }, detail: 'delete' });
      } else if (admins.size > 0) out.push({ status: 'pass', resource, message: 'onlyAdmins', data: { bucket: name, principals: listText([...admins]) }, detail: 'delete' });
      else out.push({ status: 'pass', resource, message: 'nobodyDeletes', data: { bucket: name }, detail: 'delete' });
      return out;
    });
  },
});

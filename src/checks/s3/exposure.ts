import { ALL_USERS_URI, AUTHENTICATED_USERS_URI, describeMissing, type Attr, type Bucket, type Inventory } from '../../inventory/index.js';
import { isPolicyPublic, type PublicResult } from '../../policy/index.js';
import { effectiveSetting, type EffectiveSetting } from './public-access-block.js';

/** What the policy engine and AWS say about a bucket policy. */
export type PolicyVerdict =
  | { kind: 'none' }
  | { kind: 'unread'; attr: Attr<unknown> }
  | { kind: 'undecided'; result: PublicResult }
  | { kind: 'decided'; result: PublicResult; publicByEngine: boolean; publicByAws: boolean | undefined };

export type DecidedVerdict = Extract<PolicyVerdict, { kind: 'decided' }>;

export function policyVerdict(inv: Inventory, b: Bucket): PolicyVerdict {
  if (b.policy.state === 'absent') return { kind: 'none' };
  if (b.policy.state !== 'ok') return { kind: 'unread', attr: b.policy };
  const result = isPolicyPublic(b.policy.value, { ownerAccount: inv.meta.accountId });
  if (result.public === 'undecided') return { kind: 'undecided', result };
  const status = b.policyStatus;
  return { kind: 'decided', result, publicByEngine: result.public, publicByAws: status.state === 'ok' ? status.value.isPublic : undefined };
}

/** Is the bucket open to the public right now, through its policy or its ACL, after Block Public Access? */
export type BucketExposure =
  | { public: true; how: string }
  | { public: false }
  | { public: undefined; what: string; why: string };

function publicAcl(b: Bucket): boolean | undefined {
  if (b.ownershipControls.state === 'ok' && b.ownershipControls.value === 'BucketOwnerEnforced') return false;
  if (b.acl.state !== 'ok') return undefined;
  return b.acl.value.grants.some((g) => g.grantee.uri === ALL_USERS_URI || g.grantee.uri === AUTHENTICATED_USERS_URI);
}

/** Applies a neutralising Block Public Access setting to a grant that is (or may be) public. */
function after(grant: boolean | undefined, setting: EffectiveSetting): boolean | undefined {
  if (grant === false || setting.on === true) return false;
  if (grant === undefined || setting.on === undefined) return undefined;
  return true;
}

export function bucketExposure(inv: Inventory, b: Bucket): BucketExposure {
  const restrict = effectiveSetting(inv, b, 'restrictPublicBuckets');
  const ignore = effectiveSetting(inv, b, 'ignorePublicAcls');
  const v = policyVerdict(inv, b);
  const policyPublic = v.kind === 'none' ? false : v.kind === 'decided' ? v.publicByEngine || v.publicByAws === true : undefined;
  const viaPolicy = after(policyPublic, restrict);
  const viaAcl = after(publicAcl(b), ignore);
  if (viaPolicy === true) return { public: true, how: 'its bucket policy' };
  if (viaAcl === true) return { public: true, how: 'its ACL' };
  if (viaPolicy === undefined) {
    if (v.kind === 'unread') return { public: undefined, what: `the bucket policy of ${b.name}`, why: describeMissing(v.attr) };
    if (v.kind === 'undecided') {
      return { public: undefined, what: `whether the policy of bucket ${b.name} is public`, why: `the policy engine could not decide: ${v.result.reasons.join('; ')}` };
    }
    if (restrict.on === undefined) return { public: undefined, what: `whether RestrictPublicBuckets covers bucket ${b.name}`, why: describeMissing(restrict.unread) };
  }
  if (viaAcl === undefined) {
    if (ignore.on === undefined && publicAcl(b) !== undefined) return { public: undefined, what: `whether IgnorePublicAcls covers bucket ${b.name}`, why: describeMissing(ignore.unread) };
    return { public: undefined, what: `the ACL of bucket ${b.name}`, why: describeMissing(b.acl) };
  }
  return { public: false };
}

/**
 * Benchmarks of the policy engine's who-can.
 * - benchWhoCan: a synthetic IAM of 10,000 principals with 50 policies each (45 managed policies
 *   drawn from a pool of 1,000, 5 inline policies of their own), plus groups and permissions
 *   boundaries. Times a cold query (parsing included) and a warm one. The first call in a
 *   process is the figure that counts (JIT cold, as in a CLI run): run one per process.
 * - benchDnsLimitAccess / benchDnsEngine: route53.limit-access on 2,000 users, 500 roles and 50
 *   zones, and the same questions asked zone by zone (whoCan) or all at once (whoCanMany).
 */
import { createHash } from 'node:crypto';
import { buildInventory } from '../src/inventory/build.js';
import { ok, type Inventory } from '../src/inventory/index.js';
import { iamViewFromInventory, prepareIamView, whoCan, whoCanMany, type IamView, type IamViewPolicy, type IamViewUser, type IamViewRole } from '../src/policy/index.js';

const ACCOUNT = '123456789012';
const SERVICES = ['s3', 'ec2', 'iam', 'sqs', 'sns', 'dynamodb', 'lambda', 'kms', 'logs', 'cloudwatch'];
const VERBS = ['Get', 'List', 'Put', 'Delete', 'Describe', 'Create', 'Update'];

/** A small deterministic PRNG so every run builds the same view. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function policyDoc(r: () => number, i: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const statements: Record<string, unknown>[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const svc = pick(SERVICES);
    const st: Record<string, unknown> = {
      Sid: `S${i}x${k}`,
      Effect: r() < 0.1 ? 'Deny' : 'Allow',
      Action: [`${svc}:${pick(VERBS)}*`, `${pick(SERVICES)}:${pick(VERBS)}${pick(['Object', 'Item', 'Bucket', 'Queue'])}`],
      Resource: r() < 0.5 ? '*' : `arn:aws:${svc}:us-east-1:${ACCOUNT}:thing-${i}-${k}/*`,
    };
    const roll = r();
    if (roll < 0.15) st.Condition = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    else if (roll < 0.2) st.Condition = { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } };
    else if (roll < 0.23) st.Resource = `arn:aws:s3:::home/\${aws:username}/*`;
    statements.push(st);
  }
  return { Version: '2012-10-17', Statement: statements };
}

export function buildView(principals = 10_000, perPrincipal = 50): IamView {
  const r = rng(42);
  const pool: IamViewPolicy[] = Array.from({ length: 1000 }, (_, i) => ({
    name: `Managed${i}`,
    arn: `arn:aws:iam::${ACCOUNT}:policy/Managed${i}`,
    kind: 'managed',
    document: policyDoc(r, i),
  }));
  const policiesFor = (owner: number): IamViewPolicy[] => {
    const out: IamViewPolicy[] = [];
    for (let k = 0; k < perPrincipal - 5; k++) out.push(pool[Math.floor(r() * pool.length)] as IamViewPolicy);
    for (let k = 0; k < 5; k++) out.push({ name: `inline-${owner}-${k}`, kind: 'inline', document: policyDoc(r, 10_000 + owner * 5 + k) });
    return out;
  };
  const groups = Array.from({ length: 50 }, (_, g) => ({
    arn: `arn:aws:iam::${ACCOUNT}:group/g${g}`,
    name: `g${g}`,
    policies: [pool[g] as IamViewPolicy, pool[g + 100] as IamViewPolicy],
  }));
  const boundary: IamViewPolicy = {
    name: 'Boundary',
    arn: `arn:aws:iam::${ACCOUNT}:policy/Boundary`,
    kind: 'managed',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:*', 'sqs:*'], Resource: '*' }] },
  };
  const users: IamViewUser[] = [];
  const roles: IamViewRole[] = [];
  for (let i = 0; i < principals; i++) {
    if (i % 2 === 0) {
      const u: IamViewUser = {
        arn: `arn:aws:iam::${ACCOUNT}:user/u${i}`,
        name: `u${i}`,
        policies: policiesFor(i),
        groups: [`g${i % 50}`],
      };
      if (i % 10 === 0) u.permissionsBoundary = boundary;
      users.push(u);
    } else {
      roles.push({ arn: `arn:aws:iam::${ACCOUNT}:role/r${i}`, name: `r${i}`, policies: policiesFor(i) });
    }
  }
  return { accountId: ACCOUNT, users, groups, roles };
}

/**
 * `ms`: the first query on a fresh view, parsing of all 51,000 distinct documents included.
 * `warmMs`: a second query (another action) on the same view, policies already parsed.
 */
export async function benchWhoCan(): Promise<{ name: string; ms: number; cpuMs: number; warmMs: number; principals: number; policiesPerPrincipal: number; allowed: number }> {
  const view = buildView();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const res = whoCan(view, { action: 's3:GetObject', resource: 'arn:aws:s3:::home/u0/report.csv', missingKeys: 'absent' });
  const t1 = performance.now();
  const used = process.cpuUsage(cpu);
  whoCan(view, { action: 'ec2:DescribeInstances', missingKeys: 'absent' });
  const t2 = performance.now();
  return {
    name: 'policy: who-can over 10,000 principals x 50 policies',
    ms: Math.round(t1 - t0),
    // CPU time of the cold query (all threads, garbage collection included): steadier than wall time on a busy machine.
    cpuMs: Math.round((used.user + used.system) / 1000),
    warmMs: Math.round(t2 - t1),
    principals: view.users.length + view.roles.length,
    policiesPerPrincipal: 50,
    allowed: res.filter((x) => x.allowedWithMfa === true || x.allowedWithoutMfa === true).length,
  };
}

// --- route53.limit-access over many zones ---------------------------------------------------

const ZONES = 50;
const zoneArn = (z: number): string => `arn:aws:route53:::hostedzone/Z${String(z).padStart(4, '0')}`;

/** A route53-flavoured policy: read-only, one zone, every zone, a Deny on a zone, MFA-bound, or another service. */
function dnsPolicyDoc(r: () => number, i: number): Record<string, unknown> {
  const roll = r();
  const zone = zoneArn(Math.floor(r() * ZONES));
  const st = (o: Record<string, unknown>): Record<string, unknown> => ({ Version: '2012-10-17', Statement: [{ Sid: `P${i}`, Effect: 'Allow', Resource: '*', ...o }] });
  if (roll < 0.3) return st({ Action: ['route53:Get*', 'route53:List*'] });
  if (roll < 0.4) return st({ Action: 'route53:ChangeResourceRecordSets', Resource: zone });
  if (roll < 0.43) return st({ Action: 'route53:*' });
  if (roll < 0.45) return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'route53:*', Resource: '*' }, { Effect: 'Deny', Action: 'route53:*', Resource: zone }] };
  if (roll < 0.47) return st({ Action: 'route53:ChangeResourceRecordSets', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
  return st({ Action: [`${SERVICES[i % SERVICES.length] as string}:${VERBS[i % VERBS.length] as string}*`] });
}

/**
 * The inventory of route53.limit-access's benchmark: `users` users, `roles` roles, `zones` hosted
 * zones; 300 customer managed policies, 20 groups, about 1 % administrators.
 */
export function buildDnsInventory(users = 2000, roles = 500, zones = ZONES): Inventory {
  const r = rng(7);
  const policyArn = (i: number): string => `arn:aws:iam::${ACCOUNT}:policy/Dns${i}`;
  const policies = Array.from({ length: 300 }, (_, i) => ({ arn: policyArn(i), name: `Dns${i}`, awsManaged: false, document: dnsPolicyDoc(r, i) }));
  policies.push({ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess', awsManaged: true, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } });
  const attached = (): string[] => Array.from({ length: 5 }, () => policyArn(Math.floor(r() * 300)));
  const inline = (owner: string) => [{ name: `${owner}-own`, document: dnsPolicyDoc(r, 1000 + Math.floor(r() * 1000)) }];
  const admin = (): string[] => (r() < 0.01 ? ['arn:aws:iam::aws:policy/AdministratorAccess'] : []);
  const groups = Array.from({ length: 20 }, (_, g) => ({ arn: `arn:aws:iam::${ACCOUNT}:group/g${g}`, name: `g${g}`, attachedManagedPolicies: [policyArn(g), policyArn(g + 20)], inlinePolicies: [] }));
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
  const userList = Array.from({ length: users }, (_, i) => ({
    arn: `arn:aws:iam::${ACCOUNT}:user/u${i}`,
    name: `u${i}`,
    groups: [`g${i % 20}`],
    attachedManagedPolicies: [...attached(), ...admin()],
    inlinePolicies: inline(`u${i}`),
  }));
  const roleList = Array.from({ length: roles }, (_, i) => ({
    arn: `arn:aws:iam::${ACCOUNT}:role/r${i}`,
    name: `r${i}`,
    assumeRolePolicy: trust,
    attachedManagedPolicies: [...attached(), ...admin()],
    inlinePolicies: inline(`r${i}`),
  }));
  const hostedZones = Array.from({ length: zones }, (_, z) => ({ id: zoneArn(z).slice(zoneArn(z).lastIndexOf('/') + 1), arn: zoneArn(z), name: `zone${z}.example.`, private: false, records: ok([]) }));
  return buildInventory([{ iam: { users: ok(userList), groups: ok(groups), roles: ok(roleList), policies: ok(policies) }, route53: { hostedZones: ok(hostedZones) } }], { accountId: ACCOUNT });
}

/** route53.limit-access on a fresh inventory (its policy view and who-can answers are built inside). */
export async function benchDnsLimitAccess(): Promise<{ name: string; ms: number; cpuMs: number; findings: number; fails: number; digest: string }> {
  const { default: check } = await import('../src/checks/route53/limit-access.js');
  const inventory = buildDnsInventory();
  const options = check.options?.parse({}) ?? { actions: [], maxPrincipals: 0 };
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const results = check.evaluate({ inventory, options, now: new Date('2026-01-01T00:00:00Z') });
  const t1 = performance.now();
  const used = process.cpuUsage(cpu);
  return {
    name: 'route53.limit-access: 2,000 users, 500 roles, 50 zones',
    ms: Math.round(t1 - t0),
    cpuMs: Math.round((used.user + used.system) / 1000),
    findings: results.length,
    fails: results.filter((x) => x.status === 'fail').length,
    // Same digest before and after a change: the findings did not move.
    digest: createHash('sha256').update(JSON.stringify(results)).digest('hex').slice(0, 12),
  };
}

/**
 * The same questions at the engine level, on one prepared view: route53.limit-access's zone
 * actions asked zone by zone with whoCan, then all at once with whoCanMany.
 */
export function benchDnsEngine(): { name: string; zoneByZoneMs: number; manyMs: number; sameAnswers: boolean } {
  const inventory = buildDnsInventory();
  const view = iamViewFromInventory(inventory);
  prepareIamView(view);
  const actions = ['route53:ChangeResourceRecordSets', 'route53:DeleteHostedZone'];
  const zones = Array.from({ length: ZONES }, (_, z) => zoneArn(z));
  const t0 = performance.now();
  const one = actions.flatMap((action) => zones.map((resource) => whoCan(view, { action, resource })));
  const t1 = performance.now();
  const many = whoCanMany(view, actions, zones);
  const t2 = performance.now();
  const digest = (xs: unknown): string => createHash('sha256').update(JSON.stringify(xs)).digest('hex');
  return {
    name: 'who-can: 2 actions x 50 zones over 2,500 principals',
    zoneByZoneMs: Math.round(t1 - t0),
    manyMs: Math.round(t2 - t1),
    sameAnswers: digest(one) === digest(many.map((e) => e.results)),
  };
}

// Run directly: `npx tsx bench/policy-who-can.ts` (runs after the first reuse a warm JIT: their
// median is lower than a CLI's first query; start one process per run for that figure).
if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await benchWhoCan());
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  console.log({
    ...runs[0],
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    warmMs: median(runs.map((r) => r.warmMs)),
    runs: runs.map((r) => [r.ms, r.cpuMs, r.warmMs]),
  });
  console.log(await benchDnsLimitAccess());
  console.log(benchDnsEngine());
}

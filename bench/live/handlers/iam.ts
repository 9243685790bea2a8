import { awsError } from '../aws-errors.js';
import { pastDate, str, strings, type HandlerContext, type HandlerTable } from './types.js';

/** IAM returns policy documents URL-encoded (RFC 3986). */
const doc = (statements: unknown[]) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }));

const SERVICES = ['s3', 'ec2', 'dynamodb', 'sqs', 'sns', 'lambda', 'logs', 'kms', 'cloudwatch', 'ssm'];

function statements(ctx: HandlerContext, kind: string, i: number, n: number) {
  const a = ctx.account;
  return Array.from({ length: n }, (_, k) => {
    const svc = SERVICES[a.hash('svc', kind, i, k) % SERVICES.length] ?? 's3';
    return {
      Sid: `S${k}`,
      Effect: a.roll('deny', kind, i, k) < 0.1 ? 'Deny' : 'Allow',
      Action: [`${svc}:Get*`, `${svc}:List*`, `${svc}:Describe*`],
      Resource: a.roll('star', kind, i, k) < 0.5 ? '*' : `arn:aws:${svc}:*:${a.id}:${kind}-${i}-${k}/*`,
      ...(a.roll('mfa', kind, i, k) < 0.1 ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
    };
  });
}

/** The order GetAccountAuthorizationDetails pages in, and how many of each the account has. */
function entityRanges(ctx: HandlerContext, filter: string[]) {
  const g = ctx.account.spec.global;
  const all: Array<[string, number]> = [
    ['User', g.users],
    ['Group', g.groups],
    ['Role', g.roles],
    ['LocalManagedPolicy', g.customerPolicies],
    ['AWSManagedPolicy', g.awsManagedPolicies],
  ];
  return all.filter(([t]) => filter.length === 0 || filter.includes(t));
}

const ATTACHED_AWS_POLICIES = 0.1;

function awsPolicyArn(q: number) {
  return `arn:aws:iam::aws:policy/Managed${q}Access`;
}

function attachedTo(ctx: HandlerContext, kind: string, i: number) {
  const a = ctx.account;
  const g = a.spec.global;
  const out: Array<{ PolicyName: string; PolicyArn: string }> = [];
  const n = a.hash('att', kind, i) % 3;
  for (let k = 0; k < n; k++) {
    if (a.roll('attkind', kind, i, k) < 0.5 && g.customerPolicies > 0) {
      const p = a.hash('cp', kind, i, k) % g.customerPolicies;
      out.push({ PolicyName: `policy-${p}`, PolicyArn: `arn:aws:iam::${a.id}:policy/policy-${p}` });
    } else if (g.awsManagedPolicies > 0) {
      const q = a.hash('ap', kind, i, k) % Math.max(1, Math.floor(g.awsManagedPolicies * ATTACHED_AWS_POLICIES));
      out.push({ PolicyName: `Managed${q}Access`, PolicyArn: awsPolicyArn(q) });
    }
  }
  return out;
}

function entity(ctx: HandlerContext, type: string, i: number): [string, Record<string, unknown>] {
  const a = ctx.account;
  const g = a.spec.global;
  const created = pastDate(a, type, i);
  switch (type) {
    case 'User':
      return [
        'UserDetailList',
        {
          UserName: `user-${i}`,
          UserId: `AIDA${a.rid('u', 'iam', i).slice(2).toUpperCase()}`,
          Arn: `arn:aws:iam::${a.id}:user/user-${i}`,
          Path: '/',
          CreateDate: created,
          UserPolicyList: a.roll('uinline', i) < 0.1 ? [{ PolicyName: 'inline', PolicyDocument: doc(statements(ctx, 'user', i, 2)) }] : [],
          GroupList: g.groups > 0 ? [`group-${i % g.groups}`] : [],
          AttachedManagedPolicies: attachedTo(ctx, 'user', i),
          Tags: [{ Key: 'team', Value: `team-${i % 12}` }],
          ...(a.roll('boundary', i) < 0.05 && g.customerPolicies > 0
            ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: `arn:aws:iam::${a.id}:policy/policy-0` } }
            : {}),
        },
      ];
    case 'Group':
      return [
        'GroupDetailList',
        {
          GroupName: `group-${i}`,
          GroupId: `AGPA${a.rid('g', 'iam', i).slice(2).toUpperCase()}`,
          Arn: `arn:aws:iam::${a.id}:group/group-${i}`,
          Path: '/',
          CreateDate: created,
          GroupPolicyList: a.roll('ginline', i) < 0.2 ? [{ PolicyName: 'inline', PolicyDocument: doc(statements(ctx, 'group', i, 3)) }] : [],
          AttachedManagedPolicies: attachedTo(ctx, 'group', i),
        },
      ];
    case 'Role':
      return [
        'RoleDetailList',
        {
          RoleName: `role-${i}`,
          RoleId: `AROA${a.rid('r', 'iam', i).slice(2).toUpperCase()}`,
          Arn: `arn:aws:iam::${a.id}:role/role-${i}`,
          Path: i % 10 === 0 ? '/service-role/' : '/',
          CreateDate: created,
          AssumeRolePolicyDocument: doc([
            { Effect: 'Allow', Principal: i % 4 === 0 ? { AWS: `arn:aws:iam::${a.id}:root` } : { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ]),
          RolePolicyList: a.roll('rinline', i) < 0.3 ? [{ PolicyName: 'inline', PolicyDocument: doc(statements(ctx, 'role', i, 3)) }] : [],
          AttachedManagedPolicies: attachedTo(ctx, 'role', i),
          Tags: [],
          RoleLastUsed: a.roll('used', i) < 0.8 ? { LastUsedDate: pastDate(a, 'used', i), Region: 'us-east-1' } : {},
        },
      ];
    case 'LocalManagedPolicy':
      return [
        'Policies',
        {
          PolicyName: `policy-${i}`,
          PolicyId: `ANPA${a.rid('p', 'iam', i).slice(2).toUpperCase()}`,
          Arn: `arn:aws:iam::${a.id}:policy/policy-${i}`,
          Path: '/',
          DefaultVersionId: 'v2',
          AttachmentCount: a.hash('pc', i) % 5,
          PermissionsBoundaryUsageCount: i === 0 ? 1 : 0,
          IsAttachable: true,
          CreateDate: created,
          UpdateDate: created,
          PolicyVersionList: [
            { Document: doc(statements(ctx, 'policy', i, 4)), VersionId: 'v2', IsDefaultVersion: true, CreateDate: created },
            { Document: doc(statements(ctx, 'policy-old', i, 2)), VersionId: 'v1', IsDefaultVersion: false, CreateDate: created },
          ],
        },
      ];
    default: {
      const attached = i < Math.max(1, Math.floor(g.awsManagedPolicies * ATTACHED_AWS_POLICIES));
      const versions = 1 + (a.hash('av', i) % 3);
      return [
        'Policies',
        {
          PolicyName: `Managed${i}Access`,
          PolicyId: `ANPA${a.rid('q', 'iam', i).slice(2).toUpperCase()}`,
          Arn: awsPolicyArn(i),
          Path: '/',
          DefaultVersionId: `v${versions}`,
          AttachmentCount: attached ? 1 + (a.hash('aac', i) % 20) : 0,
          PermissionsBoundaryUsageCount: 0,
          IsAttachable: true,
          CreateDate: created,
          UpdateDate: created,
          PolicyVersionList: Array.from({ length: versions }, (_, v) => ({
            Document: doc(statements(ctx, 'aws', i * 10 + v, 5)),
            VersionId: `v${v + 1}`,
            IsDefaultVersion: v + 1 === versions,
            CreateDate: created,
          })),
        },
      ];
    }
  }
}

const REPORT_COLUMNS =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

function credentialReport(ctx: HandlerContext): Uint8Array {
  const a = ctx.account;
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const lines = [REPORT_COLUMNS];
  lines.push(`<root_account>,arn:aws:iam::${a.id}:root,${iso(pastDate(a, 'root'))},not_supported,N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`);
  for (let u = 0; u < a.spec.global.users; u++) {
    const pw = a.roll('pw', u) < 0.4;
    const key = a.roll('key', u) < 0.6;
    const mfa = u < a.spec.global.mfaDevices;
    const d = iso(pastDate(a, 'rep', u));
    lines.push(
      [
        `user-${u}`,
        `arn:aws:iam::${a.id}:user/user-${u}`,
        d,
        pw,
        pw ? d : 'N/A',
        pw ? d : 'N/A',
        'N/A',
        mfa,
        key,
        key ? d : 'N/A',
        key ? d : 'N/A',
        key ? 'us-east-1' : 'N/A',
        key ? 's3' : 'N/A',
        false,
        'N/A',
        'N/A',
        'N/A',
        'N/A',
        false,
        'N/A',
        false,
        'N/A',
      ].join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function reportReady(ctx: HandlerContext): boolean {
  const at = ctx.state.reportRequestedAt;
  return at !== undefined && ctx.elapsedMs() - at >= ctx.account.spec.reportGenerationMs;
}

export const iamHandlers: HandlerTable = {
  'IAMClient:GenerateCredentialReport': (_req, ctx) => {
    if (ctx.state.reportRequestedAt === undefined) {
      ctx.state.reportRequestedAt = ctx.elapsedMs();
      return { State: ctx.account.spec.reportGenerationMs <= 0 ? 'COMPLETE' : 'STARTED', Description: 'No report exists. Starting a new report generation task' };
    }
    return { State: reportReady(ctx) ? 'COMPLETE' : 'INPROGRESS' };
  },
  'IAMClient:GetCredentialReport': (_req, ctx) => {
    if (!reportReady(ctx)) throw awsError('ReportInProgress', 'Report generation is in progress', 404);
    return { Content: credentialReport(ctx), ReportFormat: 'text/csv', GeneratedTime: new Date() };
  },
  'IAMClient:GetAccountAuthorizationDetails': (req, ctx) => {
    const ranges = entityRanges(ctx, strings(req.input.Filter));
    const total = ranges.reduce((s, [, n]) => s + n, 0);
    const p = ctx.page(req.call, total, req.input.Marker, req.input.MaxItems);
    const out: Record<string, Array<Record<string, unknown>>> = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
    let base = 0;
    for (const [type, n] of ranges) {
      for (let i = Math.max(p.start, base); i < Math.min(p.end, base + n); i++) {
        const [list, item] = entity(ctx, type, i - base);
        out[list]?.push(item);
      }
      base += n;
    }
    return { ...out, IsTruncated: p.next !== undefined, ...(p.next ? { Marker: p.next } : {}) };
  },
  'IAMClient:GetAccountSummary': (_req, ctx) => {
    const g = ctx.account.spec.global;
    return { SummaryMap: { Users: g.users, Groups: g.groups, Roles: g.roles, Policies: g.customerPolicies, AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, MFADevices: g.mfaDevices } };
  },
  'IAMClient:GetAccountPasswordPolicy': () => ({
    PasswordPolicy: {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: false,
      PasswordReusePrevention: 24,
    },
  }),
  'IAMClient:ListVirtualMFADevices': (req, ctx) => {
    const a = ctx.account;
    const p = ctx.page(req.call, a.spec.global.mfaDevices, req.input.Marker, req.input.MaxItems);
    const devices = [];
    for (let k = p.start; k < p.end; k++) {
      devices.push({
        SerialNumber: `arn:aws:iam::${a.id}:mfa/user-${k}`,
        User: { UserName: `user-${k}`, Arn: `arn:aws:iam::${a.id}:user/user-${k}`, UserId: 'AIDA', Path: '/', CreateDate: pastDate(a, 'User', k) },
        EnableDate: pastDate(a, 'mfa', k),
      });
    }
    return { VirtualMFADevices: devices, IsTruncated: p.next !== undefined, ...(p.next ? { Marker: p.next } : {}) };
  },
  'STSClient:GetCallerIdentity': (_req, ctx) => ({
    Account: ctx.account.id,
    Arn: `arn:aws:sts::${ctx.account.id}:assumed-role/SecurityAudit/rampart-bench`,
    UserId: 'AROABENCH:rampart-bench',
  }),
  'AccountClient:GetAlternateContact': (req) => {
    const type = str(req.input.AlternateContactType);
    if (type === 'OPERATIONS') throw awsError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
    return { AlternateContact: { AlternateContactType: type, Name: 'Security Team', Title: 'CISO', EmailAddress: 'security@example.com', PhoneNumber: '+1-555-0100' } };
  },
};

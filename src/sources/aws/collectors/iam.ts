import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListVirtualMFADevicesCommand,
  type PasswordPolicy as SdkPasswordPolicy,
} from '@aws-sdk/client-iam';
import { failed, ok, type Attr, type CredentialReportRow, type MfaDevice, type PasswordPolicy } from '../../../inventory/index.js';
import { commandTable, type GlobalCollector } from '../collector.js';
import type { CollectContext } from '../context.js';
import { attrOf, compact, failedAttr, iso } from '../outcome.js';
import { parseCredentialReport } from './credential-report.js';
import { AuthorizationDetails } from './iam-authorization.js';

const commands = commandTable([
  [GenerateCredentialReportCommand, 'iam:GenerateCredentialReport'],
  [GetCredentialReportCommand, 'iam:GetCredentialReport'],
  [GetAccountAuthorizationDetailsCommand, 'iam:GetAccountAuthorizationDetails'],
  [GetAccountSummaryCommand, 'iam:GetAccountSummary'],
  [GetAccountPasswordPolicyCommand, 'iam:GetAccountPasswordPolicy'],
  [ListVirtualMFADevicesCommand, 'iam:ListVirtualMFADevices'],
]);

/** Asks for a fresh report and waits (bounded) until IAM has it ready, then parses it. */
async function credentialReport(ctx: CollectContext, iam: IAMClient): Promise<Attr<CredentialReportRow[]>> {
  const { reportPollMs, reportPolls } = ctx.tuning;
  for (let i = 0; ; i++) {
    const g = await ctx.send(iam, new GenerateCredentialReportCommand({}));
    if (!g.ok) return failedAttr(g);
    if (g.value.State === 'COMPLETE') break;
    if (i + 1 >= reportPolls) {
      return failed('iam:GenerateCredentialReport', `the report was not ready after ${Math.round((reportPollMs * reportPolls) / 1000)} s`);
    }
    await ctx.sleep(reportPollMs);
  }
  const r = await ctx.send(iam, new GetCredentialReportCommand({}));
  if (!r.ok) return failedAttr(r);
  try {
    return ok(parseCredentialReport(Buffer.from(r.value.Content ?? new Uint8Array()).toString('utf8')));
  } catch (e) {
    return failed('iam:GetCredentialReport', e instanceof Error ? e.message : String(e));
  }
}

const passwordPolicy = (p: SdkPasswordPolicy | undefined): PasswordPolicy =>
  compact({
    minimumPasswordLength: p?.MinimumPasswordLength,
    requireSymbols: p?.RequireSymbols,
    requireNumbers: p?.RequireNumbers,
    requireUppercaseCharacters: p?.RequireUppercaseCharacters,
    requireLowercaseCharacters: p?.RequireLowercaseCharacters,
    allowUsersToChangePassword: p?.AllowUsersToChangePassword,
    maxPasswordAge: p?.MaxPasswordAge,
    passwordReusePrevention: p?.PasswordReusePrevention,
    hardExpiry: p?.HardExpiry,
  });

async function mfaDevices(ctx: CollectContext, iam: IAMClient): Promise<Attr<MfaDevice[]>> {
  const devices: MfaDevice[] = [];
  const o = await ctx.pages(
    iam,
    (Marker) => new ListVirtualMFADevicesCommand({ Marker, MaxItems: 1000 }),
    (out) => (out.IsTruncated ? out.Marker : undefined),
    (out) => {
      for (const d of out.VirtualMFADevices ?? []) {
        devices.push(compact({ serialNumber: d.SerialNumber ?? '', userArn: d.User?.Arn, enableDate: iso(d.EnableDate), kind: 'virtual' as const }));
      }
    },
  );
  return o.ok ? ok(devices) : failedAttr(o);
}

/**
 * IAM in bulk: the credential report, GetAccountAuthorizationDetails (every user, group, role and
 * policy with their documents, in a few pages), the summary, the password policy and the virtual
 * MFA devices. No per-user calls.
 */
export const iamCollector: GlobalCollector = {
  service: 'iam',
  scope: 'global',
  fills: ['iam'],
  commands,
  async collect(ctx) {
    const iam = ctx.client(IAMClient);
    const details = new AuthorizationDetails();
    const [report, summary, password, mfa, auth] = await Promise.all([
      credentialReport(ctx, iam),
      ctx.send(iam, new GetAccountSummaryCommand({})),
      ctx.send(iam, new GetAccountPasswordPolicyCommand({})),
      mfaDevices(ctx, iam),
      ctx.pages(
        iam,
        (Marker) =>
          new GetAccountAuthorizationDetailsCommand({ Marker, MaxItems: 1000, Filter: ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] }),
        (out) => (out.IsTruncated ? out.Marker : undefined),
        (out) => details.add(out),
      ),
    ]);
    const authAttr = <T>(v: T): Attr<T> => (auth.ok ? ok(v) : failedAttr(auth));
    return {
      iam: {
        credentialReport: report,
        summary: attrOf(summary, (s) => {
          const out: Record<string, number> = {};
          for (const [k, v] of Object.entries(s.SummaryMap ?? {})) if (typeof v === 'number') out[k] = v;
          return out;
        }),
        passwordPolicy: attrOf(password, (p) => passwordPolicy(p.PasswordPolicy), ['NoSuchEntity', 'NoSuchEntityException']),
        users: authAttr(details.users),
        groups: authAttr(details.groups),
        roles: authAttr(details.roles),
        policies: authAttr(details.policies),
        mfaDevices: mfa,
      },
    };
  },
};

import { Command, Option } from 'commander';
import pc from 'picocolors';
import { iamViewFromInventory, whoCan, whoCanAssume, type ContextValue, type WhoCanResult } from '../../policy/index.js';
import { UsageError } from '../errors.js';
import { emit, log, useColor } from '../io.js';
import { loadInventories } from '../inventory-source.js';
import { collectList } from '../options.js';

export interface WhoCanCommandOptions {
  demo?: boolean;
  snapshot?: string[];
  profile?: string;
  roleArn?: string;
  externalId?: string;
  sessionName?: string;
  format: 'text' | 'json';
  output?: string;
  withoutMfa?: boolean;
  withMfa?: boolean;
  mfaAge: string;
  context?: string[];
  missingKeys: 'unknown' | 'absent';
  progress?: boolean;
}

export function registerWhoCan(program: Command): Command {
  return program
    .command('who-can')
    .argument('<action>', 'an IAM action, e.g. iam:CreateAccessKey or s3:GetObject')
    .argument('[resource]', 'a resource ARN (default: a resource no policy names specifically, like the IAM policy simulator); for sts:AssumeRole, the role: its trust policy counts too')
    .description('Which users, group members and roles may perform an action, with and without MFA, and through which policies')
    .option('--demo', 'ask about the bundled demo account')
    .option('--snapshot <file>', 'ask about a snapshot written by `rampart collect`; repeatable', collectList)
    .option('--profile <name>', 'AWS profile (shared config, SSO)')
    .option('--role-arn <arn>', 'assume this role before collecting')
    .option('--external-id <id>', 'external id for --role-arn')
    .option('--session-name <name>', 'session name for --role-arn', 'rampart')
    .option('--without-mfa', 'only principals allowed without MFA (access keys, or sessions without MFA)')
    .option('--with-mfa', 'only evaluate with MFA')
    .option('--mfa-age <seconds>', 'aws:MultiFactorAuthAge for the evaluation with MFA', '0')
    .option('--context <key=value>', 'a request context value, e.g. aws:SourceIp=203.0.113.7; repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .addOption(
      new Option('--missing-keys <mode>', 'condition keys not given with --context: unknown (answers become undecided) or absent')
        .choices(['unknown', 'absent'])
        .default('unknown'),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (action: string, resource: string | undefined, opts: WhoCanCommandOptions) => {
      process.exitCode = await runWhoCan(action, resource, opts);
    });
}

function parseContext(pairs: string[] | undefined): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--context wants key=value, not "${pair}"`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    // Repeating a key makes it multi-valued (aws:TagKeys=a --context aws:TagKeys=b).
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev as string, value];
  }
  return out;
}

export async function runWhoCan(action: string, resource: string | undefined, opts: WhoCanCommandOptions): Promise<number> {
  if (action !== '*' && !/^[^:\s]+:[^:\s]+$/.test(action)) throw new UsageError(`"${action}" is not an IAM action (service:Action)`);
  if (opts.withMfa && opts.withoutMfa) throw new UsageError('--with-mfa and --without-mfa cannot be used together');
  const mfaAge = Number(opts.mfaAge);
  if (!Number.isFinite(mfaAge) || mfaAge < 0) throw new UsageError(`--mfa-age wants a number of seconds, not "${opts.mfaAge}"`);
  const context = parseContext(opts.context);
  const loaded = await loadInventories(opts);
  const mfa: boolean | 'both' = opts.withoutMfa ? false : opts.withMfa ? true : 'both';
  const assume = action.toLowerCase() === 'sts:assumerole' && resource !== undefined;
  if (assume && !/^arn:[^:]+:iam::\d{12}:role\/.+/.test(resource)) throw new UsageError(`sts:AssumeRole takes a role ARN (arn:aws:iam::ACCOUNT:role/NAME), not "${resource}"`);

  const accounts = loaded.map(({ inventory }) => {
    const view = iamViewFromInventory(inventory);
    for (const part of view.unknownParts ?? []) log(`warning: ${inventory.meta.accountId}: could not read IAM ${part}`);
    const options = { context, mfa, mfaAgeSeconds: mfaAge, missingKeys: opts.missingKeys };
    // Assuming a role needs its trust policy too, not only the caller's own policies.
    const answers = assume && resource ? whoCanAssume(view, resource, options) : whoCan(view, { action, ...(resource ? { resource } : {}), ...options });
    const results = answers.filter((r) => !opts.withoutMfa || r.allowedWithoutMfa !== false);
    return { account: inventory.meta.accountId, unknownParts: view.unknownParts ?? [], results };
  });

  if (opts.format === 'json') {
    const body = {
      action,
      resource: resource ?? null,
      ...(assume ? { evaluated: 'trust policy and identity-based policies' } : {}),
      mfa,
      accounts: accounts.map((a) => ({
        account: a.account,
        unknownParts: a.unknownParts,
        principals: a.results.map(({ decisions: _d, ...rest }) => rest),
      })),
    };
    await emit(JSON.stringify(body, null, 2), opts.output);
    return 0;
  }
  await emit(renderText(action, resource, accounts, useColor(), assume), opts.output);
  return 0;
}

function answer(a: WhoCanResult['allowedWithMfa'], color: boolean): string {
  if (a === true) return color ? pc.red('allowed') : 'allowed';
  if (a === false) return color ? pc.green('denied') : 'denied';
  if (a === 'undecided') return color ? pc.yellow('undecided') : 'undecided';
  return '-';
}

function renderText(action: string, resource: string | undefined, accounts: { account: string; results: WhoCanResult[]; unknownParts: string[] }[], color: boolean, assume: boolean): string {
  const out: string[] = [];
  for (const a of accounts) {
    const head = `Who can ${action}${resource ? ` on ${resource}` : ''} in ${a.account}`;
    out.push(color ? pc.bold(head) : head);
    if (assume) out.push('  (the role\'s trust policy and each caller\'s own policies must both allow)');
    for (const p of a.unknownParts) out.push(`  (could not read IAM ${p}: answers may be missing)`);
    if (!a.results.length) out.push('  nobody');
    for (const r of a.results) {
      out.push(`  ${r.kind.padEnd(12)} ${r.principal}`);
      // The two ways of lacking MFA, when they differ: long-term access keys, a session signed in without MFA.
      const split = r.allowedWithAccessKeys !== r.allowedWithoutMfaSession ? ` (access keys: ${answer(r.allowedWithAccessKeys, color)}, session without MFA: ${answer(r.allowedWithoutMfaSession, color)})` : '';
      out.push(`               with MFA: ${answer(r.allowedWithMfa, color)}   without MFA: ${answer(r.allowedWithoutMfa, color)}${split}`);
      for (const v of r.via) {
        const where = v.attachedTo === 'group' ? `group ${v.group}` : v.attachedTo;
        // A resource-side policy's name says what it is ("resource policy", "trust policy of ROLE").
        const what = v.attachedTo === 'resource' ? v.policy : `${v.kind} policy ${v.policy} (${where})`;
        out.push(`               via ${what}, statement ${v.statementIndex}${v.sid ? ` ${v.sid}` : ''}`);
      }
      for (const why of r.undecidedBecause ?? []) out.push(`               undecided: ${why}`);
    }
    const n = a.results.length;
    out.push(`${n} principal${n === 1 ? '' : 's'}`, '');
  }
  return out.join('\n');
}

import { z } from 'zod';
import type { PasswordPolicy } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type ComplianceRefs } from '../types.js';
import { accountResource, missing } from '../helpers.js';

const Options = z.object({
  /** CIS 3.0 1.8. */
  minimumLength: z.number().int().min(6).max(128).default(14),
  /** CIS 3.0 1.9 (the benchmark's audit uses 24). 0 disables the rule. */
  reusePrevention: z.number().int().min(0).max(24).default(24),
  /** FSBP IAM.7 asks for all four character classes. */
  requireSymbols: z.boolean().default(true),
  requireNumbers: z.boolean().default(true),
  requireUppercase: z.boolean().default(true),
  requireLowercase: z.boolean().default(true),
  /** Maximum password age in days; 0 (default) does not check it, as NIST SP 800-63B advises against forced rotation. */
  maxAgeDays: z.number().int().min(0).max(1095).default(0),
});
type Options = z.infer<typeof Options>;

// Each rule is evidence only for the controls that ask for it: CIS 1.8 is the length, CIS 1.9 the
// reuse; FSBP IAM.7 asks for a minimum length and the four character classes, not reuse or age.
const LENGTH_REFS: ComplianceRefs = { cis: ['1.8'], fsbp: ['IAM.7'] };
const REUSE_REFS: ComplianceRefs = { cis: ['1.9'] };
const CLASS_REFS: ComplianceRefs = { fsbp: ['IAM.7'] };

const CLASSES: Array<{ rule: string; option: keyof Options; field: keyof PasswordPolicy; label: string }> = [
  { rule: 'symbols', option: 'requireSymbols', field: 'requireSymbols', label: 'a symbol' },
  { rule: 'numbers', option: 'requireNumbers', field: 'requireNumbers', label: 'a number' },
  { rule: 'uppercase', option: 'requireUppercase', field: 'requireUppercaseCharacters', label: 'an uppercase letter' },
  { rule: 'lowercase', option: 'requireLowercase', field: 'requireLowercaseCharacters', label: 'a lowercase letter' },
];

export default defineCheck({
  id: 'account.password-policy',
  title: 'The IAM password policy requires long, unique passwords',
  description:
    'Console passwords are the door MFA stands behind. Without an account password policy IAM accepts 8-character passwords and lets users reuse old ones; a long minimum and a memory of past passwords make guessing and reuse of leaked passwords much harder.',
  severity: 'medium',
  guideIds: ['account.user-mfa'],
  needs: ['iam.passwordPolicy'],
  permissions: ['iam:GetAccountPasswordPolicy'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { cis: ['1.8', '1.9'], fsbp: ['IAM.7'] },
  remediation: {
    text: 'Set an account password policy: at least 14 characters, remember the last 24 passwords, require the four character classes, and let users change their own password.',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --password-reuse-prevention 24 --require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password',
    cloudformation: '# CloudFormation has no resource for the account password policy: use the CLI, Terraform, or a custom resource.',
    terraform:
      'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length        = 14\n  password_reuse_prevention      = 24\n  require_symbols                = true\n  require_numbers                = true\n  require_uppercase_characters   = true\n  require_lowercase_characters   = true\n  allow_users_to_change_password = true\n}',
  },
  messages: {
    none: 'The account has no password policy: IAM applies only its default (8 characters, three of the four character classes) and lets users reuse old passwords.',
    lengthOk: 'The password policy requires at least {{value}} characters (the configured minimum is {{min}}).',
    lengthLow: 'The password policy requires only {{value}} characters; at least {{min}} are wanted.',
    reuseOk: 'The password policy remembers the last {{value}} passwords (the configured minimum is {{min}}).',
    reuseLow: 'The password policy remembers {{value}} previous password(s); at least {{min}} are wanted, so old passwords come back.',
    classOk: 'The password policy requires {{class}}.',
    classMissing: 'The password policy does not require {{class}}.',
    ageOk: 'Passwords expire after {{value}} days (at most {{max}} wanted).',
    ageLong: 'Passwords expire after {{value}} days; at most {{max}} are wanted.',
    ageNever: 'Passwords never expire; this configuration wants them to expire within {{max}} days.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const resource = accountResource(inventory);
    const pp = inventory.iam.passwordPolicy;
    if (pp.state === 'absent') return [{ status: 'fail', resource, message: 'none', detail: 'policy' }];
    if (pp.state !== 'ok') return [missing(resource, pp, 'the account password policy', 'policy')];
    const p = pp.value;
    const out: CheckResult[] = [];

    // GetAccountPasswordPolicy always returns the length; a policy set without one (a template) gets
    // UpdateAccountPasswordPolicy's default, 6 (8 is the default only when there is no policy at all).
    const length = p.minimumPasswordLength ?? 6;
    out.push({ status: length >= options.minimumLength ? 'pass' : 'fail', resource, message: length >= options.minimumLength ? 'lengthOk' : 'lengthLow', data: { value: length, min: options.minimumLength }, detail: 'length', compliance: LENGTH_REFS });

    if (options.reusePrevention > 0) {
      const reuse = p.passwordReusePrevention ?? 0;
      const ok = reuse >= options.reusePrevention;
      out.push({ status: ok ? 'pass' : 'fail', resource, message: ok ? 'reuseOk' : 'reuseLow', data: { value: reuse, min: options.reusePrevention }, detail: 'reuse', compliance: REUSE_REFS });
    }
    for (const c of CLASSES) {
      if (!options[c.option]) continue;
      const ok = p[c.field] === true;
      out.push({ status: ok ? 'pass' : 'fail', resource, message: ok ? 'classOk' : 'classMissing', data: { class: c.label }, detail: c.rule, severity: ok ? undefined : 'low', compliance: CLASS_REFS });
    }
    if (options.maxAgeDays > 0) {
      const age = p.maxPasswordAge;
      if (age === undefined || age === 0) out.push({ status: 'fail', resource, message: 'ageNever', data: { max: options.maxAgeDays }, detail: 'max-age', severity: 'low', compliance: {} });
      else out.push({ status: age <= options.maxAgeDays ? 'pass' : 'fail', resource, message: age <= options.maxAgeDays ? 'ageOk' : 'ageLong', data: { value: age, max: options.maxAgeDays }, detail: 'max-age', severity: 'low', compliance: {} });
    }
    return out;
  },
});

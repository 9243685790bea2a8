import { absent, failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './password-policy.js';
import { ACCOUNT_ARN } from './__tests__/fixtures.js';

const strong = { minimumPasswordLength: 14, passwordReusePrevention: 24, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true };
const policy = (p: object) => ({ iam: { passwordPolicy: ok(p) } });
const r = (detail: string, status: 'pass' | 'fail', message: string, severity?: 'low') => ({ status, resourceId: ACCOUNT_ARN, detail, message, ...(severity ? { severity } : {}) });
const classes = [
  r('symbols', 'pass', 'The password policy requires a symbol.'),
  r('numbers', 'pass', 'The password policy requires a number.'),
  r('uppercase', 'pass', 'The password policy requires an uppercase letter.'),
  r('lowercase', 'pass', 'The password policy requires a lowercase letter.'),
];

testCheck(check, {
  pass: [
    {
      name: 'CIS 1.8 and 1.9 and the four classes of FSBP IAM.7',
      inventory: [policy(strong)],
      findings: [
        r('length', 'pass', 'The password policy requires at least 14 characters (the configured minimum is 14).'),
        r('reuse', 'pass', 'The password policy remembers the last 24 passwords (the configured minimum is 24).'),
        ...classes,
      ],
    },
    {
      name: 'rules can be relaxed or added: no reuse rule, a 90-day expiry',
      options: { minimumLength: 12, reusePrevention: 0, requireSymbols: false, maxAgeDays: 90 },
      inventory: [policy({ ...strong, minimumPasswordLength: 12, passwordReusePrevention: undefined, requireSymbols: false, maxPasswordAge: 60 })],
      findings: [
        r('length', 'pass', 'The password policy requires at least 12 characters (the configured minimum is 12).'),
        ...classes.slice(1),
        r('max-age', 'pass', 'Passwords expire after 60 days (at most 90 wanted).', 'low'),
      ],
    },
  ],
  fail: [
    {
      name: 'no password policy at all',
      inventory: [{ iam: { passwordPolicy: absent() } }],
      findings: [
        r('policy', 'fail', 'The account has no password policy: IAM applies only its default (8 characters, three of the four character classes) and lets users reuse old passwords.'),
      ],
    },
    {
      // UpdateAccountPasswordPolicy without MinimumPasswordLength sets 6, not the no-policy default of 8.
      name: 'a policy that leaves the length out gets the API default of 6',
      source: 'terraform',
      inventory: [policy({ ...strong, minimumPasswordLength: undefined })],
      findings: [
        r('length', 'fail', 'The password policy requires only 6 characters; at least 14 are wanted.'),
        r('reuse', 'pass', 'The password policy remembers the last 24 passwords (the configured minimum is 24).'),
        ...classes,
      ],
    },
    {
      name: 'short, reused, no symbols, never expiring',
      options: { maxAgeDays: 90 },
      inventory: [policy({ minimumPasswordLength: 8, passwordReusePrevention: 3, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true })],
      findings: [
        r('length', 'fail', 'The password policy requires only 8 characters; at least 14 are wanted.'),
        r('reuse', 'fail', 'The password policy remembers 3 previous password(s); at least 24 are wanted, so old passwords come back.'),
        r('symbols', 'fail', 'The password policy does not require a symbol.', 'low'),
        ...classes.slice(1),
        r('max-age', 'fail', 'Passwords never expire; this configuration wants them to expire within 90 days.', 'low'),
      ],
    },
    {
      name: 'each rule is evidence only for its own controls: a missing symbol fails IAM.7, not CIS 1.8 or 1.9',
      options: { maxAgeDays: 90 },
      inventory: [policy({ ...strong, requireSymbols: false })],
      findings: [
        { ...r('length', 'pass', 'The password policy requires at least 14 characters (the configured minimum is 14).'), compliance: { cis: ['1.8'], fsbp: ['IAM.7'] } },
        { ...r('reuse', 'pass', 'The password policy remembers the last 24 passwords (the configured minimum is 24).'), compliance: { cis: ['1.9'] } },
        { ...r('symbols', 'fail', 'The password policy does not require a symbol.', 'low'), compliance: { fsbp: ['IAM.7'] } },
        ...classes.slice(1).map((c) => ({ ...c, compliance: { fsbp: ['IAM.7'] } })),
        { ...r('max-age', 'fail', 'Passwords never expire; this configuration wants them to expire within 90 days.', 'low'), compliance: {} },
      ],
    },
    {
      name: 'no policy at all is evidence against every control the check cites',
      inventory: [{ iam: { passwordPolicy: absent() } }],
      findings: [
        {
          ...r('policy', 'fail', 'The account has no password policy: IAM applies only its default (8 characters, three of the four character classes) and lets users reuse old passwords.'),
          compliance: { cis: ['1.8', '1.9'], fsbp: ['IAM.7'] },
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'the policy could not be read',
      inventory: [{ iam: { passwordPolicy: failed('iam:GetAccountPasswordPolicy', 'AccessDenied') } }],
      findings: [{ status: 'unknown', resourceId: ACCOUNT_ARN, detail: 'policy', message: 'Could not read the account password policy: iam:GetAccountPasswordPolicy failed: AccessDenied.' }],
    },
  ],
});

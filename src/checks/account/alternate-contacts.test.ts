import { absent, deployTime, failed, ok } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './alternate-contacts.js';
import { ACCOUNT_ARN } from './__tests__/fixtures.js';

const contact = ok({ name: 'Ops team', email: 'ops@example.com' });
const r = (kind: string, status: 'pass' | 'fail' | 'unknown', message: string) => ({ status, resourceId: ACCOUNT_ARN, detail: kind, message });

testCheck(check, {
  pass: [
    {
      name: 'all three contacts set',
      inventory: [{ account: { alternateContacts: { billing: contact, operations: contact, security: contact } } }],
      findings: [r('billing', 'pass', 'The billing alternate contact is set.'), r('operations', 'pass', 'The operations alternate contact is set.'), r('security', 'pass', 'The security alternate contact is set.')],
    },
  ],
  fail: [
    {
      name: 'no security contact (ResourceNotFoundException)',
      inventory: [{ account: { alternateContacts: { billing: contact, operations: contact, security: absent() } } }],
      findings: [r('billing', 'pass', 'The billing alternate contact is set.'), r('operations', 'pass', 'The operations alternate contact is set.'), r('security', 'fail', 'No security alternate contact is set.')],
    },
    {
      name: 'no billing contact: a failure, but evidence for no control (CIS 1.2 and Account.1 ask only for security)',
      inventory: [{ account: { alternateContacts: { billing: absent(), operations: contact, security: contact } } }],
      findings: [
        { ...r('billing', 'fail', 'No billing alternate contact is set.'), compliance: {} },
        { ...r('operations', 'pass', 'The operations alternate contact is set.'), compliance: {} },
        { ...r('security', 'pass', 'The security alternate contact is set.'), compliance: { cis: ['1.2'], fsbp: ['Account.1'] } },
      ],
    },
  ],
  unknown: [
    {
      name: 'access denied on one type, deploy-time on another: never a pass or a fail',
      inventory: [{ account: { alternateContacts: { billing: failed('account:GetAlternateContact', 'AccessDeniedException'), operations: deployTime('a parameter without default'), security: contact } } }],
      findings: [
        r('billing', 'unknown', 'Could not read the billing alternate contact: account:GetAlternateContact failed: AccessDeniedException.'),
        r('operations', 'unknown', 'Could not read the operations alternate contact: known only at deploy time: a parameter without default.'),
        r('security', 'pass', 'The security alternate contact is set.'),
      ],
    },
  ],
});

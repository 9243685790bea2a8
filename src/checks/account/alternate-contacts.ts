import { defineCheck, type ComplianceRefs } from '../types.js';
import { accountResource, missing } from '../helpers.js';

const KINDS = ['billing', 'operations', 'security'] as const;

const SECURITY_REFS: ComplianceRefs = { cis: ['1.2'], fsbp: ['Account.1'] };

export default defineCheck({
  id: 'account.alternate-contacts',
  title: 'Billing, operations and security alternate contacts are set',
  description:
    'AWS writes to the alternate contacts about abuse reports, security incidents and billing problems. Without them the warnings reach only the root e-mail, which may be unread.',
  severity: 'medium',
  guideIds: ['account.alternate-contacts'],
  needs: ['account.alternateContacts'],
  permissions: ['account:GetAlternateContact'],
  sources: ['aws'],
  compliance: { cis: ['1.2'], fsbp: ['Account.1'] },
  remediation: {
    text: 'Set the billing, operations and security alternate contacts to a team address that is read (Account settings > Alternate contacts).',
    cli: 'aws account put-alternate-contact --alternate-contact-type SECURITY --name "Security team" --title "Security" --email-address security@example.com --phone-number "+1-555-0100"',
    terraform:
      'resource "aws_account_alternate_contact" "security" {\n  alternate_contact_type = "SECURITY"\n  name                   = "Security team"\n  title                  = "Security"\n  email_address          = "security@example.com"\n  phone_number           = "+1-555-0100"\n}',
  },
  messages: {
    set: 'The {{kind}} alternate contact is set.',
    notSet: 'No {{kind}} alternate contact is set.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const resource = accountResource(inventory);
    return KINDS.map((kind) => {
      // CIS 1.2 and FSBP Account.1 ask for the security contact only; the other two are the guide's.
      const compliance = kind === 'security' ? SECURITY_REFS : {};
      const c = inventory.account.alternateContacts[kind];
      if (c.state === 'ok') return { status: 'pass' as const, resource, message: 'set' as const, data: { kind }, detail: kind, compliance };
      if (c.state === 'absent') return { status: 'fail' as const, resource, message: 'notSet' as const, data: { kind }, detail: kind, compliance };
      return { ...missing(resource, c, `the ${kind} alternate contact`, kind), compliance };
    });
  },
});

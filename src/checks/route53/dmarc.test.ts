import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './dmarc.js';
import { zone, zoneArn, zones } from './__tests__/fixtures.js';

const Z = zoneArn('Z1');
const dmarc = (...values: string[]): [string, string, string[]] => ['_dmarc', 'TXT', values.map((v) => `"${v}"`)];

testCheck(check, {
  pass: [
    {
      name: 'p=reject',
      inventory: [zones(zone('Z1', 'example.com.', [dmarc('v=DMARC1; p=reject; rua=mailto:d@example.com')]))],
      findings: [{ status: 'pass', resourceId: Z, message: 'Zone example.com publishes a DMARC record with p=reject.' }],
    },
    {
      name: 'p=none passes as a note: it monitors, it does not protect',
      inventory: [zones(zone('Z1', 'example.com.', [dmarc('v=DMARC1; p=none; rua=mailto:d@example.com')]))],
      findings: [{ status: 'pass', resourceId: Z, severity: 'info', message: 'Zone example.com publishes a DMARC record with p=none: receivers report failures but still deliver spoofed mail.' }],
    },
    {
      name: "a subdomain zone inherits its parent's record (sp= before p=)",
      inventory: [zones(zone('Z1', 'example.com.', [dmarc('v=DMARC1; p=reject; sp=quarantine')]), zone('Z2', 'mail.example.com.', []))],
      findings: [
        { status: 'pass', resourceId: Z, message: 'Zone example.com publishes a DMARC record with p=reject.' },
        { status: 'pass', resourceId: zoneArn('Z2'), message: 'Zone mail.example.com has no DMARC record of its own; receivers use the one of example.com (p=quarantine).' },
      ],
    },
    {
      name: "a _dmarc CNAME to a provider, whose record is given in the options",
      options: { externalTxt: { '_dmarc.example.com.dmarc.provider.example': ['v=DMARC1; p=quarantine'] } },
      inventory: [zones(zone('Z1', 'example.com.', [['_dmarc', 'CNAME', ['_dmarc.example.com.dmarc.provider.example.']]]))],
      findings: [{ status: 'pass', resourceId: Z, message: 'Zone example.com publishes a DMARC record with p=quarantine.' }],
    },
  ],
  fail: [
    { name: 'no record', inventory: [zones(zone('Z1', 'example.com.', []))], findings: [{ status: 'fail', resourceId: Z, message: 'Zone example.com publishes no DMARC record at _dmarc.example.com.' }] },
    {
      name: 'two records',
      inventory: [zones(zone('Z1', 'example.com.', [dmarc('v=DMARC1; p=none', 'v=DMARC1; p=reject')]))],
      findings: [{ status: 'fail', resourceId: Z, message: 'Zone example.com publishes 2 DMARC records: receivers then ignore DMARC for the domain.' }],
    },
    {
      name: 'a record without p=',
      inventory: [zones(zone('Z1', 'example.com.', [dmarc('v=DMARC1; rua=mailto:d@example.com')]))],
      findings: [{ status: 'fail', resourceId: Z, message: 'Zone example.com: the DMARC record "v=DMARC1; rua=mailto:d@example.com" is invalid (it has no p= tag), so receivers ignore it.' }],
    },
  ],
  unknown: [
    {
      name: 'a _dmarc CNAME to a provider the inventory cannot see',
      inventory: [zones(zone('Z1', 'example.com.', [['_dmarc', 'CNAME', ['example-com.dmarc.provider.example.']]]))],
      findings: [{ status: 'unknown', resourceId: Z, message: 'Zone example.com: the DMARC record could not be looked up: example-com.dmarc.provider.example is outside the hosted zones Rampart read.' }],
    },
    {
      // A subdomain without its own record inherits its parent's: unread parent records decide nothing.
      name: "a subdomain zone whose parent zone's records could not be read",
      inventory: [zones({ ...zone('Z1', 'example.com.', []), records: failed('route53:ListResourceRecordSets', 'AccessDenied') }, zone('Z2', 'mail.example.com.', []))],
      findings: [
        { status: 'unknown', resourceId: Z, message: 'Could not read the records of zone example.com: route53:ListResourceRecordSets failed: AccessDenied.' },
        {
          status: 'unknown',
          resourceId: zoneArn('Z2'),
          message:
            'Zone mail.example.com: the DMARC record could not be looked up: it has none of its own, and the record of example.com it would inherit is not known: the records of zone example.com could not be read (route53:ListResourceRecordSets failed: AccessDenied).',
        },
      ],
    },
    {
      name: "a zone's records could not be read",
      inventory: [zones({ ...zone('Z1', 'example.com.', []), records: failed('route53:ListResourceRecordSets', 'AccessDenied') })],
      findings: [{ status: 'unknown', resourceId: Z, message: 'Could not read the records of zone example.com: route53:ListResourceRecordSets failed: AccessDenied.' }],
    },
  ],
});

import { failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './limit-access.js';
import { ADMIN_ARN, allow, doc, iam, inline, role, trustService, user } from '../account/__tests__/fixtures.js';
import { zone, zoneArn, zones } from './__tests__/fixtures.js';

const dns = (name: string, resource = 'arn:aws:route53:::hostedzone/*') => user(name, { inlinePolicies: [inline('dns', doc(allow('route53:ChangeResourceRecordSets', resource)))] });
const two = zones(zone('Z1', 'example.com.', []), zone('Z2', 'example.org.', []));

testCheck(check, {
  pass: [
    {
      name: 'administrators only; read-only users do not count',
      inventory: [two, iam({ users: [user('alice', { attachedManagedPolicies: [ADMIN_ARN] }), user('reader', { inlinePolicies: [inline('ro', doc(allow(['route53:List*', 'route53:Get*'])))] })] })],
      findings: [
        { status: 'pass', resourceId: zoneArn('Z1'), message: 'Zone example.com: only administrators can change its records.' },
        { status: 'pass', resourceId: zoneArn('Z2'), message: 'Zone example.org: only administrators can change its records.' },
      ],
    },
    {
      name: 'two deployers, within the default limit',
      inventory: [two, iam({ users: [dns('ci')], roles: [role('external-dns', trustService('ec2.amazonaws.com'), { inlinePolicies: [inline('one-zone', doc(allow('route53:ChangeResourceRecordSets', zoneArn('Z1'))))] })] })],
      findings: [
        { status: 'pass', resourceId: zoneArn('Z1'), message: 'Zone example.com: 2 principal(s) besides administrators can change its records (user ci, role external-dns), within the limit of 2.' },
        { status: 'pass', resourceId: zoneArn('Z2'), message: 'Zone example.org: 1 principal(s) besides administrators can change its records (user ci), within the limit of 2.' },
      ],
    },
  ],
  fail: [
    {
      name: 'three on one zone, counted per zone; a Deny on the other zone takes one out',
      inventory: [
        two,
        iam({
          users: [dns('a'), dns('b'), user('c', { inlinePolicies: [inline('dns', doc(allow('route53:*'), { Effect: 'Deny', Action: 'route53:*', Resource: zoneArn('Z2') }))] })],
        }),
      ],
      findings: [
        { status: 'fail', resourceId: zoneArn('Z1'), message: 'Zone example.com: 3 principal(s) besides administrators can change its records, more than 2: user a, user b, user c.' },
        { status: 'pass', resourceId: zoneArn('Z2'), message: 'Zone example.org: 2 principal(s) besides administrators can change its records (user a, user b), within the limit of 2.' },
      ],
    },
    {
      name: 'a stricter limit, and the registrar name-server change counts too',
      options: { maxPrincipals: 0 },
      inventory: [zones(zone('Z1', 'example.com.', [])), iam({ users: [user('registrar', { inlinePolicies: [inline('domains', doc(allow('route53domains:*')))] })] })],
      findings: [{ status: 'fail', resourceId: zoneArn('Z1'), message: 'Zone example.com: 1 principal(s) besides administrators can change its records, more than 0: user registrar.' }],
    },
  ],
  unknown: [
    {
      name: 'the users could not be read',
      inventory: [zones(zone('Z1', 'example.com.', [])), iam({}), { iam: { users: failed('iam:GetAccountAuthorizationDetails', 'AccessDenied') } }],
      findings: [{ status: 'unknown', resourceId: zoneArn('Z1'), message: 'Zone example.com: could not decide who can change its records: users: iam:GetAccountAuthorizationDetails failed: AccessDenied.' }],
    },
  ],
});

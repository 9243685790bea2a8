import { describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/index.js';
import { testCheck, TEST_NOW } from '../../test-utils/check-tester.js';
import check from './custom-certificate.js';
import { meetsMinimum } from './tls-policy.js';
import { arnOf, distribution, distributions } from './__tests__/fixtures.js';

const A = arnOf('E1CDN');
const acm = 'arn:aws:acm:us-east-1:123456789012:certificate/0d3f5a1e-1111-2222-3333-444455556666';
const withCert = (vc: Record<string, unknown>, aliases = ['cdn.example.com']) =>
  distributions(distribution('E1CDN', { aliases, viewerCertificate: { cloudFrontDefaultCertificate: false, ...vc } }));

testCheck(check, {
  pass: [
    {
      name: 'ACM certificate, SNI, TLSv1.2_2021',
      inventory: [withCert({ acmCertificateArn: acm, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' })],
      findings: [
        {
          status: 'pass',
          resourceId: A,
          message: 'Distribution E1CDN (cdn.example.com) serves cdn.example.com with an ACM certificate, SNI, and minimum protocol version TLSv1.2_2021 (at least TLSv1.2_2021).',
        },
      ],
    },
    {
      name: 'IAM certificate with a stricter, newer policy; many aliases are shortened',
      inventory: [withCert({ iamCertificateId: 'ASCAEXAMPLE', sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.3_2025' }, ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'])],
      findings: [
        {
          status: 'pass',
          resourceId: A,
          message:
            'Distribution E1CDN (a.example.com) serves a.example.com, b.example.com and 2 more with an IAM server certificate, SNI, and minimum protocol version TLSv1.3_2025 (at least TLSv1.2_2021).',
        },
      ],
    },
    {
      name: 'the minimum is an option',
      options: { minimumProtocolVersion: 'TLSv1.2_2019' },
      inventory: [withCert({ acmCertificateArn: acm, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2019' })],
      findings: [
        {
          status: 'pass',
          resourceId: A,
          message: 'Distribution E1CDN (cdn.example.com) serves cdn.example.com with an ACM certificate, SNI, and minimum protocol version TLSv1.2_2019 (at least TLSv1.2_2019).',
        },
      ],
    },
  ],
  fail: [
    {
      name: 'an old TLS floor',
      inventory: [withCert({ acmCertificateArn: acm, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2019' })],
      findings: [{ status: 'fail', resourceId: A, message: 'Distribution E1CDN (cdn.example.com) serves cdn.example.com, but its minimum protocol version TLSv1.2_2019 is below TLSv1.2_2021.' }],
    },
    {
      name: 'dedicated IP (vip) and TLSv1',
      inventory: [withCert({ acmCertificateArn: acm, sslSupportMethod: 'vip', minimumProtocolVersion: 'TLSv1' })],
      findings: [
        {
          status: 'fail',
          resourceId: A,
          message:
            'Distribution E1CDN (cdn.example.com) serves cdn.example.com, but it serves HTTPS with SSL support method "vip" instead of sni-only (dedicated IP addresses are legacy and billed monthly); its minimum protocol version TLSv1 is below TLSv1.2_2021.',
        },
      ],
    },
    {
      name: 'aliases on the default certificate',
      inventory: [distributions(distribution('E1CDN', { aliases: ['cdn.example.com'] }))],
      findings: [
        {
          status: 'fail',
          resourceId: A,
          message:
            'Distribution E1CDN (cdn.example.com) serves cdn.example.com, but it uses the default *.cloudfront.net certificate, which does not match its alternate domain names; its minimum protocol version TLSv1 is below TLSv1.2_2021.',
        },
      ],
    },
  ],
  unknown: [
    {
      name: 'no minimum protocol version recorded (a template that leaves it out)',
      source: 'cloudformation',
      inventory: [withCert({ acmCertificateArn: acm, sslSupportMethod: 'sni-only' })],
      findings: [
        {
          status: 'unknown',
          resourceId: A,
          message: 'Distribution E1CDN (cdn.example.com) serves cdn.example.com; its minimum protocol version is not recorded, so it cannot be compared with TLSv1.2_2021.',
        },
      ],
    },
    {
      name: 'a security policy of a shape Rampart does not know',
      inventory: [withCert({ acmCertificateArn: acm, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'PQ-hybrid-2027' })],
      findings: [
        {
          status: 'unknown',
          resourceId: A,
          message: 'Distribution E1CDN (cdn.example.com) serves cdn.example.com with minimum protocol version "PQ-hybrid-2027", which Rampart cannot compare with TLSv1.2_2021.',
        },
      ],
    },
  ],
});

describe('cloudfront.custom-certificate', () => {
  it('gives no result for distributions without alternate domain names', () => {
    const inventory = buildInventory([distributions(distribution('E2'))]);
    expect(check.evaluate({ inventory, options: check.options!.parse({}), now: new Date(TEST_NOW) })).toEqual([]);
  });

  it('orders security policies by TLS version, then by cipher-set year', () => {
    expect(meetsMinimum('TLSv1.2_2025', 'TLSv1.2_2021')).toBe(true);
    expect(meetsMinimum('TLSv1.1_2016', 'TLSv1_2016')).toBe(true);
    expect(meetsMinimum('TLSv1_2016', 'TLSv1.1_2016')).toBe(false);
    expect(meetsMinimum('SSLv3', 'TLSv1')).toBe(false);
    expect(meetsMinimum('TLSv1.3_2025', 'TLSv1.2_2025')).toBe(true);
  });

  it('refuses an option that is not a security policy', () => {
    expect(check.options?.safeParse({ minimumProtocolVersion: 'TLS1.2' }).success).toBe(false);
  });
});

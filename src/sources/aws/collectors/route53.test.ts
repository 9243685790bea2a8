import { ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { awsError, collect, mockAll, okValue } from '../__tests__/mock-aws.js';
import { route53Collector } from './route53.js';

const mocks = mockAll();
const r53 = mocks.get(Route53Client);
afterAll(() => mocks.stubs.forEach((s) => s.restore()));
beforeEach(() => mocks.reset());

describe('route53 collector', () => {
  it('pages zones by marker and record sets by name and type', async () => {
    r53.on(ListHostedZonesCommand, { Marker: undefined })
      .resolves({ HostedZones: [{ Id: '/hostedzone/Z1', Name: 'example.com.', CallerReference: 'a', Config: { PrivateZone: false } }], IsTruncated: true, NextMarker: 'Z2', Marker: undefined, MaxItems: 1 })
      .on(ListHostedZonesCommand, { Marker: 'Z2' })
      .resolves({ HostedZones: [{ Id: '/hostedzone/Z2', Name: 'internal.', CallerReference: 'b', Config: { PrivateZone: true } }], IsTruncated: false, Marker: 'Z2', MaxItems: 1 });
    r53.on(ListResourceRecordSetsCommand, { HostedZoneId: 'Z1', StartRecordName: undefined })
      .resolves({ ResourceRecordSets: [{ Name: 'example.com.', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"v=spf1 -all"' }] }], IsTruncated: true, NextRecordName: 'www.example.com.', NextRecordType: 'CNAME', MaxItems: 1 })
      .on(ListResourceRecordSetsCommand, { HostedZoneId: 'Z1', StartRecordName: 'www.example.com.' })
      .resolves({ ResourceRecordSets: [{ Name: 'www.example.com.', Type: 'A', AliasTarget: { DNSName: 'd1.cloudfront.net.', HostedZoneId: 'Z2FDTNDATAQYW2', EvaluateTargetHealth: false } }], IsTruncated: false, MaxItems: 1 });
    r53.on(ListResourceRecordSetsCommand, { HostedZoneId: 'Z2' }).rejects(awsError('AccessDenied', 'no', 403));
    const { part } = await collect(route53Collector);
    const [pub, priv] = okValue(part.route53?.hostedZones);
    expect(pub).toMatchObject({ id: 'Z1', arn: 'arn:aws:route53:::hostedzone/Z1', private: false });
    expect(okValue(pub?.records)).toEqual([
      { name: 'example.com.', type: 'TXT', ttl: 300, values: ['"v=spf1 -all"'] },
      { name: 'www.example.com.', type: 'A', values: [], aliasTarget: { dnsName: 'd1.cloudfront.net.', hostedZoneId: 'Z2FDTNDATAQYW2' } },
    ]);
    expect(priv).toMatchObject({ id: 'Z2', private: true, records: { state: 'error', call: 'route53:ListResourceRecordSets' } });
  });
});

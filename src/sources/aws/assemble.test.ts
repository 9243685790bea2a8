import { describe, expect, it } from 'vitest';
import { ok, type Distribution, type WebAcl } from '../../inventory/index.js';
import { assemble } from './assemble.js';
import { coverageOf } from './coverage.js';
import type { UnitResult } from './run-unit.js';

const meta = {
  source: 'aws' as const,
  origin: 'live' as const,
  accountId: '123456789012',
  partition: 'aws',
  collectedAt: '2026-06-01T00:00:00.000Z',
  regions: ['eu-west-1', 'ap-east-1'],
  calls: [],
};
const unit = (service: string, region: string) => ({ account: '123456789012', partition: 'aws', region, service });
const result = (r: Omit<UnitResult, 'calls' | 'durationMs'>): UnitResult => ({ calls: [], durationMs: 1, ...r });

const acl = (name: string): WebAcl => ({
  arn: `arn:aws:wafv2:us-east-1:123456789012:global/webacl/${name}/1`,
  id: name,
  name,
  scope: 'CLOUDFRONT',
  defaultAction: 'allow',
  rules: [],
  logging: { state: 'absent' },
  associatedResources: { state: 'absent' },
});
const dist = (id: string, webAclId?: string): Distribution => ({
  id,
  arn: `arn:aws:cloudfront::123456789012:distribution/${id}`,
  aliases: [],
  enabled: true,
  ...(webAclId ? { webAclId } : {}),
  viewerCertificate: { cloudFrontDefaultCertificate: true },
  origins: [],
  defaultCacheBehavior: { pathPattern: '*', targetOriginId: 'o', viewerProtocolPolicy: 'https-only', trustedSigners: [], trustedKeyGroups: [] },
  cacheBehaviors: [],
  tags: {},
});

describe('assemble', () => {
  it('says which parts were left out by --services, which regions are not enabled, and keeps what was read', () => {
    const inv = assemble({
      meta,
      results: [result({ unit: unit('kms', 'eu-west-1'), regional: { kms: { keys: ok([]) } } })],
      disabledRegions: new Set(['ap-east-1']),
    });
    expect(inv.regions['eu-west-1']?.kms.keys).toEqual({ state: 'ok', value: [] });
    expect(inv.regions['eu-west-1']?.ec2.instances).toEqual({ state: 'error', call: 'ec2:DescribeInstances', error: 'not collected: service not selected (--services)' });
    expect(inv.regions['ap-east-1']?.kms.keys).toMatchObject({ state: 'error', call: 'kms:ListKeys', error: expect.stringContaining('not enabled in this account') });
    expect(inv.iam.users).toMatchObject({ state: 'error', error: 'not collected: service not selected (--services)' });
    // Left out on purpose is not a gap; a disabled region is.
    const gaps = coverageOf(inv).gaps;
    expect(gaps.every((g) => g.region === 'ap-east-1')).toBe(true);
    expect(gaps.length).toBeGreaterThan(0);
  });

  it('marks every part of a collector that threw, naming the failure', () => {
    const inv = assemble({
      meta,
      results: [result({ unit: unit('elb', 'eu-west-1'), crashed: 'boom' }), result({ unit: unit('iam', 'global'), crashed: 'bad csv' })],
    });
    expect(inv.regions['eu-west-1']?.elb.classic).toMatchObject({ state: 'error', error: 'not collected: the elb collector failed: boom' });
    expect(inv.regions['eu-west-1']?.elb.v2).toMatchObject({ state: 'error', error: 'not collected: the elb collector failed: boom' });
    expect(inv.iam.credentialReport).toMatchObject({ state: 'error', call: 'iam:GenerateCredentialReport', error: 'not collected: the iam collector failed: bad csv' });
  });

  it('puts an answer the schema refuses in quarantine: that attribute fails, the rest stays', () => {
    const badInstance = { id: 'i-1', arn: 'arn:i-1', imageId: 'ami', state: 'running', securityGroupIds: [], metadataHttpTokens: 'sometimes', tags: {} };
    const inv = assemble({
      meta,
      results: [
        result({
          unit: unit('ec2', 'eu-west-1'),
          regional: { ec2: { ...assemble({ meta, results: [] }).regions['eu-west-1']!.ec2, instances: ok([badInstance]) as never, vpcs: ok([]) } },
        }),
      ],
    });
    expect(inv.regions['eu-west-1']?.ec2.instances).toMatchObject({ state: 'error', call: 'rampart:parse', error: expect.stringContaining('unexpected answer') });
    expect(inv.regions['eu-west-1']?.ec2.vpcs).toEqual({ state: 'ok', value: [] });
  });

  it('links CLOUDFRONT web ACLs to the distributions that name them', () => {
    const a = acl('cdn');
    const inv = assemble({
      meta,
      results: [
        result({ unit: unit('wafv2', 'global'), global: { wafGlobal: { webAcls: ok([a, acl('spare')]) } } }),
        result({ unit: unit('cloudfront', 'global'), global: { cloudfront: { distributions: ok([dist('E1', a.arn), dist('E2')]) } } }),
      ],
    });
    const [cdn, spare] = inv.wafGlobal.webAcls.state === 'ok' ? inv.wafGlobal.webAcls.value : [];
    expect(cdn?.associatedResources).toEqual({ state: 'ok', value: ['arn:aws:cloudfront::123456789012:distribution/E1'] });
    expect(spare?.associatedResources).toEqual({ state: 'ok', value: [] });
  });

  it('does not claim a CLOUDFRONT ACL is unused when the distributions were not read', () => {
    const inv = assemble({ meta, results: [result({ unit: unit('wafv2', 'global'), global: { wafGlobal: { webAcls: ok([acl('cdn')]) } } })] });
    const [cdn] = inv.wafGlobal.webAcls.state === 'ok' ? inv.wafGlobal.webAcls.value : [];
    expect(cdn?.associatedResources.state).toBe('error');
  });
});

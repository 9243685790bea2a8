import { describe, expect, it } from 'vitest';
import { demoInventory, DEMO_NOW } from '../../demo/index.js';
import { runChecks } from '../../engine/run.js';
import { ebsChecks } from './index.js';

/** The demo account shows every EBS check passing somewhere and failing somewhere else. */
describe('EBS checks on the demo account', () => {
  const { findings } = runChecks(demoInventory(), ebsChecks, { now: DEMO_NOW });
  const of = (checkId: string) => findings.filter((f) => f.checkId === checkId);
  const verdict = (checkId: string, resource: string, detail?: string) =>
    of(checkId).find((f) => f.resourceId.endsWith(resource) && (detail === undefined || f.detail === detail))?.status;

  it.each(ebsChecks.map((c) => c.id))('%s has a pass and a fail', (id) => {
    const statuses = of(id).map((f) => f.status);
    expect(statuses).toContain('pass');
    expect(statuses).toContain('fail');
  });

  it('tells the encrypted web tier from the unencrypted Jenkins and analytics volumes, and the two regions apart', () => {
    expect(verdict('ebs.volume-encrypted', 'volume/vol-0a1e3c5b7d9f20111')).toBe('pass');
    expect(verdict('ebs.volume-encrypted', 'volume/vol-0e5c7a9f1b3d64555')).toBe('fail');
    expect(verdict('ebs.volume-encrypted', 'volume/vol-0c3a5e7d9f1b42333')).toBe('fail');
    const defaults = of('ebs.volume-encrypted').filter((f) => f.detail === 'encryption-by-default');
    expect(defaults.map((f) => [f.region, f.status]).sort()).toEqual([
      ['eu-west-1', 'fail'],
      ['us-east-1', 'pass'],
    ]);
  });

  it('finds the public Jenkins snapshot, and the volumes without recent snapshots', () => {
    const jenkins = of('ebs.snapshots').find((f) => f.resourceId.endsWith('snap-0e5c7a9f1b3d64001') && f.detail === 'public');
    expect(jenkins?.status).toBe('fail');
    expect(jenkins?.severity).toBe('critical');
    expect(verdict('ebs.snapshots', 'volume/vol-0a1e3c5b7d9f20111', 'recent-snapshot')).toBe('pass');
    expect(verdict('ebs.snapshots', 'volume/vol-0c3a5e7d9f1b42333', 'recent-snapshot')).toBe('fail');
    expect(verdict('ebs.snapshots', 'volume/vol-0e5c7a9f1b3d64555', 'recent-snapshot')).toBe('fail');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/index.js';
import { runChecks } from '../../engine/run.js';
import { BASE_LINUX, BASE_WINDOWS, cleanFixtures, hostPart } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import guest from './windows-guest.js';
import services from './windows-services.js';
import { hostChecks } from './index.js';

afterAll(cleanFixtures);

const ID = 'ami-test';

// No maintained offline registry hive parser exists on npm: these two say exactly how to check.
testCheck(guest, {
  pass: [
    {
      name: 'the SAM hive is named, with the commands to read it',
      source: 'host',
      inventory: [await hostPart({ ...BASE_WINDOWS, 'Windows/System32/config/SAM': { symlink: 'sam.real' }, 'Windows/System32/config/sam.real': 'regf' })],
      findings: [
        {
          status: 'manual',
          resourceId: ID,
          detail: 'guest',
          message:
            "The Guest account's state is in the SAM hive (/Windows/System32/config/SAM), which Rampart does not parse. Check by hand on the mounted image: `chntpw -l /Windows/System32/config/SAM` (Debian package chntpw) must show Guest as dis/lock; or on an instance launched from the image: `Get-LocalUser Guest` must show Enabled False.",
        },
      ],
    },
  ],
  fail: [],
});

testCheck(services, {
  pass: [
    {
      name: 'the SYSTEM hive as found (folder case kept), with the commands to read each service',
      source: 'host',
      inventory: [await hostPart({ 'WINDOWS/system32/CONFIG/SYSTEM': 'regf' })],
      findings: [
        {
          status: 'manual',
          resourceId: ID,
          detail: 'services',
          message:
            "Service start types are in the SYSTEM hive (/WINDOWS/system32/CONFIG/SYSTEM), which Rampart does not parse. Check by hand on the mounted image (Debian package libhivex-bin): `hivexget /WINDOWS/system32/CONFIG/SYSTEM '\\Select' Current` gives the control set N, then for each of LanmanServer, Spooler, RpcLocator, RemoteRegistry, SSDPSRV, upnphost: `hivexget /WINDOWS/system32/CONFIG/SYSTEM '\\ControlSet00N\\Services\\NAME' Start` must print 4 (disabled). On an instance: Get-Service LanmanServer,Spooler,RpcLocator,RemoteRegistry,SSDPSRV,upnphost | Select Name,StartType.",
        },
      ],
    },
  ],
  fail: [],
});

describe('host checks and the kind of system', () => {
  it('Windows checks say nothing of a Linux image, and Linux checks nothing of a Windows one', async () => {
    const linux = buildInventory([await hostPart(BASE_LINUX)], { source: 'host' });
    const windows = buildInventory([await hostPart(BASE_WINDOWS)], { source: 'host' });
    const now = new Date();
    const ids = (inv: typeof linux) => [...new Set(runChecks(inv, hostChecks, { now }).findings.map((f) => f.checkId))].sort();
    expect(ids(linux).every((id) => id.startsWith('host.linux-'))).toBe(true);
    expect(ids(windows).every((id) => id.startsWith('host.windows-'))).toBe(true);
    expect(ids(windows)).toEqual(['host.windows-admin-password', 'host.windows-domain', 'host.windows-event-logs', 'host.windows-guest', 'host.windows-services']);
  });

  it('an AWS inventory gives no host finding', () => {
    const aws = buildInventory([], { source: 'aws' });
    expect(runChecks(aws, hostChecks, { now: new Date() }).findings).toEqual([]);
  });

  it('every host check covers a host-assessed guide id, and all ten ids are covered', async () => {
    const { RECOMMENDATIONS } = await import('../../guide/index.js');
    const hostIds = RECOMMENDATIONS.filter((r) => r.assess === 'host').map((r) => r.id).sort();
    expect(hostChecks.flatMap((c) => c.guideIds).sort()).toEqual(hostIds);
    for (const c of hostChecks) expect(c.sources).toEqual(['host']);
  });
});

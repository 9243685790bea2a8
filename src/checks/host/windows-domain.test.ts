import { afterAll, describe, expect, it } from 'vitest';
import { buildInventory } from '../../inventory/index.js';
import { BASE_WINDOWS, cleanFixtures, hostPart } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './windows-domain.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const manual = (unattend: string) => ({
  status: 'manual' as const,
  resourceId: ID,
  detail: 'registry',
  message: `Domain membership is in the SYSTEM and SECURITY hives (/Windows/System32/config/SYSTEM, /Windows/System32/config/SECURITY), which Rampart does not parse${unattend}. Check by hand on the mounted image (Debian package libhivex-bin): \`hivexget /Windows/System32/config/SYSTEM '\\ControlSet001\\Services\\Tcpip\\Parameters' Domain\` should print nothing; or on an instance launched from the image: (Get-CimInstance Win32_ComputerSystem).PartOfDomain must be False.`,
});
const unattend = (identification: string) => `<?xml version="1.0" encoding="utf-8"?>
<unattend xmlns="urn:schemas-microsoft-com:unattend">
  <settings pass="specialize">
    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64">
      <Identification>
        ${identification}
      </Identification>
    </component>
  </settings>
</unattend>
`;

testCheck(check, {
  pass: [
    {
      name: 'an answer file that joins a workgroup: that file is fine, the registry still needs a look',
      source: 'host',
      inventory: [await hostPart({ ...BASE_WINDOWS, 'Windows/Panther/Unattend.xml': unattend('<JoinWorkgroup>WORKGROUP</JoinWorkgroup>') })],
      findings: [
        { status: 'pass', severity: 'info', resourceId: ID, detail: 'unattend:/Windows/Panther/Unattend.xml', message: '/Windows/Panther/Unattend.xml joins the workgroup WORKGROUP, not a domain.' },
        manual(' (the unattend answer file read names no domain)'),
      ],
    },
  ],
  fail: [
    {
      name: "the Sysprep answer file joins a domain (its credentials are not read out), in another folder case, from a tar",
      source: 'host',
      inventory: [
        await hostPart(
          {
            ...BASE_WINDOWS,
            'Windows/System32/sysprep/UNATTEND.XML': unattend(
              '<Credentials><Domain>corp</Domain><Password>Winter2026!</Password><Username>joiner</Username></Credentials>\n        <JoinDomain>corp.example.com</JoinDomain>',
            ),
          },
          'tar',
        ),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'unattend:/Windows/System32/sysprep/UNATTEND.XML',
          message: '/Windows/System32/sysprep/UNATTEND.XML joins the domain corp.example.com when Windows setup runs: every instance launched from the image would join with the same settings.',
        },
      ],
    },
  ],
  unknown: [],
});

describe('host.windows-domain without an answer file', () => {
  it('says how to check the registry, and claims nothing', async () => {
    const inventory = buildInventory([await hostPart(BASE_WINDOWS)], { source: 'host' });
    const results = check.evaluate({ inventory, options: {}, now: new Date() });
    expect(results.map((r) => [r.status, r.message, r.data?.unattend])).toEqual([['manual', 'manual', ', and no unattend answer file was found']]);
  });
});

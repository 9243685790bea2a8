import { afterAll, expect } from 'vitest';
import { BASE_WINDOWS, cleanFixtures, hostPart, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './windows-admin-password.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const V2 = '/ProgramData/Amazon/EC2Launch/config/agent-config.yml';
const agentConfig = (admin: string) => `version: 1.0
config:
- stage: boot
  tasks:
  - task: extendRootPartition
- stage: preReady
  tasks:
  - task: activateWindows
    inputs:
      activation:
        type: amazon
${admin}- stage: postReady
  tasks:
  - task: startSsm
`;
const RANDOM = '  - task: setAdminAccount\n    inputs:\n      password:\n        type: random\n';
const OTHER = {
  status: 'manual' as const,
  resourceId: ID,
  detail: 'other-accounts',
  message:
    'Other enabled local accounts are listed only in the SAM hive (/Windows/System32/config/SAM), which Rampart does not parse. Check by hand: `chntpw -l /Windows/System32/config/SAM` lists the accounts; every one not marked dis/lock needs a new password at launch or must be disabled (on an instance: Get-LocalUser | Where Enabled).',
};
const win = (extra: Spec): Spec => ({ ...BASE_WINDOWS, ...extra });

testCheck(check, {
  pass: [
    {
      name: 'EC2Launch v2 with a random password, reset before imaging',
      source: 'host',
      inventory: [await hostPart(win({ 'ProgramData/Amazon/EC2Launch/config/agent-config.yml': agentConfig(RANDOM), 'ProgramData/Amazon/EC2Launch/state/state.json': '{}' }))],
      findings: [{ status: 'pass', resourceId: ID, detail: 'agent', message: `EC2Launch v2 gives the Administrator a new random password at first boot (${V2}:12).` }, OTHER],
    },
    {
      name: 'EC2Launch v1 Random (keys in any case, as PowerShell writes them), folder names in another case',
      source: 'host',
      inventory: [
        await hostPart(
          win({ 'programdata/amazon/ec2-windows/launch/config/LaunchConfig.json': '{\n  "SetWallpaper": true,\n  "AdminPasswordType": "Random",\n  "AdminPassword": ""\n}\n' }),
        ),
      ],
      findings: [
        {
          status: 'pass',
          resourceId: ID,
          detail: 'agent',
          message: 'EC2Launch gives the Administrator a new random password at first boot (/programdata/amazon/ec2-windows/launch/config/LaunchConfig.json:3).',
        },
        OTHER,
      ],
    },
    {
      name: 'EC2Config with Ec2SetPassword enabled, from a tar',
      source: 'host',
      inventory: [
        await hostPart(
          win({
            'Program Files/Amazon/Ec2ConfigService/Settings/config.xml':
              '<?xml version="1.0"?>\n<Ec2ConfigurationSettings>\n<Plugins>\n<Plugin>\n<Name>Ec2SetPassword</Name>\n<State>Enabled</State>\n</Plugin>\n</Plugins>\n</Ec2ConfigurationSettings>\n',
          }),
          'tar',
        ),
      ],
      findings: [
        {
          status: 'pass',
          resourceId: ID,
          detail: 'agent',
          message: 'EC2Config (Ec2SetPassword) gives the Administrator a new random password at first boot (/Program Files/Amazon/Ec2ConfigService/Settings/config.xml:4).',
        },
        OTHER,
      ],
    },
  ],
  fail: [
    {
      name: 'EC2Launch v2 random, but the instance it was made from already ran: .run-once left behind',
      source: 'host',
      inventory: [await hostPart(win({ 'ProgramData/Amazon/EC2Launch/config/agent-config.yml': agentConfig(RANDOM), 'ProgramData/Amazon/EC2Launch/state/.run-once': '' }))],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'agent',
          message:
            'setAdminAccount is random, but /ProgramData/Amazon/EC2Launch/state/.run-once exists: EC2Launch v2 skips tasks that run once, so instances keep the image\'s password. Run "ec2launch reset" (or sysprep) before creating the image.',
        },
        OTHER,
      ],
    },
    {
      name: 'EC2Launch v2 with a static password: the password is never shown',
      source: 'host',
      inventory: [
        await hostPart(win({ 'ProgramData/Amazon/EC2Launch/config/agent-config.yml': agentConfig('  - task: setAdminAccount\n    inputs:\n      password:\n        type: static\n        data: Winter2026!\n') })),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'agent',
          message: `setAdminAccount in ${V2} uses password type static: every instance gets the same password, stored in the file (not shown here).`,
        },
        OTHER,
      ],
    },
    {
      name: 'EC2Launch v2 without a setAdminAccount task',
      source: 'host',
      inventory: [await hostPart(win({ 'ProgramData/Amazon/EC2Launch/config/agent-config.yml': agentConfig('') }))],
      findings: [{ status: 'fail', resourceId: ID, detail: 'agent', message: `${V2} has no setAdminAccount task: EC2Launch v2 sets no new Administrator password at launch.` }, OTHER],
    },
    {
      name: 'EC2Launch v1 Specify keeps a clear-text password',
      source: 'host',
      inventory: [await hostPart(win({ 'ProgramData/Amazon/EC2-Windows/Launch/Config/LaunchConfig.json': '{"adminPasswordType": "Specify", "adminPassword": "Winter2026!"}' }))],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'agent',
          message:
            'LaunchConfig.json sets adminPasswordType Specify: every instance gets the same password, kept in clear text in LaunchConfig.json until Sysprep runs (not shown here).',
        },
        OTHER,
      ],
    },
    {
      name: 'no launch agent at all',
      source: 'host',
      inventory: [await hostPart(win({}))],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'agent',
          message: 'No EC2 launch agent configuration was found (EC2Launch v2, EC2Launch v1, EC2Config): nothing gives the Administrator a new password at launch.',
        },
        OTHER,
      ],
    },
  ],
  unknown: [
    {
      name: 'agent-config.yml is not valid YAML',
      source: 'host',
      inventory: [await hostPart(win({ 'ProgramData/Amazon/EC2Launch/config/agent-config.yml': 'config: [\n' }))],
      findings: [
        {
          status: 'unknown',
          resourceId: ID,
          detail: 'agent',
          message: expect.stringMatching(/^Could not read the EC2Launch v2 configuration: parse \/ProgramData\/Amazon\/EC2Launch\/config\/agent-config\.yml failed: /) as unknown as string,
        },
        OTHER,
      ],
    },
  ],
});

import { defineCheck } from '../types.js';
import { hostResource } from './resource.js';

export default defineCheck<Record<string, never>, 'manual' | 'missing'>({
  id: 'host.windows-guest',
  title: 'The Windows Guest account is disabled',
  description:
    "The Guest account signs in without a password where it is enabled. Whether it is enabled is recorded in the SAM registry hive (the account's F value, flag 0x0001); no maintained offline hive parser exists on npm, so Rampart says exactly where and how to check rather than guess.",
  severity: 'high',
  guideIds: ['ec2.windows-ami-guest'],
  needs: ['host.windows.hives'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Disable the Guest account before creating the image.',
    cli: 'net user Guest /active:no',
  },
  messages: {
    manual:
      'The Guest account\'s state is in the SAM hive ({{sam}}), which Rampart does not parse. Check by hand on the mounted image: `chntpw -l {{sam}}` (Debian package chntpw) must show Guest as dis/lock; or on an instance launched from the image: `Get-LocalUser Guest` must show Enabled False.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const win = host?.windows;
    if (!host || !win) return [];
    const sam = win.hives.sam ?? `${win.systemRoot}/System32/config/SAM`;
    return [{ status: 'manual', resource: hostResource(host, { file: sam, line: 1 }), message: 'manual', data: { sam }, detail: 'guest' }];
  },
});

import type { HostInventory, WindowsHost } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { at, fileAt, hostResource } from './resource.js';

type Msg = 'random' | 'v2NoTask' | 'v2NotRandom' | 'v2RunOnce' | 'v1NotRandom' | 'v1Unset' | 'ec2configOff' | 'noAgent' | 'otherAccounts' | 'missing';

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.windows-admin-password',
  title: 'Windows accounts get new random passwords at instance creation',
  description:
    "A Windows image must leave the launch agent set to give the Administrator a new random password at first boot (encrypted with the launch key pair, read with GetPasswordData); otherwise every instance keeps the image builder's password. Rampart reads the newest agent present: EC2Launch v2 (agent-config.yml, setAdminAccount), EC2Launch v1 (LaunchConfig.json, adminPasswordType) or EC2Config (config.xml, Ec2SetPassword).",
  severity: 'high',
  guideIds: ['ec2.windows-ami-passwords'],
  needs: ['host.windows.ec2launchV2', 'host.windows.ec2launchV1', 'host.windows.ec2config'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'EC2Launch v2: give setAdminAccount `password: {type: random}` and run `ec2launch reset` (or `ec2launch sysprep`) before creating the image. EC2Launch v1: set "adminPasswordType": "Random" and run InitializeInstance.ps1 -Schedule. EC2Config: enable Ec2SetPassword before bundling. Give every other enabled local account a new password at launch, or disable it.',
    cli: "& \"$env:ProgramFiles\\Amazon\\EC2Launch\\ec2launch.exe\" reset --clean",
  },
  messages: {
    random: '{{agent}} gives the Administrator a new random password at first boot ({{where}}).',
    v2NoTask: '{{file}} has no setAdminAccount task: EC2Launch v2 sets no new Administrator password at launch.',
    v2NotRandom: 'setAdminAccount in {{file}} uses password type {{type}}: {{effect}}.',
    v2RunOnce:
      'setAdminAccount is random, but {{state}} exists: EC2Launch v2 skips tasks that run once, so instances keep the image\'s password. Run "ec2launch reset" (or sysprep) before creating the image.',
    v1NotRandom: 'LaunchConfig.json sets adminPasswordType {{type}}: {{effect}}.',
    v1Unset: 'LaunchConfig.json sets no adminPasswordType, so whether a new password is set at launch cannot be told.',
    ec2configOff: 'EC2Config\'s Ec2SetPassword plugin is {{state}} in {{file}}: instances keep the image\'s Administrator password.',
    noAgent: 'No EC2 launch agent configuration was found (EC2Launch v2, EC2Launch v1, EC2Config): nothing gives the Administrator a new password at launch.',
    otherAccounts:
      'Other enabled local accounts are listed only in the SAM hive ({{sam}}), which Rampart does not parse. Check by hand: `chntpw -l {{sam}}` lists the accounts; every one not marked dis/lock needs a new password at launch or must be disabled (on an instance: Get-LocalUser | Where Enabled).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const win = host?.windows;
    if (!host || !win) return [];
    const out: CheckResult<Msg>[] = [agentVerdict(host, win)];
    out.push({ status: 'manual', resource: hostResource(host), message: 'otherAccounts', data: { sam: win.hives.sam ?? `${win.systemRoot}/System32/config/SAM` }, detail: 'other-accounts' });
    return out;
  },
});

/** The newest agent present decides: installing v2 replaces v1 and EC2Config. */
function agentVerdict(host: HostInventory, win: WindowsHost): CheckResult<Msg> {
  const v2 = win.ec2launchV2;
  if (v2.state === 'ok') {
    const { file, setAdminAccount: task, runOnce } = v2.value;
    if (!task) return { status: 'fail', resource: hostResource(host, fileAt(file)), message: 'v2NoTask', data: { file }, detail: 'agent' };
    const resource = hostResource(host, at(file, task.line));
    const type = (task.passwordType ?? '').toLowerCase();
    if (type === 'random') {
      if (runOnce) {
        return { status: 'fail', resource, message: 'v2RunOnce', data: { state: file.replace(/config\/agent-config\.yml$/i, 'state/.run-once') }, detail: 'agent' };
      }
      return { status: 'pass', resource, message: 'random', data: { agent: 'EC2Launch v2', where: `${file}:${task.line}` }, detail: 'agent' };
    }
    const effect =
      type === 'static'
        ? 'every instance gets the same password, stored in the file (not shown here)'
        : type === 'donothing'
          ? 'instances keep the password the Administrator has in the image'
          : 'no random password is set';
    return { status: 'fail', resource, message: 'v2NotRandom', data: { file, type: task.passwordType ?? '(none)', effect }, detail: 'agent' };
  }
  if (v2.state !== 'absent') return missing(hostResource(host), v2, 'the EC2Launch v2 configuration', 'agent');

  const v1 = win.ec2launchV1;
  if (v1.state === 'ok') {
    const t = v1.value.adminPasswordType;
    if (!t) return { status: 'unknown', resource: hostResource(host, fileAt(v1.value.file)), message: 'v1Unset', detail: 'agent' };
    const resource = hostResource(host, at(v1.value.file, t.line));
    const type = t.value.toLowerCase();
    if (type === 'random') return { status: 'pass', resource, message: 'random', data: { agent: 'EC2Launch', where: `${v1.value.file}:${t.line}` }, detail: 'agent' };
    const effect =
      type === 'specify'
        ? 'every instance gets the same password, kept in clear text in LaunchConfig.json until Sysprep runs (not shown here)'
        : 'the password comes from unattend.xml, or the account is disabled when none is there';
    return { status: 'fail', resource, message: 'v1NotRandom', data: { type: t.value, effect }, detail: 'agent' };
  }
  if (v1.state !== 'absent') return missing(hostResource(host), v1, 'the EC2Launch configuration', 'agent');

  const c = win.ec2config;
  if (c.state === 'ok') {
    const sp = c.value.setPassword;
    if (sp && sp.state.toLowerCase() === 'enabled') {
      return { status: 'pass', resource: hostResource(host, at(c.value.file, sp.line)), message: 'random', data: { agent: 'EC2Config (Ec2SetPassword)', where: `${c.value.file}:${sp.line}` }, detail: 'agent' };
    }
    return {
      status: 'fail',
      resource: hostResource(host, sp ? at(c.value.file, sp.line) : fileAt(c.value.file)),
      message: 'ec2configOff',
      data: { state: sp ? sp.state : 'not listed', file: c.value.file },
      detail: 'agent',
    };
  }
  if (c.state !== 'absent') return missing(hostResource(host), c, 'the EC2Config configuration', 'agent');
  return { status: 'fail', resource: hostResource(host), message: 'noAgent', detail: 'agent' };
}

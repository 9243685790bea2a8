import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { at, hostResource } from './resource.js';

type Msg = 'joins' | 'workgroup' | 'manual' | 'missing';

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.windows-domain',
  title: 'The Windows image is not joined to a domain',
  description:
    "An image joined to a domain carries the machine account's secret: every instance launched from it claims the same identity in Active Directory. Rampart reads the unattend answer files (JoinDomain); the domain membership itself is in the registry hives, which it does not parse, so without an answer file it says how to check.",
  severity: 'high',
  guideIds: ['ec2.windows-ami-domain'],
  needs: ['host.windows.unattend', 'host.windows.hives'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Leave the domain (or never join) before creating the image, and join each instance at launch instead: AWS Systems Manager (AWS-JoinDirectoryServiceDomain), EC2 seamless domain join, or a user-data script.',
    cli: 'Remove-Computer -UnjoinDomainCredential (Get-Credential) -WorkgroupName WORKGROUP -Restart',
  },
  messages: {
    joins: '{{file}} joins the domain {{domain}} when Windows setup runs: every instance launched from the image would join with the same settings.',
    workgroup: '{{file}} joins the workgroup {{workgroup}}, not a domain.',
    manual:
      'Domain membership is in the SYSTEM and SECURITY hives ({{hives}}), which Rampart does not parse{{unattend}}. Check by hand on the mounted image (Debian package libhivex-bin): `hivexget {{system}} \'\\ControlSet001\\Services\\Tcpip\\Parameters\' Domain` should print nothing; or on an instance launched from the image: (Get-CimInstance Win32_ComputerSystem).PartOfDomain must be False.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const win = host?.windows;
    if (!host || !win) return [];
    const u = win.unattend;
    const out: CheckResult<Msg>[] = [];
    if (u.state === 'error' || u.state === 'unknown') out.push(missing(hostResource(host), u, 'the unattend files'));
    const files = u.state === 'ok' ? u.value : [];
    for (const f of files) {
      if (f.joinDomain && f.joinDomain.value !== '') {
        out.push({ status: 'fail', resource: hostResource(host, at(f.path, f.joinDomain.line)), message: 'joins', data: { file: f.path, domain: f.joinDomain.value }, detail: `unattend:${f.path}` });
      }
    }
    if (out.some((r) => r.status === 'fail')) return out;
    // An answer file that names no domain says nothing of a join made by hand: the registry decides.
    for (const f of files) {
      if (f.joinWorkgroup) out.push({ status: 'pass', severity: 'info', resource: hostResource(host, at(f.path, f.joinWorkgroup.line)), message: 'workgroup', data: { file: f.path, workgroup: f.joinWorkgroup.value }, detail: `unattend:${f.path}` });
    }
    const system = win.hives.system ?? `${win.systemRoot}/System32/config/SYSTEM`;
    const security = win.hives.security ?? `${win.systemRoot}/System32/config/SECURITY`;
    out.push({
      status: 'manual',
      resource: hostResource(host),
      message: 'manual',
      data: { hives: `${system}, ${security}`, system, unattend: files.length ? ` (${answerFiles(files.length)})` : ', and no unattend answer file was found' },
      detail: 'registry',
    });
    return out;
  },
});

function answerFiles(n: number): string {
  return n === 1 ? 'the unattend answer file read names no domain' : `the ${n} unattend answer files read name no domain`;
}

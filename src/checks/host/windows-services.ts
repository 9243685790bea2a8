import { defineCheck } from '../types.js';
import { hostResource } from './resource.js';

/** The services the guide names (file sharing, print spooler, RPC) and their kind; Start 4 = disabled. */
export const NON_ESSENTIAL_SERVICES = ['LanmanServer', 'Spooler', 'RpcLocator', 'RemoteRegistry', 'SSDPSRV', 'upnphost'];

export default defineCheck<Record<string, never>, 'manual' | 'missing'>({
  id: 'host.windows-services',
  title: 'File sharing, print spooler, RPC and other non-essential Windows services are disabled',
  description:
    "Services enabled by default (file sharing, the print spooler of PrintNightmare, the RPC locator, remote registry) widen every instance's attack surface. Their start types live in the SYSTEM registry hive; no maintained offline hive parser exists on npm, so Rampart gives the exact commands to read them.",
  severity: 'medium',
  guideIds: ['ec2.windows-ami-services'],
  needs: ['host.windows.hives'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Disable what the workload does not need before creating the image (Set-Service NAME -StartupType Disabled), for example the print spooler on servers that print nothing and file sharing where no share is served.',
    cli: 'Stop-Service Spooler; Set-Service Spooler -StartupType Disabled',
  },
  messages: {
    manual:
      'Service start types are in the SYSTEM hive ({{system}}), which Rampart does not parse. Check by hand on the mounted image (Debian package libhivex-bin): `hivexget {{system}} \'\\Select\' Current` gives the control set N, then for each of {{services}}: `hivexget {{system}} \'\\ControlSet00N\\Services\\NAME\' Start` must print 4 (disabled). On an instance: Get-Service {{list}} | Select Name,StartType.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const win = host?.windows;
    if (!host || !win) return [];
    const system = win.hives.system ?? `${win.systemRoot}/System32/config/SYSTEM`;
    return [
      {
        status: 'manual',
        resource: hostResource(host, { file: system, line: 1 }),
        message: 'manual',
        data: { system, services: NON_ESSENTIAL_SERVICES.join(', '), list: NON_ESSENTIAL_SERVICES.join(',') },
        detail: 'services',
      },
    ];
  },
});

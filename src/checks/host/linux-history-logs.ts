import type { LogFile, TextScan } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { at, describeSecrets, fileAt, hostResource, plural, secretSeverity } from './resource.js';

type Msg = 'history' | 'historySecrets' | 'logSecrets' | 'logs' | 'clean' | 'missing';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Where a file's finding points: its first secret, else the file. */
function where(path: string, scan: TextScan) {
  const first = scan.secrets[0];
  return first ? at(path, first.line) : fileAt(path);
}

function evidence(path: string, scan: TextScan) {
  return { secrets: scan.secrets.map((s) => ({ type: s.type, file: path, line: s.line, excerpt: s.excerpt })), secretCount: scan.secretCount, truncated: scan.truncated };
}

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.linux-history-logs',
  title: 'No shell history or log files with sensitive data are left in the image',
  description:
    'Shell and tool histories (bash, zsh, python, mysql, psql, less, vim...) and system logs record what the image builder typed and did: passwords on command lines, keys pasted into a shell, internal host names. Every file is streamed through a secret scanner (AWS keys, private key blocks, password= and --password forms, credentials in URLs); found secrets raise the severity, and the report shows only their kind, file:line and a masked excerpt.',
  severity: 'medium',
  guideIds: ['ec2.linux-ami-history-logs'],
  needs: ['host.linux.historyLogs'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Before creating the image, delete shell histories (and link them to /dev/null, or unset HISTFILE for the build session) and empty the log files. Rotate every secret the scan found: deleting the file does not unpublish a secret that was in an image.',
    cli: 'sudo find /root /home -maxdepth 2 -name ".*history" -o -maxdepth 2 -name .viminfo -o -maxdepth 2 -name .lesshst | xargs -r sudo shred -u; sudo find /var/log -type f -exec truncate -s 0 {} +',
  },
  messages: {
    history: '{{path}} keeps {{lines}} of history ({{size}}).',
    historySecrets: '{{path}} keeps {{lines}} of history with {{secrets}}: {{found}}.',
    logSecrets: 'Log {{path}} ({{size}}) holds {{secrets}}: {{found}}.{{partial}}',
    logs: 'Non-empty files under /var/log: {{count}} ({{size}} in all), for example {{examples}}.',
    clean: 'No shell history and no non-empty log file were found in {{homes}} and /var/log.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const linux = host?.linux;
    if (!host || !linux) return [];
    const hl = linux.historyLogs;
    if (hl.state !== 'ok') return hl.state === 'absent' ? [] : [missing(hostResource(host), hl, 'the histories and logs')];
    const out: CheckResult<Msg>[] = [];

    for (const h of hl.value.histories) {
      if (h.scan.state !== 'ok') {
        out.push(missing(hostResource(host, fileAt(h.path)), h.scan, h.path, `history:${h.path}`));
        continue;
      }
      const scan = h.scan.value;
      if (h.linked !== undefined || h.size === 0) continue; // linked to /dev/null, or empty: nothing kept
      const data = { path: h.path, lines: plural(scan.lines, 'line'), size: size(h.size) };
      if (scan.secretCount > 0) {
        out.push({
          status: 'fail',
          severity: secretSeverity(scan.secrets, 'high'),
          resource: hostResource(host, where(h.path, scan)),
          message: 'historySecrets',
          data: { ...data, secrets: plural(scan.secretCount, 'secret'), found: describeSecrets(scan.secrets, scan.secretCount) },
          detail: `history:${h.path}`,
          evidence: evidence(h.path, scan),
        });
      } else {
        out.push({ status: 'fail', resource: hostResource(host, fileAt(h.path)), message: 'history', data, detail: `history:${h.path}` });
      }
    }

    if (hl.value.logs.state !== 'ok') {
      if (hl.value.logs.state !== 'absent') out.push(missing(hostResource(host), hl.value.logs, '/var/log', 'var-log'));
    } else {
      const plain: LogFile[] = [];
      for (const l of hl.value.logs.value) {
        if (l.scan.state !== 'ok') {
          out.push(missing(hostResource(host, fileAt(l.path)), l.scan, l.path, `log:${l.path}`));
          continue;
        }
        const scan = l.scan.value;
        if (scan.secretCount === 0) {
          plain.push(l);
          continue;
        }
        out.push({
          status: 'fail',
          severity: secretSeverity(scan.secrets, 'high'),
          resource: hostResource(host, where(l.path, scan)),
          message: 'logSecrets',
          data: {
            path: l.path,
            size: size(l.size),
            secrets: plural(scan.secretCount, 'secret'),
            found: describeSecrets(scan.secrets, scan.secretCount),
            partial: scan.truncated ? ' Only part of it could be read.' : '',
          },
          detail: `log:${l.path}`,
          evidence: evidence(l.path, scan),
        });
      }
      if (plain.length > 0) {
        const biggest = [...plain].sort((a, b) => b.size - a.size);
        out.push({
          status: 'fail',
          severity: 'low',
          resource: hostResource(host, fileAt(biggest[0]?.path ?? '/var/log')),
          message: 'logs',
          data: {
            count: plain.length,
            size: size(plain.reduce((n, l) => n + l.size, 0)),
            examples: biggest
              .slice(0, 3)
              .map((l) => `${l.path} (${size(l.size)})`)
              .join(', '),
          },
          detail: 'var-log',
          evidence: { files: biggest.slice(0, 50).map((l) => ({ path: l.path, size: l.size })) },
        });
      }
    }

    for (const g of hl.value.gaps) {
      out.push(missing(hostResource(host, fileAt(g.path)), { state: 'error', call: g.call, error: g.error }, g.path, `gap:${g.path}`));
    }
    if (out.length === 0) {
      const homes = linux.userKeys.state === 'ok' ? plural(linux.userKeys.value.homes.length, 'home') : 'the homes';
      out.push({ status: 'pass', resource: hostResource(host), message: 'clean', data: { homes } });
    }
    return out;
  },
});

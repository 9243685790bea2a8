import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { at, hostResource } from './resource.js';
import { effective, matchOverrides, REQUIREMENTS } from './sshd-settings.js';

type Msg = 'pass' | 'fail' | 'matchFail' | 'uncertain' | 'invalid' | 'missing';

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.linux-sshd',
  title: 'sshd allows public-key authentication only',
  description:
    'An image whose sshd accepts passwords (directly or through keyboard-interactive PAM), empty passwords or root passwords can be brute-forced the moment an instance gets a public address. Rampart reads sshd_config as sshd does: Include files in place, the first value wins, Match blocks override for the connections they match, and OpenSSH defaults apply where nothing is set.',
  severity: 'high',
  guideIds: ['ec2.linux-ami-sshd'],
  needs: ['host.linux.sshd'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'In /etc/ssh/sshd_config, before any Include and any Match block (sshd keeps the first value it reads), set PubkeyAuthentication yes, PasswordAuthentication no, KbdInteractiveAuthentication no, PermitRootLogin prohibit-password (or no) and PermitEmptyPasswords no; remove drop-ins (such as sshd_config.d/50-cloud-init.conf) and Match blocks that turn passwords back on. Check with `sshd -T` in the image before creating it.',
    cli: "sudo sed -i -E 's/^#?\\s*(PasswordAuthentication|KbdInteractiveAuthentication|ChallengeResponseAuthentication|PermitEmptyPasswords)\\b.*/\\1 no/' /etc/ssh/sshd_config && sudo sshd -T | grep -Ei '^(pubkeyauthentication|passwordauthentication|kbdinteractiveauthentication|permitrootlogin|permitemptypasswords) '",
  },
  messages: {
    pass: '{{keyword}} is {{value}} ({{where}}).',
    fail: '{{keyword}} is {{value}} ({{where}}); it must be {{expected}}.',
    matchFail: 'Match {{criteria}} ({{matchAt}}) sets {{keyword}} {{value}} for the connections it matches; it must be {{expected}}.',
    uncertain: '{{keyword}} looks like {{value}} ({{where}}), but part of the configuration could not be read: {{why}}.',
    invalid: 'sshd refuses to start with this configuration: {{why}} ({{where}}).',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const linux = host?.linux;
    if (!host || !linux) return [];
    const sshd = linux.sshd;
    if (sshd.state === 'absent' && !linux.sshdInstalled) return []; // no sshd: nothing to judge
    if (sshd.state !== 'ok' && sshd.state !== 'absent') return [missing(hostResource(host), sshd, 'the sshd configuration')];
    const cfg = sshd.state === 'ok' ? sshd.value : { file: '/etc/ssh/sshd_config', files: [], directives: [], matches: [], problems: [] };
    const problems = cfg.problems;
    const out: CheckResult<Msg>[] = [];

    for (const p of problems.filter((x) => x.kind !== 'unreadable')) {
      out.push({
        status: 'fail',
        severity: 'medium',
        resource: hostResource(host, at(p.file, p.line)),
        message: 'invalid',
        data: { why: p.error, where: `${p.file}:${p.line}` },
        detail: `invalid:${p.file}:${p.line}`,
      });
    }
    const firstProblem = problems[0];

    for (const req of REQUIREMENTS) {
      const eff = effective(cfg, req);
      const d = eff.directive;
      const keyword = d?.written ?? req.name;
      const where = d
        ? `set at ${d.file}:${d.line}${eff.viaMatchAll ? ` in Match all` : ''}`
        : sshd.state === 'absent'
          ? 'no sshd_config: OpenSSH default'
          : 'not set: OpenSSH default';
      const resource = hostResource(host, d ? at(d.file, d.line) : undefined);
      const data = { keyword, value: eff.value, where, expected: req.expected };
      if (!req.ok(eff.value)) {
        out.push({ status: 'fail', severity: req.severity, resource, message: 'fail', data, detail: req.keyword });
      } else if (firstProblem) {
        // An unread Include could hold a Match all or an earlier line that changes the verdict.
        out.push({ status: 'unknown', resource, message: 'uncertain', data: { ...data, why: `${firstProblem.call}: ${firstProblem.error}` }, detail: req.keyword });
      } else {
        out.push({ status: 'pass', resource, message: 'pass', data, detail: req.keyword });
      }
      for (const o of matchOverrides(cfg, req)) {
        if (req.ok(o.value)) continue;
        out.push({
          status: 'fail',
          severity: req.severity,
          resource: hostResource(host, at(o.directive.file, o.directive.line)),
          message: 'matchFail',
          data: { criteria: o.match.criteria, matchAt: `${o.match.file}:${o.match.line}`, keyword: o.directive.written, value: o.value, expected: req.expected },
          detail: `${req.keyword}:match:${o.match.criteria}`,
        });
      }
    }
    return out;
  },
});

import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { at, hostResource, plural } from './resource.js';

type Msg = 'usable' | 'empty' | 'passwdHash' | 'passwdEmpty' | 'locked' | 'missing';

export default defineCheck<Record<string, never>, Msg>({
  id: 'host.linux-passwords',
  title: "Every account's password is locked or absent",
  description:
    'A password hash left in an image is a default password for every instance launched from it; an empty password field lets anyone log in wherever PAM allows it (nullok). Locked fields start with ! or * (passwd -l, and the "!!", "!*" and "*" of distribution accounts).',
  severity: 'high',
  guideIds: ['ec2.linux-ami-passwords'],
  needs: ['host.linux.shadow', 'host.linux.passwd'],
  permissions: [],
  sources: ['host'],
  remediation: {
    text: 'Lock every account that has a password before creating the image (passwd -l NAME), and give none an empty password field. People log in with SSH keys that cloud-init installs at launch.',
    cli: "sudo awk -F: '$2 !~ /^[!*]/ {print $1}' /etc/shadow | xargs -r -n1 sudo passwd -l",
  },
  messages: {
    usable: 'Account {{user}} has a usable password ({{scheme}} hash) in /etc/shadow: every instance would share it.',
    empty: 'Account {{user}} has an empty password field in /etc/shadow: it may log in with no password at all.',
    passwdHash: 'Account {{user}} has a usable password hash in /etc/passwd itself: every instance would share it.',
    passwdEmpty: 'Account {{user}} has an empty password field in /etc/passwd: it may log in with no password at all.',
    locked: 'All {{count}} are locked or have no usable password.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const host = inventory.host;
    const linux = host?.linux;
    if (!host || !linux) return [];
    const out: CheckResult<Msg>[] = [];
    const { shadow, passwd } = linux;
    if (shadow.state === 'error' || shadow.state === 'unknown') out.push(missing(hostResource(host), shadow, '/etc/shadow'));
    if (passwd.state === 'error' || passwd.state === 'unknown') out.push(missing(hostResource(host), passwd, '/etc/passwd'));
    let judged = 0;
    if (shadow.state === 'ok') {
      for (const e of shadow.value) {
        judged++;
        const resource = hostResource(host, at('/etc/shadow', e.line));
        if (e.password === 'empty') out.push({ status: 'fail', severity: 'critical', resource, message: 'empty', data: { user: e.user }, detail: `user:${e.user}` });
        if (e.password === 'hash')
          out.push({ status: 'fail', resource, message: 'usable', data: { user: e.user, scheme: e.scheme ?? 'crypt' }, detail: `user:${e.user}` });
      }
    }
    if (passwd.state === 'ok') {
      // A field other than 'x' in /etc/passwd is the password itself: shadow is not consulted for it.
      for (const e of passwd.value) {
        const resource = hostResource(host, at('/etc/passwd', e.line));
        if (e.password === 'empty') out.push({ status: 'fail', severity: 'critical', resource, message: 'passwdEmpty', data: { user: e.user }, detail: `passwd:${e.user}` });
        if (e.password === 'hash') out.push({ status: 'fail', resource, message: 'passwdHash', data: { user: e.user }, detail: `passwd:${e.user}` });
        if (shadow.state !== 'ok') judged++;
      }
    }
    if (judged > 0 && !out.some((r) => r.status !== 'pass')) {
      const file = shadow.state === 'ok' ? '/etc/shadow' : '/etc/passwd';
      out.push({ status: 'pass', resource: hostResource(host, at(file, 1)), message: 'locked', data: { count: plural(judged, `account in ${file}`, `accounts in ${file}`) } });
    }
    return out;
  },
});

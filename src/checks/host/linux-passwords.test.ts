import { afterAll } from 'vitest';
import { BASE_LINUX, cleanFixtures, hostPart } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './linux-passwords.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\nec2-user:x:1000:1000::/home/ec2-user:/bin/bash\nbuilder:x:1001:1001::/home/builder:/bin/bash\n';

testCheck(check, {
  pass: [
    {
      name: "every lock distributions use: '*', '!!', '!*', '!' before a hash",
      source: 'host',
      inventory: [
        await hostPart({
          ...BASE_LINUX,
          'etc/passwd': PASSWD,
          'etc/shadow': 'root:*:19000::::::\ndaemon:!*:19000::::::\nec2-user:!!:19000::::::\nbuilder:!$6$salt$hash:19000::::::\n',
        }),
      ],
      findings: [{ status: 'pass', resourceId: ID, message: 'All 4 accounts in /etc/shadow are locked or have no usable password.' }],
    },
    {
      name: "no /etc/shadow and every passwd field 'x': no password can match",
      source: 'host',
      inventory: [await hostPart({ 'etc/os-release': 'ID=x\n', 'etc/passwd': PASSWD })],
      findings: [{ status: 'pass', resourceId: ID, message: 'All 4 accounts in /etc/passwd are locked or have no usable password.' }],
    },
  ],
  fail: [
    {
      name: 'a usable hash and an empty field, per account, from a tar',
      source: 'host',
      inventory: [
        await hostPart(
          {
            ...BASE_LINUX,
            'etc/passwd': PASSWD,
            'etc/shadow': 'root:*:19000::::::\ndaemon::19000::::::\nec2-user:$y$j9T$abc$def:19000::::::\nbuilder:abJnggxhB/yWI:19000::::::\n',
          },
          'tar',
        ),
      ],
      findings: [
        { status: 'fail', severity: 'critical', resourceId: ID, detail: 'user:daemon', message: 'Account daemon has an empty password field in /etc/shadow: it may log in with no password at all.' },
        { status: 'fail', resourceId: ID, detail: 'user:ec2-user', message: 'Account ec2-user has a usable password (yescrypt hash) in /etc/shadow: every instance would share it.' },
        { status: 'fail', resourceId: ID, detail: 'user:builder', message: 'Account builder has a usable password (des hash) in /etc/shadow: every instance would share it.' },
      ],
    },
    {
      name: 'a hash or an empty field in /etc/passwd itself',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, 'etc/passwd': 'root:x:0:0::/root:/bin/sh\nold:$1$abc$def:1002:1002::/home/old:/bin/sh\nguest::1003:1003::/home/guest:/bin/sh\n' })],
      findings: [
        { status: 'fail', resourceId: ID, detail: 'passwd:old', message: 'Account old has a usable password hash in /etc/passwd itself: every instance would share it.' },
        { status: 'fail', severity: 'critical', resourceId: ID, detail: 'passwd:guest', message: 'Account guest has an empty password field in /etc/passwd: it may log in with no password at all.' },
      ],
    },
  ],
  unknown: [
    {
      name: '/etc/shadow cannot be read: no pass is claimed',
      source: 'host',
      inventory: [await hostPart({ ...BASE_LINUX, 'etc/shadow': { dir: true } })],
      findings: [{ status: 'unknown', resourceId: ID, message: 'Could not read /etc/shadow: read /etc/shadow failed: EISDIR: a folder where a file was expected.' }],
    },
  ],
});

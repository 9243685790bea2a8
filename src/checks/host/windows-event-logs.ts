import { z } from 'zod';
import type { EventLog } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { missing } from '../helpers.js';
import { fileAt, hostResource, plural } from './resource.js';

const Options = z.object({
  /** Records a log may hold and still count as cleared: clearing writes one (event 1102 or 104), shutdown a few more. */
  maxRecords: z.number().int().nonnegative().default(10),
});
type Options = z.infer<typeof Options>;

type Msg = 'notCleared' | 'cleared' | 'none' | 'unreadable' | 'missing';

function name(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export default defineCheck<Options, Msg>({
  id: 'host.windows-event-logs',
  title: 'Windows event logs are cleared before bundling',
  description:
    "Event logs carry the image builder's history: logons, installed software, PowerShell script blocks with their arguments. A cleared .evtx keeps its preallocated size, so Rampart counts the records in each log's chunk headers rather than trusting the size.",
  severity: 'medium',
  guideIds: ['ec2.windows-ami-event-logs'],
  needs: ['host.windows.eventLogs'],
  permissions: [],
  sources: ['host'],
  options: Options,
  remediation: {
    text: 'Clear every event log as the last step before creating the image (EC2Launch v2 `ec2launch sysprep --clean` clears its own logs; wevtutil clears the Windows ones).',
    cli: 'wevtutil el | ForEach-Object { wevtutil cl "$_" }',
  },
  messages: {
    notCleared: 'Event logs holding more than {{max}} records: {{count}}, for example {{examples}}.',
    cleared: 'Every event log ({{count}}) holds at most {{max}} records.',
    none: 'No event log file is in the image.',
    unreadable: 'Event logs that could not be read as EVTX files: {{count}} ({{examples}}); whether they were cleared cannot be told.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory, options }) {
    const host = inventory.host;
    const win = host?.windows;
    if (!host || !win) return [];
    const logs = win.eventLogs;
    if (logs.state === 'absent') return [{ status: 'pass', resource: hostResource(host), message: 'none' }];
    if (logs.state !== 'ok') return [missing(hostResource(host), logs, 'the event logs')];
    const max = options.maxRecords;
    const full = logs.value.filter((l): l is EventLog & { records: number } => l.records !== null && l.records > max).sort((a, b) => b.records - a.records);
    const unread = logs.value.filter((l) => l.records === null);
    const out: CheckResult<Msg>[] = [];
    if (full.length > 0) {
      out.push({
        status: 'fail',
        resource: hostResource(host, fileAt(full[0]?.path ?? win.systemRoot)),
        message: 'notCleared',
        data: { count: full.length, max, examples: full.slice(0, 3).map((l) => `${name(l.path)} (${plural(l.records, 'record')})`).join(', ') },
        detail: 'event-logs',
        evidence: { logs: full.slice(0, 50).map((l) => ({ path: l.path, records: l.records, size: l.size })) },
      });
    }
    if (unread.length > 0) {
      out.push({
        status: 'unknown',
        resource: hostResource(host, fileAt(unread[0]?.path ?? win.systemRoot)),
        message: 'unreadable',
        data: { count: unread.length, examples: unread.slice(0, 3).map((l) => `${name(l.path)}: ${l.error ?? 'unreadable'}`).join('; ') },
        detail: 'event-logs-unreadable',
      });
    }
    if (out.length === 0) {
      out.push(
        logs.value.length === 0
          ? { status: 'pass', resource: hostResource(host), message: 'none' }
          : { status: 'pass', resource: hostResource(host), message: 'cleared', data: { count: logs.value.length, max }, detail: 'event-logs' },
      );
    }
    return out;
  },
});

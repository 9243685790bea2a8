import { afterAll } from 'vitest';
import { BASE_WINDOWS, cleanFixtures, evtx, hostPart, type Spec } from '../../sources/host/__tests__/fixtures.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './windows-event-logs.js';

afterAll(cleanFixtures);

const ID = 'ami-test';
const LOGS = 'Windows/System32/winevt/Logs';
const win = (logs: Record<string, Buffer | string>): Spec => ({ ...BASE_WINDOWS, ...Object.fromEntries(Object.entries(logs).map(([n, b]) => [`${LOGS}/${n}`, b])) });

testCheck(check, {
  pass: [
    {
      name: 'cleared logs keep their preallocated size but hold a record or two',
      source: 'host',
      inventory: [await hostPart(win({ 'Security.evtx': evtx([[1, 1], null, null]), 'System.evtx': evtx([[1, 4], null]), 'Application.evtx': evtx([null]) }))],
      findings: [{ status: 'pass', resourceId: ID, detail: 'event-logs', message: 'Every event log (3) holds at most 10 records.' }],
    },
    {
      name: 'no log folder at all',
      source: 'host',
      inventory: [await hostPart(BASE_WINDOWS)],
      findings: [{ status: 'pass', resourceId: ID, message: 'No event log file is in the image.' }],
    },
  ],
  fail: [
    {
      name: 'logs with the builder\'s history, from a tar; the biggest first',
      source: 'host',
      inventory: [
        await hostPart(
          win({
            'Security.evtx': evtx([[1, 800], [801, 1450]]),
            'Microsoft-Windows-PowerShell%4Operational.evtx': evtx([[1, 120]]),
            'System.evtx': evtx([[1, 3]]),
          }),
          'tar',
        ),
      ],
      findings: [
        {
          status: 'fail',
          resourceId: ID,
          detail: 'event-logs',
          message: 'Event logs holding more than 10 records: 2, for example Security.evtx (1450 records), Microsoft-Windows-PowerShell%4Operational.evtx (120 records).',
        },
      ],
    },
    {
      name: 'a stricter limit set in the options',
      source: 'host',
      options: { maxRecords: 0 },
      inventory: [await hostPart(win({ 'Security.evtx': evtx([[1, 1]]) }))],
      findings: [{ status: 'fail', resourceId: ID, detail: 'event-logs', message: 'Event logs holding more than 0 records: 1, for example Security.evtx (1 record).' }],
    },
  ],
  unknown: [
    {
      name: 'a log that is not EVTX cannot be judged',
      source: 'host',
      inventory: [await hostPart(win({ 'System.evtx': evtx([[1, 2]]), 'Broken.evtx': 'not an event log '.repeat(300) }))],
      findings: [
        {
          status: 'unknown',
          resourceId: ID,
          detail: 'event-logs-unreadable',
          message: 'Event logs that could not be read as EVTX files: 1 (Broken.evtx: not an EVTX file (no ElfFile signature)); whether they were cleared cannot be told.',
        },
      ],
    },
  ],
});

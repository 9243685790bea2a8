import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { importFindings } from './import.js';

const hub = mockClient(SecurityHubClient);
const findings = (n: number): AwsSecurityFinding[] =>
  Array.from({ length: n }, (_, i) => ({ Id: `f${i}` }) as AwsSecurityFinding);

describe('importFindings', () => {
  beforeEach(() => hub.reset());

  it('sends batches of at most 100 and counts the imported', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: AwsSecurityFinding[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
    const out = await importFindings(new SecurityHubClient({ region: 'us-east-1' }), findings(250));
    const sizes = hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings?.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(out).toEqual({ imported: 250, failed: [] });
  });

  it('reports the findings Security Hub rejected', async () => {
    hub.on(BatchImportFindingsCommand).resolves({
      SuccessCount: 1,
      FailedCount: 1,
      FailedFindings: [{ Id: 'f1', ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to ASFF' }],
    });
    const out = await importFindings(new SecurityHubClient({ region: 'us-east-1' }), findings(2));
    expect(out).toEqual({ imported: 1, failed: [{ id: 'f1', code: 'InvalidInput', message: 'Finding does not adhere to ASFF' }] });
  });

  it('keeps going when one batch call fails, and names every finding it lost', async () => {
    const denied = Object.assign(new Error('not subscribed to Security Hub'), { name: 'InvalidAccessException' });
    hub.on(BatchImportFindingsCommand).rejectsOnce(denied).resolves({ SuccessCount: 5, FailedCount: 0 });
    const out = await importFindings(new SecurityHubClient({ region: 'us-east-1' }), findings(105));
    expect(out.imported).toBe(5);
    expect(out.failed).toHaveLength(100);
    expect(out.failed[0]).toEqual({ id: 'f0', code: 'InvalidAccessException', message: 'not subscribed to Security Hub' });
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(2);
  });

  it('makes no call for no findings', async () => {
    expect(await importFindings(new SecurityHubClient({ region: 'us-east-1' }), [])).toEqual({ imported: 0, failed: [] });
    expect(hub.commandCalls(BatchImportFindingsCommand)).toHaveLength(0);
  });
});

import { BatchImportFindingsCommand, type AwsSecurityFinding, type SecurityHubClient } from '@aws-sdk/client-securityhub';

/** BatchImportFindings accepts at most 100 findings per call. */
export const BATCH_SIZE = 100;

export interface ImportFailure {
  id: string;
  code: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  failed: ImportFailure[];
}

/**
 * Imports findings into Security Hub in batches of 100. A rejected finding (FailedFindings) or a
 * failed batch call is recorded and the import goes on: one bad batch must not lose the others.
 * The SDK client's own retry policy handles throttling (BatchImportFindings: 10 requests/s).
 */
export async function importFindings(client: SecurityHubClient, findings: readonly AwsSecurityFinding[]): Promise<ImportResult> {
  let imported = 0;
  const failed: ImportFailure[] = [];
  for (let i = 0; i < findings.length; i += BATCH_SIZE) {
    const batch = findings.slice(i, i + BATCH_SIZE);
    try {
      const out = await client.send(new BatchImportFindingsCommand({ Findings: [...batch] }));
      imported += out.SuccessCount ?? 0;
      for (const f of out.FailedFindings ?? []) {
        failed.push({ id: f.Id ?? '?', code: f.ErrorCode ?? 'Unknown', message: f.ErrorMessage ?? '' });
      }
    } catch (e) {
      const error = e as { name?: string; message?: string };
      for (const f of batch) failed.push({ id: f.Id ?? '?', code: error.name ?? 'Error', message: error.message ?? String(e) });
    }
  }
  return { imported, failed };
}

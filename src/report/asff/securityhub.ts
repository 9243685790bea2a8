import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { credentialsFor } from '../../sources/aws/credentials.js';
import type { ScanReport } from '../model.js';
import { homeRegion, toAsff } from './render.js';
import { importFindings, type ImportResult } from './import.js';

export interface SecurityHubOptions {
  /** Where the findings go; defaults as in AsffOptions.region. */
  region?: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  sessionName?: string;
}

/**
 * `rampart scan --securityhub`: the report's findings, as ASFF, imported into the scanned
 * account's Security Hub with the same credentials the scan used. The client honours
 * AWS_ENDPOINT_URL like every other, and retries throttling adaptively.
 */
export async function sendToSecurityHub(report: ScanReport, opts: SecurityHubOptions = {}): Promise<ImportResult & { region: string }> {
  const region = opts.region ?? homeRegion(report);
  const client = new SecurityHubClient({
    region,
    retryMode: 'adaptive',
    credentials: credentialsFor({
      region,
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
      ...(opts.externalId ? { externalId: opts.externalId } : {}),
      ...(opts.sessionName ? { sessionName: opts.sessionName } : {}),
    }),
  });
  try {
    return { region, ...(await importFindings(client, toAsff(report, { region }))) };
  } finally {
    client.destroy();
  }
}

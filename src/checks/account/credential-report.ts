import { ROOT_USER, type CredentialReportRow, type Inventory } from '../../inventory/index.js';

/** The root row of the credential report, when the report was read and has one. */
export function rootRow(inv: Inventory): CredentialReportRow | undefined {
  const r = inv.iam.credentialReport;
  return r.state === 'ok' ? r.value.find((row) => row.user === ROOT_USER) : undefined;
}

/** A value of GetAccountSummary's SummaryMap, when it was read. */
export function summaryValue(inv: Inventory, key: string): number | undefined {
  const s = inv.iam.summary;
  return s.state === 'ok' ? s.value[key] : undefined;
}

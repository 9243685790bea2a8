import { BatchGetAccountStatusCommand, Inspector2Client, ListFindingAggregationsCommand } from '@aws-sdk/client-inspector2';
import { failed, ok } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import { attrOf, compact, failedAttr } from '../outcome.js';

const commands = commandTable([
  [BatchGetAccountStatusCommand, 'inspector2:BatchGetAccountStatus'],
  [ListFindingAggregationsCommand, 'inspector2:ListFindingAggregations'],
]);

/** Inspector's state for this account and region, and its counts of active critical and high findings. */
export const inspectorCollector: RegionalCollector = {
  service: 'inspector',
  scope: 'regional',
  fills: ['inspector'],
  commands,
  async collect(ctx) {
    const client = ctx.client(Inspector2Client);
    const st = await ctx.send(client, new BatchGetAccountStatusCommand({ accountIds: [ctx.account] }));
    const mine = st.ok ? st.value.accounts?.find((a) => a.accountId === ctx.account) : undefined;
    const status = !st.ok
      ? failedAttr<never>(st)
      : mine
        ? ok(
            compact({
              state: mine.state?.status ?? 'UNKNOWN',
              ec2: mine.resourceState?.ec2?.status,
              ecr: mine.resourceState?.ecr?.status,
              lambda: mine.resourceState?.lambda?.status,
            }),
          )
        : failed<never>('inspector2:BatchGetAccountStatus', st.value.failedAccounts?.[0]?.errorMessage ?? 'the account is not in the answer');
    let critical = 0;
    let high = 0;
    const agg = await ctx.pages(
      client,
      (nextToken) => new ListFindingAggregationsCommand({ aggregationType: 'ACCOUNT', nextToken }),
      (o) => o.nextToken,
      (o) => {
        for (const r of o.responses ?? []) {
          const a = r.accountAggregation;
          if (a && (a.accountId === undefined || a.accountId === ctx.account)) {
            critical += a.severityCounts?.critical ?? 0;
            high += a.severityCounts?.high ?? 0;
          }
        }
      },
    );
    return { inspector: { status, activeFindings: attrOf(agg, () => ({ critical, high })) } };
  },
};

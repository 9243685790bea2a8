import { AccountClient, GetAlternateContactCommand, type AlternateContactType } from '@aws-sdk/client-account';
import { commandTable, type GlobalCollector } from '../collector.js';
import { attrOf, compact } from '../outcome.js';

const commands = commandTable([[GetAlternateContactCommand, 'account:GetAlternateContact']]);

/**
 * The three alternate contacts; ResourceNotFoundException means that one is not set.
 *
 * Personal data: the check needs only whether each contact is set. The name and title are kept
 * so a report can say who is named (often a team); the e-mail address and phone number are
 * personal data with no use here, and snapshots travel (tickets, CI artefacts): they are dropped.
 */
export const accountCollector: GlobalCollector = {
  service: 'account',
  scope: 'global',
  fills: ['account'],
  commands,
  async collect(ctx) {
    const client = ctx.client(AccountClient);
    const get = async (type: AlternateContactType) =>
      attrOf(
        await ctx.send(client, new GetAlternateContactCommand({ AlternateContactType: type })),
        (o) =>
          compact({
            name: o.AlternateContact?.Name,
            title: o.AlternateContact?.Title,
          }),
        ['ResourceNotFoundException'],
      );
    const [billing, operations, security] = await Promise.all([get('BILLING'), get('OPERATIONS'), get('SECURITY')]);
    return { account: { id: ctx.account, partition: ctx.partition, alternateContacts: { billing, operations, security } } };
  },
};

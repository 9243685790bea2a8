import type { Command } from 'commander';
import { emit } from '../io.js';
import { collectList } from '../options.js';

/**
 * `rampart permissions`: the least-privilege, read-only IAM policy a scan needs, from the checks'
 * declared permissions and the collectors' declared calls. Attach it to the audit role or user.
 */
export function registerPermissions(program: Command): Command {
  return program
    .command('permissions')
    .description('Print the read-only IAM policy a scan needs (for the selected checks, or for all)')
    .option('--checks <list>', 'only what these check ids, globs or guide ids need', collectList)
    .option('--format <format>', 'json (an IAM policy document) or text (one action a line)', 'json')
    .action(async (opts: { checks?: string[]; format: string }) => {
      // Loaded on demand: the collectors import every SDK client.
      const { requiredActions, iamPolicy } = await import('../../sources/aws/index.js');
      const actions = requiredActions(opts.checks);
      await emit(opts.format === 'text' ? actions.join('\n') : JSON.stringify(iamPolicy(actions), null, 2));
    });
}

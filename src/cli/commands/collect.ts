import type { Command } from 'commander';
import { writeSnapshot } from '../../sources/snapshot/index.js';
import { loadInventories, type InventorySourceOptions } from '../inventory-source.js';
import { collectList } from '../options.js';
import { log } from '../io.js';
import { UsageError } from '../errors.js';

export function registerCollect(program: Command): Command {
  return program
    .command('collect')
    .description('Collect the inventory only, into a snapshot file to scan later (`rampart scan --snapshot FILE`)')
    .requiredOption('-o, --output <file>', 'snapshot file to write (gzipped when it ends in .gz)')
    .option('--demo', 'write the bundled demo account instead of collecting')
    .option('--profile <name>', 'AWS profile (shared config, SSO)')
    .option('--role-arn <arn>', 'assume this role before collecting')
    .option('--external-id <id>', 'external id for --role-arn')
    .option('--session-name <name>', 'session name for --role-arn', 'rampart')
    .option('--regions <list>', 'regions to collect (default: every enabled region)', collectList)
    .option('--services <list>', 'services to collect (default: all)', collectList)
    .option('--no-progress', 'no progress output on stderr')
    .action(async (opts: InventorySourceOptions & { output: string }) => {
      if (!opts.output) throw new UsageError('collect needs --output FILE');
      const [loaded] = await loadInventories(opts);
      if (!loaded) throw new UsageError('nothing was collected');
      await writeSnapshot(loaded.inventory, opts.output);
      log(`Wrote ${opts.output} (account ${loaded.inventory.meta.accountId}, ${loaded.inventory.meta.regions.length} region(s)).`);
    });
}

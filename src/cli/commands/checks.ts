import type { Command } from 'commander';
import pc from 'picocolors';
import { ALL_CHECKS, selectChecks } from '../../checks/index.js';
import { emit, useColor } from '../io.js';
import { collectList } from '../options.js';

export function registerChecks(program: Command): Command {
  return program
    .command('checks')
    .description('List the checks: id, severity, sources, guide ids and title')
    .option('--checks <list>', 'only these ids or globs', collectList)
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { checks?: string[]; format: string }) => {
      const checks = selectChecks(opts.checks, ALL_CHECKS);
      if (opts.format === 'json') {
        await emit(
          JSON.stringify(
            checks.map((c) => ({
              id: c.id,
              title: c.title,
              severity: c.severity,
              guideIds: c.guideIds,
              sources: c.sources,
              permissions: c.permissions,
              compliance: c.compliance ?? {},
            })),
            null,
            2,
          ),
        );
        return;
      }
      const color = useColor();
      const b = (s: string) => (color ? pc.bold(s) : s);
      const width = Math.max(...checks.map((c) => c.id.length), 10);
      const lines = checks.map(
        (c) => `${b(c.id.padEnd(width))}  ${c.severity.padEnd(8)}  ${c.sources.join(',').padEnd(26)}  ${c.title}`,
      );
      await emit([`${'id'.padEnd(width)}  severity  sources                     title`, ...lines, '', `${checks.length} checks`].join('\n'));
    });
}

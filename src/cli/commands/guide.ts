import type { Command } from 'commander';
import pc from 'picocolors';
import { ALL_CHECKS } from '../../checks/index.js';
import type { AnyCheck } from '../../checks/types.js';
import { RECOMMENDATIONS, SECTIONS } from '../../guide/index.js';
import { SOURCE_KINDS, type SourceKind } from '../../inventory/index.js';
import { UsageError } from '../errors.js';
import { emit, useColor } from '../io.js';

/** `--source iac` means either template language. */
function sourcesFor(arg: string | undefined): SourceKind[] | undefined {
  if (!arg) return undefined;
  if (arg === 'iac') return ['cloudformation', 'terraform'];
  if ((SOURCE_KINDS as readonly string[]).includes(arg)) return [arg as SourceKind];
  throw new UsageError(`unknown source "${arg}" (one of ${[...SOURCE_KINDS, 'iac'].join(', ')})`);
}

export interface GuideCoverage {
  id: string;
  section: string;
  title: string;
  assess: string;
  checks: Array<{ id: string; sources: SourceKind[] }>;
}

/** Every guide id with the checks that cover it, optionally only those a source can feed. */
export function guideCoverage(checks: readonly AnyCheck[], sources?: SourceKind[]): GuideCoverage[] {
  return RECOMMENDATIONS.map((r) => ({
    id: r.id,
    section: r.section,
    title: r.title,
    assess: r.assess,
    checks: checks
      .filter((c) => c.guideIds.includes(r.id) && (!sources || c.sources.some((s) => sources.includes(s))))
      .map((c) => ({ id: c.id, sources: c.sources })),
  }));
}

export function registerGuide(program: Command): Command {
  return program
    .command('guide')
    .description('Every recommendation of the guide, with the checks that cover it')
    .option('--source <source>', 'only checks that can run on this source: aws, cloudformation, terraform, iac, host')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts: { source?: string; format: string }) => {
      const rows = guideCoverage(ALL_CHECKS, sourcesFor(opts.source));
      if (opts.format === 'json') {
        await emit(JSON.stringify(rows, null, 2));
        return;
      }
      const color = useColor();
      const dim = (s: string) => (color ? pc.dim(s) : s);
      const warn = (s: string) => (color ? pc.yellow(s) : s);
      const out: string[] = [];
      for (const section of SECTIONS) {
        out.push(color ? pc.bold(section) : section);
        for (const r of rows.filter((x) => x.section === section)) {
          const by = r.checks.length ? r.checks.map((c) => `${c.id} ${dim(`[${c.sources.join(',')}]`)}`).join(', ') : warn('not covered');
          out.push(`  ${r.id.padEnd(34)} ${by}`);
          out.push(`  ${''.padEnd(34)} ${dim(r.title)}`);
        }
        out.push('');
      }
      const covered = rows.filter((r) => r.checks.length > 0).length;
      out.push(`${covered} of ${rows.length} guide ids covered${opts.source ? ` by the ${opts.source} source` : ''}.`);
      await emit(out.join('\n'));
    });
}

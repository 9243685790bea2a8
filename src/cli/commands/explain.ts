import type { Command } from 'commander';
import pc from 'picocolors';
import { getCheck, ALL_CHECKS } from '../../checks/index.js';
import { recommendation } from '../../guide/index.js';
import { UsageError } from '../errors.js';
import { emit, useColor } from '../io.js';

export function registerExplain(program: Command): Command {
  return program
    .command('explain')
    .argument('<check>', 'a check id (see: rampart checks)')
    .description('What a check verifies, why it matters, and how to fix what it finds')
    .action(async (id: string) => {
      const c = getCheck(id);
      if (!c) {
        const near = ALL_CHECKS.filter((x) => x.id.startsWith(id.split('.')[0] ?? id)).map((x) => x.id);
        throw new UsageError(`no check "${id}"${near.length ? `; did you mean one of: ${near.join(', ')}` : ''}`);
      }
      const color = useColor();
      const h = (s: string) => (color ? pc.bold(pc.cyan(s)) : s);
      const out = [
        `${color ? pc.bold(c.id) : c.id}: ${c.title}`,
        `severity ${c.severity} · sources ${c.sources.join(', ')}`,
        '',
        c.description,
        '',
        h('Guide'),
        ...c.guideIds.map((g) => `  ${g}: ${recommendation(g)?.title ?? '(unknown guide id)'}`),
      ];
      if (c.compliance?.cis?.length || c.compliance?.fsbp?.length) {
        out.push('', h('Compliance'));
        if (c.compliance.cis?.length) out.push(`  CIS AWS Foundations v3.0: ${c.compliance.cis.join(', ')}`);
        if (c.compliance.fsbp?.length) out.push(`  AWS FSBP: ${c.compliance.fsbp.join(', ')}`);
      }
      out.push('', h('Reads'), ...c.needs.map((n) => `  ${n}`));
      if (c.permissions.length) out.push('', h('Permissions'), `  ${c.permissions.join(', ')}`);
      out.push('', h('Remediation'), `  ${c.remediation.text}`);
      for (const [label, snippet] of [
        ['AWS CLI', c.remediation.cli],
        ['CloudFormation', c.remediation.cloudformation],
        ['Terraform', c.remediation.terraform],
      ] as const) {
        if (snippet) out.push('', `  ${label}:`, ...snippet.split('\n').map((l) => `    ${l}`));
      }
      out.push('', h('Messages'), ...Object.entries(c.messages as Record<string, string>).map(([k, v]) => `  ${k}: ${v}`));
      await emit(out.join('\n'));
    });
}

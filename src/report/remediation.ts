import type { Remediation } from '../checks/types.js';

/** The snippets of a remediation that are present, each with its language for fences and labels. */
export function snippets(r: Remediation): Array<{ label: string; lang: string; code: string }> {
  const out: Array<{ label: string; lang: string; code: string }> = [];
  if (r.cli) out.push({ label: 'AWS CLI', lang: 'sh', code: r.cli });
  if (r.cloudformation) out.push({ label: 'CloudFormation', lang: 'yaml', code: r.cloudformation });
  if (r.terraform) out.push({ label: 'Terraform', lang: 'hcl', code: r.terraform });
  return out;
}

/** A fence longer than any backtick run in the code, so a snippet can never close it early. */
export function fence(code: string, lang = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${code.replace(/\n+$/, '')}\n${f}`;
}

/** Remediation as Markdown: the text, then each snippet in a fenced block. */
export function remediationMarkdown(r: Remediation): string {
  return [r.text, ...snippets(r).map((s) => `${s.label}:\n\n${fence(s.code, s.lang)}`)].join('\n\n');
}

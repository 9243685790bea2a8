import { basename } from 'node:path';

/**
 * Prefixes for the ids Rampart stands in for AWS's generated ones (a security group's id is its
 * logical id or address). Within one template or configuration they are unique; across several
 * they are not (two stacks may both have a "WebSg"), so with more than one, each gets its own
 * prefix: its file or directory name, or its whole path where names repeat.
 */
export function idPrefixes(paths: readonly string[], separator: string): Map<string, string> {
  const out = new Map<string, string>();
  if (paths.length < 2) {
    for (const p of paths) out.set(p, '');
    return out;
  }
  const short = (p: string) => basename(p).replace(/\.(ya?ml|json|template|cfn|tf)$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-');
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(short(p), (counts.get(short(p)) ?? 0) + 1);
  for (const p of paths) {
    const name = counts.get(short(p)) === 1 ? short(p) : p.replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
    out.set(p, `${name}${separator}`);
  }
  return out;
}

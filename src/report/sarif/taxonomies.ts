import { recommendation } from '../../guide/index.js';
import { FRAMEWORKS } from '../../compliance/index.js';
import type { Finding } from '../../engine/finding.js';

const GUIDE = 'Securing AWS guide';

/**
 * The guide and the compliance frameworks as SARIF taxonomies, holding only the ids the results
 * cite; rules link to them through `relationships`, which is SARIF's way to say "see also".
 */
export function taxonomies(findings: readonly Finding[]) {
  const guideIds = [...new Set(findings.flatMap((f) => f.guideIds))].sort();
  const guide = {
    name: GUIDE,
    shortDescription: { text: 'Recommendations of the Securing AWS guide that Rampart audits against.' },
    taxa: guideIds.map((id) => {
      const r = recommendation(id);
      return { id, name: r?.title ?? id, ...(r ? { fullDescription: { text: r.why } } : {}) };
    }),
  };
  const frameworks = FRAMEWORKS.flatMap((fw) => {
    const cited = new Set(findings.flatMap((f) => f.compliance?.[fw.refKey] ?? []));
    if (cited.size === 0) return [];
    const taxa = [...fw.requirements, ...fw.otherControls].filter((r) => cited.has(r.id)).map((r) => ({ id: r.id, name: r.title }));
    return [{ name: fw.name, version: fw.version, shortDescription: { text: `${fw.name} v${fw.version}` }, taxa }];
  });
  return [guide, ...frameworks];
}

/** A rule's links to the guide recommendations and framework requirements it covers. */
export function relationships(f: Finding) {
  const rel = (id: string, component: string) => ({ target: { id, toolComponent: { name: component } }, kinds: ['relevant'] });
  return [
    ...f.guideIds.map((g) => rel(g, GUIDE)),
    ...FRAMEWORKS.flatMap((fw) => (f.compliance?.[fw.refKey] ?? []).map((id) => rel(id, fw.name))),
  ];
}

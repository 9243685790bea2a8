import type { AnyCheck } from '../../checks/types.js';
import type { Finding } from '../../engine/finding.js';
import { formatMessage } from '../../engine/message.js';
import { describeMissing, deployTime } from '../../inventory/index.js';
import type { DeferredField } from './fields.js';
import type { IndexedResource } from './resource-index.js';

/**
 * A `pass` on a resource with a field known only at deploy time is not a pass: the field was
 * read as the value that cannot fail (a rule left out, PubliclyAccessible false), so the verdict
 * holds only if the deploy-time value turns out that way. It becomes `unknown`, worded with the
 * check's own `missing` message and naming the field, the reason and where the value comes from.
 * Failures stand: they rest on what the template does say.
 */
export function applyDeferred(
  findings: Finding[],
  deferred: readonly DeferredField[],
  index: ReadonlyMap<string, IndexedResource>,
  checks: ReadonlyMap<string, AnyCheck>,
): Finding[] {
  if (deferred.length === 0) return findings;
  const byResource = new Map<string, DeferredField[]>();
  for (const d of deferred) {
    const r = index.get(d.resourceId);
    for (const key of new Set([d.resourceId, r?.arn, r?.id].filter((k): k is string => !!k))) {
      const list = byResource.get(key) ?? [];
      if (!list.some((x) => x.field === d.field && x.reason === d.reason)) list.push(d);
      byResource.set(key, list);
    }
  }
  return findings.map((f) => {
    if (f.status !== 'pass') return f;
    const fields = byResource.get(f.resourceId);
    const first = fields?.[0];
    if (!first) return f;
    const check = checks.get(f.checkId);
    const template = (check?.messages as Record<string, string> | undefined)?.missing ?? 'Could not read {{what}}: {{why}}.';
    const name = index.get(f.resourceId)?.name ?? index.get(f.resourceId)?.id ?? f.resourceId;
    const more = fields.length > 1 ? ` (and ${fields.length - 1} more deploy-time value${fields.length > 2 ? 's' : ''})` : '';
    const message = formatMessage(template, {
      what: `${first.field} of ${name}${more}`,
      why: describeMissing(deployTime(first.reason, first.location)),
    });
    return {
      ...f,
      status: 'unknown',
      message,
      evidence: { ...(f.evidence ?? {}), passedIf: f.message, deployTime: fields.map((d) => ({ field: d.field, reason: d.reason, ...(d.location ? { location: d.location } : {}) })) },
    };
  });
}

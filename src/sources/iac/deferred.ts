import type { AnyCheck } from '../../checks/types.js';
import type { Finding } from '../../engine/finding.js';
import { formatMessage } from '../../engine/message.js';
import { describeMissing, deployTime } from '../../inventory/index.js';
import type { DeferredField, WorstCase } from './fields.js';
import type { IndexedResource } from './resource-index.js';

/** Runs one check again over the (temporarily changed) inventory. */
export type Rerun = (check: AnyCheck) => Finding[];

/**
 * Runs `f` with the resource alone in its list (its neighbours in other lists stay): a check
 * then judges one resource, not all of them, which keeps trying worst cases linear.
 */
function alone<T>(r: IndexedResource, f: () => T): T {
  const list = r.list;
  if (!list) return f();
  const saved = list.splice(0, list.length, r.object);
  try {
    return f();
  } finally {
    list.splice(0, list.length, ...saved);
  }
}

/** Writes a worst case onto a resource; returns what undoes it. */
function applyWorst(obj: Record<string, unknown>, w: WorstCase): () => void {
  const path = w.prop.split('.');
  let target: Record<string, unknown> | unknown[] = obj;
  for (const key of path.slice(0, -1)) {
    const next: unknown = (target as Record<string, unknown>)[key];
    if (next === null || typeof next !== 'object') return () => undefined;
    target = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  const holder = target as Record<string, unknown>;
  const before = holder[last];
  const had = last in holder;
  if ('append' in w) {
    if (!Array.isArray(before)) return () => undefined;
    before.push(...w.append);
    return () => void before.splice(before.length - w.append.length, w.append.length);
  }
  if (w.value === undefined) delete holder[last];
  else holder[last] = w.value;
  return () => {
    if (had) holder[last] = before;
    else delete holder[last];
  };
}

/**
 * A `pass` on a resource with a field known only at deploy time holds only if that field turns
 * out well: the field was read as the value that cannot fail (a rule left out, PubliclyAccessible
 * false). For each such field Rampart writes its worst case (a rule open to the world,
 * PubliclyAccessible true) and runs the check again: if the verdict changes, the field decides,
 * and the pass becomes `unknown`, worded with the check's own `missing` message, naming the field,
 * why it is unknown and where the value comes from. A field that cannot change this check's
 * verdict leaves the pass alone. A field without a worst case Rampart can write holds every pass
 * on its resource. Failures stand: they rest on what the template does say.
 */
export function applyDeferred(
  findings: Finding[],
  deferred: readonly DeferredField[],
  index: ReadonlyMap<string, IndexedResource>,
  checks: ReadonlyMap<string, AnyCheck>,
  rerun: Rerun,
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
    if (!fields?.length) return f;
    const check = checks.get(f.checkId);
    const r = index.get(f.resourceId);
    const statusOf = (c: AnyCheck) => rerun(c).find((g) => g.id === f.id)?.status;
    // Alone in its list, the resource must still pass as it did; else judge it among all.
    const isolate = r && check ? alone(r, () => statusOf(check)) === 'pass' : false;
    const deciding = fields.filter((d) => {
      if (!d.worst || !check || !r) return true;
      const undo = applyWorst(r.object, d.worst);
      try {
        return (isolate ? alone(r, () => statusOf(check)) : statusOf(check)) !== 'pass';
      } finally {
        undo();
      }
    });
    const first = deciding[0];
    if (!first) return f;
    const template = (check?.messages as Record<string, string> | undefined)?.missing ?? 'Could not read {{what}}: {{why}}.';
    const name = index.get(f.resourceId)?.name ?? index.get(f.resourceId)?.id ?? f.resourceId;
    const more = deciding.length > 1 ? ` (and ${deciding.length - 1} more deploy-time value${deciding.length > 2 ? 's' : ''})` : '';
    return {
      ...f,
      status: 'unknown',
      message: formatMessage(template, { what: `${first.field} of ${name}${more}`, why: describeMissing(deployTime(first.reason, first.location)) }),
      evidence: {
        ...(f.evidence ?? {}),
        passesIf: f.message,
        deployTime: deciding.map((d) => ({ field: d.field, reason: d.reason, ...(d.location ? { location: d.location } : {}) })),
      },
    };
  });
}

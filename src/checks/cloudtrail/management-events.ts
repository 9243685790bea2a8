import type { Trail } from '../../inventory/index.js';

type Selectors = Extract<Trail['eventSelectors'], { state: 'ok' }>['value'];

/** What a trail's event selectors capture of management events. */
export interface ManagementCoverage {
  read: boolean;
  write: boolean;
  /** Event sources left out (ExcludeManagementEventSources, or an advanced eventSource NotEquals). */
  excluded: string[];
}

/**
 * Reads classic and advanced selectors alike. Advanced: a selector whose eventCategory equals
 * Management captures management events; a readOnly field narrows it to reads ('true') or
 * writes ('false'); eventSource NotEquals leaves sources out (KMS and RDS Data API are the usual).
 */
export function managementCoverage(sel: Selectors): ManagementCoverage {
  const out: ManagementCoverage = { read: false, write: false, excluded: [] };
  for (const s of sel.classic) {
    if (!s.includeManagementEvents) continue;
    if (s.readWriteType !== 'WriteOnly') out.read = true;
    if (s.readWriteType !== 'ReadOnly') out.write = true;
    out.excluded.push(...s.excludeManagementEventSources);
  }
  for (const s of sel.advanced) {
    const field = (name: string) => s.fieldSelectors.find((f) => f.field.toLowerCase() === name.toLowerCase());
    const category = field('eventCategory');
    if (!category?.equals?.some((v) => v.toLowerCase() === 'management')) continue;
    const readOnly = field('readOnly');
    const only = readOnly?.equals?.length === 1 ? readOnly.equals[0]?.toLowerCase() : undefined;
    if (only !== 'false') out.read = true;
    if (only !== 'true') out.write = true;
    out.excluded.push(...(field('eventSource')?.notEquals ?? []));
  }
  out.excluded = [...new Set(out.excluded)].sort();
  return out;
}

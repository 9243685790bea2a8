/**
 * The policies of a prepared view, numbered as they are met: each document parsed once per
 * policy type (a managed policy attached to thousands of principals is read once), a copy per
 * group for the group's policies (the trace names the group; the statements are shared), and an
 * index from service prefix to the policies whose Action elements name it.
 */
import { isUnknownDoc, type IamViewPolicy } from './iam-view.js';
import { loadPolicy } from './load.js';
import type { MaybeUnknownPolicy, ParsedStatement, PatternList, PolicySource, PolicyType } from './types.js';

function sourceOf(ref: IamViewPolicy, type: PolicyType, owner: string, group?: string): PolicySource {
  const s: PolicySource = { type, name: ref.name, kind: ref.kind };
  // A managed policy is shared by many principals: only an inline policy names its owner.
  if (ref.kind === 'inline' || group) s.attachedTo = owner;
  if (ref.arn) s.arn = ref.arn;
  if (group) s.group = group;
  return s;
}

/** The services an Action list names (lower-case prefixes), or 'any' (NotAction, a wildcard in the service). */
function servicesOfList(l: PatternList): string[] | 'any' {
  if (l.negated) return 'any';
  const out: string[] = [];
  for (const pt of l.patterns) {
    const colon = pt.raw.indexOf(':');
    const svc = colon < 0 ? pt.raw : pt.raw.slice(0, colon);
    if (svc.includes('*') || svc.includes('?')) return 'any';
    const lower = svc.toLowerCase();
    if (!out.includes(lower)) out.push(lower);
  }
  return out;
}

/** Numbers policies as they are met; parses each document once per policy type. */
export class PolicyTable {
  readonly policies: MaybeUnknownPolicy[] = [];
  readonly problems: string[] = [];
  readonly byService = new Map<string, number[]>();
  readonly anyService: number[] = [];
  private readonly direct = new Map<PolicyType, Map<IamViewPolicy, number>>();
  private readonly viaGroup = new Map<IamViewPolicy, Map<string, number>>();

  /** Action lists are shared between statements (see parse.ts): their services are worked out once. */
  private readonly listServices = new Map<PatternList, string[] | 'any'>();

  add(p: MaybeUnknownPolicy): number {
    this.policies.push(p);
    const id = this.policies.length - 1;
    const services = this.servicesOf(p);
    if (services === 'any') this.anyService.push(id);
    else
      for (let i = 0; i < services.length; i++) {
        const svc = services[i] as string;
        const ids = this.byService.get(svc);
        if (ids) ids.push(id);
        else this.byService.set(svc, [id]);
      }
    return id;
  }

  /**
   * The services a policy's Action elements name: a question about one action then looks only at
   * the policies that name its service (most of a large account's policies do not).
   */
  private servicesOf(p: MaybeUnknownPolicy): readonly string[] | 'any' {
    if ('unknownBecause' in p) return 'any';
    // Indexed loops: this runs once per policy while the code is still cold, where for...of allocates.
    let first: readonly string[] | undefined;
    let merged: string[] | undefined;
    for (let i = 0; i < p.statements.length; i++) {
      const actions = (p.statements[i] as ParsedStatement).actions;
      let svcs = this.listServices.get(actions);
      if (svcs === undefined) this.listServices.set(actions, (svcs = servicesOfList(actions)));
      if (svcs === 'any') return 'any';
      if (!first) {
        first = svcs;
        continue;
      }
      for (let j = 0; j < svcs.length; j++) {
        const svc = svcs[j] as string;
        if ((merged ?? first).includes(svc)) continue;
        (merged ??= [...first]).push(svc);
      }
    }
    return merged ?? first ?? [];
  }

  /** A policy attached to its owner directly (or an SCP / boundary). */
  ref(ref: IamViewPolicy, type: PolicyType, owner: string): number {
    let m = this.direct.get(type);
    if (!m) this.direct.set(type, (m = new Map()));
    let id = m.get(ref);
    if (id === undefined) m.set(ref, (id = this.add(this.load(ref, sourceOf(ref, type, owner)))));
    return id;
  }

  /** A group's policy: its trace names the group, so one entry per group, sharing the parsed statements. */
  groupRef(ref: IamViewPolicy, groupArn: string, group: string): number {
    let m = this.viaGroup.get(ref);
    if (!m) this.viaGroup.set(ref, (m = new Map()));
    let id = m.get(group);
    if (id === undefined) {
      const base = this.policies[this.ref(ref, 'identity', groupArn)] as MaybeUnknownPolicy;
      m.set(group, (id = this.add({ ...base, source: sourceOf(ref, 'identity', groupArn, group) })));
    }
    return id;
  }

  private load(ref: IamViewPolicy, source: PolicySource): MaybeUnknownPolicy {
    const p = loadPolicy(ref.document, source);
    if ('unknownBecause' in p && !isUnknownDoc(ref.document)) this.problems.push(p.unknownBecause);
    return p;
  }
}

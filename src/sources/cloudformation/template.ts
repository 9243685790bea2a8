import { TemplateError } from './evaluate.js';
import { entry, type PNode } from './parse.js';

export interface CfnParameter {
  name: string;
  type: string;
  line: number;
  default?: PNode;
  allowed: string[];
}

export interface CfnResource {
  logicalId: string;
  type: string;
  line: number;
  properties?: PNode;
  /** The Condition that decides whether it exists. */
  condition?: string;
}

export interface CfnTemplate {
  file: string;
  /** What Rampart does not expand (transforms, Fn::ForEach), for the user to know. */
  notes: string[];
  parameters: Map<string, CfnParameter>;
  mappings?: PNode;
  conditions: Map<string, PNode>;
  resources: Map<string, CfnResource>;
}

/** Does this parsed document look like a CloudFormation template? */
export function isCloudFormation(root: PNode): boolean {
  if (root.k !== 'map') return false;
  if (entry(root, 'AWSTemplateFormatVersion')) return true;
  const res = entry(root, 'Resources');
  return res?.k === 'map' && res.entries.some((e) => {
    const t = entry(e.value, 'Type');
    return t?.k === 'scalar' && typeof t.value === 'string' && /^(AWS|Alexa|Custom)::/.test(t.value);
  });
}

/** The sections of a template that evaluation reads. */
export function readTemplate(root: PNode, file: string): CfnTemplate {
  if (root.k !== 'map') throw new TemplateError('a template is a mapping of sections', root.line);
  const parameters = new Map<string, CfnParameter>();
  const params = entry(root, 'Parameters');
  if (params?.k === 'map') {
    for (const e of params.entries) {
      const type = entry(e.value, 'Type');
      const allowed = entry(e.value, 'AllowedValues');
      const dflt = entry(e.value, 'Default');
      parameters.set(e.key, {
        name: e.key,
        type: type?.k === 'scalar' ? String(type.value) : 'String',
        line: e.line,
        ...(dflt ? { default: dflt } : {}),
        allowed: allowed?.k === 'seq' ? allowed.items.flatMap((i) => (i.k === 'scalar' && i.value !== null ? [String(i.value)] : [])) : [],
      });
    }
  }
  const conditions = new Map<string, PNode>();
  const conds = entry(root, 'Conditions');
  if (conds?.k === 'map') for (const e of conds.entries) conditions.set(e.key, e.value);
  const notes: string[] = [];
  const transform = entry(root, 'Transform');
  if (transform) {
    const names = transform.k === 'scalar' ? [String(transform.value)] : transform.k === 'seq' ? transform.items.map((i) => (i.k === 'scalar' ? String(i.value) : 'a macro')) : ['a macro'];
    const others = names.filter((n) => n !== 'AWS::LanguageExtensions');
    if (others.length) notes.push(`${file}: the resources that ${others.join(', ')} generate exist only once the transform runs: they are not scanned`);
  }
  const resources = new Map<string, CfnResource>();
  const res = entry(root, 'Resources');
  if (!res || res.k !== 'map') throw new TemplateError('the template has no Resources section', root.line);
  for (const e of res.entries) {
    if (e.key.startsWith('Fn::ForEach::')) {
      notes.push(`${file}:${e.line}: ${e.key} is not expanded: the resources it generates are not scanned`);
      continue;
    }
    const type = entry(e.value, 'Type');
    if (!type || type.k !== 'scalar' || typeof type.value !== 'string') throw new TemplateError(`resource ${e.key} has no Type`, e.line);
    const cond = entry(e.value, 'Condition');
    const props = entry(e.value, 'Properties');
    resources.set(e.key, {
      logicalId: e.key,
      type: type.value,
      line: e.line,
      ...(props ? { properties: props } : {}),
      ...(cond?.k === 'scalar' && typeof cond.value === 'string' ? { condition: cond.value } : {}),
    });
  }
  const mappings = entry(root, 'Mappings');
  return { file, notes, parameters, conditions, resources, ...(mappings ? { mappings } : {}) };
}

/** The condition names a node's Fn::If and Condition functions use. */
export function conditionsUsed(n: PNode | undefined, out = new Set<string>()): Set<string> {
  if (!n) return out;
  if (n.k === 'seq') n.items.forEach((i) => conditionsUsed(i, out));
  if (n.k === 'map') {
    for (const e of n.entries) {
      if (e.key === 'Fn::If' && e.value.k === 'seq') {
        const c = e.value.items[0];
        if (c?.k === 'scalar' && typeof c.value === 'string') out.add(c.value);
      }
      if (e.key === 'Condition' && e.value.k === 'scalar' && typeof e.value.value === 'string') out.add(e.value.value);
      conditionsUsed(e.value, out);
    }
  }
  return out;
}

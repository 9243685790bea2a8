import type { Where } from '../iac/arns.js';
import { Unknown, isRecord, isUnknown } from '../iac/value.js';
import { evaluate, evaluateCondition, TemplateError, type Scope, type Value } from './evaluate.js';
import { getAttOf, refOf } from './identity.js';
import type { CfnTemplate } from './template.js';

export interface ScopeInput {
  template: CfnTemplate;
  where: Where;
  /** Values the user gave (--parameters), by parameter name; pseudo parameters too (AWS::StackName). */
  given: ReadonlyMap<string, string>;
  /** Conditions fixed for this scenario; a condition not listed is evaluated from its expression. */
  fixed?: ReadonlyMap<string, boolean>;
  /** Overrides parameter values while scenarios are enumerated. */
  paramOverride?: ReadonlyMap<string, Value>;
  /** Prefix of the ids standing in for generated ones, when several templates are read (see idPrefixes). */
  idPrefix?: string;
}

/** Evaluation scope for one template in one scenario. */
export class TemplateScope implements Scope {
  readonly file: string;
  readonly region: string;
  readonly accountId: string;
  readonly partition: string;
  readonly mappings;
  private readonly props = new Map<string, Record<string, Value>>();
  private readonly evaluating = new Set<string>();
  private readonly condCache = new Map<string, boolean | Unknown>();

  constructor(private readonly input: ScopeInput) {
    this.file = input.template.file;
    this.region = input.where.region;
    this.accountId = input.where.account;
    this.partition = input.where.partition;
    this.mappings = input.template.mappings;
  }

  param(name: string): Value | undefined {
    const override = this.input.paramOverride?.get(name);
    if (override !== undefined) return override;
    const given = this.input.given.get(name);
    const p = this.input.template.parameters.get(name);
    const at = { file: this.file, line: p?.line ?? 1 };
    switch (name) {
      case 'AWS::AccountId':
        return this.accountId;
      case 'AWS::Region':
        return this.region;
      case 'AWS::Partition':
        return this.partition;
      case 'AWS::URLSuffix':
        return this.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
      case 'AWS::StackName':
        return given ?? new Unknown('the stack name is chosen at deploy time (give it with --parameters AWS::StackName=NAME)', at);
      case 'AWS::StackId':
      case 'AWS::NotificationARNs':
        return new Unknown(`${name} exists only once the stack does`, at);
    }
    if (!p) return undefined;
    // SSM-typed parameters hold a parameter *name*: the value is read from SSM at deploy time.
    if (p.type.startsWith('AWS::SSM::Parameter::Value')) {
      return new Unknown(`parameter ${name} is read from SSM Parameter Store at deploy time`, at);
    }
    let raw: Value;
    if (given !== undefined) raw = given;
    else if (p.default) raw = evaluate(p.default, this);
    else return new Unknown(`parameter ${name} has no default and no value was given (--parameters ${name}=VALUE)`, at);
    if (isUnknown(raw)) return raw;
    if (p.type === 'CommaDelimitedList' || p.type.startsWith('List<')) {
      return Array.isArray(raw) ? raw : String(raw).split(',').map((s) => s.trim());
    }
    return typeof raw === 'number' ? String(raw) : raw;
  }

  condition(name: string, line: number): boolean | Unknown {
    const fixed = this.input.fixed?.get(name);
    if (fixed !== undefined) return fixed;
    const cached = this.condCache.get(name);
    if (cached !== undefined) return cached;
    const expr = this.input.template.conditions.get(name);
    if (!expr) throw new TemplateError(`no condition named ${name}`, line);
    if (this.evaluating.has(`condition:${name}`)) throw new TemplateError(`condition ${name} refers to itself`, line);
    this.evaluating.add(`condition:${name}`);
    try {
      const v = evaluateCondition(expr, this);
      this.condCache.set(name, v);
      return v;
    } finally {
      this.evaluating.delete(`condition:${name}`);
    }
  }

  /** The resource's properties, evaluated once per scope. */
  properties(logicalId: string): Record<string, Value> {
    const cached = this.props.get(logicalId);
    if (cached) return cached;
    const r = this.input.template.resources.get(logicalId);
    if (!r?.properties) return {};
    if (this.evaluating.has(logicalId)) return {}; // a name that refers to itself: fall back to the logical id
    this.evaluating.add(logicalId);
    try {
      const v = evaluate(r.properties, this);
      const out = isRecord(v) ? v : {};
      this.props.set(logicalId, out);
      return out;
    } finally {
      this.evaluating.delete(logicalId);
    }
  }

  /** Does the resource exist in this scenario? */
  exists(logicalId: string): boolean | Unknown {
    const r = this.input.template.resources.get(logicalId);
    if (!r) return false;
    return r.condition ? this.condition(r.condition, r.line) : true;
  }

  resourceRef(logicalId: string, line: number): Value | undefined {
    const r = this.input.template.resources.get(logicalId);
    if (!r) return undefined;
    const gone = this.absentHere(logicalId, line);
    if (gone) return gone;
    return refOf(r.type, `${this.input.idPrefix ?? ''}${logicalId}`, () => this.safeProps(logicalId), this.input.where);
  }

  getAtt(logicalId: string, attribute: string, line: number): Value | undefined {
    const r = this.input.template.resources.get(logicalId);
    if (!r) return undefined;
    const gone = this.absentHere(logicalId, line);
    if (gone) return gone;
    return getAttOf(r.type, `${this.input.idPrefix ?? ''}${logicalId}`, attribute, () => this.safeProps(logicalId), this.input.where, { file: this.file, line });
  }

  private absentHere(logicalId: string, line: number): Unknown | undefined {
    const e = this.exists(logicalId);
    if (e === true) return undefined;
    return new Unknown(`${logicalId} does not exist under this combination of conditions`, { file: this.file, line });
  }

  /** Properties for identity only: a failing property elsewhere in the resource must not break a name. */
  private safeProps(logicalId: string): Record<string, Value> {
    try {
      return this.properties(logicalId);
    } catch {
      return {};
    }
  }
}

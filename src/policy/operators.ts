/** The condition operator names and what each family allows (Condition operators; Variables and tags). */
import type { OperatorBase } from './types.js';

export const OPERATOR_BASES: readonly OperatorBase[] = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];

const BY_LOWER = new Map(OPERATOR_BASES.map((o) => [o.toLowerCase(), o]));

/** Negated operators: a missing key makes them true, and several policy values combine as NOR. */
export const NEGATED: ReadonlySet<OperatorBase> = new Set<OperatorBase>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

/** The positive operator a negated one negates. */
export const POSITIVE_OF: Partial<Record<OperatorBase, OperatorBase>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** "You can use a policy variable ... with the String, ARN and Boolean operators" only. */
export function allowsVariables(base: OperatorBase): boolean {
  return base.startsWith('String') || base.startsWith('Arn') || base === 'Bool';
}

export function allowsWildcards(base: OperatorBase): boolean {
  return base === 'StringLike' || base === 'StringNotLike' || base.startsWith('Arn');
}

export interface OperatorName {
  base: OperatorBase;
  setOperator?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

/** Reads "ForAllValues:StringLikeIfExists"; an error sentence when it is no IAM operator. */
export function parseOperatorName(name: string): OperatorName | string {
  let rest = name;
  let setOperator: OperatorName['setOperator'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qual = rest.slice(0, colon).toLowerCase();
    if (qual === 'foranyvalue') setOperator = 'ForAnyValue';
    else if (qual === 'forallvalues') setOperator = 'ForAllValues';
    else return `unknown condition set operator "${rest.slice(0, colon)}" in "${name}"`;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = BY_LOWER.get(rest.toLowerCase());
  if (!base) return `unknown condition operator "${name}"`;
  if (base === 'Null' && ifExists) return `"${name}": IfExists cannot be added to the Null operator`;
  const out: OperatorName = { base, ifExists };
  if (setOperator) out.setOperator = setOperator;
  return out;
}

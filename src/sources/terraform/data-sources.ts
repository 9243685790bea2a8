import type { Where } from '../iac/arns.js';
import { Unknown, UnknownJson, findUnknown, isRecord, isUnknown } from '../iac/value.js';
import type { SourceLocation } from '../../inventory/index.js';
import { openObject, type TfValue } from './eval/values.js';

const arr = (v: TfValue): TfValue[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
/** The provider renders one-element lists as a plain string. */
const squash = (v: TfValue[]): TfValue => (v.length === 1 ? v[0] : v);

type Statement = Record<string, TfValue>;

function principals(blocks: TfValue): TfValue {
  const out: Record<string, TfValue[]> = {};
  for (const b of arr(blocks)) {
    if (!isRecord(b)) continue;
    const type = b.type;
    if (isUnknown(type)) return type;
    const ids = arr(b.identifiers);
    // type "*" with identifiers ["*"] is rendered as Principal: "*".
    if (type === '*' && ids.length === 1 && ids[0] === '*') return '*';
    (out[String(type)] ??= []).push(...ids);
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, squash(v)]));
}

function statementOf(s: Record<string, TfValue>): Statement {
  const st: Statement = {};
  if (s.sid !== undefined && s.sid !== null && s.sid !== '') st.Sid = s.sid;
  st.Effect = s.effect ?? 'Allow';
  for (const [key, out] of [['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const) {
    if (s[key] === undefined || s[key] === null) continue;
    st[out] = isUnknown(s[key]) ? s[key] : squash(arr(s[key]));
  }
  if (arr(s.principals).length) st.Principal = principals(s.principals);
  if (arr(s.not_principals).length) st.NotPrincipal = principals(s.not_principals);
  const conds: Record<string, Record<string, TfValue>> = {};
  for (const c of arr(s.condition)) {
    if (!isRecord(c)) continue;
    const test = String(c.test);
    const variable = String(c.variable);
    (conds[test] ??= {})[variable] = isUnknown(c.values) ? c.values : squash(arr(c.values));
  }
  if (Object.keys(conds).length) st.Condition = conds;
  return st;
}

/** aws_iam_policy_document, rendered as the provider renders it (json and minified_json). */
export function renderPolicyDocument(cfg: Record<string, TfValue>, at: SourceLocation): Record<string, TfValue> {
  const bySid = (list: Statement[], add: Statement[], override: boolean) => {
    for (const st of add) {
      const i = typeof st.Sid === 'string' ? list.findIndex((x) => x.Sid === st.Sid) : -1;
      if (i >= 0 && override) list[i] = st;
      else if (i < 0) list.push(st);
      else list[i] = st;
    }
    return list;
  };
  const parsed = (docs: TfValue): Statement[] | Unknown => {
    const out: Statement[] = [];
    for (const d of arr(docs)) {
      if (isUnknown(d)) return d;
      try {
        const doc: unknown = JSON.parse(String(d));
        if (isRecord(doc)) out.push(...(arr(doc.Statement).filter(isRecord) as Statement[]));
      } catch {
        return new Unknown('a source policy document is not JSON', at);
      }
    }
    return out;
  };
  const sources = parsed(cfg.source_policy_documents ?? cfg.source_json);
  const overrides = parsed(cfg.override_policy_documents ?? cfg.override_json);
  if (isUnknown(sources)) return { json: sources, minified_json: sources };
  if (isUnknown(overrides)) return { json: overrides, minified_json: overrides };
  let statements = bySid([...sources], arr(cfg.statement).filter(isRecord).map(statementOf), true);
  statements = bySid(statements, overrides, true);
  const doc: Record<string, TfValue> = { Version: cfg.version ?? '2012-10-17' };
  if (cfg.policy_id !== undefined && cfg.policy_id !== null) doc.Id = cfg.policy_id;
  doc.Statement = statements;
  const u = findUnknown(doc);
  if (u) {
    const pending = new UnknownJson(doc, u.reason, u.location ?? at);
    return { json: pending, minified_json: pending };
  }
  return { json: JSON.stringify(doc, null, 2), minified_json: JSON.stringify(doc) };
}

/**
 * A data source's value. Those whose answer is knowable without AWS are computed; the rest read
 * AWS at plan time, so each of their attributes is Unknown.
 */
export function dataSourceValue(type: string, address: string, cfg: Record<string, TfValue>, w: Where, at: SourceLocation): Record<string, TfValue> {
  switch (type) {
    case 'aws_iam_policy_document':
      return { ...cfg, id: address, ...renderPolicyDocument(cfg, at) };
    case 'aws_caller_identity':
      return openObject({ id: w.account, account_id: w.account }, `data.${address}`);
    case 'aws_region':
      return { ...cfg, id: w.region, name: w.region, region: w.region, endpoint: `ec2.${w.region}.amazonaws.com` };
    case 'aws_partition':
      return { id: w.partition, partition: w.partition, dns_suffix: w.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com', reverse_dns_prefix: 'com.amazonaws' };
    case 'aws_availability_zones':
      return openObject({ names: ['a', 'b', 'c'].map((z) => `${w.region}${z}`) }, `data.${address}`);
    case 'terraform_remote_state':
      return { outputs: new Unknown(`data.${address}: another configuration's state, read at plan time`, at) };
    default:
      return openObject({}, `data.${address} (read from AWS at plan time)`);
  }
}

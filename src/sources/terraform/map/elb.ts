import { ok, type Listener, type ListenerAction, type ListenerRule } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, type FieldReader } from '../../iac/fields.js';
import { isUnknown } from '../../iac/value.js';
import { DEFAULT_SSL_POLICY } from '../../cloudformation/map/elb.js';
import { blocks, declared, fieldsOf, knownStrings, rec, str, type TfMapper } from './context.js';

/** internal = true makes a load balancer internal; a deploy-time value is internet-facing at worst. */
function schemeOf(f: FieldReader, internal: unknown): string {
  if (isUnknown(internal)) {
    f.defer('internal', internal, { prop: 'scheme', value: 'internet-facing' });
    return 'internal';
  }
  return asBool(internal) === true ? 'internal' : 'internet-facing';
}

const classic: TfMapper = (m) => {
  const c = m.cfg;
  const name = String(c.name ?? m.address);
  const arn = arns.classicLb(m.where, name);
  const f = fieldsOf(m, arn);
  const logs = blocks(c.access_logs)[0];
  m.c.region(m.where.region).classicLbs.push({
    ...declared(m),
    name,
    arn,
    scheme: schemeOf(f, c.internal),
    securityGroupIds: knownStrings(f, 'security_groups', c.security_groups),
    listeners: blocks(c.listener).flatMap((x) => {
      if (isUnknown(x)) {
        f.defer('listener', x);
        return [];
      }
      const port = asNum(x.lb_port);
      const ip = asNum(x.instance_port);
      if (typeof port !== 'number') return [];
      return [
        {
          protocol: String(x.lb_protocol ?? 'HTTP').toUpperCase(),
          port,
          ...(str(x.instance_protocol) ? { instanceProtocol: str(x.instance_protocol)!.toUpperCase() } : {}),
          ...(typeof ip === 'number' ? { instancePort: ip } : {}),
          ...(str(x.ssl_certificate_id) ? { sslCertificateId: str(x.ssl_certificate_id) } : {}),
          policyNames: [],
        },
      ];
    }),
    policies: ok([]),
    accessLog: logs === undefined ? ok({ enabled: false }) : f.attr(logs, (v) => ({ enabled: asBool(rec(v).enabled) !== false, ...(str(rec(v).bucket) ? { bucket: str(rec(v).bucket) } : {}), ...(str(rec(v).bucket_prefix) ? { prefix: str(rec(v).bucket_prefix) } : {}) })),
    tags: {},
  });
};

/** aws_load_balancer_policy: an SSL negotiation policy of a classic load balancer. */
const classicPolicy: TfMapper = (m) => {
  const lb = str(m.cfg.load_balancer_name);
  if (!lb) return;
  m.c.region(m.where.region).classicPolicies.push({
    lbName: lb,
    policy: {
      name: String(m.cfg.policy_name ?? m.address),
      type: String(m.cfg.policy_type_name ?? ''),
      attributes: Object.fromEntries(blocks(m.cfg.policy_attribute).flatMap((a) => (isUnknown(a) ? [] : [[String(a.name), String(a.value)]]))),
    },
  });
};

const classicListenerPolicy: TfMapper = (m) => {
  const lb = str(m.cfg.load_balancer_name);
  const port = asNum(m.cfg.load_balancer_port);
  if (!lb || typeof port !== 'number') return;
  m.c.region(m.where.region).classicListenerPolicies.push({ lbName: lb, port, policyNames: knownStrings(fieldsOf(m, m.address), 'policy_names', m.cfg.policy_names) });
};

const loadBalancer: TfMapper = (m) => {
  const c = m.cfg;
  const type = c.load_balancer_type === 'network' || c.load_balancer_type === 'gateway' ? c.load_balancer_type : 'application';
  const name = String(c.name ?? m.address);
  const arn = String(c.arn ?? arns.lbV2(m.where, type, name, m.address));
  const f = fieldsOf(m, arn);
  const logs = rec(blocks(c.access_logs)[0]);
  const attributes: Record<string, string> = {};
  // The arguments Rampart's checks read, as DescribeLoadBalancerAttributes names them.
  if (type === 'application') attributes['routing.http.drop_invalid_header_fields.enabled'] = String(asBool(c.drop_invalid_header_fields) === true);
  attributes['access_logs.s3.enabled'] = String(asBool(logs.enabled) === true);
  if (str(logs.bucket)) attributes['access_logs.s3.bucket'] = str(logs.bucket)!;
  if (str(logs.prefix)) attributes['access_logs.s3.prefix'] = str(logs.prefix)!;
  attributes['deletion_protection.enabled'] = String(asBool(c.enable_deletion_protection) === true);
  m.c.region(m.where.region).lbs.push({
    ...declared(m),
    arn,
    name,
    type,
    scheme: schemeOf(f, c.internal),
    securityGroupIds: knownStrings(f, 'security_groups', c.security_groups),
    listeners: ok([]),
    attributes: f.attr([c.drop_invalid_header_fields, logs.enabled, logs.bucket], () => attributes),
    tags: {},
  });
};

const listener: TfMapper = (m) => {
  const c = m.cfg;
  const lb = str(c.load_balancer_arn);
  if (!lb) return;
  const f = fieldsOf(m, lb);
  const port = asNum(c.port);
  if (isUnknown(port)) return f.defer(`listener ${m.address} port`, port);
  // The provider's default protocol: HTTP for application load balancers.
  const protocol = String(c.protocol ?? 'HTTP').toUpperCase();
  if (typeof port !== 'number') return;
  const secure = protocol === 'HTTPS' || protocol === 'TLS';
  const l: Listener = {
    ...declared(m),
    arn: String(c.arn ?? arns.listener(m.where, m.address)),
    port,
    protocol,
    ...(secure ? { sslPolicy: str(c.ssl_policy) ?? DEFAULT_SSL_POLICY } : {}),
    certificateArns: str(c.certificate_arn) ? [str(c.certificate_arn)!] : [],
    defaultActions: actionsOf(c.default_action),
    // The configuration declares every rule: aws_lb_listener_rule resources join this list (see iac/assemble.ts).
    rules: ok([]),
  };
  m.c.region(m.where.region).listeners.push({ lbArn: lb, listener: l });
};

function actionsOf(v: unknown): ListenerAction[] {
  return blocks(v).flatMap((x) => {
    if (isUnknown(x)) return [];
    const r = rec(blocks(x.redirect)[0]);
    return [
      {
        type: String(x.type ?? 'forward'),
        ...(blocks(x.redirect).length
          ? { redirect: { ...(str(r.protocol) ? { protocol: str(r.protocol) } : {}), ...(r.port != null ? { port: String(r.port) } : {}), ...(str(r.status_code) ? { statusCode: str(r.status_code) } : {}) } }
          : {}),
        ...(str(x.target_group_arn) ? { targetGroupArn: str(x.target_group_arn) } : {}),
      },
    ];
  });
}

const CONDITIONS: ReadonlyArray<readonly [string, string]> = [
  ['path_pattern', 'path-pattern'],
  ['host_header', 'host-header'],
  ['http_request_method', 'http-request-method'],
  ['source_ip', 'source-ip'],
];

/** One condition block holds one kind of match: field and values, as DescribeRules names them. */
function conditionsOf(v: unknown): ListenerRule['conditions'] {
  const strs = (x: unknown) => (Array.isArray(x) ? x.flatMap((s) => (str(s) !== undefined ? [str(s)!] : [])) : []);
  return blocks(v).flatMap((x) => {
    const c = rec(x);
    const out: ListenerRule['conditions'] = [];
    for (const [block, field] of CONDITIONS) for (const b of blocks(c[block])) out.push({ field, values: strs(rec(b).values) });
    for (const b of blocks(c.http_header)) out.push({ field: 'http-header', values: strs(rec(b).values).map((s) => `${str(rec(b).http_header_name) ?? ''}: ${s}`) });
    const query = blocks(c.query_string).map((q) => (str(rec(q).key) ? `${str(rec(q).key)}=${str(rec(q).value) ?? ''}` : (str(rec(q).value) ?? '')));
    if (query.length) out.push({ field: 'query-string', values: query });
    return out;
  });
}

/** aws_lb_listener_rule: joined onto the listener its listener_arn names. */
const listenerRule: TfMapper = (m) => {
  const c = m.cfg;
  const listenerArn = str(c.listener_arn);
  if (!listenerArn) return; // a deploy-time listener: cannot tell which one it extends
  const priority = asNum(c.priority);
  const rule = fieldsOf(m, listenerArn).attr([c.action, c.condition], (): ListenerRule => ({
    // Without one, AWS gives the next free priority at apply time.
    priority: typeof priority === 'number' ? String(priority) : '',
    conditions: conditionsOf(c.condition),
    actions: actionsOf(c.action),
  }));
  m.c.region(m.where.region).listenerRules.push({ listenerArn, rule });
};

export const elbMappers: Record<string, TfMapper> = {
  aws_elb: classic,
  aws_load_balancer_policy: classicPolicy,
  aws_load_balancer_listener_policy: classicListenerPolicy,
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_lb_listener: listener,
  aws_alb_listener: listener,
  aws_lb_listener_rule: listenerRule,
  aws_alb_listener_rule: listenerRule,
};

import { ok, type Listener, type ListenerAction, type ListenerRule } from '../../../inventory/index.js';
import { arns } from '../../iac/arns.js';
import { asBool, asNum, asStr } from '../../iac/fields.js';
import { isUnknown } from '../../iac/value.js';
import { lbArn, refOf } from '../identity.js';
import { knownStrings } from './ec2.js';
import { declared, fieldsOf, list, obj, type Mapper } from './context.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The policy AWS applies to an HTTPS or TLS listener created without one. */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

const classic: Mapper = (m) => {
  const p = m.props;
  const name = String(refOf(m.type, m.logicalId, () => p, m.where));
  const arn = arns.classicLb(m.where, name);
  const f = fieldsOf(m, arn);
  const log = obj(p.AccessLoggingPolicy);
  m.c.region(m.where.region).classicLbs.push({
    ...declared(m),
    name,
    arn,
    scheme: str(p.Scheme) ?? 'internet-facing',
    securityGroupIds: knownStrings(f, 'SecurityGroups', p.SecurityGroups),
    listeners: list(p.Listeners).flatMap((l) => {
      const o = obj(l);
      const port = asNum(o.LoadBalancerPort);
      const ip = asNum(o.InstancePort);
      if (typeof port !== 'number') return [];
      return [
        {
          protocol: String(asStr(o.Protocol) ?? 'HTTP').toUpperCase(),
          port,
          ...(str(o.InstanceProtocol) ? { instanceProtocol: str(o.InstanceProtocol)!.toUpperCase() } : {}),
          ...(typeof ip === 'number' ? { instancePort: ip } : {}),
          ...(str(o.SSLCertificateId) ? { sslCertificateId: str(o.SSLCertificateId) } : {}),
          policyNames: knownStrings(f, 'Listeners.PolicyNames', o.PolicyNames),
        },
      ];
    }),
    policies: f.attr(p.Policies ?? [], (v) =>
      list(v).map((x) => {
        const o = obj(x);
        return {
          name: String(o.PolicyName ?? ''),
          type: String(o.PolicyType ?? ''),
          attributes: Object.fromEntries(list(o.Attributes).map((a) => [String(obj(a).Name), String(obj(a).Value)])),
        };
      }),
    ),
    accessLog:
      p.AccessLoggingPolicy === undefined
        ? ok({ enabled: false })
        : f.attr(log, () => ({
            enabled: asBool(log.Enabled) === true,
            ...(str(log.S3BucketName) ? { bucket: str(log.S3BucketName) } : {}),
            ...(str(log.S3BucketPrefix) ? { prefix: str(log.S3BucketPrefix) } : {}),
          })),
    tags: {},
  });
};

const loadBalancer: Mapper = (m) => {
  const p = m.props;
  const arn = lbArn(m.logicalId, p, m.where);
  const f = fieldsOf(m, arn);
  const type = p.Type === 'network' || p.Type === 'gateway' ? p.Type : 'application';
  const attrs = list(p.LoadBalancerAttributes);
  m.c.region(m.where.region).lbs.push({
    ...declared(m),
    arn,
    name: str(p.Name) ?? m.logicalId,
    type,
    scheme: str(p.Scheme) ?? 'internet-facing',
    securityGroupIds: knownStrings(f, 'SecurityGroups', p.SecurityGroups),
    listeners: ok([]),
    attributes: f.attr(attrs, () => Object.fromEntries(attrs.map((a) => [String(obj(a).Key), String(obj(a).Value)]))),
    tags: {},
  });
};

export function listenerOf(
  id: string,
  o: Record<string, unknown>,
  d: { location?: Listener['location']; condition?: string },
  actions: unknown[],
): Listener | undefined {
  const port = asNum(o.Port);
  const protocol = String(asStr(o.Protocol) ?? 'HTTP').toUpperCase();
  if (typeof port !== 'number') return undefined;
  const secure = protocol === 'HTTPS' || protocol === 'TLS';
  return {
    ...d,
    arn: id,
    port,
    protocol,
    ...(secure ? { sslPolicy: str(o.SslPolicy) ?? DEFAULT_SSL_POLICY } : {}),
    certificateArns: list(o.Certificates).flatMap((c) => (str(obj(c).CertificateArn) ? [str(obj(c).CertificateArn)!] : [])),
    defaultActions: actions.map(actionOf),
    // The template declares every rule: ListenerRule resources join this list (see iac/assemble.ts).
    rules: ok([]),
  };
}

function actionOf(a: unknown): ListenerAction {
  const x = obj(a);
  const r = obj(x.RedirectConfig);
  const tg = str(x.TargetGroupArn);
  return {
    type: String(x.Type ?? 'forward'),
    ...(x.RedirectConfig !== undefined
      ? { redirect: { ...(str(r.Protocol) ? { protocol: str(r.Protocol) } : {}), ...(r.Port !== undefined ? { port: String(r.Port) } : {}), ...(str(r.StatusCode) ? { statusCode: str(r.StatusCode) } : {}) } }
      : {}),
    ...(tg ? { targetGroupArn: tg } : {}),
  };
}

/** A condition as field and values: the typed *Config blocks, else the legacy Values list. */
function conditionOf(c: unknown): ListenerRule['conditions'][number] {
  const o = obj(c);
  const strs = (v: unknown) => list(v).flatMap((x) => (str(x) !== undefined ? [str(x)!] : []));
  const header = obj(o.HttpHeaderConfig);
  const query = list(obj(o.QueryStringConfig).Values).map((q) => (str(obj(q).Key) ? `${str(obj(q).Key)}=${str(obj(q).Value) ?? ''}` : (str(obj(q).Value) ?? '')));
  const typed = [obj(o.PathPatternConfig), obj(o.HostHeaderConfig), obj(o.HttpRequestMethodConfig), obj(o.SourceIpConfig)].find((x) => x.Values !== undefined);
  const values = typed
    ? strs(typed.Values)
    : o.HttpHeaderConfig !== undefined
      ? strs(header.Values).map((v) => `${str(header.HttpHeaderName) ?? ''}: ${v}`)
      : o.QueryStringConfig !== undefined
        ? query
        : strs(o.Values);
  return { field: str(o.Field) ?? '', values };
}

/** AWS::ElasticLoadBalancingV2::ListenerRule: joined onto the listener its ListenerArn names. */
const listenerRule: Mapper = (m) => {
  const listenerArn = str(m.props.ListenerArn);
  if (!listenerArn) return; // a deploy-time listener: cannot tell which one it extends
  const priority = asNum(m.props.Priority);
  const rule = fieldsOf(m, listenerArn).attr([m.props.Actions, m.props.Conditions], (): ListenerRule => ({
    priority: typeof priority === 'number' ? String(priority) : '',
    conditions: list(m.props.Conditions).map(conditionOf),
    actions: list(m.props.Actions).map(actionOf),
  }));
  m.c.region(m.where.region).listenerRules.push({ listenerArn, rule });
};

/** Stands in for a deploy-time SslPolicy: a current policy, so only the deferral decides. */
const DEPLOY_TIME_POLICY_STAND_IN = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

const listener: Mapper = (m) => {
  const lb = str(m.props.LoadBalancerArn);
  if (!lb) return;
  const f = fieldsOf(m, lb);
  const port = asNum(m.props.Port);
  if (typeof port !== 'number') {
    if (port !== undefined) f.defer(`listener ${m.logicalId} port`, port);
    return;
  }
  const arn = arns.listener(m.where, m.logicalId);
  let props = m.props;
  if (isUnknown(m.props.SslPolicy)) {
    // A deploy-time policy must not be judged as AWS's default (which fails): stand in a current
    // policy and record the field, so a pass on the listener is held unknown.
    fieldsOf(m, arn).defer(`listener ${m.logicalId} SslPolicy`, m.props.SslPolicy);
    props = { ...m.props, SslPolicy: DEPLOY_TIME_POLICY_STAND_IN };
  }
  const l = listenerOf(arn, props, declared(m), list(m.props.DefaultActions));
  if (l) m.c.region(m.where.region).listeners.push({ lbArn: lb, listener: l });
};

export const elbMappers: Record<string, Mapper> = {
  'AWS::ElasticLoadBalancing::LoadBalancer': classic,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': loadBalancer,
  'AWS::ElasticLoadBalancingV2::Listener': listener,
  'AWS::ElasticLoadBalancingV2::ListenerRule': listenerRule,
};

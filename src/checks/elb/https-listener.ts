import { z } from 'zod';
import { notCollected, type ClassicLoadBalancer, type Listener, type ListenerAction, type ListenerRule, type LoadBalancerV2 } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type ResourceRef, type Severity } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { classicLabel, classicRef, isInternetFacing, listenerRef, v2Label, v2Ref } from './load-balancers.js';

const port = z.number().int().min(1).max(65535);
const options = z.object({
  /**
   * TCP listeners on these ports usually carry TLS that the targets terminate (passthrough): they get a
   * manual finding to confirm it. 443 and 8443 (HTTPS), 465/993/995 (mail), 636 (LDAPS), 853 (DNS over
   * TLS), 5061 (SIP), 5671 (AMQPS), 6514 (syslog), 8883 (MQTT).
   */
  tlsPorts: z.array(port).default([443, 465, 636, 853, 993, 995, 5061, 5671, 6514, 8443, 8883]),
  /** TCP listeners on these ports carry plain HTTP through the load balancer: they fail. */
  httpPorts: z.array(port).default([80, 8000, 8008, 8080, 8888]),
});
type Options = z.infer<typeof options>;
type Message = 'encrypted' | 'redirects' | 'plainHttp' | 'plainHttpRules' | 'plainHttpClassic' | 'tcpPassthrough' | 'tcpHttp' | 'missing';

const failSeverity = (scheme: string): Severity => (isInternetFacing(scheme) ? 'medium' : 'low');

function redirectsToHttps(actions: ListenerAction[]): boolean {
  // A redirect to "#{protocol}" keeps HTTP; only an explicit HTTPS target encrypts.
  return actions.some((a) => a.type === 'redirect' && a.redirect?.protocol?.toUpperCase() === 'HTTPS');
}

/** "rule 10 (path-pattern /api/*: forward)": enough to find the rule in the console. */
function ruleLabel(r: ListenerRule): string {
  const when = r.conditions.map((c) => `${c.field} ${c.values.join(' | ')}`).join('; ');
  const does = r.actions.map((a) => a.type).join(', ') || 'no action';
  return `rule ${r.priority || '(unset priority)'} (${when ? `${when}: ` : ''}${does})`;
}

/** Rules of old snapshots were never read: a redirecting listener may still forward some paths. */
const RULES_NOT_COLLECTED = notCollected('elasticloadbalancing:DescribeRules', 'this inventory predates listener rules');

/** Judges one listener by protocol and port; undefined when the protocol is not web traffic (UDP, GENEVE...). */
function judgeListener(
  protocol: string,
  listenerPort: number,
  scheme: string,
  resource: ResourceRef,
  lb: string,
  o: Options,
  plain: () => CheckResult<Message>,
  detail?: string,
): CheckResult<Message> | undefined {
  const data = { lb, listener: `${protocol}:${listenerPort}`, protocol };
  const d = detail !== undefined ? { detail } : {};
  if (protocol === 'HTTPS' || protocol === 'TLS' || protocol === 'SSL') return { status: 'pass', resource, message: 'encrypted', data, ...d };
  if (protocol === 'HTTP') return plain();
  if (protocol === 'TCP') {
    if (o.tlsPorts.includes(listenerPort)) return { status: 'manual', resource, message: 'tcpPassthrough', data, severity: 'info', ...d };
    if (o.httpPorts.includes(listenerPort)) return { status: 'fail', resource, message: 'tcpHttp', data, severity: failSeverity(scheme), ...d };
  }
  return undefined;
}

function judgeV2(lb: LoadBalancerV2, l: Listener, region: string, o: Options): CheckResult<Message> | undefined {
  const resource = listenerRef(l, region);
  const label = v2Label(lb);
  const protocol = l.protocol.toUpperCase();
  return judgeListener(protocol, l.port, lb.scheme, resource, label, o, () => {
    const listener = `HTTP:${l.port}`;
    const data = { lb: label, listener, protocol, action: l.defaultActions.map((a) => a.type).join(', ') || 'no action' };
    if (!redirectsToHttps(l.defaultActions)) return { status: 'fail', resource, message: 'plainHttp', data, severity: failSeverity(lb.scheme) };
    // The default action runs only when no rule matches: a rule that forwards serves those requests in clear.
    const rules = l.rules ?? RULES_NOT_COLLECTED;
    if (rules.state !== 'ok' && rules.state !== 'absent') return missing(resource, rules, `the rules of listener ${listener} of ${label}`);
    const plain = rules.state === 'ok' ? rules.value.filter((r) => !redirectsToHttps(r.actions)) : [];
    if (plain.length) return { status: 'fail', resource, message: 'plainHttpRules', data: { ...data, rules: plain.map(ruleLabel).join('; ') }, severity: failSeverity(lb.scheme) };
    return { status: 'pass', resource, message: 'redirects', data };
  });
}

function judgeClassic(lb: ClassicLoadBalancer, region: string, o: Options): CheckResult<Message>[] {
  const resource = classicRef(lb, region);
  const label = classicLabel(lb);
  return lb.listeners.flatMap((l) => {
    const protocol = l.protocol.toUpperCase();
    const detail = `listener:${protocol}:${l.port}`;
    const r = judgeListener(
      protocol,
      l.port,
      lb.scheme,
      resource,
      label,
      o,
      () => ({ status: 'fail', resource, message: 'plainHttpClassic', detail, data: { lb: label, listener: `HTTP:${l.port}`, protocol }, severity: failSeverity(lb.scheme) }),
      detail,
    );
    return r ? [r] : [];
  });
}

export default defineCheck({
  id: 'elb.https-listener',
  title: 'Front-end listeners use HTTPS or TLS; plain HTTP only redirects to HTTPS',
  description:
    'Between the client and the load balancer, HTTP travels in clear: passwords, session cookies and personal data can be read and changed on the way. An application load balancer may keep an HTTP listener only to redirect to HTTPS; classic load balancers cannot redirect. TCP listeners on TLS ports pass encrypted traffic through to targets that must terminate TLS themselves.',
  severity: 'medium',
  guideIds: ['elb.https-listener'],
  needs: ['regions.*.elb.v2', 'regions.*.elb.classic'],
  permissions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['ELB.1', 'ELB.3'] },
  remediation: {
    text: 'Add an HTTPS listener with an ACM certificate and a current security policy, then change the HTTP listener\'s default action to a permanent (301) redirect to HTTPS on port 443, and move its forwarding rules to the HTTPS listener. Move classic load balancers to an application load balancer, or replace their HTTP listeners with HTTPS ones.',
    cli: 'aws elbv2 modify-listener --listener-arn arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2 --default-actions \'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}\'',
    cloudformation:
      'HttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Protocol: HTTP\n    Port: 80\n    DefaultActions:\n      - Type: redirect\n        RedirectConfig:\n          Protocol: HTTPS\n          Port: "443"\n          StatusCode: HTTP_301',
    terraform:
      'resource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      protocol    = "HTTPS"\n      port        = "443"\n      status_code = "HTTP_301"\n    }\n  }\n}',
  },
  messages: {
    encrypted: 'Listener {{listener}} of {{lb}} encrypts client traffic ({{protocol}}).',
    redirects: 'Listener {{listener}} of {{lb}} only redirects clients to HTTPS.',
    plainHttp: 'Listener {{listener}} of {{lb}} serves plain HTTP ({{action}}) instead of redirecting to HTTPS.',
    plainHttpRules: 'Listener {{listener}} of {{lb}} redirects to HTTPS by default, but serves plain HTTP where a rule matches: {{rules}}.',
    plainHttpClassic: 'Listener {{listener}} of {{lb}} serves plain HTTP; a classic load balancer cannot redirect, so replace it with an HTTPS listener.',
    tcpPassthrough:
      'Listener {{listener}} of {{lb}} passes TCP through without terminating TLS: verify by hand that its targets speak TLS on this port.',
    tcpHttp: 'Listener {{listener}} of {{lb}} passes an HTTP port through unencrypted.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options,
  evaluate({ inventory, options: o }) {
    const out: CheckResult<Message>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const { v2, classic } = r.elb;
      if (v2.state === 'ok') {
        for (const lb of v2.value) {
          if (lb.listeners.state !== 'ok') {
            if (lb.listeners.state !== 'absent') out.push(missing(v2Ref(lb, region), lb.listeners, `the listeners of ${v2Label(lb)}`));
            continue;
          }
          for (const l of lb.listeners.value) {
            const res = judgeV2(lb, l, region, o);
            if (res) out.push(res);
          }
        }
      } else if (v2.state !== 'absent') out.push(missing(accountResource(inventory, region), v2, 'the application and network load balancers', 'elbv2'));
      if (classic.state === 'ok') for (const lb of classic.value) out.push(...judgeClassic(lb, region, o));
      else if (classic.state !== 'absent') out.push(missing(accountResource(inventory, region), classic, 'the classic load balancers', 'classic'));
    }
    return out;
  },
});

import type { ClassicLoadBalancer, Listener, LoadBalancerV2 } from '../../inventory/index.js';
import { defineCheck, type CheckResult, type Severity } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';
import { classicLabel, classicRef, listenerRef, v2Label, v2Ref } from './load-balancers.js';
import {
  API_DEFAULT_POLICY,
  classicPolicyProtocols,
  describeProtocols,
  legacyProtocols,
  protocolsFromAttributes,
  v2PolicyProtocols,
  type TlsProtocol,
} from './tls-policies.js';

type Message = 'current' | 'outdated' | 'defaultOutdated' | 'unknownPolicy' | 'classicCurrent' | 'classicOutdated' | 'classicNoPolicy' | 'classicUnknownPolicy';

const SSL_NEGOTIATION = 'SSLNegotiationPolicyType';

const severityOf = (legacy: TlsProtocol[]): Severity => (legacy.includes('SSLv3') ? 'high' : 'medium');

function verdict(protocols: TlsProtocol[]): { status: 'pass' | 'fail'; legacy: TlsProtocol[] } {
  const legacy = legacyProtocols(protocols);
  return { status: legacy.length > 0 ? 'fail' : 'pass', legacy };
}

function judgeV2(lb: LoadBalancerV2, l: Listener, region: string): CheckResult<Message> | undefined {
  const protocol = l.protocol.toUpperCase();
  if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
  const resource = listenerRef(l, region);
  const data = { lb: v2Label(lb), listener: `${protocol}:${l.port}` };
  // A template that names no policy gets the API default, which still allows TLS 1.0 and 1.1.
  const policy = l.sslPolicy ?? API_DEFAULT_POLICY;
  const protocols = v2PolicyProtocols(policy);
  if (!protocols) return { status: 'unknown', resource, message: 'unknownPolicy', data: { ...data, policy } };
  const v = verdict(protocols);
  const d = { ...data, policy, protocols: describeProtocols(protocols), legacy: describeProtocols(v.legacy) };
  if (v.status === 'pass') return { status: 'pass', resource, message: 'current', data: d };
  return { status: 'fail', resource, message: l.sslPolicy ? 'outdated' : 'defaultOutdated', data: d, severity: severityOf(v.legacy) };
}

function judgeClassic(lb: ClassicLoadBalancer, region: string): CheckResult<Message | 'missing'>[] {
  const resource = classicRef(lb, region);
  const secure = lb.listeners.filter((l) => ['HTTPS', 'SSL'].includes(l.protocol.toUpperCase()));
  if (secure.length === 0) return [];
  if (lb.policies.state !== 'ok') return [missing(resource, lb.policies, `the SSL negotiation policies of ${classicLabel(lb)}`, 'policies')];
  const policies = lb.policies.value;
  return secure.map((l): CheckResult<Message> => {
    const listener = `${l.protocol.toUpperCase()}:${l.port}`;
    const detail = `listener:${listener}`;
    const data = { lb: classicLabel(lb), listener };
    const policy = policies.find((p) => p.type === SSL_NEGOTIATION && l.policyNames.includes(p.name));
    if (!policy) return { status: 'unknown', resource, detail, message: 'classicNoPolicy', data: { ...data, names: l.policyNames.join(', ') || 'none' } };
    // The Protocol-* attributes are what the listener negotiates; the referenced predefined policy is only a fallback.
    const reference = policy.attributes['Reference-Security-Policy'];
    const protocols = protocolsFromAttributes(policy.attributes) ?? (reference ? classicPolicyProtocols(reference) : undefined);
    const name = reference ? `${policy.name} (${reference})` : policy.name;
    if (!protocols) return { status: 'unknown', resource, detail, message: 'classicUnknownPolicy', data: { ...data, policy: name } };
    const v = verdict(protocols);
    const d = { ...data, policy: name, protocols: describeProtocols(protocols) || 'no protocol', legacy: describeProtocols(v.legacy) };
    return v.status === 'pass'
      ? { status: 'pass', resource, detail, message: 'classicCurrent', data: d }
      : { status: 'fail', resource, detail, message: 'classicOutdated', data: d, severity: severityOf(v.legacy) };
  });
}

export default defineCheck({
  id: 'elb.tls-policy',
  title: 'TLS listeners use a current predefined security policy (TLS 1.2 or later)',
  description:
    'The security policy decides which protocols a client may negotiate. TLS 1.0 and 1.1 (and SSL 3.0) are deprecated and open to downgrade and padding attacks. AWS publishes new predefined policies as protocols age; a listener keeps its old policy until someone changes it, and listeners created by the CLI, CloudFormation or Terraform without a policy get ELBSecurityPolicy-2016-08, which still allows TLS 1.0.',
  severity: 'medium',
  guideIds: ['elb.tls-policy'],
  needs: ['regions.*.elb.v2', 'regions.*.elb.classic'],
  permissions: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeLoadBalancerPolicies'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['ELB.8', 'ELB.17'] },
  remediation: {
    text: 'Set every HTTPS and TLS listener to a policy that allows only TLS 1.2 and 1.3, such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06 (or its post-quantum successor ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09). Check the access or connection logs for clients still on TLS 1.0/1.1 first. For a classic load balancer, create an SSL negotiation policy that references ELBSecurityPolicy-TLS-1-2-2017-01 and set it on the listener, or migrate to an application load balancer.',
    cli: 'aws elbv2 modify-listener --listener-arn arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/50dc6c495c0c9188/0467ef3c8400ae65 --ssl-policy ELBSecurityPolicy-TLS13-1-2-Res-2021-06\naws elb create-load-balancer-policy --load-balancer-name legacy --policy-name tls12 --policy-type-name SSLNegotiationPolicyType --policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=ELBSecurityPolicy-TLS-1-2-2017-01\naws elb set-load-balancer-policies-of-listener --load-balancer-name legacy --load-balancer-port 443 --policy-names tls12',
    cloudformation:
      'HttpsListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Protocol: HTTPS\n    Port: 443\n    SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06\n    Certificates:\n      - CertificateArn: !Ref Certificate\n    DefaultActions:\n      - Type: forward\n        TargetGroupArn: !Ref TargetGroup',
    terraform:
      'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"\n  certificate_arn   = aws_acm_certificate.web.arn\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.web.arn\n  }\n}',
  },
  messages: {
    current: 'Listener {{listener}} of {{lb}} uses {{policy}}, which allows only {{protocols}}.',
    outdated: 'Listener {{listener}} of {{lb}} uses {{policy}}, which still allows {{legacy}}.',
    defaultOutdated: 'Listener {{listener}} of {{lb}} names no security policy, so AWS applies {{policy}}, which still allows {{legacy}}.',
    unknownPolicy: "Listener {{listener}} of {{lb}} uses {{policy}}, which is not in Rampart's list of predefined policies: its protocols could not be judged.",
    classicCurrent: 'Listener {{listener}} of {{lb}} negotiates with {{policy}}, which enables only {{protocols}}.',
    classicOutdated: 'Listener {{listener}} of {{lb}} negotiates with {{policy}}, which still enables {{legacy}}.',
    classicNoPolicy: 'Listener {{listener}} of {{lb}} has no SSL negotiation policy among the policies read (listener policies: {{names}}).',
    classicUnknownPolicy:
      "Listener {{listener}} of {{lb}} negotiates with {{policy}}, which carries no Protocol-* attributes and is not in Rampart's list of predefined policies: its protocols could not be judged.",
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    const out: CheckResult<Message | 'missing'>[] = [];
    for (const [region, r] of regionsOf(inventory)) {
      const { v2, classic } = r.elb;
      if (v2.state === 'ok') {
        for (const lb of v2.value) {
          if (lb.listeners.state !== 'ok') {
            if (lb.listeners.state !== 'absent') out.push(missing(v2Ref(lb, region), lb.listeners, `the listeners of ${v2Label(lb)}`));
            continue;
          }
          for (const l of lb.listeners.value) {
            const res = judgeV2(lb, l, region);
            if (res) out.push(res);
          }
        }
      } else if (v2.state !== 'absent') out.push(missing(accountResource(inventory, region), v2, 'the application and network load balancers', 'elbv2'));
      if (classic.state === 'ok') for (const lb of classic.value) out.push(...judgeClassic(lb, region));
      else if (classic.state !== 'absent') out.push(missing(accountResource(inventory, region), classic, 'the classic load balancers', 'classic'));
    }
    return out;
  },
});

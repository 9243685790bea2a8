import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './tls-policy.js';
import { inRegion } from '../ec2/__tests__/fixtures.js';
import { alb, classicArn, clb, listener, listenerArn } from './__tests__/fixtures.js';

const elb = (v2: ReturnType<typeof alb>[], classic: ReturnType<typeof clb>[] = []) => [inRegion({ elb: { v2: ok(v2), classic: ok(classic) } })];
const negotiation = (name: string, attributes: Record<string, string>) => ({ name, type: 'SSLNegotiationPolicyType', attributes });

testCheck(check, {
  pass: [
    {
      name: 'TLS 1.2+ policies on ALB and NLB (FIPS and post-quantum); HTTP listeners are not judged',
      inventory: elb([
        alb('web', [
          listener('web', 'HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }),
          listener('web', 'HTTPS', 8443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' }),
          listener('web', 'HTTP', 80),
        ]),
        alb('gov', [listener('gov', 'TLS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04' }, 'net')], { type: 'network' }),
      ]),
      findings: [
        { status: 'pass', resourceId: listenerArn('app', 'web', 443), message: 'Listener HTTPS:443 of application load balancer web uses ELBSecurityPolicy-TLS13-1-2-Res-2021-06, which allows only TLS 1.2, TLS 1.3.' },
        { status: 'pass', resourceId: listenerArn('app', 'web', 8443), message: 'Listener HTTPS:8443 of application load balancer web uses ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09, which allows only TLS 1.2, TLS 1.3.' },
        { status: 'pass', resourceId: listenerArn('net', 'gov', 443), message: 'Listener TLS:443 of network load balancer gov uses ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04, which allows only TLS 1.3.' },
      ],
    },
    {
      name: 'a classic listener whose policy enables TLS 1.2 only',
      inventory: elb([], [
        clb('legacy', {
          listeners: [{ protocol: 'HTTPS', port: 443, policyNames: ['tls12'] }],
          policies: ok([negotiation('tls12', { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-2-2017-01', 'Protocol-TLSv1': 'false', 'Protocol-TLSv1.1': 'false', 'Protocol-TLSv1.2': 'true', 'Protocol-SSLv3': 'false' })]),
        }),
      ]),
      findings: [
        { status: 'pass', resourceId: classicArn('legacy'), detail: 'listener:HTTPS:443', message: 'Listener HTTPS:443 of classic load balancer legacy negotiates with tls12 (ELBSecurityPolicy-TLS-1-2-2017-01), which enables only TLS 1.2.' },
      ],
    },
  ],
  fail: [
    {
      name: 'outdated v2 policies, and a template that names none',
      source: 'cloudformation',
      inventory: elb([
        alb('web', [listener('web', 'HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS-1-1-2017-01' }), listener('web', 'HTTPS', 8443, { location: { file: 'web.yaml', line: 40 } })]),
        alb('ingest', [listener('ingest', 'TLS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-0-2021-06' }, 'net')], { type: 'network' }),
      ]),
      findings: [
        { status: 'fail', resourceId: listenerArn('app', 'web', 443), message: 'Listener HTTPS:443 of application load balancer web uses ELBSecurityPolicy-TLS-1-1-2017-01, which still allows TLS 1.1.' },
        { status: 'fail', resourceId: listenerArn('app', 'web', 8443), message: 'Listener HTTPS:8443 of application load balancer web names no security policy, so AWS applies ELBSecurityPolicy-2016-08, which still allows TLS 1.0, TLS 1.1.' },
        { status: 'fail', resourceId: listenerArn('net', 'ingest', 443), message: 'Listener TLS:443 of network load balancer ingest uses ELBSecurityPolicy-TLS13-1-0-2021-06, which still allows TLS 1.0, TLS 1.1.' },
      ],
    },
    {
      name: 'classic listeners: Protocol-* attributes decide over the referenced policy; SSL 3.0 is high; a bare reference falls back to the table',
      inventory: elb([], [
        clb('legacy', {
          listeners: [
            { protocol: 'HTTPS', port: 443, policyNames: ['custom'] },
            { protocol: 'SSL', port: 8443, policyNames: ['old'] },
            { protocol: 'HTTPS', port: 9443, policyNames: ['ref-only'] },
          ],
          policies: ok([
            negotiation('custom', { 'Reference-Security-Policy': 'ELBSecurityPolicy-TLS-1-2-2017-01', 'Protocol-TLSv1': 'true', 'Protocol-TLSv1.1': 'false', 'Protocol-TLSv1.2': 'true' }),
            negotiation('old', { 'Protocol-SSLv3': 'true', 'Protocol-TLSv1': 'true' }),
            negotiation('ref-only', { 'Reference-Security-Policy': 'ELBSecurityPolicy-2016-08' }),
            { name: 'stickiness', type: 'LBCookieStickinessPolicyType', attributes: {} },
          ]),
        }),
      ]),
      findings: [
        { status: 'fail', resourceId: classicArn('legacy'), detail: 'listener:HTTPS:443', message: 'Listener HTTPS:443 of classic load balancer legacy negotiates with custom (ELBSecurityPolicy-TLS-1-2-2017-01), which still enables TLS 1.0.' },
        { status: 'fail', resourceId: classicArn('legacy'), detail: 'listener:SSL:8443', severity: 'high', message: 'Listener SSL:8443 of classic load balancer legacy negotiates with old, which still enables SSL 3.0, TLS 1.0.' },
        { status: 'fail', resourceId: classicArn('legacy'), detail: 'listener:HTTPS:9443', message: 'Listener HTTPS:9443 of classic load balancer legacy negotiates with ref-only (ELBSecurityPolicy-2016-08), which still enables TLS 1.0, TLS 1.1.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'a policy name Rampart does not know, a classic listener without a negotiation policy, and unreadable policies',
      inventory: elb(
        [alb('web', [listener('web', 'HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2031-01' })])],
        [
          clb('nopolicy', { listeners: [{ protocol: 'HTTPS', port: 443, policyNames: ['stickiness'] }], policies: ok([{ name: 'stickiness', type: 'LBCookieStickinessPolicyType', attributes: {} }]) }),
          clb('denied', { listeners: [{ protocol: 'HTTPS', port: 443 }], policies: failed('elasticloadbalancing:DescribeLoadBalancerPolicies', 'AccessDenied') }),
        ],
      ),
      findings: [
        { status: 'unknown', resourceId: listenerArn('app', 'web', 443), message: "Listener HTTPS:443 of application load balancer web uses ELBSecurityPolicy-TLS13-1-2-Res-PQ-2031-01, which is not in Rampart's list of predefined policies: its protocols could not be judged." },
        { status: 'unknown', resourceId: classicArn('nopolicy'), detail: 'listener:HTTPS:443', message: 'Listener HTTPS:443 of classic load balancer nopolicy has no SSL negotiation policy among the policies read (listener policies: stickiness).' },
        { status: 'unknown', resourceId: classicArn('denied'), detail: 'policies', message: 'Could not read the SSL negotiation policies of classic load balancer denied: elasticloadbalancing:DescribeLoadBalancerPolicies failed: AccessDenied.' },
      ],
    },
  ],
});

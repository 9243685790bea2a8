import { ok, failed } from '../../inventory/index.js';
import { testCheck } from '../../test-utils/check-tester.js';
import check from './https-listener.js';
import { inRegion } from '../ec2/__tests__/fixtures.js';
import { alb, classicArn, clb, listener, listenerArn, redirectToHttps } from './__tests__/fixtures.js';

const REDIRECT = redirectToHttps.defaultActions!;
const rule = (priority: string, path: string, actions: Array<{ type: string; redirect?: { protocol: string } }>) => ({
  priority,
  conditions: [{ field: 'path-pattern', values: [path] }],
  actions,
});

const elb = (v2: ReturnType<typeof alb>[], classic: ReturnType<typeof clb>[] = []) => [inRegion({ elb: { v2: ok(v2), classic: ok(classic) } })];

testCheck(check, {
  pass: [
    {
      name: 'HTTPS, and HTTP that only redirects to HTTPS; UDP listeners are not judged',
      inventory: elb([
        alb('web', [listener('web', 'HTTPS', 443, { sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }), listener('web', 'HTTP', 80, redirectToHttps)]),
        alb('dns', [listener('dns', 'UDP', 53, {}, 'net')], { type: 'network' }),
      ]),
      findings: [
        { status: 'pass', resourceId: listenerArn('app', 'web', 443), message: 'Listener HTTPS:443 of application load balancer web encrypts client traffic (HTTPS).' },
        { status: 'pass', resourceId: listenerArn('app', 'web', 80), message: 'Listener HTTP:80 of application load balancer web only redirects clients to HTTPS.' },
      ],
    },
    {
      name: 'an NLB TLS listener, a TCP passthrough on 443 (manual) and a classic SSL listener',
      inventory: elb(
        [alb('ingest', [listener('ingest', 'TLS', 8883, {}, 'net'), listener('ingest', 'TCP', 443, {}, 'net')], { type: 'network' })],
        [clb('legacy', { listeners: [{ protocol: 'SSL', port: 443, instanceProtocol: 'TCP', instancePort: 8443 }] })],
      ),
      findings: [
        { status: 'pass', resourceId: listenerArn('net', 'ingest', 8883), message: 'Listener TLS:8883 of network load balancer ingest encrypts client traffic (TLS).' },
        { status: 'manual', resourceId: listenerArn('net', 'ingest', 443), severity: 'info', message: 'Listener TCP:443 of network load balancer ingest passes TCP through without terminating TLS: verify by hand that its targets speak TLS on this port.' },
        { status: 'pass', resourceId: classicArn('legacy'), detail: 'listener:SSL:443', message: 'Listener SSL:443 of classic load balancer legacy encrypts client traffic (SSL).' },
      ],
    },
    {
      name: 'an HTTP listener whose rules redirect to HTTPS too',
      inventory: elb([alb('web', [listener('web', 'HTTP', 80, { defaultActions: REDIRECT, rules: ok([rule('5', '/old/*', [{ type: 'redirect', redirect: { protocol: 'HTTPS' } }])]) })])]),
      findings: [{ status: 'pass', resourceId: listenerArn('app', 'web', 80), message: 'Listener HTTP:80 of application load balancer web only redirects clients to HTTPS.' }],
    },
  ],
  fail: [
    {
      name: 'redirects by default, but rules forward, fixed-respond or redirect keeping HTTP',
      inventory: elb([
        alb('web', [
          listener('web', 'HTTP', 80, {
            defaultActions: REDIRECT,
            rules: ok([
              rule('1', '/.well-known/*', [{ type: 'redirect', redirect: { protocol: 'HTTPS' } }]),
              rule('10', '/api/*', [{ type: 'forward' }]),
              rule('20', '/maintenance', [{ type: 'fixed-response' }]),
              rule('30', '/legacy', [{ type: 'redirect', redirect: { protocol: '#{protocol}' } }]),
            ]),
          }),
        ]),
      ]),
      findings: [
        {
          status: 'fail',
          resourceId: listenerArn('app', 'web', 80),
          message:
            'Listener HTTP:80 of application load balancer web redirects to HTTPS by default, but serves plain HTTP where a rule matches: rule 10 (path-pattern /api/*: forward); rule 20 (path-pattern /maintenance: fixed-response); rule 30 (path-pattern /legacy: redirect).',
        },
      ],
    },
    {
      name: 'HTTP forwarding, a redirect that keeps HTTP, and an internal listener (low)',
      inventory: elb([
        alb('web', [listener('web', 'HTTP', 80), listener('web', 'HTTP', 8080, { defaultActions: [{ type: 'redirect', redirect: { protocol: '#{protocol}', port: '80' } }] })]),
        alb('admin', [listener('admin', 'HTTP', 80, { defaultActions: [{ type: 'authenticate-oidc' }, { type: 'forward' }] })], { scheme: 'internal' }),
      ]),
      findings: [
        { status: 'fail', resourceId: listenerArn('app', 'web', 80), message: 'Listener HTTP:80 of application load balancer web serves plain HTTP (forward) instead of redirecting to HTTPS.' },
        { status: 'fail', resourceId: listenerArn('app', 'web', 8080), message: 'Listener HTTP:8080 of application load balancer web serves plain HTTP (redirect) instead of redirecting to HTTPS.' },
        { status: 'fail', resourceId: listenerArn('app', 'admin', 80), severity: 'low', message: 'Listener HTTP:80 of application load balancer admin serves plain HTTP (authenticate-oidc, forward) instead of redirecting to HTTPS.' },
      ],
    },
    {
      name: 'a classic HTTP listener and a TCP listener on an HTTP port',
      inventory: elb(
        [alb('tcp', [listener('tcp', 'TCP', 80, {}, 'net')], { type: 'network' })],
        [clb('legacy', { listeners: [{ protocol: 'HTTP', port: 80 }, { protocol: 'HTTPS', port: 443 }] })],
      ),
      findings: [
        { status: 'fail', resourceId: listenerArn('net', 'tcp', 80), message: 'Listener TCP:80 of network load balancer tcp passes an HTTP port through unencrypted.' },
        { status: 'fail', resourceId: classicArn('legacy'), detail: 'listener:HTTP:80', message: 'Listener HTTP:80 of classic load balancer legacy serves plain HTTP; a classic load balancer cannot redirect, so replace it with an HTTPS listener.' },
        { status: 'pass', resourceId: classicArn('legacy'), detail: 'listener:HTTPS:443', message: 'Listener HTTPS:443 of classic load balancer legacy encrypts client traffic (HTTPS).' },
      ],
    },
  ],
  unknown: [
    {
      name: 'a redirecting HTTP listener whose rules could not be read, or were never collected (an older snapshot)',
      inventory: elb([
        alb('web', [
          listener('web', 'HTTP', 80, { defaultActions: REDIRECT, rules: failed('elasticloadbalancing:DescribeRules', 'AccessDenied') }),
          listener('web', 'HTTP', 8080, { defaultActions: REDIRECT }),
        ]),
      ]),
      findings: [
        { status: 'unknown', resourceId: listenerArn('app', 'web', 80), message: 'Could not read the rules of listener HTTP:80 of application load balancer web: elasticloadbalancing:DescribeRules failed: AccessDenied.' },
        {
          status: 'unknown',
          resourceId: listenerArn('app', 'web', 8080),
          message: 'Could not read the rules of listener HTTP:8080 of application load balancer web: elasticloadbalancing:DescribeRules failed: not collected: this inventory predates listener rules.',
        },
      ],
    },
    {
      name: 'listeners, and classic load balancers, that could not be read',
      inventory: [inRegion({ elb: { v2: ok([alb('web', [], { listeners: failed('elasticloadbalancing:DescribeListeners', 'Throttling') })]), classic: failed('elasticloadbalancing:DescribeLoadBalancers', 'AccessDenied') } })],
      findings: [
        { status: 'unknown', resourceId: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef', message: 'Could not read the listeners of application load balancer web: elasticloadbalancing:DescribeListeners failed: Throttling.' },
        { status: 'unknown', resourceId: 'arn:aws:iam::123456789012:root', detail: 'classic', message: 'Could not read the classic load balancers: elasticloadbalancing:DescribeLoadBalancers failed: AccessDenied.' },
      ],
    },
  ],
});

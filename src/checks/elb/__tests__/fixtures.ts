import type { z } from 'zod';
import type { ClassicLoadBalancerSchema, ListenerSchema, LoadBalancerV2Schema } from '../../../inventory/index.js';
import { ok } from '../../../inventory/index.js';
import { ACCOUNT, REGION } from '../../ec2/__tests__/fixtures.js';

type ListenerIn = z.input<typeof ListenerSchema>;

export const lbArn = (kind: 'app' | 'net', name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${kind}/${name}/0123456789abcdef`;
export const listenerArn = (kind: 'app' | 'net', name: string, port: number) =>
  `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/${kind}/${name}/0123456789abcdef/${String(port).padStart(16, '0')}`;
export const classicArn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${name}`;

export function alb(name: string, listeners: ListenerIn[], over: Partial<z.input<typeof LoadBalancerV2Schema>> = {}): z.input<typeof LoadBalancerV2Schema> {
  const kind = over.type === 'network' ? 'net' : 'app';
  return { arn: lbArn(kind, name), name, type: 'application', scheme: 'internet-facing', vpcId: 'vpc-1', securityGroupIds: [], listeners: ok(listeners), attributes: ok({}), ...over };
}

export function listener(lb: string, protocol: string, port: number, over: Partial<ListenerIn> = {}, kind: 'app' | 'net' = 'app'): ListenerIn {
  return { arn: listenerArn(kind, lb, port), port, protocol, defaultActions: [{ type: 'forward', targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1' }], ...over };
}

/** An HTTP listener whose default action redirects to HTTPS, and whose rules were read: none. */
export const redirectToHttps: Partial<ListenerIn> = { defaultActions: [{ type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } }], rules: ok([]) };

export function clb(name: string, over: Partial<z.input<typeof ClassicLoadBalancerSchema>> = {}): z.input<typeof ClassicLoadBalancerSchema> {
  return { name, arn: classicArn(name), scheme: 'internet-facing', vpcId: 'vpc-1', securityGroupIds: [], listeners: [], policies: ok([]), accessLog: ok({ enabled: false }), ...over };
}

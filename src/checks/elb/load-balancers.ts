import type { ClassicLoadBalancer, Listener, LoadBalancerV2 } from '../../inventory/index.js';
import type { ResourceRef } from '../types.js';
import { refOf } from '../ec2/resource-ref.js';

export const v2Ref = (lb: LoadBalancerV2, region: string): ResourceRef => refOf(lb, lb.arn, 'AWS::ElasticLoadBalancingV2::LoadBalancer', region);
export const listenerRef = (l: Listener, region: string): ResourceRef => refOf(l, l.arn, 'AWS::ElasticLoadBalancingV2::Listener', region);
export const classicRef = (lb: ClassicLoadBalancer, region: string): ResourceRef => refOf(lb, lb.arn, 'AWS::ElasticLoadBalancing::LoadBalancer', region);

/** "application load balancer web" / "classic load balancer legacy": how messages name a load balancer. */
export const v2Label = (lb: LoadBalancerV2) => `${lb.type} load balancer ${lb.name}`;
export const classicLabel = (lb: ClassicLoadBalancer) => `classic load balancer ${lb.name}`;

export const isInternetFacing = (scheme: string) => scheme === 'internet-facing';

import type { Attr, RegionalInventory, Vpc } from '../../inventory/index.js';

/** What lives in one VPC, by kind, as ids. */
export interface VpcUsage {
  instances: string[];
  networkInterfaces: string[];
  databases: string[];
  loadBalancers: string[];
}

export interface RegionUsage {
  byVpc: Map<string, VpcUsage>;
  /** Lists that could not be read: a VPC may hold more than `byVpc` shows. */
  unread: Array<Attr<unknown>>;
}

const emptyUsage = (): VpcUsage => ({ instances: [], networkInterfaces: [], databases: [], loadBalancers: [] });
const GONE = new Set(['terminated', 'shutting-down']);

function collect<T>(a: Attr<T[]>, unread: Array<Attr<unknown>>): T[] {
  if (a.state === 'ok') return a.value;
  if (a.state !== 'absent') unread.push(a);
  return [];
}

/** Instances, network interfaces, databases and load balancers of a region, grouped by VPC. */
export function regionUsage(r: RegionalInventory): RegionUsage {
  const byVpc = new Map<string, VpcUsage>();
  const unread: Array<Attr<unknown>> = [];
  const add = (vpcId: string | undefined, kind: keyof VpcUsage, id: string) => {
    if (!vpcId) return;
    const u = byVpc.get(vpcId) ?? emptyUsage();
    u[kind].push(id);
    byVpc.set(vpcId, u);
  };
  for (const i of collect(r.ec2.instances, unread)) if (!GONE.has(i.state)) add(i.vpcId, 'instances', i.id);
  for (const n of collect(r.ec2.networkInterfaces, unread)) add(n.vpcId, 'networkInterfaces', n.id);
  for (const d of collect(r.rds.instances, unread)) add(d.vpcId, 'databases', d.id);
  for (const lb of collect(r.elb.v2, unread)) add(lb.vpcId, 'loadBalancers', lb.name);
  for (const lb of collect(r.elb.classic, unread)) add(lb.vpcId, 'loadBalancers', lb.name);
  return { byVpc, unread };
}

export function isEmpty(u: VpcUsage | undefined): boolean {
  return !u || (u.instances.length === 0 && u.networkInterfaces.length === 0 && u.databases.length === 0 && u.loadBalancers.length === 0);
}

/**
 * A VPC in use: any VPC the owner created, and a default VPC that holds something. Every region has a
 * default VPC from the start; an empty one is not a workload.
 */
export function inUse(vpc: Vpc, usage: RegionUsage): boolean {
  return !vpc.isDefault || !isEmpty(usage.byVpc.get(vpc.id));
}

/** "2 instance(s), 3 network interface(s)": the non-empty kinds of a VPC's usage. */
export function describeUsage(u: VpcUsage, kinds: Array<keyof VpcUsage> = ['instances', 'networkInterfaces', 'databases', 'loadBalancers']): string {
  const names: Record<keyof VpcUsage, string> = { instances: 'instance(s)', networkInterfaces: 'network interface(s)', databases: 'DB instance(s)', loadBalancers: 'load balancer(s)' };
  return kinds.filter((k) => u[k].length > 0).map((k) => `${u[k].length} ${names[k]}`).join(', ');
}

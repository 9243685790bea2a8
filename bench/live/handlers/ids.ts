import type { SyntheticAccount } from '../account.js';

/** A UUID-shaped id (KMS keys, WAF ACLs, detectors) whose tail is the index, so it can be read back. */
export function uuidOf(a: SyntheticAccount, kind: string, region: string, index: number): string {
  const h = a.hash(kind, region).toString(16).padStart(8, '0');
  return `${h}-${h.slice(0, 4)}-4${h.slice(4, 7)}-8${h.slice(1, 4)}-${index.toString(16).padStart(12, '0')}`;
}

export function indexOfUuid(a: SyntheticAccount, kind: string, region: string, id: string): number | undefined {
  const tail = /-([0-9a-f]{12})$/.exec(id)?.[1];
  if (tail === undefined) return undefined;
  const i = Number.parseInt(tail, 16);
  return uuidOf(a, kind, region, i) === id ? i : undefined;
}

/** The index in a name or ARN built as `${stem}-${index}` (classic-12, alb-3, topic-7...). */
export function indexIn(text: string, stem: string): number | undefined {
  const m = new RegExp(`(?:^|[/:])${stem}-(\\d+)(?:$|[/:])`).exec(text);
  return m ? Number(m[1]) : undefined;
}

/** One in five v2 load balancers is a network load balancer, the others application ones. */
export const isNetworkLb = (k: number) => k % 5 === 4;

export function lbV2Arn(a: SyntheticAccount, region: string, k: number): string {
  const kind = isNetworkLb(k) ? 'net/nlb' : 'app/alb';
  return `arn:aws:elasticloadbalancing:${region}:${a.id}:loadbalancer/${kind}-${k}/${a.hash('lb', region, k).toString(16).padStart(8, '0')}${k.toString(16).padStart(8, '0')}`;
}

/** ARNs for resources whose API answers carry none; the partition comes from the inventory. */
export function arn(partition: string, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}

/** The account id an ARN names, if any. */
export function accountOfArn(a: string): string | undefined {
  const parts = a.split(':');
  return parts.length >= 6 && /^\d{12}$/.test(parts[4] ?? '') ? parts[4] : undefined;
}

/** Global services report their findings in region 'global'. */
export const GLOBAL_REGION = 'global';

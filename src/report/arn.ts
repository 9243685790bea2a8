/** The partition of an ARN (aws, aws-cn, aws-us-gov...), or 'aws' for ids that are not ARNs. */
export function partitionOf(id: string): string {
  const m = /^arn:([a-z-]+):/.exec(id);
  return m?.[1] ?? 'aws';
}

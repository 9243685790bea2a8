import type { Origin } from '../../inventory/index.js';

/**
 * What an origin is, from S3's side. CloudFront knows an S3 bucket by its REST endpoint (legacy
 * global bucket.s3.amazonaws.com, regional bucket.s3.region.amazonaws.com, dual-stack, or the old
 * bucket.s3-region form) or by S3OriginConfig; a website endpoint (bucket.s3-website-region... or
 * bucket.s3-website.region...) is a custom origin that cannot use OAI or OAC.
 */
export type S3OriginKind = { kind: 'rest'; bucket: string | undefined } | { kind: 'website'; bucket: string } | { kind: 'other' };

const SUFFIX = String.raw`\.amazonaws\.com(?:\.cn)?$`;
const WEBSITE = new RegExp(String.raw`^(.+?)\.s3-website[.-][a-z0-9-]+` + SUFFIX, 'i');
const REST = [
  new RegExp(String.raw`^(.+?)\.s3` + SUFFIX, 'i'),
  new RegExp(String.raw`^(.+?)\.s3\.(?:dualstack\.)?[a-z0-9-]+` + SUFFIX, 'i'),
  new RegExp(String.raw`^(.+?)\.s3-(?!website)[a-z0-9-]+` + SUFFIX, 'i'),
];

export function s3OriginKind(o: Origin): S3OriginKind {
  const website = WEBSITE.exec(o.domainName);
  if (website?.[1]) return { kind: 'website', bucket: website[1] };
  for (const re of REST) {
    const m = re.exec(o.domainName);
    if (m?.[1]) return { kind: 'rest', bucket: m[1] };
  }
  // An S3OriginConfig on a domain we cannot read a bucket from (an access point alias, a new endpoint form).
  return o.hasS3OriginConfig ? { kind: 'rest', bucket: undefined } : { kind: 'other' };
}

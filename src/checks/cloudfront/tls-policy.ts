/**
 * CloudFront's viewer security policies (MinimumProtocolVersion), ordered: the TLS version first,
 * then the year of the cipher set. Known today: SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016,
 * TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025. Later ones parse the same way.
 */
export function tlsPolicyRank(policy: string): number | undefined {
  if (policy === 'SSLv3') return 0;
  const m = /^TLSv1(?:\.(\d))?(?:_(\d{4}))?$/.exec(policy);
  if (!m) return undefined;
  const minor = Number(m[1] ?? '0');
  const year = Number(m[2] ?? '0');
  return 1 + minor * 10_000 + year;
}

/** Is `policy` at least as strict as `minimum`? undefined when `policy` is not a known shape. */
export function meetsMinimum(policy: string, minimum: string): boolean | undefined {
  const p = tlsPolicyRank(policy);
  const m = tlsPolicyRank(minimum);
  return p === undefined || m === undefined ? undefined : p >= m;
}

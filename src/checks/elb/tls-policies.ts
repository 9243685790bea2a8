/**
 * The predefined Elastic Load Balancing security policies and the protocols each allows, from the
 * "Protocols by policy" tables of AWS's ALB, NLB and CLB security-policy pages (read 2026). A
 * policy that allows anything older than TLS 1.2 is outdated. Maintain this list when AWS
 * publishes new policies: a name missing here is reported as unknown, never as compliant.
 */
export type TlsProtocol = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

const LEGACY: readonly TlsProtocol[] = ['SSLv3', 'TLSv1', 'TLSv1.1'];

export const PROTOCOL_LABEL: Record<TlsProtocol, string> = {
  SSLv3: 'SSL 3.0',
  TLSv1: 'TLS 1.0',
  'TLSv1.1': 'TLS 1.1',
  'TLSv1.2': 'TLS 1.2',
  'TLSv1.3': 'TLS 1.3',
};

const T10_13: TlsProtocol[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const T11_13: TlsProtocol[] = ['TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const T12_13: TlsProtocol[] = ['TLSv1.2', 'TLSv1.3'];
const T13: TlsProtocol[] = ['TLSv1.3'];
const T10_12: TlsProtocol[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
const T11_12: TlsProtocol[] = ['TLSv1.1', 'TLSv1.2'];
const T12: TlsProtocol[] = ['TLSv1.2'];

/** Application and Network Load Balancer policies (ELBv2 listeners' SslPolicy). */
const V2: Record<string, TlsProtocol[]> = {
  // TLS security policies
  'ELBSecurityPolicy-TLS13-1-3-2021-06': T13,
  'ELBSecurityPolicy-TLS13-1-2-2021-06': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06': T12_13,
  'ELBSecurityPolicy-TLS13-1-1-2021-06': T11_13,
  'ELBSecurityPolicy-TLS13-1-0-2021-06': T10_13,
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06': T12,
  'ELBSecurityPolicy-TLS-1-2-2017-01': T12,
  'ELBSecurityPolicy-TLS-1-1-2017-01': T11_12,
  'ELBSecurityPolicy-2016-08': T10_12,
  'ELBSecurityPolicy-2015-05': T10_12,
  'ELBSecurityPolicy-TLS-1-0-2015-04': T10_12,
  // FIPS security policies
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04': T13,
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04': T12_13,
  'ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04': T11_13,
  'ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04': T10_13,
  // Forward-secrecy policies
  'ELBSecurityPolicy-FS-1-2-Res-2020-10': T12,
  'ELBSecurityPolicy-FS-1-2-Res-2019-08': T12,
  'ELBSecurityPolicy-FS-1-2-2019-08': T12,
  'ELBSecurityPolicy-FS-1-1-2019-08': T11_12,
  'ELBSecurityPolicy-FS-2018-06': T10_12,
  // RFC 9151 (CNSA) and hybrid post-quantum policies. Their floor is the "TLS13-1-x" part of the
  // name, as in every TLS13 family above (the ALB/NLB pages list them by name with the same naming).
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP1-FIPS-2023-07': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP2-FIPS-2023-07': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07': T12_13,
  'ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07': T13,
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09': T13,
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09': T13,
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09': T12_13,
  'ELBSecurityPolicy-TLS13-1-0-PQ-2025-09': T10_13,
  'ELBSecurityPolicy-TLS13-1-0-FIPS-PQ-2025-09': T10_13,
};

/**
 * Classic Load Balancer predefined policies, for an SSLNegotiationPolicyType policy that names one in
 * Reference-Security-Policy but carries no Protocol-* attributes. The pre-2015-05 policies are listed
 * with the one protocol every one of them is documented to enable (TLS 1.0): enough to call them outdated.
 */
const CLASSIC: Record<string, TlsProtocol[]> = {
  'ELBSecurityPolicy-TLS-1-2-2017-01': T12,
  'ELBSecurityPolicy-TLS-1-1-2017-01': T11_12,
  'ELBSecurityPolicy-2016-08': T10_12,
  'ELBSecurityPolicy-2015-05': T10_12,
  'ELBSecurityPolicy-2015-03': ['TLSv1'],
  'ELBSecurityPolicy-2015-02': ['TLSv1'],
  'ELBSecurityPolicy-2014-10': ['TLSv1'],
  'ELBSecurityPolicy-2014-01': ['TLSv1'],
  'ELBSecurityPolicy-2011-08': ['TLSv1'],
  'ELBSample-ELBDefaultNegotiationPolicy': ['TLSv1'],
  'ELBSample-OpenSSLDefaultNegotiationPolicy': ['TLSv1'],
};

/** The policy AWS applies when an HTTPS or TLS listener is created without one outside the console (CLI, CloudFormation, Terraform, CDK). */
export const API_DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';

export function v2PolicyProtocols(name: string): TlsProtocol[] | undefined {
  return V2[name];
}

export function classicPolicyProtocols(name: string): TlsProtocol[] | undefined {
  return CLASSIC[name];
}

export function legacyProtocols(protocols: readonly TlsProtocol[]): TlsProtocol[] {
  return protocols.filter((p) => LEGACY.includes(p));
}

export const describeProtocols = (protocols: readonly TlsProtocol[]) => protocols.map((p) => PROTOCOL_LABEL[p]).join(', ');

/** Protocol-* attributes of a classic SSLNegotiationPolicyType policy, when it carries them. */
const CLASSIC_ATTRIBUTE: Record<string, TlsProtocol> = {
  'Protocol-SSLv3': 'SSLv3',
  'Protocol-TLSv1': 'TLSv1',
  'Protocol-TLSv1.1': 'TLSv1.1',
  'Protocol-TLSv1.2': 'TLSv1.2',
};

export function protocolsFromAttributes(attributes: Record<string, string>): TlsProtocol[] | undefined {
  const named = Object.keys(attributes).filter((k) => k in CLASSIC_ATTRIBUTE);
  if (named.length === 0) return undefined;
  return named.filter((k) => attributes[k]?.toLowerCase() === 'true').map((k) => CLASSIC_ATTRIBUTE[k] as TlsProtocol);
}

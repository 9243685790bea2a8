import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { CredentialProvider } from './clients.js';

export interface CredentialOptions {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  sessionName?: string;
  /** Region for the STS call that assumes the role. */
  region: string;
  /** Extra configuration for that STS client (an endpoint, a request handler). */
  stsConfig?: Record<string, unknown>;
}

export const DEFAULT_SESSION_NAME = 'rampart-audit';

/**
 * One credential provider for every client (resolved once, refreshed when it expires): the
 * default chain (environment, shared config and credentials files, SSO, container and instance
 * roles) or the named profile, and on top of it the role to assume when one is given.
 */
export function credentialsFor(opts: CredentialOptions): CredentialProvider {
  const base = fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
  if (!opts.roleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: opts.roleArn,
      RoleSessionName: opts.sessionName ?? DEFAULT_SESSION_NAME,
      ...(opts.externalId ? { ExternalId: opts.externalId } : {}),
      DurationSeconds: 3600,
    },
    clientConfig: { ...opts.stsConfig, region: opts.region } as Parameters<typeof fromTemporaryCredentials>[0]['clientConfig'],
  });
}

import { STSClient } from '@aws-sdk/client-sts';

export interface StartRegionOptions {
  env: NodeJS.ProcessEnv;
  /** The --profile; without it the SDK uses AWS_PROFILE, else 'default'. */
  profile?: string;
  /**
   * Ask the SDK's own chain after the environment: the profile's `region` in the shared config
   * and credentials files, then (on EC2) the instance metadata. Off when the caller supplies its
   * own environment, which those files and the instance know nothing of.
   */
  sharedConfig?: boolean;
}

/** Where nothing names a region. Only right for the commercial partition, hence the last resort. */
export const FALLBACK_REGION = 'us-east-1';

/**
 * The SDK's region for a profile, as any client built without a region would resolve it (public
 * API: an STS client's resolved `region`); undefined when it finds none.
 */
async function sdkRegion(profile: string | undefined): Promise<string | undefined> {
  const sts = new STSClient(profile ? { profile } : {});
  try {
    return (await sts.config.region()) || undefined;
  } catch {
    return undefined; // "Region is missing"
  } finally {
    sts.destroy();
  }
}

/**
 * The region of the first calls (STS GetCallerIdentity, the role to assume, DescribeRegions).
 * AWS_REGION, then AWS_DEFAULT_REGION (the CLI's name, which the SDK ignores), then the profile's
 * region: a GovCloud or China profile must start in its own partition, where its credentials are
 * valid, or the scan cannot even say who it runs as.
 */
export async function startRegion(opts: StartRegionOptions): Promise<string> {
  const fromEnv = opts.env.AWS_REGION || opts.env.AWS_DEFAULT_REGION;
  if (fromEnv) return fromEnv;
  if (opts.sharedConfig !== false) {
    const fromSdk = await sdkRegion(opts.profile);
    if (fromSdk) return fromSdk;
  }
  return FALLBACK_REGION;
}

import PQueue from 'p-queue';
import type { Inventory } from '../../inventory/index.js';
import { assemble } from './assemble.js';
import { ClientPool, type ClientInfo, type CredentialProvider, type SdkClient } from './clients.js';
import { DEFAULT_TUNING, type Shared, type Tuning } from './context.js';
import { coverageOf } from './coverage.js';
import { credentialsFor } from './credentials.js';
import { identify, planRegions } from './discovery.js';
import { Limiter, type Limit } from './limits.js';
import { needsRegions, planUnits, selectServices } from './plan.js';
import type { ProgressEvent } from './progress.js';
import { CallRecorder } from './recorder.js';
import { startRegion } from './region.js';
import { runUnit, type UnitResult } from './run-unit.js';

export { SERVICES } from './collectors/index.js';
export { progressReporter, coverageSummary, type ProgressEvent } from './progress.js';
export { requiredActions, servicesForChecks, iamPolicy } from './permissions.js';
export { coverageOf, type LiveCoverage, type Gap } from './coverage.js';
export { runUnit, type UnitResult } from './run-unit.js';
export { credentialsFor } from './credentials.js';
export type { Shared, Tuning } from './context.js';
export { planUnits, UnknownServiceError } from './plan.js';
export { IdentityError, UnknownRegionError } from './discovery.js';
export type { WorkUnit } from './unit.js';
export type { SdkClient, ClientInfo } from './clients.js';

export interface LiveOptions {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  sessionName?: string;
  /** Narrow to these regions (default: every region the account has enabled). */
  regions?: string[];
  /** Narrow to these services (see SERVICES). */
  services?: string[];
  onProgress?: (e: ProgressEvent) => void;
  /* Test and bench hooks. */
  /** Merged over our defaults for every SDK client (requestHandler, endpoint, maxAttempts...). */
  clientConfig?: Record<string, unknown>;
  /** Called with every new SDK client: add middleware, count, wrap. */
  onClient?: (client: SdkClient, info: ClientInfo) => void;
  /** Use these credentials instead of the chain (tests, emulators). */
  credentials?: CredentialProvider;
  tuning?: Partial<Tuning>;
  /** Our per-service limits, overridden (see limits.ts). */
  limits?: Partial<Record<string, Partial<Limit>>>;
  /** How many units run at once (default 8); per-service limits still apply. */
  unitConcurrency?: number;
  /**
   * Where endpoint overrides and the starting region are read (default process.env). When given,
   * the shared config files and the instance metadata are not asked for the region.
   */
  env?: NodeJS.ProcessEnv;
}

/**
 * What units share in one process: the client pool, the per-service limits, the tuning and the
 * memo. A worker that runs units from a queue builds its own with this, then calls runUnit.
 */
export function createShared(
  opts: Pick<LiveOptions, 'clientConfig' | 'onClient' | 'tuning' | 'limits' | 'env'> & { credentials: CredentialProvider; log?: (message: string) => void },
): Shared {
  return {
    pool: new ClientPool({
      credentials: opts.credentials,
      env: opts.env ?? process.env,
      ...(opts.clientConfig ? { clientConfig: opts.clientConfig } : {}),
      ...(opts.onClient ? { onClient: opts.onClient } : {}),
    }),
    limiter: new Limiter(opts.limits),
    tuning: { ...DEFAULT_TUNING, ...opts.tuning },
    memo: new Map(),
    ...(opts.log ? { log: opts.log } : {}),
  };
}

/**
 * Collects the live account into an inventory. Every unit (account, region, service) runs in a
 * pool; a denied or failed call becomes an `error` attribute naming the call, and the scan
 * always completes. Throws only when the credentials cannot be identified, or on a usage error
 * (an unknown --services or --regions name).
 */
export async function collectLive(opts: LiveOptions = {}): Promise<Inventory> {
  const started = Date.now();
  const env = opts.env ?? process.env;
  const emit = opts.onProgress ?? (() => undefined);
  const services = selectServices(opts.services);
  const firstRegion = await startRegion({ env, sharedConfig: opts.env === undefined, ...(opts.profile ? { profile: opts.profile } : {}) });
  const credentials =
    opts.credentials ??
    credentialsFor({
      region: firstRegion,
      ...(opts.clientConfig ? { stsConfig: opts.clientConfig } : {}),
      ...(opts.profile ? { profile: opts.profile } : {}),
      ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
      ...(opts.externalId ? { externalId: opts.externalId } : {}),
      ...(opts.sessionName ? { sessionName: opts.sessionName } : {}),
    });
  const shared = createShared({ ...opts, credentials, env, log: (message) => emit({ type: 'warning', message }) });
  const pool = shared.pool;
  try {
    const recorder = new CallRecorder();
    const id = await identify(shared, recorder, firstRegion);
    const plan = needsRegions(services)
      ? await planRegions(shared, recorder, id, firstRegion, opts.regions)
      : { regions: [], disabled: [] as string[] };
    if (plan.warning) emit({ type: 'warning', message: plan.warning });
    const units = planUnits(id.account, id.partition, plan.regions, services);
    emit({
      type: 'start',
      account: id.account,
      identityArn: id.arn,
      regions: plan.regions,
      disabledRegions: plan.disabled,
      services,
      units: units.length,
    });
    // Units mostly wait on their own lanes (see limits.ts): running them all at once lets every lane
    // start from the first second; memory follows the inventory, not the number of units.
    const queue = new PQueue({ concurrency: opts.unitConcurrency ?? 256 });
    const results: UnitResult[] = [];
    await Promise.all(
      units.map((unit) =>
        queue.add(async () => {
          emit({ type: 'unit-start', unit });
          const r = await runUnit(unit, shared, (u, call, region, outcome) => emit({ type: 'call', unit: u, call, region, outcome }));
          const sum = (k: 'count' | 'errors' | 'throttles') => r.calls.reduce((n, c) => n + c[k], 0);
          emit({
            type: 'unit-end',
            unit,
            calls: sum('count'),
            errors: sum('errors'),
            throttles: sum('throttles'),
            durationMs: r.durationMs,
            ...(r.crashed ? { crashed: r.crashed } : {}),
          });
          recorder.absorb(r.calls);
          results.push(r);
        }),
      ),
    );
    // Results arrive in completion order; assemble in plan order so the snapshot is stable.
    const order = new Map(units.map((u, i) => [u, i]));
    results.sort((a, b) => (order.get(a.unit) ?? 0) - (order.get(b.unit) ?? 0));
    const inventory = assemble({
      meta: {
        source: 'aws',
        origin: 'live',
        accountId: id.account,
        partition: id.partition,
        collectedAt: new Date(started).toISOString(),
        regions: [...plan.regions, ...plan.disabled],
        identityArn: id.arn,
        calls: recorder.snapshot(),
      },
      results,
      disabledRegions: new Set(plan.disabled),
    });
    emit({ type: 'done', coverage: coverageOf(inventory), durationMs: Date.now() - started });
    return inventory;
  } finally {
    pool.destroy();
  }
}

import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { isThrottle } from './errors.js';

export type CredentialProvider = ReturnType<typeof fromNodeProviderChain>;

/** What we use of an SDK v3 client; every generated client has it. */
export interface SdkClient {
  send(command: never, options?: never): Promise<unknown>;
  destroy(): void;
  middlewareStack: object;
}

/** The one middleware-stack method we call, typed narrowly for our own middleware. */
interface AddMiddleware {
  add(
    mw: (next: (args: { input?: unknown }) => Promise<unknown>) => (args: { input?: unknown }) => Promise<unknown>,
    options: { step: 'finalizeRequest'; priority: 'low'; name: string },
  ): void;
}

/** An SDK client class (S3Client, EC2Client...). `never` because each takes its own config type. */
export type ClientClass<C extends SdkClient = SdkClient> = new (config: never) => C;

/** Where a client is used: bench and test hooks receive this with every new client. */
export interface ClientInfo {
  /** The client class name, e.g. 'S3Client'. */
  clientName: string;
  region: string;
}

export interface ClientOptions {
  credentials?: CredentialProvider;
  /** Merged over our defaults for every client (a requestHandler, maxAttempts, an endpoint...). */
  clientConfig?: Record<string, unknown>;
  /** Called once per new client: add middleware, wrap, count. */
  onClient?: (client: SdkClient, info: ClientInfo) => void;
  /** Environment to read endpoint overrides from (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

/** Per attempt, so a request that hangs can never hold a scan. */
export const CONNECTION_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const MAX_ATTEMPTS = 5;

/**
 * The endpoint override the SDK itself will honour (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>),
 * or an explicit `endpoint` in clientConfig. With one, S3 must use path-style addressing:
 * emulators listen on one host and cannot serve bucket.host names.
 */
export function endpointOverridden(env: NodeJS.ProcessEnv, serviceEnvKey: string, clientConfig?: Record<string, unknown>): boolean {
  return Boolean(clientConfig?.endpoint || env.AWS_ENDPOINT_URL || env[`AWS_ENDPOINT_URL_${serviceEnvKey}`]);
}

/** Input objects of requests in flight → who to tell about a throttled attempt. */
const attemptWatchers = new WeakMap<object, () => void>();

/** Registers a callback for each throttled attempt of the request carrying `input`. */
export function watchThrottles(input: unknown, onThrottle: () => void): () => void {
  if (typeof input !== 'object' || input === null) return () => undefined;
  attemptWatchers.set(input, onThrottle);
  return () => attemptWatchers.delete(input);
}

/** Errors that the attempt middleware already counted, so the caller does not count them again. */
export const countedThrottles = new WeakSet<object>();

/**
 * One client per (client class, region), created on first use and reused for the whole scan.
 */
export class ClientPool {
  private readonly clients = new Map<string, SdkClient>();
  private readonly infos = new WeakMap<SdkClient, ClientInfo>();
  private readonly env: NodeJS.ProcessEnv;

  constructor(private readonly opts: ClientOptions = {}) {
    this.env = opts.env ?? process.env;
  }

  get<C extends SdkClient>(Ctor: ClientClass<C>, region: string): C {
    const key = `${Ctor.name}@${region}`;
    const existing = this.clients.get(key);
    if (existing) return existing as C;
    const client = new Ctor(this.configFor(Ctor.name, region) as never);
    // Inside the retry middleware: sees every attempt, so it counts throttles the SDK retried.
    (client.middlewareStack as AddMiddleware).add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (e) {
          if (isThrottle(e) && typeof e === 'object' && e !== null) {
            const watcher = typeof args.input === 'object' && args.input !== null ? attemptWatchers.get(args.input) : undefined;
            if (watcher) {
              watcher();
              countedThrottles.add(e);
            }
          }
          throw e;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'rampartAttemptCounter' },
    );
    const info = { clientName: Ctor.name, region };
    this.opts.onClient?.(client, info);
    this.clients.set(key, client);
    this.infos.set(client, info);
    return client;
  }

  /** Which class and region a pooled client is for. */
  infoOf(client: SdkClient): ClientInfo | undefined {
    return this.infos.get(client);
  }

  private configFor(clientName: string, region: string): Record<string, unknown> {
    const cfg: Record<string, unknown> = {
      region,
      retryMode: 'adaptive',
      maxAttempts: MAX_ATTEMPTS,
      requestHandler: new NodeHttpHandler({ connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }),
    };
    if (this.opts.credentials) cfg.credentials = this.opts.credentials;
    if (clientName === 'S3Client' && endpointOverridden(this.env, 'S3', this.opts.clientConfig)) cfg.forcePathStyle = true;
    // S3 Control puts the account id in the host name; an emulator on 127.0.0.1 has no such host.
    // Its endpoint rules also prefix the account id to the host, which an IP address cannot take:
    // send every request to the override as given.
    if (clientName === 'S3ControlClient' && endpointOverridden(this.env, 'S3_CONTROL', this.opts.clientConfig)) {
      const given = this.opts.clientConfig?.endpoint ?? this.env.AWS_ENDPOINT_URL_S3_CONTROL ?? this.env.AWS_ENDPOINT_URL;
      if (typeof given === 'string') {
        cfg.disableHostPrefix = true;
        cfg.endpointProvider = () => ({ url: new URL(given) });
      }
    }
    return { ...cfg, ...this.opts.clientConfig };
  }

  /** Closes every socket; the pool is unusable afterwards. */
  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}

import {
  absent,
  emptyInventory,
  failed,
  InventorySchema,
  ok,
  type Attr,
  type HostInventory,
  type Inventory,
  type LinuxHost,
  type PasswdEntry,
  type ShadowEntry,
} from '../../inventory/index.js';
import { parsePasswd, parseShadow } from './accounts.js';
import { errorCode, HostInputError } from './errors.js';
import { HISTORY_FILES, loadHistoryLogs } from './history-logs.js';
import { findHomes } from './homes.js';
import { loadCloudInit, loadHostKeys } from './host-keys.js';
import { openRoot } from './open.js';
import { basename, type RootFs } from './rootfs.js';
import { loadSshdConfig } from './sshd.js';
import { isKeyCandidate, loadUserKeys } from './user-keys.js';
import { findCi, loadWindows } from './windows.js';

export interface LoadHostOptions {
  /** The name findings use as resourceId (an AMI id or name); defaults to ROOT. */
  name?: string;
  /** The AWS account the image belongs to, when known; findings carry it. */
  accountId?: string;
  /** The scan time (collectedAt). */
  now?: Date;
}

/** Host findings belong to no AWS account unless --account says which. */
export const HOST_ACCOUNT = 'local';

const HISTORY_NAMES = new Set(HISTORY_FILES.map((f) => basename(f)));

/**
 * Small files the loader will read, kept in memory during a tar's first pass so that most scans need
 * one pass; anything else is streamed by a later pass.
 */
export function prefetch(path: string): boolean {
  const lower = path.toLowerCase();
  const base = basename(path);
  if (lower.startsWith('/etc/ssh/') || lower.startsWith('/etc/cloud/') || lower.startsWith('/usr/etc/ssh/')) return true;
  if (['/etc/passwd', '/etc/shadow', '/etc/os-release', '/usr/lib/os-release'].includes(lower)) return true;
  if (HISTORY_NAMES.has(base) || base.startsWith('authorized_keys') || isKeyCandidate(base)) return true;
  if (lower.includes('/.aws/')) return true;
  if (lower.startsWith('/var/log/')) return true;
  if (/\.(ya?ml|json|xml)$/.test(lower) && /^\/(programdata\/amazon|program files\/amazon|windows\/panther|windows\/system32\/sysprep)\//.test(lower)) return true;
  return /^\/(auto)?unattend\.xml$/.test(lower);
}

async function readTable<T>(fs: RootFs, path: string, parse: (text: string) => T[]): Promise<Attr<T[]>> {
  try {
    const text = await fs.readText(path);
    return text === null ? absent() : ok(parse(text));
  } catch (e) {
    return failed(`read ${path}`, errorCode(e));
  }
}

async function exists(fs: RootFs, path: string): Promise<boolean> {
  return (await fs.stat(path).catch(() => null)) !== null;
}

async function osName(fs: RootFs): Promise<string | undefined> {
  for (const p of ['/etc/os-release', '/usr/lib/os-release']) {
    const text = await fs.readText(p).catch(() => null);
    const m = text ? /^PRETTY_NAME=["']?([^"'\n]*)["']?$/m.exec(text) : null;
    if (m) return m[1];
  }
  return undefined;
}

async function loadLinux(fs: RootFs): Promise<LinuxHost> {
  const sshd = await loadSshdConfig(fs);
  const passwd: Attr<PasswdEntry[]> = await readTable(fs, '/etc/passwd', parsePasswd);
  const shadow: Attr<ShadowEntry[]> = await readTable(fs, '/etc/shadow', parseShadow);
  const sshdInstalled = sshd.state !== 'absent' || (await exists(fs, '/usr/sbin/sshd')) || (await exists(fs, '/usr/bin/sshd'));
  const homes = await findHomes(fs, passwd);
  return {
    sshdInstalled,
    sshd,
    hostKeys: await loadHostKeys(fs, sshd),
    cloudInit: await loadCloudInit(fs),
    passwd,
    shadow,
    userKeys: await loadUserKeys(fs, homes, passwd, sshd),
    historyLogs: await loadHistoryLogs(fs, homes),
  };
}

/** A `docker save` archive holds image layers, not a root file system. */
async function isImageArchive(fs: RootFs): Promise<boolean> {
  return (await exists(fs, '/manifest.json')) && ((await exists(fs, '/repositories')) || (await exists(fs, '/blobs')) || (await exists(fs, '/index.json')));
}

/** Reads ROOT (a folder or a tar) into the host part of an inventory. */
export async function loadHostInventory(root: string, opts: LoadHostOptions = {}): Promise<HostInventory> {
  const fs = await openRoot(root, prefetch);
  try {
    return await readHost(fs, root, opts);
  } finally {
    await fs.close();
  }
}

/** The host part from an opened root (tests hand in a file system that fails on purpose). */
export async function readHost(fs: RootFs, root: string, opts: LoadHostOptions = {}): Promise<HostInventory> {
  try {
    await fs.list('/');
  } catch (e) {
    throw new HostInputError(`${root}: cannot read the root folder (${errorCode(e)})`);
  }
  const linux = (await exists(fs, '/etc/passwd')) || (await exists(fs, '/etc/os-release')) || (await exists(fs, '/usr/lib/os-release'));
  const windowsDir = await findCi(fs, '/Windows/System32');
  if (!linux && !windowsDir) {
    if (await isImageArchive(fs)) {
      throw new HostInputError(`${root}: an image archive (docker save), not a root file system; export a container instead: docker export $(docker create IMAGE) -o root.tar`);
    }
    throw new HostInputError(`${root}: no Linux or Windows system found (no /etc/passwd, /etc/os-release or Windows/System32)`);
  }
  const host: HostInventory = {
    root,
    name: opts.name ?? root,
    kind: fs.kind,
    os: linux ? 'linux' : 'windows',
  };
  const name = linux ? await osName(fs) : undefined;
  if (name) host.osName = name;
  if (linux) host.linux = await loadLinux(fs);
  if (windowsDir) host.windows = await loadWindows(fs, windowsDir.replace(/\/System32$/i, ''));
  return host;
}

/** A whole inventory for `rampart host`: the AWS parts say they were not collected. */
export async function loadHost(root: string, opts: LoadHostOptions = {}): Promise<Inventory> {
  const now = opts.now ?? new Date();
  const host = await loadHostInventory(root, opts);
  const inv = emptyInventory(
    {
      source: 'host',
      origin: 'host',
      accountId: opts.accountId ?? HOST_ACCOUNT,
      partition: 'aws',
      collectedAt: now.toISOString(),
      regions: [],
      description: `host file system ${root}`,
    },
    'not part of a host scan',
  );
  return InventorySchema.parse({ ...inv, host });
}

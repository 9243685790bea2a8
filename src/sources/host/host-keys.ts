import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { absent, failed, ok, type Attr, type CloudInit, type SshdConfig } from '../../inventory/index.js';
import { errorCode } from './errors.js';
import { join, type RootFs } from './rootfs.js';

const HOST_KEY = /^ssh_host_.*_key$/;

/**
 * Private host keys in the image: /etc/ssh/ssh_host_*_key, and any other path a global HostKey line
 * names. Public halves (.pub) are harmless and left out.
 */
export async function loadHostKeys(fs: RootFs, sshd: Attr<SshdConfig>): Promise<Attr<Array<{ path: string; size: number }>>> {
  const paths = new Set<string>();
  try {
    for (const name of (await fs.list('/etc/ssh')) ?? []) if (HOST_KEY.test(name)) paths.add(join('/etc/ssh', name));
  } catch (e) {
    return failed('list /etc/ssh', errorCode(e));
  }
  if (sshd.state === 'ok') {
    for (const d of sshd.value.directives) {
      if (d.keyword === 'hostkey' && d.match === null && d.args[0]) paths.add(d.args[0].startsWith('/') ? d.args[0] : join('/etc/ssh', d.args[0]));
    }
  }
  const found: Array<{ path: string; size: number }> = [];
  for (const path of [...paths].sort()) {
    try {
      const e = await fs.stat(path);
      if (e && e.type === 'file') found.push({ path, size: e.size });
    } catch (e) {
      return failed(`stat ${path}`, errorCode(e));
    }
  }
  return ok(found);
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

const MODULE_LISTS = ['cloud_init_modules', 'cloud_config_modules', 'cloud_final_modules'];

/** A module list entry: 'ssh', [ssh, always], or {name: ssh}. */
function moduleName(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (Array.isArray(item) && typeof item[0] === 'string') return item[0];
  if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string') return (item as { name: string }).name;
  return undefined;
}

/**
 * cloud-init's settings that decide whether host keys are regenerated: cloud.cfg then cloud.cfg.d/*.cfg
 * in order, later files overriding earlier ones, read as YAML 1.1 (as PyYAML reads them: yes/no are booleans).
 */
export async function loadCloudInit(fs: RootFs): Promise<Attr<CloudInit>> {
  const files: string[] = [];
  try {
    if (!(await fs.stat('/etc/cloud/cloud.cfg'))) return absent();
    files.push('/etc/cloud/cloud.cfg');
    for (const name of (await fs.list('/etc/cloud/cloud.cfg.d')) ?? []) if (name.endsWith('.cfg')) files.push(join('/etc/cloud/cloud.cfg.d', name));
  } catch (e) {
    return failed('list /etc/cloud', errorCode(e));
  }
  let deleteKeys: CloudInit['deleteKeys'] = null;
  const lists = new Map<string, unknown[]>();
  for (const file of files) {
    let text: string | null;
    try {
      text = await fs.readText(file);
    } catch (e) {
      return failed(`read ${file}`, errorCode(e));
    }
    if (text === null) continue;
    let doc: Document;
    try {
      doc = parseDocument(text, { version: '1.1' });
    } catch (e) {
      return failed(`parse ${file}`, errorCode(e));
    }
    if (doc.errors.length > 0) return failed(`parse ${file}`, doc.errors[0]?.message ?? 'invalid YAML');
    if (!isMap(doc.contents)) continue;
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === 'ssh_deletekeys' && isScalar(pair.value)) {
        const v = pair.value.value;
        const start = pair.key && isScalar(pair.key) && pair.key.range ? pair.key.range[0] : 0;
        // cloud-init treats any truthy value as true.
        deleteKeys = { value: typeof v === 'string' ? v !== '' : Boolean(v), file, line: lineOf(text, start) };
      }
      if (key && MODULE_LISTS.includes(key) && isSeq(pair.value)) lists.set(key, pair.value.toJSON() as unknown[]);
    }
  }
  const disabled = (await fs.stat('/etc/cloud/cloud-init.disabled').catch(() => null)) !== null;
  const sshModule =
    lists.size === 0 ? null : [...lists.values()].some((l) => l.some((item) => ['ssh', 'cc_ssh'].includes(moduleName(item) ?? '')));
  return ok({ files, disabled, deleteKeys, sshModule });
}

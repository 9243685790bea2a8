import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { absent, failed, ok, type Attr, type EventLog, type UnattendFile, type WindowsHost } from '../../inventory/index.js';
import { errorCode } from './errors.js';
import { countEvtxRecords } from './evtx.js';
import { join, type RootFs } from './rootfs.js';

/**
 * A path looked up without regard to case, as Windows does: an NTFS volume mounted on Linux, or a
 * tar of one, keeps whatever case the files were created with. null when any part is missing.
 */
export async function findCi(fs: RootFs, path: string): Promise<string | null> {
  let current = '/';
  for (const part of path.split('/').filter(Boolean)) {
    const names = await fs.list(current).catch(() => null);
    if (!names) return null;
    const hit = names.find((n) => n === part) ?? names.find((n) => n.toLowerCase() === part.toLowerCase());
    if (!hit) return null;
    current = join(current, hit);
  }
  return current;
}

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Reads a file found case-insensitively: absent when missing, error when unreadable. */
async function readCi(fs: RootFs, path: string): Promise<{ path: string; text: string } | Attr<never>> {
  const real = await findCi(fs, path);
  if (!real) return absent();
  try {
    const text = await fs.readText(real);
    return text === null ? absent() : { path: real, text: text.replace(/^\uFEFF/, '') };
  } catch (e) {
    return failed(`read ${real}`, errorCode(e));
  }
}

function isAttr(x: unknown): x is Attr<never> {
  return typeof x === 'object' && x !== null && 'state' in x;
}

/** EC2Launch v2: the setAdminAccount task of agent-config.yml, and whether "once" tasks will run again. */
async function loadEc2LaunchV2(fs: RootFs): Promise<WindowsHost['ec2launchV2']> {
  const file = await readCi(fs, '/ProgramData/Amazon/EC2Launch/config/agent-config.yml');
  if (isAttr(file)) return file;
  const doc = parseDocument(file.text);
  if (doc.errors.length > 0) return failed(`parse ${file.path}`, doc.errors[0]?.message ?? 'invalid YAML');
  let setAdminAccount: { passwordType: string | null; name?: string; line: number } | null = null;
  const config = isMap(doc.contents) ? doc.contents.get('config', true) : undefined;
  if (isSeq(config)) {
    for (const stage of config.items) {
      const tasks = isMap(stage) ? stage.get('tasks', true) : undefined;
      if (!isSeq(tasks)) continue;
      for (const task of tasks.items) {
        if (!isMap(task) || task.get('task') !== 'setAdminAccount') continue;
        const inputs = task.get('inputs', true);
        const password = isMap(inputs) ? inputs.get('password', true) : undefined;
        const type = isMap(password) ? password.get('type') : undefined;
        const name = isMap(inputs) ? inputs.get('name') : undefined;
        const range = (task as Node).range;
        setAdminAccount = {
          passwordType: typeof type === 'string' ? type : null,
          ...(typeof name === 'string' ? { name } : {}),
          line: range ? lineAt(file.text, range[0]) : 1,
        };
      }
    }
  }
  const state = await findCi(fs, '/ProgramData/Amazon/EC2Launch/state');
  const stateNames = state ? ((await fs.list(state).catch(() => null)) ?? []) : [];
  const runOnce = stateNames.some((n) => ['.run-once', '.runonce'].includes(n.toLowerCase()));
  return ok({ file: file.path, setAdminAccount, runOnce });
}

/** EC2Launch v1: LaunchConfig.json's adminPasswordType (keys compared without case, as PowerShell does). */
async function loadEc2LaunchV1(fs: RootFs): Promise<WindowsHost['ec2launchV1']> {
  const file = await readCi(fs, '/ProgramData/Amazon/EC2-Windows/Launch/Config/LaunchConfig.json');
  if (isAttr(file)) return file;
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (e) {
    return failed(`parse ${file.path}`, errorCode(e));
  }
  const entry = data && typeof data === 'object' ? Object.entries(data).find(([k]) => k.toLowerCase() === 'adminpasswordtype') : undefined;
  const at = /"adminPasswordType"/i.exec(file.text);
  return ok({
    file: file.path,
    adminPasswordType: entry && typeof entry[1] === 'string' ? { value: entry[1], line: at ? lineAt(file.text, at.index) : 1 } : null,
  });
}

/** EC2Config: the Ec2SetPassword plugin's state in config.xml. */
async function loadEc2Config(fs: RootFs): Promise<WindowsHost['ec2config']> {
  const file = await readCi(fs, '/Program Files/Amazon/Ec2ConfigService/Settings/config.xml');
  if (isAttr(file)) return file;
  const m = /<Plugin>\s*<Name>\s*Ec2SetPassword\s*<\/Name>\s*<State>\s*([^<\s]*)\s*<\/State>/i.exec(file.text);
  return ok({ file: file.path, setPassword: m ? { state: m[1] as string, line: lineAt(file.text, m.index) } : null });
}

const UNATTEND = [
  '/Windows/Panther/Unattend.xml',
  '/Windows/Panther/Unattend/Unattend.xml',
  '/Windows/Panther/Autounattend.xml',
  '/Windows/System32/Sysprep/Unattend.xml',
  '/Windows/System32/Sysprep/Panther/Unattend.xml',
  '/Unattend.xml',
  '/Autounattend.xml',
  '/ProgramData/Amazon/EC2Launch/sysprep/unattend.xml',
  '/ProgramData/Amazon/EC2-Windows/Launch/Sysprep/Unattend.xml',
  '/Program Files/Amazon/Ec2ConfigService/sysprep2008.xml',
];

function xmlValue(text: string, tag: string): { value: string; line: number } | null {
  const m = new RegExp(`<(?:\\w+:)?${tag}>\\s*([^<]*?)\\s*</(?:\\w+:)?${tag}>`, 'i').exec(text);
  return m ? { value: m[1] as string, line: lineAt(text, m.index) } : null;
}

/** Unattend answer files and what they join: <JoinDomain> or <JoinWorkgroup>. Credentials in them are not kept. */
async function loadUnattend(fs: RootFs): Promise<Attr<UnattendFile[]>> {
  const out: UnattendFile[] = [];
  const seen = new Set<string>();
  for (const p of UNATTEND) {
    const file = await readCi(fs, p);
    if (isAttr(file)) {
      if (file.state === 'error') return file;
      continue;
    }
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    out.push({ path: file.path, joinDomain: xmlValue(file.text, 'JoinDomain'), joinWorkgroup: xmlValue(file.text, 'JoinWorkgroup') });
  }
  return ok(out);
}

/** Every .evtx under winevt/Logs with its size and record count (streamed: logs reach gigabytes). */
async function loadEventLogs(fs: RootFs, systemRoot: string): Promise<Attr<EventLog[]>> {
  const dir = await findCi(fs, join(systemRoot, 'System32/winevt/Logs'));
  if (!dir) return absent();
  let names: string[];
  try {
    names = (await fs.list(dir)) ?? [];
  } catch (e) {
    return failed(`list ${dir}`, errorCode(e));
  }
  const logs = new Map<string, EventLog>();
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.evtx'))) {
    const path = join(dir, name);
    const e = await fs.lstat(path).catch(() => null);
    if (e?.type === 'file') logs.set(path, { path, size: e.size, records: null });
  }
  const failures = await fs.readEach([...logs.keys()], async (path, chunks) => {
    const log = logs.get(path);
    const count = await countEvtxRecords(chunks);
    if (log) Object.assign(log, count);
  });
  for (const [path, err] of failures) {
    const log = logs.get(path);
    if (log) log.error = `read failed: ${err.message}`;
  }
  return ok([...logs.values()]);
}

/** The Windows parts of an image. `systemRoot` is the Windows folder as found. */
export async function loadWindows(fs: RootFs, systemRoot: string): Promise<WindowsHost> {
  const hive = (name: string) => findCi(fs, join(systemRoot, `System32/config/${name}`));
  return {
    systemRoot,
    ec2launchV2: await loadEc2LaunchV2(fs),
    ec2launchV1: await loadEc2LaunchV1(fs),
    ec2config: await loadEc2Config(fs),
    eventLogs: await loadEventLogs(fs, systemRoot),
    unattend: await loadUnattend(fs),
    hives: { system: await hive('SYSTEM'), sam: await hive('SAM'), security: await hive('SECURITY') },
  };
}

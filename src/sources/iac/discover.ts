import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { IacError } from './errors.js';

/** What was found under the paths given to `rampart iac`. */
export interface Discovered {
  /** CloudFormation candidates (YAML or JSON): confirmed when parsed. */
  templates: string[];
  /** Terraform root modules (directories), without those only called as local modules. */
  terraformRoots: string[];
  /** JSON files that may be `terraform show -json` output or templates: sniffed when read. */
  json: string[];
  errors: IacError[];
}

const SKIP_DIRS = new Set(['.git', '.terraform', 'node_modules', '.serverless', 'cdk.out', '.aws-sam', '__pycache__', '.venv']);
const TEMPLATE_EXT = new Set(['.yaml', '.yml', '.template', '.cfn']);

/** Display paths are relative to the working directory: SARIF and editors resolve them there. */
export function displayPath(p: string): string {
  const r = relative(process.cwd(), resolve(p));
  return (r === '' ? '.' : r).split(sep).join('/');
}

const isTf = (n: string) => n.endsWith('.tf') || n.endsWith('.tf.json');

/** Local module sources a Terraform file calls ("./modules/x"), resolved against its directory. */
function localModuleDirs(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of text.matchAll(/"?source"?\s*[=:]\s*"(\.{1,2}\/[^"]*)"/g)) out.push(resolve(dirname(file), m[1]!));
  return out;
}

/**
 * Walks files and directories. Directories are searched recursively (dependency and tool folders
 * skipped); a .tf file named on its own brings its whole directory, as Terraform reads modules.
 */
export function discover(paths: readonly string[]): Discovered {
  const out: Discovered = { templates: [], terraformRoots: [], json: [], errors: [] };
  const tfDirs = new Set<string>();
  const called = new Set<string>();
  const seen = new Set<string>();

  const file = (p: string, named: boolean) => {
    const abs = resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    const name = abs.split(sep).pop() ?? '';
    if (isTf(name)) {
      tfDirs.add(dirname(abs));
      localModuleDirs(abs).forEach((d) => called.add(d));
    } else if (name.endsWith('.tfvars') || name.endsWith('.tfvars.json')) {
      // variable files are read with --var-file (and terraform.tfvars/*.auto.tfvars automatically)
    } else if (extname(name) === '.json') out.json.push(displayPath(abs));
    else if (TEMPLATE_EXT.has(extname(name)) || named) out.templates.push(displayPath(abs));
  };

  const walk = (dir: string, depth: number) => {
    if (depth > 32) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      out.errors.push({ file: displayPath(dir), line: 0, message: `cannot read the directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p, depth + 1);
      } else if (e.isFile()) file(p, false);
    }
  };

  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      out.errors.push({ file: displayPath(p), line: 0, message: `no such file or directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    if (st.isDirectory()) walk(p, 0);
    else file(p, true);
  }
  // A directory that another one calls as a local module is evaluated through that call, with
  // the caller's inputs; scanned on its own its variables would all be unknown.
  out.terraformRoots = [...tfDirs].filter((d) => !called.has(d)).sort().map(displayPath);
  out.templates.sort();
  out.json.sort();
  return out;
}

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO = path.dirname(BENCH_DIR);

export interface ChildCommand {
  args: string[];
  /** 'node' when the collection runs compiled, as the CLI does; 'tsx' when compiling failed. */
  runtime: 'node' | 'tsx';
  note?: string;
}

/**
 * The collection runs as plain JavaScript, like the installed CLI: under tsx, the loader thread
 * alone adds about 100 MiB of RSS, which is not Rampart's. Compiles the child (and the sources
 * it imports) with tsc into a temporary directory outside the repository, with a node_modules
 * link back to the repository's packages.
 */
export function childCommand(): ChildCommand {
  const out = path.join(os.tmpdir(), 'rampart-bench-build');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // Type errors elsewhere in the tree (files other engineers are writing) do not stop the emit.
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(BENCH_DIR, 'tsconfig.child.json'), '--outDir', out], { encoding: 'utf8' });
  const entry = path.join(out, 'bench', 'live', 'collect-once.js');
  if (!existsSync(entry)) {
    const why = (r.stdout || r.stderr || '').split('\n').slice(0, 3).join(' | ');
    return {
      args: ['--import', 'tsx', fileURLToPath(new URL('./collect-once.ts', import.meta.url))],
      runtime: 'tsx',
      note: `could not compile the collection (${why}); measured under tsx, whose loader adds about 100 MiB of RSS`,
    };
  }
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(REPO, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  return { args: [entry], runtime: 'node' };
}

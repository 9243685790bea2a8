import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribute, Block, Body } from './hcl/ast.js';
import { parseHcl, HclSyntaxError } from './hcl/parse.js';
import { parseHclJson } from './hcl/json.js';
import type { IacError } from '../iac/errors.js';

/** A block with the file it came from. */
export interface Located<T> {
  node: T;
  file: string;
}

/** One Terraform module: the .tf and .tf.json files of one directory, by kind of block. */
export interface ModuleDef {
  dir: string;
  files: string[];
  variables: Map<string, Located<Block>>;
  locals: Map<string, Located<Attribute>>;
  resources: Map<string, Located<Block>>;
  data: Map<string, Located<Block>>;
  modules: Map<string, Located<Block>>;
  outputs: Map<string, Located<Block>>;
  providers: Array<Located<Block>>;
}

export const isTerraformFile = (name: string) => name.endsWith('.tf') || name.endsWith('.tf.json');

/** override.tf and *_override.tf: Terraform merges them into the blocks they name, after the rest. */
const isOverride = (file: string) => /(^|[\\/])(override|[^\\/]*_override)\.tf(\.json)?$/.test(file);

/** Parses one file; a syntax error is reported with its line and the file is left out. */
export function parseTerraformFile(file: string, text: string): Body {
  return file.endsWith('.json') ? parseHclJson(text) : parseHcl(text);
}

/**
 * Reads the module in `dir` (display paths are relative to the working directory, as findings
 * show them). `only` restricts it to some files, when the user named files rather than a folder.
 */
export function readModule(dir: string, errors: IacError[], only?: string[], cache?: Map<string, Body>): ModuleDef {
  const def: ModuleDef = {
    dir,
    files: [],
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    data: new Map(),
    modules: new Map(),
    outputs: new Map(),
    providers: [],
  };
  let names: string[];
  try {
    names = only ?? readdirSync(dir).filter((n) => isTerraformFile(n) && statSync(join(dir, n)).isFile()).sort().map((n) => join(dir, n));
  } catch (e) {
    errors.push({ file: dir, line: 0, message: `cannot read the module directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return def;
  }
  const ordered = [...names.filter((f) => !isOverride(f)), ...names.filter(isOverride)];
  for (const file of ordered) {
    let body = cache?.get(file);
    if (!body) {
      try {
        body = parseTerraformFile(file, readFileSync(file, 'utf8'));
        cache?.set(file, body);
      } catch (e) {
        errors.push({ file, line: e instanceof HclSyntaxError ? e.line : 0, message: (e as Error).message });
        continue;
      }
    }
    def.files.push(file);
    if (isOverride(file)) override(def, body, file);
    else add(def, body, file, errors);
  }
  return def;
}

/** Merges an override block into the block it names: its arguments replace, its nested block types replace. */
function mergeInto(target: Block, over: Block): void {
  const attrs = new Map(target.body.attrs.map((a) => [a.name, a]));
  for (const a of over.body.attrs) attrs.set(a.name, a);
  const replaced = new Set(over.body.blocks.map((b) => b.type));
  target.body = { attrs: [...attrs.values()], blocks: [...target.body.blocks.filter((b) => !replaced.has(b.type)), ...over.body.blocks] };
}

function override(def: ModuleDef, body: Body, file: string): void {
  for (const b of body.blocks) {
    const [a, c] = b.labels;
    const maps: Record<string, Map<string, Located<Block>> | undefined> = {
      variable: def.variables,
      resource: def.resources,
      data: def.data,
      module: def.modules,
      output: def.outputs,
    };
    const key = b.type === 'resource' || b.type === 'data' ? `${a}.${c}` : a;
    const map = maps[b.type];
    if (b.type === 'locals') for (const attr of b.body.attrs) def.locals.set(attr.name, { node: attr, file });
    else if (map && key) {
      const found = map.get(key);
      if (found) mergeInto(found.node, b);
      else map.set(key, { node: b, file });
    }
  }
}

function add(def: ModuleDef, body: Body, file: string, errors: IacError[]): void {
  const dup = (kind: string, name: string, b: Block) => errors.push({ file, line: b.line, message: `${kind} "${name}" is declared twice` });
  for (const b of body.blocks) {
    const [a, c] = b.labels;
    switch (b.type) {
      case 'variable':
        if (a && def.variables.has(a)) dup('variable', a, b);
        else if (a) def.variables.set(a, { node: b, file });
        break;
      case 'locals':
        for (const attr of b.body.attrs) def.locals.set(attr.name, { node: attr, file });
        break;
      case 'resource':
        if (a && c && def.resources.has(`${a}.${c}`)) dup('resource', `${a}.${c}`, b);
        else if (a && c) def.resources.set(`${a}.${c}`, { node: b, file });
        break;
      case 'data':
        if (a && c) def.data.set(`${a}.${c}`, { node: b, file });
        break;
      case 'module':
        if (a) def.modules.set(a, { node: b, file });
        break;
      case 'output':
        if (a) def.outputs.set(a, { node: b, file });
        break;
      case 'provider':
        def.providers.push({ node: b, file });
        break;
    }
  }
}

export function attrOf(b: Block | Body, name: string): Attribute | undefined {
  const body = 'body' in b ? b.body : b;
  return body.attrs.find((a) => a.name === name);
}

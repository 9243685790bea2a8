import { readFileSync } from 'node:fs';
import { parseTemplate, TemplateSyntaxError, type PNode } from '../cloudformation/parse.js';
import { isCloudFormation } from '../cloudformation/template.js';
import { loadCloudFormation, type ScenarioInventory } from '../cloudformation/load.js';
import { collectTerraform } from '../terraform/load.js';
import { collectTerraformPlan, isTerraformPlan } from '../terraform/plan.js';
import { assemble } from './assemble.js';
import { IacCollector } from './collector.js';
import { discover } from './discover.js';
import { idPrefixes } from './qualify.js';
import type { IacError } from './errors.js';

export interface IacOptions {
  /** The region templates deploy to when they do not say (CloudFormation always; Terraform without a provider region). */
  region: string;
  /** The account templates deploy to: AWS::AccountId, aws_caller_identity. A placeholder when not given. */
  accountId: string;
  partition: string;
  /** --parameters for CloudFormation. */
  parameters: ReadonlyMap<string, string>;
  /** --var and --var-file for Terraform. */
  vars: ReadonlyArray<[string, string]>;
  varFiles: readonly string[];
  collectedAt: string;
}

export interface IacSource {
  kind: 'cloudformation' | 'terraform';
  /** One inventory per scenario of CloudFormation conditions; Terraform has one. */
  scenarios: ScenarioInventory[];
}

export interface IacLoad {
  sources: IacSource[];
  /** Files or resources that could not be read: reported as findings, never fatal. */
  errors: IacError[];
  /** What the user should know (remote modules not read, regions guessed). */
  notes: string[];
  files: string[];
}

/** The account id used when none is given: plainly not a real account. */
export const PLACEHOLDER_ACCOUNT = '000000000000';

const looksLikeCfn = (text: string) => /AWSTemplateFormatVersion|Type:\s*['"]?AWS::|"Type"\s*:\s*"AWS::/.test(text);

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function read(file: string, errors: IacError[]): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    errors.push({ file, line: 0, message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return undefined;
  }
}

/**
 * Reads every template under the given paths: CloudFormation (YAML, JSON), Terraform (.tf,
 * .tf.json, with their local modules) and Terraform plans (`terraform show -json`). Gives one
 * source per kind found; a file that cannot be read becomes an error, and the rest goes on.
 */
export function loadIac(paths: readonly string[], opts: IacOptions): IacLoad {
  const found = discover(paths);
  const errors: IacError[] = [...found.errors];
  const named = new Set(paths.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')));
  const cfn: Array<{ file: string; root: PNode }> = [];
  const plans: Array<{ file: string; text: string }> = [];

  for (const file of found.templates) {
    const text = read(file, errors);
    if (text === undefined) continue;
    try {
      const root = parseTemplate(text);
      if (isCloudFormation(root)) cfn.push({ file, root });
      else if (named.has(file)) errors.push({ file, line: 1, message: 'not a CloudFormation template (no AWSTemplateFormatVersion, no AWS:: resource)' });
    } catch (e) {
      // Other YAML in a repository (workflows, manifests) is none of ours, unless it looks like a template.
      if (named.has(file) || looksLikeCfn(text)) errors.push({ file, line: e instanceof TemplateSyntaxError ? e.line : 1, message: (e as Error).message });
    }
  }
  for (const file of found.json) {
    const text = read(file, errors);
    if (text === undefined) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      if (named.has(file) || looksLikeCfn(text) || text.includes('"format_version"')) {
        // Node's message may lack the position: the YAML parser (JSON is YAML) finds the line.
        const msg = (e as Error).message.split(/, \.\.\.|, "|\n| in JSON/)[0] ?? 'syntax error';
        const pos = /position (\d+)/.exec((e as Error).message);
        let line = pos ? lineAt(text, Number(pos[1])) : 1;
        if (!pos) {
          try {
            parseTemplate(text);
          } catch (y) {
            if (y instanceof TemplateSyntaxError) line = y.line;
          }
        }
        errors.push({ file, line, message: `not valid JSON: ${msg}` });
      }
      continue;
    }
    if (isTerraformPlan(data)) plans.push({ file, text });
    else if (looksLikeCfn(text)) {
      try {
        const root = parseTemplate(text);
        if (isCloudFormation(root)) cfn.push({ file, root });
      } catch (e) {
        errors.push({ file, line: e instanceof TemplateSyntaxError ? e.line : 1, message: (e as Error).message });
      }
    } else if (named.has(file)) errors.push({ file, line: 1, message: 'not a CloudFormation template nor a Terraform plan (terraform show -json)' });
  }

  const sources: IacSource[] = [];
  const notes: string[] = [];
  const files: string[] = [];
  if (cfn.length) {
    const r = loadCloudFormation(cfn, opts);
    errors.push(...r.errors);
    notes.push(...r.notes);
    sources.push({ kind: 'cloudformation', scenarios: r.scenarios });
    files.push(...cfn.map((d) => d.file));
  }
  if (found.terraformRoots.length || plans.length) {
    const c = new IacCollector(opts.accountId, opts.partition);
    const tfFiles: string[] = [];
    const inputs = [...found.terraformRoots, ...plans.map((p) => p.file)];
    const prefixes = idPrefixes(inputs, '/');
    if (found.terraformRoots.length) {
      const r = collectTerraform(found.terraformRoots.map((dir) => ({ dir })), { ...opts, otherInputs: plans.map((p) => p.file) }, c);
      errors.push(...r.errors);
      notes.push(...r.notes);
      tfFiles.push(...r.files);
    }
    for (const p of plans) {
      const r = collectTerraformPlan(p.file, p.text, { ...opts, idPrefix: prefixes.get(p.file) ?? '' }, c);
      errors.push(...r.errors);
      tfFiles.push(...r.files);
    }
    const inventory = assemble(c, { source: 'terraform', collectedAt: opts.collectedAt, files: tfFiles, regions: [opts.region] });
    sources.push({ kind: 'terraform', scenarios: [{ inventory, deferred: c.deferred }] });
    files.push(...tfFiles);
  }
  return { sources, errors, notes, files };
}

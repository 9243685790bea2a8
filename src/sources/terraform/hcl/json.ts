import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Attribute, Block, Body, Expr } from './ast.js';
import { HclSyntaxError, parseTemplateString } from './parse.js';

/*
 * Terraform's JSON syntax (.tf.json) as the same tree the native parser gives. Strings are
 * templates ("${var.x}"); a block type's labels are nested object keys. Without the providers'
 * schemas a nested object cannot be told from a nested block, so body keys become attributes,
 * and the mappers accept both forms (a block list or an attribute holding objects), as they must
 * for HCL's own "attributes as blocks" mode anyway.
 */

const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, terraform: 0 };

export function parseHclJson(text: string): Body {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: 'json', uniqueKeys: false, prettyErrors: false });
  const err = doc.errors[0];
  if (err) throw new HclSyntaxError(err.message.split('\n')[0] ?? err.message, lc.linePos(err.pos[0]).line);
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 1);
  const root = doc.contents as Node | null;
  if (!isMap(root)) throw new HclSyntaxError('a .tf.json file holds one JSON object', 1);
  const body: Body = { attrs: [], blocks: [] };
  for (const pair of root.items) {
    const type = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const n = LABELS[type];
    if (n === undefined || type === '//') continue;
    body.blocks.push(...blocksOf(type, n, pair.value as Node, [], lineOf(pair.key as Node), lineOf));
  }
  return body;
}

function blocksOf(type: string, labelsLeft: number, n: Node, labels: string[], line: number, lineOf: (n: Node) => number): Block[] {
  if (isSeq(n)) return n.items.flatMap((i) => blocksOf(type, labelsLeft, i as Node, labels, line, lineOf));
  if (!isMap(n)) throw new HclSyntaxError(`"${type}" must hold an object`, lineOf(n));
  if (labelsLeft > 0) {
    return n.items.flatMap((pair) => {
      const k = String(isScalar(pair.key) ? pair.key.value : pair.key);
      return k === '//' ? [] : blocksOf(type, labelsLeft - 1, pair.value as Node, [...labels, k], lineOf(pair.key as Node), lineOf);
    });
  }
  return [{ type, labels, body: bodyOf(n, lineOf, type === 'variable'), line }];
}

function bodyOf(n: Node, lineOf: (n: Node) => number, literal: boolean): Body {
  const body: Body = { attrs: [], blocks: [] };
  if (!isMap(n)) return body;
  for (const pair of n.items) {
    const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (name === '//') continue;
    const v = pair.value as Node;
    const line = lineOf(pair.key as Node);
    if (name === 'dynamic' && isMap(v)) {
      for (const d of v.items) {
        const label = String(isScalar(d.key) ? d.key.value : d.key);
        const inner = bodyOf(d.value as Node, lineOf, false);
        const content = inner.attrs.find((a) => a.name === 'content');
        body.blocks.push({
          type: 'dynamic',
          labels: [label],
          line: lineOf(d.key as Node),
          body: {
            attrs: inner.attrs.filter((a) => a.name !== 'content'),
            blocks: content ? [{ type: 'content', labels: [], line: content.line, body: bodyOf(findValue(d.value as Node, 'content')!, lineOf, false) }] : [],
          },
        });
      }
      continue;
    }
    if ((name === 'lifecycle' || name === 'provisioner' || name === 'connection') && isMap(v)) {
      body.blocks.push({ type: name, labels: [], line, body: bodyOf(v, lineOf, true) });
      continue;
    }
    body.attrs.push({ name, expr: exprOf(v, lineOf, literal || name === 'type'), line, src: name === 'provider' && isScalar(v) ? String(v.value) : '' } satisfies Attribute);
  }
  return body;
}

function findValue(n: Node, key: string): Node | undefined {
  if (!isMap(n)) return undefined;
  return n.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as Node | undefined;
}

function exprOf(n: Node, lineOf: (n: Node) => number, literal: boolean): Expr {
  const line = lineOf(n);
  if (isScalar(n)) {
    const v = n.value;
    if (typeof v === 'string') return literal ? { t: 'lit', v, line } : parseTemplateString(v, line);
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { t: 'lit', v, line };
    return { t: 'lit', v: String(v), line };
  }
  if (isSeq(n)) return { t: 'tuple', items: n.items.map((i) => exprOf(i as Node, lineOf, literal)), line };
  if (isMap(n)) {
    return {
      t: 'object',
      line,
      items: n.items
        .filter((p) => !(isScalar(p.key) && p.key.value === '//'))
        .map((p) => ({ key: { t: 'lit', v: String(isScalar(p.key) ? p.key.value : p.key), line: lineOf(p.key as Node) } as Expr, value: exprOf(p.value as Node, lineOf, literal) })),
    };
  }
  return { t: 'lit', v: null, line };
}

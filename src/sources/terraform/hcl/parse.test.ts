import { describe, expect, it } from 'vitest';
import { evalExpr, type ExprScope } from '../eval/expr.js';
import { parseExpression, parseHcl, HclSyntaxError } from './parse.js';
import { parseHclJson } from './json.js';

const scope: ExprScope = { file: 't.tf', moduleDir: '.', ref: () => undefined, renderTemplate: () => '' };
const value = (src: string, vars: Record<string, unknown> = {}) => evalExpr(parseExpression(src), scope, new Map(Object.entries(vars)));

describe('HCL native syntax', () => {
  it('reads attributes and labelled blocks with their lines', () => {
    const body = parseHcl('# a comment\nresource "aws_s3_bucket" "b" {\n  bucket = "x" // trailing\n\n  tags = { a = 1 }\n}\n/* block\ncomment */ locals { n = 2 }\n');
    expect(body.blocks.map((b) => [b.type, b.labels, b.line])).toEqual([
      ['resource', ['aws_s3_bucket', 'b'], 2],
      ['locals', [], 8],
    ]);
    expect(body.blocks[0]!.body.attrs.map((a) => [a.name, a.line, a.src])).toEqual([
      ['bucket', 3, '"x"'],
      ['tags', 5, '{ a = 1 }'],
    ]);
  });

  it('gives operators their precedence and reads identifiers with dashes', () => {
    expect(value('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(value('!false && 1 < 2 || false')).toBe(true);
    expect(value('a-b - 1', { 'a-b': 10 })).toBe(9);
    expect(value('(1 + 2) * 3 == 9 ? "yes" : "no"')).toBe('yes');
    expect(value('-x % 4', { x: 7 })).toBe(-3);
  });

  it('reads templates with interpolation, directives, escapes and strip markers', () => {
    expect(value('"a-${x}-b"', { x: 1 })).toBe('a-1-b');
    expect(value('"$${literal} %%{too} \\"q\\" \\u00e9"')).toBe('${literal} %{too} "q" é');
    expect(value('"%{ if x }on%{ else }off%{ endif }"', { x: false })).toBe('off');
    expect(value('"%{ for i in xs }[${i}]%{ endfor }"', { xs: [1, 2] })).toBe('[1][2]');
    expect(value('"a ${~ x ~} b"', { x: 'X' })).toBe('aXb');
    // A lone interpolation keeps the value's type.
    expect(value('"${xs}"', { xs: [1] })).toEqual([1]);
  });

  it('reads heredocs, indented ones stripped of their common indent', () => {
    const body = parseHcl('a = <<EOT\nline ${x}\nEOT\nb = <<-EOT\n    one\n      two\n    EOT\nc = 1\n');
    expect(body.attrs.map((a) => a.name)).toEqual(['a', 'b', 'c']);
    const s: ExprScope = { ...scope };
    expect(evalExpr(body.attrs[0]!.expr, s, new Map([['x', 'X']]))).toBe('line X\n');
    expect(evalExpr(body.attrs[1]!.expr, s)).toBe('one\n  two\n');
  });

  it('reads for expressions, splats, indexes and legacy dotted indexes', () => {
    expect(value('[for i, v in xs : "${i}${v}" if v != "b"]', { xs: ['a', 'b', 'c'] })).toEqual(['0a', '2c']);
    expect(value('{for k, v in m : v => k...}', { m: { a: 'x', b: 'x', c: 'y' } })).toEqual({ x: ['a', 'b'], y: ['c'] });
    expect(value('xs[*].id', { xs: [{ id: 1 }, { id: 2 }] })).toEqual([1, 2]);
    expect(value('xs.*.id', { xs: [{ id: 3 }] })).toEqual([3]);
    expect(value('xs.0.id', { xs: [{ id: 4 }] })).toBe(4);
    expect(value('m["k"][1]', { m: { k: [5, 6] } })).toBe(6);
  });

  it('reads objects over several lines, with = or : and quoted keys', () => {
    expect(value('{\n  a = 1\n  "b-c" : 2,\n  (k) = 3\n}', { k: 'dyn' })).toEqual({ a: 1, 'b-c': 2, dyn: 3 });
  });

  it('reports syntax errors with the line they are on', () => {
    const cases: Array<[string, number, RegExp]> = [
      ['a = 1\nb = [1, 2\n', 3, /expected "," or "\]"/],
      ['resource "x" "y" {\n  a = 1\n', 3, /expected "}"/],
      ['a = "unterminated\nb = 1', 1, /cannot span lines/],
      ['a = 1 b = 2', 1, /expected a new line/],
      ['x = <<EOT\nnever closed\n', 1, /heredoc EOT is not closed/],
    ];
    for (const [src, line, msg] of cases) {
      try {
        parseHcl(src);
        expect.unreachable(`no error for ${JSON.stringify(src)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(HclSyntaxError);
        expect((e as HclSyntaxError).line).toBe(line);
        expect((e as Error).message).toMatch(msg);
      }
    }
  });
});

describe('HCL JSON syntax (.tf.json)', () => {
  it('reads block labels from nested keys and strings as templates, with lines', () => {
    const body = parseHclJson('{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": { "bucket": "x-${var.env}", "count": 2 }\n    }\n  },\n  "variable": { "env": { "default": "${not.a.template}" } }\n}\n');
    const [res, variable] = body.blocks;
    expect([res!.type, res!.labels, res!.line]).toEqual(['resource', ['aws_s3_bucket', 'b'], 4]);
    expect(res!.body.attrs.map((a) => a.expr.t)).toEqual(['tmpl', 'lit']);
    // Variable defaults are literal values, not templates.
    expect(variable!.body.attrs[0]!.expr).toEqual({ t: 'lit', v: '${not.a.template}', line: 7 });
  });

  it('reports malformed JSON with its line', () => {
    expect(() => parseHclJson('{\n  "resource": {\n    "x": [1,\n}\n')).toThrow(HclSyntaxError);
  });
});

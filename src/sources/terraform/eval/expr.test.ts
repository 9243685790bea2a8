import { describe, expect, it } from 'vitest';
import { Unknown, UnknownJson } from '../../iac/value.js';
import { parseExpression } from '../hcl/parse.js';
import { evalExpr, type ExprScope } from './expr.js';
import { EvalError } from './values.js';

const scope: ExprScope = { file: 'main.tf', moduleDir: '.', ref: () => undefined, renderTemplate: () => '' };
const u = new Unknown('var.x has no value', { file: 'main.tf', line: 1 });
const value = (src: string, vars: Record<string, unknown> = {}) => evalExpr(parseExpression(src), scope, new Map(Object.entries({ u, ...vars })));

describe('Terraform built-in functions', () => {
  it('evaluates the common collection functions', () => {
    expect(value('merge({a = 1, b = 2}, {b = 3}, null)')).toEqual({ a: 1, b: 3 });
    expect(value('concat([1], [], [2, 3])')).toEqual([1, 2, 3]);
    expect(value('lookup({a = 1}, "a", 0)')).toBe(1);
    expect(value('lookup({a = 1}, "z", 0)')).toBe(0);
    expect(value('length("héllo") + length([1, 2]) + length({a = 1})')).toBe(8);
    expect(value('element(["a", "b"], 3)')).toBe('b'); // wraps around
    expect(value('flatten([[1, [2]], 3])')).toEqual([1, 2, 3]);
    expect(value('keys({b = 1, a = 2})')).toEqual(['a', 'b']);
    expect(value('zipmap(["a", "b"], [1, 2])')).toEqual({ a: 1, b: 2 });
    expect(value('distinct(["a", "a", "b"])')).toEqual(['a', 'b']);
  });

  it('evaluates strings, format and JSON', () => {
    expect(value('format("%s-%03d %q %v", "a", 7, "b", true)')).toBe('a-007 "b" true');
    expect(value('join(",", ["a", "b"])')).toBe('a,b');
    expect(value('split(",", "a,b")')).toEqual(['a', 'b']);
    expect(value('replace("a-b-c", "-", "_")')).toBe('a_b_c');
    expect(value('replace("a1b22", "/[0-9]+/", "#")')).toBe('a#b#');
    expect(value('jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow"}]})')).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}');
    expect(value('jsondecode("{\\"a\\": [1]}").a[0]')).toBe(1);
    expect(value('cidrsubnet("10.0.0.0/16", 8, 2)')).toBe('10.0.2.0/24');
  });

  it('try and coalesce take the first that works', () => {
    expect(value('try(m.missing, "fallback")', { m: {} })).toBe('fallback');
    expect(value('try(m.x, "fallback")', { m: { x: 'here' } })).toBe('here');
    expect(value('coalesce("", null, "c")')).toBe('c');
    expect(value('can(m.missing)', { m: {} })).toBe(false);
    expect(() => value('try(m.a, m.b)', { m: {} })).toThrow(EvalError);
  });

  it('carries unknown values through every operation, never guessing', () => {
    expect(value('"prefix-${u}"')).toBe(u);
    expect(value('u == "x" ? 1 : 2')).toBe(u);
    expect(value('merge({a = 1}, {b = u})')).toBe(u);
    expect(value('[for x in u : x]')).toBe(u);
    expect(value('u.attr[0]')).toBe(u);
    expect(value('length(u)')).toBe(u);
    // A known side decides && and || on its own.
    expect(value('false && u')).toBe(false);
    expect(value('true || u')).toBe(true);
    // coalesce stops at an unknown: it could be the non-empty value.
    expect(value('coalesce("", u, "c")')).toBe(u);
    // jsonencode keeps what is known, for policy readers.
    const j = value('jsonencode({Statement = [{Resource = u}]})');
    expect(j).toBeInstanceOf(UnknownJson);
    expect((j as UnknownJson).partial).toEqual({ Statement: [{ Resource: u }] });
  });

  it('gives apply-time and unsupported functions unknown results', () => {
    expect(value('timestamp()')).toBeInstanceOf(Unknown);
    expect(value('uuid()')).toBeInstanceOf(Unknown);
    expect((value('sha512("x")') as Unknown).reason).toContain('sha512() is not evaluated');
  });
});

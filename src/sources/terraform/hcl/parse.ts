import type { Attribute, Block, Body, Expr, TmplPart } from './ast.js';

/*
 * A parser for HCL's native syntax, after HashiCorp's specification (hclsyntax/spec.md).
 * Why our own: the maintained WASM and GopherJS builds of hashicorp/hcl on npm (@cdktf/hcl2json,
 * hcl2-parser) return JSON without source positions, and findings need the line of every
 * resource and value. tree-sitter-hcl has positions but is a third grammar, not HashiCorp's, and
 * needs a WASM runtime. Expressions have to become a tree we can evaluate anyway, so the parser
 * builds that tree directly, with lines. It covers the whole expression language: templates with
 * interpolation and directives, heredocs, for expressions, splats, conditionals, operators.
 */

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

const BINARY: Array<string[]> = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

export function parseHcl(src: string): Body {
  return new Parser(src).file();
}

/** Parses a standalone template (the value strings of .tf.json, templatefile contents). */
export function parseTemplateString(src: string, line = 1): Expr {
  const p = new Parser(src, line - 1);
  const parts = p.templateParts(src.length, false, 0, []);
  return p.simplifyTemplate(parts, line);
}

/** Parses a standalone expression (`${...}` bodies in .tf.json, `-var` values). */
export function parseExpression(src: string, line = 1): Expr {
  const p = new Parser(src, line - 1);
  return p.standaloneExpression();
}

class Parser {
  private pos = 0;
  private depth = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly src: string,
    private readonly lineOffset = 0,
  ) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  line(pos = this.pos): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1 + this.lineOffset;
  }

  private fail(message: string, pos = this.pos): never {
    throw new HclSyntaxError(message, this.line(pos));
  }

  private peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** Skips blanks and comments; newlines too when inside brackets (or when asked). */
  private ws(newlines = this.depth > 0): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') this.pos++;
      else if (c === '\n' && newlines) this.pos++;
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        while (this.pos < this.src.length && this.peek() !== '\n') this.pos++;
      } else if (c === '/' && this.peek(1) === '*') {
        const end = this.src.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('unterminated comment');
        this.pos = end + 2;
      } else return;
    }
  }

  private expect(s: string): void {
    // Only the next character is quoted: an error message must not carry a template's values.
    if (!this.startsWith(s)) this.fail(`expected "${s}"${this.pos < this.src.length ? `, found "${this.peek() === '\n' ? 'a new line' : this.peek()}"` : ' before the end of the file'}`);
    this.pos += s.length;
  }

  private isIdStart(c: string): boolean {
    return /[A-Za-z_]/.test(c) || (c > '\u007f' && /\p{L}/u.test(c));
  }

  private ident(): string {
    const start = this.pos;
    if (!this.isIdStart(this.peek())) this.fail('expected a name');
    this.pos++;
    while (/[A-Za-z0-9_-]/.test(this.peek()) || (this.peek() > '\u007f' && /[\p{L}\p{N}]/u.test(this.peek()))) this.pos++;
    return this.src.slice(start, this.pos);
  }

  file(): Body {
    const b = this.body(false);
    this.ws(true);
    if (this.pos < this.src.length) this.fail(`unexpected "${this.peek()}"`);
    return b;
  }

  standaloneExpression(): Expr {
    this.depth++;
    this.ws();
    const e = this.expression();
    this.ws();
    if (this.pos < this.src.length) this.fail(`unexpected "${this.peek()}" after the expression`);
    return e;
  }

  private body(inBlock: boolean): Body {
    const attrs: Attribute[] = [];
    const blocks: Block[] = [];
    const savedDepth = this.depth;
    this.depth = 0; // newlines end attributes inside a body, whatever surrounds the block
    for (;;) {
      this.ws(true);
      if (this.pos >= this.src.length || (inBlock && this.peek() === '}')) break;
      const start = this.pos;
      const name = this.ident();
      this.ws(false);
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        this.ws(false);
        const exprStart = this.pos;
        const expr = this.expression();
        const src = this.src.slice(exprStart, this.pos).trim();
        this.endOfItem(inBlock);
        if (attrs.some((a) => a.name === name)) this.fail(`the argument "${name}" is set twice`, start);
        attrs.push({ name, expr, line: this.line(start), src });
        continue;
      }
      const labels: string[] = [];
      while (this.peek() === '"' || this.isIdStart(this.peek())) {
        labels.push(this.peek() === '"' ? this.label() : this.ident());
        this.ws(false);
      }
      if (this.peek() !== '{') this.fail(`expected "=" or a block after "${name}"`);
      this.pos++;
      const inner = this.body(true);
      this.expect('}');
      this.endOfItem(inBlock);
      blocks.push({ type: name, labels, body: inner, line: this.line(start) });
    }
    this.depth = savedDepth;
    return { attrs, blocks };
  }

  /** An attribute or block ends at a newline, at the end of the file, or before its block's "}". */
  private endOfItem(inBlock: boolean): void {
    this.ws(false);
    const c = this.peek();
    if (c === '\n') this.pos++;
    else if (c === '' || (inBlock && c === '}')) return;
    else this.fail(`expected a new line, found "${c}"`);
  }

  private label(): string {
    const start = this.pos;
    const e = this.stringLiteral();
    if (e.t === 'lit' && typeof e.v === 'string') return e.v;
    if (e.t === 'tmpl' && e.parts.every((p) => p.t === 'str')) return e.parts.map((p) => (p.t === 'str' ? p.v : '')).join('');
    return this.fail('a block label cannot contain interpolation', start);
  }

  expression(): Expr {
    const line = this.line();
    const c = this.binary(0);
    const save = this.pos;
    this.ws();
    if (this.peek() === '?') {
      this.pos++;
      this.depth++;
      this.ws();
      const a = this.expression();
      this.ws();
      this.expect(':');
      this.ws();
      this.depth--;
      const b = this.expression();
      return { t: 'cond', c, a, b, line };
    }
    this.pos = save;
    return c;
  }

  private binary(level: number): Expr {
    if (level >= BINARY.length) return this.unary();
    let l = this.binary(level + 1);
    for (;;) {
      const save = this.pos;
      this.ws();
      const op = BINARY[level]!.find((o) => this.startsWith(o) && !(o === '<' && this.startsWith('<<')) && !(o === '/' && (this.startsWith('//') || this.startsWith('/*'))));
      if (!op) {
        this.pos = save; // a new line that ends an object item, not an operator
        return l;
      }
      const line = this.line();
      this.pos += op.length;
      this.ws();
      const r = this.binary(level + 1);
      l = { t: 'bin', op, l, r, line };
    }
  }

  private unary(): Expr {
    this.ws();
    const c = this.peek();
    if ((c === '!' && this.peek(1) !== '=') || c === '-') {
      const line = this.line();
      this.pos++;
      const e = this.unary();
      return { t: 'un', op: c as '!' | '-', e, line };
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      const save = this.pos;
      this.ws();
      const line = this.line();
      if (this.peek() === '.' && this.peek(1) === '*') {
        this.pos += 2;
        return { t: 'splat', obj: e, each: this.splatTail({ t: 'splatItem', line }, true), line };
      }
      if (this.peek() === '[' && /^\[\s*\*\s*\]/.test(this.src.slice(this.pos, this.pos + 8))) {
        this.pos = this.src.indexOf(']', this.pos) + 1;
        return { t: 'splat', obj: e, each: this.splatTail({ t: 'splatItem', line }, false), line };
      }
      const step = this.traversalStep(e, line);
      if (!step) {
        this.pos = save;
        return e;
      }
      e = step;
    }
  }

  /** `.name`, `.0` or `[key]` after an expression, or undefined. */
  private traversalStep(e: Expr, line: number): Expr | undefined {
    if (this.peek() === '.' && this.isIdStart(this.peek(1))) {
      this.pos++;
      return { t: 'attr', obj: e, name: this.ident(), line };
    }
    if (this.peek() === '.' && /[0-9]/.test(this.peek(1))) {
      this.pos++;
      const start = this.pos;
      while (/[0-9]/.test(this.peek())) this.pos++;
      return { t: 'index', obj: e, key: { t: 'lit', v: Number(this.src.slice(start, this.pos)), line }, line };
    }
    if (this.peek() === '[') {
      this.pos++;
      this.depth++;
      this.ws();
      const key = this.expression();
      this.ws();
      this.expect(']');
      this.depth--;
      return { t: 'index', obj: e, key, line };
    }
    return undefined;
  }

  /** The traversal applied to each element of a splat. Attribute splats take attributes only. */
  private splatTail(e: Expr, attrOnly: boolean): Expr {
    for (;;) {
      const save = this.pos;
      this.ws();
      const line = this.line();
      if (attrOnly && this.peek() === '[') return (this.pos = save), e;
      const step = this.traversalStep(e, line);
      if (!step) {
        this.pos = save;
        return e;
      }
      e = step;
    }
  }

  private primary(): Expr {
    this.ws();
    const line = this.line();
    const c = this.peek();
    if (c === '"') return this.stringLiteral();
    if (c === '<' && this.peek(1) === '<') return this.heredoc();
    if (/[0-9]/.test(c)) return this.number();
    if (c === '(') {
      this.pos++;
      this.depth++;
      this.ws();
      const e = this.expression();
      this.ws();
      this.expect(')');
      this.depth--;
      return { t: 'paren', e, line };
    }
    if (c === '[') return this.tuple();
    if (c === '{') return this.object();
    if (this.isIdStart(c)) {
      let name = this.ident();
      while (this.startsWith('::') && this.isIdStart(this.peek(2))) {
        this.pos += 2;
        name += `::${this.ident()}`;
      }
      if (name === 'true' || name === 'false') return { t: 'lit', v: name === 'true', line };
      if (name === 'null') return { t: 'lit', v: null, line };
      const save = this.pos;
      this.ws(false);
      if (this.peek() === '(') return this.call(name, line);
      this.pos = save;
      return { t: 'var', name, line };
    }
    if (c === '') this.fail('expected an expression before the end of the file');
    return this.fail(`expected an expression, found "${c}"`);
  }

  private number(): Expr {
    const line = this.line();
    const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.src.slice(this.pos, this.pos + 64));
    if (!m) this.fail('malformed number');
    this.pos += m[0].length;
    return { t: 'lit', v: Number(m[0]), line };
  }

  private call(name: string, line: number): Expr {
    this.expect('(');
    this.depth++;
    const args: Expr[] = [];
    let expand = false;
    for (;;) {
      this.ws();
      if (this.peek() === ')') break;
      args.push(this.expression());
      this.ws();
      if (this.startsWith('...')) {
        this.pos += 3;
        expand = true;
        this.ws();
      }
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      if (this.peek() !== ')') this.fail(`expected "," or ")" in the arguments of ${name}()`);
    }
    this.pos++;
    this.depth--;
    return { t: 'call', name, args, expand, line };
  }

  private forHeader(): { keyVar?: string; valVar: string; coll: Expr } | undefined {
    const save = this.pos;
    this.ws();
    if (!this.startsWith('for') || !/\s/.test(this.peek(3))) {
      this.pos = save;
      return undefined;
    }
    this.pos += 3;
    this.ws();
    const first = this.ident();
    this.ws();
    let keyVar: string | undefined;
    let valVar = first;
    if (this.peek() === ',') {
      this.pos++;
      this.ws();
      keyVar = first;
      valVar = this.ident();
      this.ws();
    }
    if (!this.startsWith('in') || !/\s/.test(this.peek(2))) this.fail('expected "in" in a for expression');
    this.pos += 2;
    this.ws();
    const coll = this.expression();
    this.ws();
    this.expect(':');
    this.ws();
    return { ...(keyVar ? { keyVar } : {}), valVar, coll };
  }

  private forCond(): Expr | undefined {
    this.ws();
    if (this.startsWith('if') && /[\s(]/.test(this.peek(2))) {
      this.pos += 2;
      this.ws();
      return this.expression();
    }
    return undefined;
  }

  private tuple(): Expr {
    const line = this.line();
    this.expect('[');
    this.depth++;
    const f = this.forHeader();
    if (f) {
      const valExpr = this.expression();
      const cond = this.forCond();
      this.ws();
      this.expect(']');
      this.depth--;
      return { t: 'for', ...f, valExpr, ...(cond ? { cond } : {}), group: false, line };
    }
    const items: Expr[] = [];
    for (;;) {
      this.ws();
      if (this.peek() === ']') break;
      items.push(this.expression());
      this.ws();
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']') this.fail('expected "," or "]" in a list');
    }
    this.pos++;
    this.depth--;
    return { t: 'tuple', items, line };
  }

  private object(): Expr {
    const line = this.line();
    this.expect('{');
    this.depth++;
    const f = this.forHeader();
    if (f) {
      const keyExpr = this.expression();
      this.ws();
      this.expect('=>');
      this.ws();
      const valExpr = this.expression();
      this.ws();
      let group = false;
      if (this.startsWith('...')) {
        this.pos += 3;
        group = true;
      }
      const cond = this.forCond();
      this.ws();
      this.expect('}');
      this.depth--;
      return { t: 'for', ...f, keyExpr, valExpr, ...(cond ? { cond } : {}), group, line };
    }
    const items: Array<{ key: Expr; value: Expr }> = [];
    for (;;) {
      this.ws(true);
      if (this.peek() === '}') break;
      const kLine = this.line();
      let key: Expr;
      if (this.isIdStart(this.peek())) {
        const save = this.pos;
        const name = this.ident();
        this.ws(true);
        if (this.peek() === '=' || this.peek() === ':') key = { t: 'lit', v: name, line: kLine };
        else {
          this.pos = save;
          key = this.expression();
        }
      } else key = this.expression();
      this.ws(true);
      if (this.peek() === '=' && this.peek(1) !== '=') this.pos++;
      else if (this.peek() === ':') this.pos++;
      else this.fail('expected "=" or ":" after an object key');
      this.ws(true);
      const value = this.expression();
      items.push({ key, value });
      this.ws(false);
      if (this.peek() === ',' || this.peek() === '\n') this.pos++;
      else if (this.peek() !== '}') this.fail('expected ",", a new line or "}" in an object');
    }
    this.pos++;
    this.depth--;
    return { t: 'object', items, line };
  }

  private stringLiteral(): Expr {
    const line = this.line();
    this.expect('"');
    const parts = this.templateParts(this.src.length, true, 0, []);
    this.expect('"');
    return this.simplifyTemplate(parts, line);
  }

  simplifyTemplate(parts: TmplPart[], line: number): Expr {
    if (parts.length === 0) return { t: 'lit', v: '', line };
    if (parts.length === 1 && parts[0]!.t === 'str') return { t: 'lit', v: parts[0]!.v, line };
    return { t: 'tmpl', parts, line };
  }

  private heredoc(): Expr {
    const line = this.line();
    this.pos += 2;
    const indent = this.peek() === '-';
    if (indent) this.pos++;
    const marker = this.ident();
    const nl = this.src.indexOf('\n', this.pos);
    if (nl < 0 || this.src.slice(this.pos, nl).trim() !== '') this.fail('expected a new line after the heredoc marker');
    const contentStart = nl + 1;
    // The closing marker: a line holding only the marker (spaces before it allowed).
    let p = contentStart;
    let contentEnd = -1;
    let after = -1;
    while (p <= this.src.length) {
      let e = this.src.indexOf('\n', p);
      if (e < 0) e = this.src.length;
      if (this.src.slice(p, e).replace(/\r$/, '').trim() === marker) {
        contentEnd = p;
        after = e;
        break;
      }
      p = e + 1;
    }
    if (contentEnd < 0) this.fail(`heredoc ${marker} is not closed`, this.pos);
    let strip = 0;
    if (indent) {
      const lines = this.src.slice(contentStart, contentEnd).split('\n').filter((l) => l.trim() !== '');
      strip = Math.min(...lines.map((l) => /^[ \t]*/.exec(l)![0].length), Infinity);
      if (!Number.isFinite(strip)) strip = 0;
    }
    this.pos = contentStart;
    const parts = this.templateParts(contentEnd, false, strip, []);
    this.pos = after;
    return this.simplifyTemplate(parts, line);
  }

  /**
   * Template content up to `end`, a closing quote (quoted strings) or a closing directive.
   * `stop` names the directives that end this level (else/endif/endfor).
   */
  templateParts(end: number, quoted: boolean, strip: number, stop: string[], found?: { directive?: string }): TmplPart[] {
    const parts: TmplPart[] = [];
    let lit = '';
    let atLineStart = strip > 0;
    const flush = () => {
      if (lit) parts.push({ t: 'str', v: lit });
      lit = '';
    };
    while (this.pos < end) {
      const c = this.peek();
      if (atLineStart) {
        let n = 0;
        while (n < strip && (this.peek() === ' ' || this.peek() === '\t')) {
          this.pos++;
          n++;
        }
        atLineStart = false;
        continue;
      }
      if (quoted && c === '"') break;
      if (quoted && c === '\n') this.fail('a quoted string cannot span lines (use a heredoc)');
      if (quoted && c === '\\') {
        const n = this.peek(1);
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (n in map) {
          lit += map[n];
          this.pos += 2;
        } else if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          const hex = this.src.slice(this.pos + 2, this.pos + 2 + len);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) this.fail('malformed unicode escape');
          lit += String.fromCodePoint(parseInt(hex, 16));
          this.pos += 2 + len;
        } else this.fail(`unknown escape sequence \\${n}`);
        continue;
      }
      if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
        lit += `${c}{`;
        this.pos += 3;
        continue;
      }
      if (c === '$' && this.peek(1) === '{') {
        this.pos += 2;
        const stripLeft = this.peek() === '~';
        if (stripLeft) this.pos++;
        if (stripLeft) lit = lit.replace(/\s+$/, '');
        flush();
        this.depth++;
        this.ws();
        const e = this.expression();
        this.ws();
        const stripRight = this.peek() === '~';
        if (stripRight) this.pos++;
        this.expect('}');
        this.depth--;
        parts.push({ t: 'interp', e });
        if (stripRight) this.skipTemplateSpace(end);
        continue;
      }
      if (c === '%' && this.peek(1) === '{') {
        const dStart = this.pos;
        this.pos += 2;
        if (this.peek() === '~') {
          this.pos++;
          lit = lit.replace(/\s+$/, '');
        }
        this.depth++;
        this.ws();
        const word = this.ident();
        if (stop.includes(word)) {
          this.closeDirective(end);
          flush();
          if (found) found.directive = word;
          return parts;
        }
        flush();
        if (word === 'if') {
          const cond = this.expression();
          this.closeDirective(end);
          const f1: { directive?: string } = {};
          const then = this.templateParts(end, quoted, strip, ['else', 'endif'], f1);
          let otherwise: TmplPart[] = [];
          if (f1.directive === 'else') {
            const f2: { directive?: string } = {};
            otherwise = this.templateParts(end, quoted, strip, ['endif'], f2);
            if (f2.directive !== 'endif') this.fail('%{if} without %{endif}', dStart);
          } else if (f1.directive !== 'endif') this.fail('%{if} without %{endif}', dStart);
          parts.push({ t: 'if', c: cond, then, else: otherwise });
          continue;
        }
        if (word === 'for') {
          this.ws();
          const first = this.ident();
          this.ws();
          let keyVar: string | undefined;
          let valVar = first;
          if (this.peek() === ',') {
            this.pos++;
            this.ws();
            keyVar = first;
            valVar = this.ident();
            this.ws();
          }
          if (!this.startsWith('in')) this.fail('expected "in" in %{for}');
          this.pos += 2;
          this.ws();
          const coll = this.expression();
          this.closeDirective(end);
          const f: { directive?: string } = {};
          const body = this.templateParts(end, quoted, strip, ['endfor'], f);
          if (f.directive !== 'endfor') this.fail('%{for} without %{endfor}', dStart);
          parts.push({ t: 'for', ...(keyVar ? { keyVar } : {}), valVar, coll, body });
          continue;
        }
        this.fail(`unknown template directive %{${word}}`, dStart);
      }
      lit += c;
      this.pos++;
      if (c === '\n' && strip > 0) atLineStart = true;
    }
    if (stop.length) this.fail(`expected %{${stop[stop.length - 1]}}`);
    flush();
    return parts;
  }

  private closeDirective(end: number): void {
    this.ws();
    const strip = this.peek() === '~';
    if (strip) this.pos++;
    this.expect('}');
    this.depth--;
    if (strip) this.skipTemplateSpace(end);
  }

  private skipTemplateSpace(end: number): void {
    while (this.pos < end && /\s/.test(this.peek())) this.pos++;
  }
}

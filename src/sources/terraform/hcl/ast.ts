/**
 * The HCL native syntax tree, with the line each node starts on. Only what evaluation needs:
 * comments and exact spacing are not kept.
 */
export type Expr =
  | { t: 'lit'; v: string | number | boolean | null; line: number }
  | { t: 'tmpl'; parts: TmplPart[]; line: number }
  | { t: 'var'; name: string; line: number }
  | { t: 'attr'; obj: Expr; name: string; line: number }
  | { t: 'index'; obj: Expr; key: Expr; line: number }
  /** `list[*].a.b` / `list.*.a`: `each` is applied to every element, which it reads as `splatItem`. */
  | { t: 'splat'; obj: Expr; each: Expr; line: number }
  | { t: 'splatItem'; line: number }
  | { t: 'call'; name: string; args: Expr[]; expand: boolean; line: number }
  | { t: 'tuple'; items: Expr[]; line: number }
  | { t: 'object'; items: Array<{ key: Expr; value: Expr }>; line: number }
  | {
      t: 'for';
      keyVar?: string;
      valVar: string;
      coll: Expr;
      keyExpr?: Expr;
      valExpr: Expr;
      cond?: Expr;
      group: boolean;
      line: number;
    }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr; line: number }
  | { t: 'bin'; op: string; l: Expr; r: Expr; line: number }
  | { t: 'un'; op: '!' | '-'; e: Expr; line: number }
  | { t: 'paren'; e: Expr; line: number };

export type TmplPart =
  | { t: 'str'; v: string }
  | { t: 'interp'; e: Expr }
  | { t: 'if'; c: Expr; then: TmplPart[]; else: TmplPart[] }
  | { t: 'for'; keyVar?: string; valVar: string; coll: Expr; body: TmplPart[] };

export interface Attribute {
  name: string;
  expr: Expr;
  line: number;
  /** The expression's source text, for labels such as "count = var.enabled ? 1 : 0". */
  src: string;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  line: number;
}

export interface Body {
  attrs: Attribute[];
  blocks: Block[];
}

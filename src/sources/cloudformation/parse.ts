import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Tags } from 'yaml';

/** A template node with the line it starts on: evaluation keeps positions for findings. */
export type PNode =
  | { k: 'map'; line: number; entries: PEntry[] }
  | { k: 'seq'; line: number; items: PNode[] }
  | { k: 'scalar'; line: number; value: string | number | boolean | null };
export interface PEntry {
  key: string;
  line: number;
  value: PNode;
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

/** The short-form intrinsics (!Ref, !Sub...), and the long name each stands for. */
const SHORT: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!Transform': 'Fn::Transform',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!If': 'Fn::If',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
  '!ForEach': 'Fn::ForEach',
};

// Registered for scalars, sequences and maps alike; `resolve` keeps the node so positions survive.
const CUSTOM_TAGS: Tags = Object.keys(SHORT).flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'seq' as const, resolve: (n: unknown) => n as Node },
  { tag, collection: 'map' as const, resolve: (n: unknown) => n as Node },
]) as Tags;

/**
 * Parses a CloudFormation template, YAML or JSON (JSON is YAML 1.2 too), with the YAML 1.2 core
 * schema: `Version: 2012-10-17` stays a string, `on`/`yes` stay strings.
 */
export function parseTemplate(text: string): PNode {
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    customTags: CUSTOM_TAGS,
    schema: 'core',
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: false,
    intAsBigInt: false,
  });
  const err = doc.errors[0];
  if (err) throw new TemplateSyntaxError(err.message.split('\n')[0] ?? err.message, lc.linePos(err.pos[0]).line);
  if (!doc.contents) throw new TemplateSyntaxError('empty document', 1);
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 0);
  return convert(doc.contents as Node, lineOf);
}

function convert(n: Node, lineOf: (n: Node) => number): PNode {
  const line = lineOf(n);
  const inner = convertPlain(n, lineOf, line);
  const long = n.tag ? SHORT[n.tag] : undefined;
  if (!long) return inner;
  // !GetAtt a.b is the list [a, b]; the other short forms wrap their argument as is.
  let arg = inner;
  if (long === 'Fn::GetAtt' && inner.k === 'scalar' && typeof inner.value === 'string') {
    const dot = inner.value.indexOf('.');
    arg = {
      k: 'seq',
      line,
      items: [
        { k: 'scalar', line, value: dot < 0 ? inner.value : inner.value.slice(0, dot) },
        { k: 'scalar', line, value: dot < 0 ? '' : inner.value.slice(dot + 1) },
      ],
    };
  }
  return { k: 'map', line, entries: [{ key: long, line, value: arg }] };
}

function convertPlain(n: Node, lineOf: (n: Node) => number, line: number): PNode {
  if (isMap(n)) {
    const entries: PEntry[] = [];
    for (const pair of n.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const valueNode = pair.value as Node | null;
      const kLine = keyNode ? lineOf(keyNode) : line;
      entries.push({ key, line: kLine, value: valueNode ? convert(valueNode, lineOf) : { k: 'scalar', line: kLine, value: null } });
    }
    return { k: 'map', line, entries };
  }
  if (isSeq(n)) return { k: 'seq', line, items: n.items.map((i) => (i ? convert(i as Node, lineOf) : { k: 'scalar', line, value: null })) };
  if (isScalar(n)) {
    const v = n.value;
    return { k: 'scalar', line, value: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v) };
  }
  // Aliases: resolved by value.
  return { k: 'scalar', line, value: null };
}

export function entry(m: PNode | undefined, key: string): PNode | undefined {
  return m?.k === 'map' ? m.entries.find((e) => e.key === key)?.value : undefined;
}
export function entryLine(m: PNode | undefined, key: string): number | undefined {
  return m?.k === 'map' ? m.entries.find((e) => e.key === key)?.line : undefined;
}

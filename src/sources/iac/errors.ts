/** A template Rampart could not read, or a resource it could not evaluate: reported, never fatal. */
export interface IacError {
  file: string;
  line: number;
  message: string;
  /** The resource it concerns, when the file as a whole was read. */
  resource?: string;
}

/** Every string inside a value: what unmodelled resources refer to. */
export function stringsIn(v: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 32) return out;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out, depth + 1));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => stringsIn(x, out, depth + 1));
  return out;
}

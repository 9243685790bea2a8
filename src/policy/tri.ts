/** Three-valued logic: a condition on a key we cannot know is neither true nor false. */
export type Tri = true | false | 'unknown';

export function and3(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return true;
}

export function or3(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return false;
}

export function not3(a: Tri): Tri {
  return a === 'unknown' ? 'unknown' : !a;
}

export function all3(xs: Iterable<Tri>): Tri {
  let out: Tri = true;
  for (const x of xs) {
    out = and3(out, x);
    if (out === false) return false;
  }
  return out;
}

export function any3(xs: Iterable<Tri>): Tri {
  let out: Tri = false;
  for (const x of xs) {
    out = or3(out, x);
    if (out === true) return true;
  }
  return out;
}

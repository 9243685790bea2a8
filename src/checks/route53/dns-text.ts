/**
 * DNS names and TXT values as Route 53 returns them: names are fully qualified with a trailing
 * dot and escape special characters as a backslash and three OCTAL digits (Route 53 Developer Guide,
 * "DNS domain name format": a wildcard is "\052", é in a TXT value "\351"); TXT values are one or more
 * quoted character-strings, which a TXT consumer joins without spaces (RFC 7208 §3.3).
 */

/** Lower-case, no trailing dot, octal \ooo and \c escapes decoded. */
export function normName(name: string): string {
  const decoded = name.replace(/\\([0-7]{3}|.)/g, (_, e: string) => (/^[0-7]{3}$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e));
  return decoded.replace(/\.$/, '').toLowerCase();
}

/** Joins the character-strings of one TXT value. Values without quotes (some IaC sources) are taken whole. */
export function txtString(value: string): string {
  const v = value.trim();
  if (!v.startsWith('"')) return v;
  let out = '';
  let i = 0;
  while (i < v.length) {
    if (v[i] !== '"') {
      i++; // the blanks between character-strings
      continue;
    }
    i++;
    while (i < v.length && v[i] !== '"') {
      if (v[i] === '\\' && i + 1 < v.length) {
        const oct = v.slice(i + 1, i + 4);
        if (/^[0-7]{3}$/.test(oct)) {
          out += String.fromCharCode(parseInt(oct, 8));
          i += 4;
        } else {
          out += v[i + 1];
          i += 2;
        }
      } else out += v[i++];
    }
    i++; // closing quote
  }
  return out;
}

/** The ancestors of a name, nearest first, down to the top label (a.b.c → b.c, c). */
export function ancestors(name: string): string[] {
  const labels = name.split('.');
  return labels.slice(1).map((_, i) => labels.slice(i + 1).join('.'));
}

/** True when `name` is `zone` or lies below it. */
export function isAtOrBelow(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

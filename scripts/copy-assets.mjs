// Copies the non-TypeScript files under src/ (YAML, JSON, HTML, CSS) into dist/, where the
// compiled code expects them beside itself. Test fixtures are left out.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SRC = 'src';
const OUT = 'dist';
const KEEP = /\.(ya?ml|json|html|css|txt|svg)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name === '__tests__' || name === 'fixtures' || name === 'test-utils') continue;
      walk(path);
    } else if (KEEP.test(name)) {
      const target = join(OUT, relative(SRC, path));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(path, target);
    }
  }
}
walk(SRC);

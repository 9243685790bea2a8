// Copies the non-TypeScript files under src/ (YAML, JSON, HTML, CSS) into dist/, where the
// compiled code expects them beside itself (test fixtures are left out), and makes the CLI entry
// executable: tsc writes it without the bit, and `npm link` links it as it is.
import { chmodSync, cpSync, existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
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

const BIN = join(OUT, 'cli', 'main.js');
if (existsSync(BIN)) chmodSync(BIN, 0o755);

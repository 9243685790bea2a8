import { execFileSync } from 'node:child_process';

/** The end-to-end tests drive the built CLI, so build it once, fresh, before they run. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync('node', ['scripts/copy-assets.mjs'], { stdio: 'inherit' });
}

#!/usr/bin/env node
// The `frontier` command. Runs the built code in dist/; FRONTIER_FROM_SOURCE=1 runs the TypeScript
// sources through tsx instead (tests and development).
import { existsSync } from 'node:fs';

const fromSource = process.env.FRONTIER_FROM_SOURCE === '1';
const entry = new URL(fromSource ? '../src-main/cli/main.ts' : '../dist/src-main/cli/main.js', import.meta.url);
if (fromSource) {
  const { register } = await import('tsx/esm/api');
  register();
} else if (!existsSync(entry)) {
  process.stderr.write('frontier: not built yet; run `npm run build` (npm install does it for you)\n');
  process.exit(2);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;

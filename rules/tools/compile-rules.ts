/** Maintainer tool: validates every rule folder and writes the generated files (see build-outputs.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, buildOutputs } from './build-outputs.js';

for (const [path, content] of buildOutputs()) {
  mkdirSync(dirname(join(ROOT, path)), { recursive: true });
  writeFileSync(join(ROOT, path), content);
  console.log(`wrote ${path}`);
}

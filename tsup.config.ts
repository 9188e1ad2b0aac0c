import { readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry per agreement module (generated in src/agreements/), so that importing one agreement never bundles another's data.
const agreements = Object.fromEntries(
  readdirSync('src/agreements')
    .filter((f) => f.endsWith('.ts') && f !== 'all.ts')
    .map((f) => [`agreements/${f.slice(0, -3)}`, `src/agreements/${f}`]),
);

export default defineConfig([
  {
    entry: { index: 'src/index.ts', ...agreements },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    clean: true,
    target: 'node20',
    // Quiet: `npm run example` shows the answer, not the build log (errors still print).
    silent: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    silent: true,
  },
]);

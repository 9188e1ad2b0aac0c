import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // Library: one entry per agreement so that importing one does not bundle the others.
    entry: { index: 'src/index.ts', 'agreements/ukvfta': 'src/agreements/ukvfta.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    treeshake: true,
    clean: true,
    target: 'node20',
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    banner: { js: '' },
    target: 'node20',
  },
]);

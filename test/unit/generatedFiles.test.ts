import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildOutputs } from '../../rules/tools/build-outputs.js';

describe('generated files', () => {
  it('are up to date with rules/ (run `npm run rules:compile` after editing rule data)', () => {
    for (const [path, content] of buildOutputs()) {
      expect(readFileSync(join(ROOT, path), 'utf8'), path).toBe(content);
    }
  });
});

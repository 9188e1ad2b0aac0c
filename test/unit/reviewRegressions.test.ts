import { describe, expect, it } from 'vitest';
import { findProductRule } from '../../src/evaluate/findProductRule.js';
import { makeTestAgreement } from '../helpers/testAgreement.js';

describe('review regressions', () => {
  it('the findProductRule memo never answers one (code, choice) pair with the result of another', () => {
    // 5208 is split into two "ex" rows (ids 5208.1 and 5208.2): "other" is not one of them.
    const a = makeTestAgreement();
    expect(findProductRule(a, '520811|other').status).toBe('choice_required');
    expect(findProductRule(a, '520811', 'other').status).toBe('unknown_choice');
    const b = makeTestAgreement();
    expect(findProductRule(b, '520811', 'other').status).toBe('unknown_choice');
    expect(findProductRule(b, '520811|other').status).toBe('choice_required');
    // An empty choice is a choice, not its absence.
    expect(findProductRule(b, '520811', '').status).toBe('unknown_choice');
    expect(findProductRule(b, '520811').status).toBe('choice_required');
  });
});

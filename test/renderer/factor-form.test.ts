import { describe, expect, it } from 'vitest';
import { defaultForm, factorModelOf, type FieldErrors } from '../../src-renderer/src/forms/optimise-form.js';

describe('Optimise form factor fields', () => {
  it('turns the typed model and limits into factorModel options', () => {
    const errors: FieldErrors = {};
    const fm = factorModelOf({ ...defaultForm(), risk: 'factor', factorModel: 'ts:FF6', factorLimits: 'SMB:-0.1:0.1, HML:0:0\nMkt-RF::1' }, errors);
    expect(errors).toEqual({});
    expect(fm).toEqual({ model: 'ts:FF6', bounds: [{ factor: 'SMB', min: -0.1, max: 0.1 }, { factor: 'HML', min: 0, max: 0 }, { factor: 'Mkt-RF', max: 1 }] });
  });

  it('names the field of a bad model, a bad limit and a factor risk model without a model', () => {
    const e1: FieldErrors = {};
    factorModelOf({ ...defaultForm(), factorModel: 'pcb:3' }, e1);
    expect(e1.factorModel).toContain('pcb:3');
    const e2: FieldErrors = {};
    factorModelOf({ ...defaultForm(), factorModel: 'xs', factorLimits: 'SMB' }, e2);
    expect(e2.factorLimits).toContain('SMB');
    const e3: FieldErrors = {};
    factorModelOf({ ...defaultForm(), risk: 'factor' }, e3);
    expect(e3.factorModel).toBeDefined();
  });
});

import { isSelected } from '../hs/hsCode.js';
import { makeIssue } from '../issues.js';
import { PROCESSES } from '../rules/processes.js';
import type { Criterion } from './types.js';
import { nonOriginating, verdict } from './shared.js';

/** "All the materials of … used are wholly obtained": no non-originating material of the group. */
export const materialsWhollyObtained: Criterion<'materials_wholly_obtained'> = {
  kind: 'materials_wholly_obtained',
  tolerable: true,
  run(node, ctx) {
    const offending = nonOriginating(ctx.materials).filter((m) => isSelected(node.materials, m.material.hsCode, m.material.tags));
    return offending.length === 0
      ? { status: 'met', reason: { key: 'materials_wo_met' } }
      : { status: 'not_met', offending, reason: { key: 'materials_wo_not_met' }, materials: offending.map((m) => verdict(m, 'offending')) };
  },
};

/**
 * "Manufacture from <materials>": met when every non-originating material is of
 * the named classifications; others may be earlier stages or exempt by nature,
 * which a person must judge, so the outcome is then undetermined.
 */
export const manufactureFrom: Criterion<'manufacture_from'> = {
  kind: 'manufacture_from',
  tolerable: false,
  run(node, ctx) {
    const outside = nonOriginating(ctx.materials).filter((m) => !isSelected(node.materials, m.material.hsCode, m.material.tags));
    if (outside.length === 0) return { status: 'met', reason: { key: 'from_met' } };
    return {
      status: 'undetermined',
      reason: { key: 'from_judgement', params: { ids: outside.map((m) => m.material.id).join(', ') } },
      materials: outside.map((m) => verdict(m, 'to_judge')),
      issues: [makeIssue('judgement_required', [...ctx.product.path, 'materials'], 'whether these non-originating materials are an earlier stage of the named materials, or cannot by nature meet the rule, must be judged by a person', { ids: outside.map((m) => m.material.id).join(', ') })],
    };
  },
};

/**
 * A specific process the producer must carry out. Where the HS defines the
 * process's output, non-originating materials already at that stage break the
 * rule (they cannot have undergone the process in the exporting party).
 */
export const specificProcess: Criterion<'specific_process'> = {
  kind: 'specific_process',
  tolerable: true,
  run(node, ctx) {
    const ops = ctx.product.operations;
    if (!ops) {
      return {
        status: 'undetermined',
        reason: { key: 'operations_not_declared', params: { process: node.process } },
        issues: [makeIssue('operations_not_declared', [...ctx.product.path, 'operations'], `the rule requires the process "${node.process}": declare the producer's operations`, { process: node.process })],
      };
    }
    if (!ops.includes(node.process)) return { status: 'not_met', reason: { key: 'process_missing', params: { process: node.process } } };
    const output = PROCESSES.get(node.process)?.output;
    const offending = output ? nonOriginating(ctx.materials).filter((m) => isSelected(output, m.material.hsCode)) : [];
    return offending.length === 0
      ? { status: 'met', reason: { key: 'process_met', params: { process: node.process } } }
      : {
          status: 'not_met',
          offending,
          reason: { key: 'process_stage_not_met', params: { process: node.process } },
          materials: offending.map((m) => verdict(m, 'offending')),
        };
  },
};

/** A condition only the producer can attest. */
export const declaredCondition: Criterion<'declared_condition'> = {
  kind: 'declared_condition',
  tolerable: false,
  run(node, ctx) {
    const answer = ctx.product.declarations[node.id];
    if (answer === undefined) {
      return {
        status: 'undetermined',
        reason: { key: 'declaration_missing', params: { id: node.id, text: node.text } },
        issues: [makeIssue('declaration_missing', [...ctx.product.path, 'declarations', node.id], `declare whether this holds: ${node.text}`, { id: node.id, text: node.text })],
      };
    }
    return { status: answer ? 'met' : 'not_met', reason: { key: answer ? 'declared_true' : 'declared_false', params: { id: node.id, text: node.text } } };
  },
};

/** The product itself is wholly obtained (declared by the caller; contradicted by any non-originating material). */
export const whollyObtained: Criterion<'wholly_obtained'> = {
  kind: 'wholly_obtained',
  tolerable: false,
  run(_node, ctx) {
    if (!ctx.product.whollyObtained) return { status: 'not_met', reason: { key: 'wo_not_declared' } };
    const non = nonOriginating(ctx.materials);
    return non.length === 0
      ? { status: 'met', reason: { key: 'wo_met' } }
      : { status: 'not_met', reason: { key: 'wo_contradicted' }, materials: non.map((m) => verdict(m, 'offending')) };
  },
};

/** Produced exclusively from originating materials. */
export const producedExclusively: Criterion<'produced_exclusively'> = {
  kind: 'produced_exclusively',
  tolerable: false,
  run(_node, ctx) {
    const non = nonOriginating(ctx.materials);
    return non.length === 0
      ? { status: 'met', reason: { key: 'pe_met' } }
      : { status: 'not_met', reason: { key: 'pe_not_met' }, materials: non.map((m) => verdict(m, 'offending')) };
  },
};

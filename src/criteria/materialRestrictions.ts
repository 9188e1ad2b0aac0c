import { isSelected, isTextileCode } from '../hs/hsCode.js';
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
    // A person's judgement, recorded as a declaration `exempt:<material id>`.
    const judged = (m: (typeof outside)[number]) => ctx.product.declarations[`exempt:${m.material.id}`];
    const refused = outside.filter((m) => judged(m) === false);
    const open = outside.filter((m) => judged(m) === undefined);
    const verdicts = outside.map((m) => verdict(m, judged(m) === true ? 'allowed' : judged(m) === false ? 'offending' : 'to_judge'));
    if (refused.length > 0) {
      return { status: 'not_met', reason: { key: 'from_not_met', params: { ids: refused.map((m) => m.material.id).join(', ') } }, materials: verdicts };
    }
    if (open.length === 0) {
      return { status: 'met', reason: { key: outside.length ? 'from_met_by_declaration' : 'from_met' }, materials: outside.length ? verdicts : undefined };
    }
    return {
      status: 'undetermined',
      reason: { key: 'from_judgement', params: { ids: open.map((m) => m.material.id).join(', ') } },
      materials: verdicts,
      issues: open.map((m) =>
        makeIssue('judgement_required', [...ctx.product.path, 'declarations', `exempt:${m.material.id}`], `whether non-originating material "${m.material.id}" is an earlier stage of the named materials, or cannot by its nature meet the rule, must be judged by a person; record the answer as declarations["exempt:${m.material.id}"]`, { id: m.material.id }),
      ),
    };
  },
};

/**
 * A specific process. Rules apply only to non-originating materials (the
 * materials that must undergo the process). For the stages of textile
 * manufacture (spinning and extrusion → yarn, weaving and knitting → fabric,
 * making-up → Chapters 61–63…), the rule is met when every non-originating
 * textile material is one the process starts from: "weaving accompanied by
 * making-up" then reads, as the older lists said, "manufacture from yarn", and
 * "spinning or extrusion, with weaving" is not met by imported yarn of either
 * kind. Other processes (dyeing, printing, coating…) must be among the
 * operations the producer declares.
 */
export const specificProcess: Criterion<'specific_process'> = {
  kind: 'specific_process',
  tolerable: true,
  run(node, ctx) {
    const ops = ctx.product.operations;
    const inputs = PROCESSES.get(node.process)?.textileInputs;
    if (inputs) {
      const offending = nonOriginating(ctx.materials).filter((m) => isTextileCode(m.material.hsCode) && !isSelected(inputs, m.material.hsCode));
      return offending.length === 0
        ? { status: 'met', reason: { key: 'process_stage_met', params: { process: node.process } } }
        : {
            status: 'not_met',
            offending,
            reason: { key: 'process_stage_not_met', params: { process: node.process } },
            materials: offending.map((m) => verdict(m, 'offending')),
          };
    }
    if (!ops) {
      return {
        status: 'undetermined',
        reason: { key: 'operations_not_declared', params: { process: node.process } },
        issues: [makeIssue('operations_not_declared', [...ctx.product.path, 'operations'], `the rule requires the process "${node.process}": declare the producer's operations`, { process: node.process })],
      };
    }
    return ops.includes(node.process)
      ? { status: 'met', reason: { key: 'process_met', params: { process: node.process } } }
      : { status: 'not_met', reason: { key: 'process_missing', params: { process: node.process } } };
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


/**
 * Flags of the robust estimators and objectives (`--shrink-target`, `--turbulent-share`, `--blend`,
 * `--uncertainty`, `--confidence`) → the estimator and `robust` fields of OptimizeOptions.
 */
import { FrontierError } from '../../shared/api.js';
import { SHRINK_TARGETS } from '../../shared/domain/optimize.js';
import { numberOption, stringOption, type OptionsConfig, type ParsedArgs } from './command.js';

export const robustOptions = {
  'shrink-target': { type: 'string' },
  'turbulent-share': { type: 'string' },
  blend: { type: 'string' },
  uncertainty: { type: 'string' },
  confidence: { type: 'string' },
} satisfies OptionsConfig;

export const robustUsage = `robust estimators and objectives:
  --returns james-stein|bayes-stein|bodnar-okhrin [--shrink-target grand-mean|min-variance]
  --risk turbulence-blend [--turbulent-share 0.1] [--blend 0.5]   (p·Σ_turbulent + (1−p)·Σ_quiet)
  --objective worst-case-mv [--uncertainty box|ellipsoid] [--confidence 0.95] [--risk-aversion L]
  --objective crisis-robust [--turbulent-share 0.1]`;

/** Writes the robust flags into the estimator settings and the input's `robust` object (both mutated). */
export function applyRobustFlags(args: ParsedArgs, est: Record<string, unknown>, input: Record<string, unknown>): void {
  const target = stringOption(args, 'shrink-target');
  if (target !== undefined) {
    const hit = SHRINK_TARGETS.find((t) => t === target);
    if (!hit) throw new FrontierError('user-error', `--shrink-target: "${target}" is not one of ${SHRINK_TARGETS.join(', ')}`);
    est.shrinkTarget = hit;
  }
  const share = numberOption(args, 'turbulent-share');
  const blend = numberOption(args, 'blend');
  if (share !== undefined || blend !== undefined) {
    const prev = (est.turbulence ?? {}) as Record<string, unknown>;
    est.turbulence = { ...prev, ...(share === undefined ? {} : { share }), ...(blend === undefined ? {} : { blend }) };
  }
  const uncertainty = stringOption(args, 'uncertainty');
  const confidence = numberOption(args, 'confidence');
  if (uncertainty !== undefined || confidence !== undefined) {
    if (uncertainty !== undefined && uncertainty !== 'box' && uncertainty !== 'ellipsoid') throw new FrontierError('user-error', `--uncertainty: "${uncertainty}" is not one of box, ellipsoid`);
    const prev = (input.robust ?? {}) as Record<string, unknown>;
    input.robust = { ...prev, ...(uncertainty === undefined ? {} : { uncertainty }), ...(confidence === undefined ? {} : { confidence }) };
  }
}

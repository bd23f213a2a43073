/**
 * The Optimise form's robustness fields (shrinkage target, turbulence split, uncertainty set) and the
 * resampling settings, as typed, with their validation into request parts and back from a scenario.
 */
import type { OptimizeOptions, OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import type { ResampleSettings } from '../../../shared/domain/robust.js';
import { numberText, parseNumber, parsePercent, percentText } from './parse.js';

export interface RobustForm {
  shrinkTarget: 'grand-mean' | 'min-variance';
  /** Percent of days in the turbulent set. */
  turbulentShare: string;
  /** Percent weight of the turbulent covariance in turbulence-blend. */
  blend: string;
  uncertainty: 'box' | 'ellipsoid';
  /** Percent confidence of the uncertainty set. */
  confidence: string;
  draws: string;
  method: ResampleSettings['method'];
  blockDays: string;
  seed: string;
}

export function defaultRobustForm(): RobustForm {
  return { shrinkTarget: 'grand-mean', turbulentShare: '10', blend: '50', uncertainty: 'box', confidence: '95', draws: '200', method: 'normal', blockDays: '21', seed: '1' };
}

/** The estimator and `robust` option parts of the form; errors are written under `robust:<field>`. */
export function robustOptions(form: RobustForm | undefined, errors: Record<string, string>): Pick<OptimizeOptionsInput, 'robust'> & { estimators: { shrinkTarget: RobustForm['shrinkTarget']; turbulence: { share: number; blend: number } } } {
  const f = form ?? defaultRobustForm();
  const share = parsePercent(f.turbulentShare);
  const blend = parsePercent(f.blend);
  const confidence = parsePercent(f.confidence);
  const inside = (key: string, p: ReturnType<typeof parsePercent>, lo: number, hi: number, fallback: number, what: string): number => {
    if (!p.ok) errors[`robust:${key}`] = p.message;
    else if (p.value !== undefined && !(p.value > lo && p.value < hi) && !(key === 'blend' && (p.value === 0 || p.value === 1))) errors[`robust:${key}`] = what;
    return p.ok && p.value !== undefined ? p.value : fallback;
  };
  return {
    estimators: {
      shrinkTarget: f.shrinkTarget,
      turbulence: {
        share: inside('turbulentShare', share, 0, 1, 0.1, 'the turbulent share must be between 0 % and 100 %'),
        blend: inside('blend', blend, 0, 1, 0.5, 'the blend must be between 0 % and 100 %'),
      },
    },
    robust: { uncertainty: f.uncertainty, confidence: inside('confidence', confidence, 0, 1, 0.95, 'the confidence must be between 0 % and 100 %') },
  };
}

/** Resampling settings from the form; errors under `robust:<field>`. */
export function resampleSettings(form: RobustForm | undefined, points: number | undefined, errors: Record<string, string>): Partial<ResampleSettings> {
  const f = form ?? defaultRobustForm();
  const whole = (key: string, text: string, lo: number, hi: number): number | undefined => {
    const p = parseNumber(text);
    if (!p.ok || p.value === undefined || !Number.isInteger(p.value) || p.value < lo || p.value > hi) {
      errors[`robust:${key}`] = `a whole number from ${lo} to ${hi}`;
      return undefined;
    }
    return p.value;
  };
  const draws = whole('draws', f.draws, 1, 10_000);
  const blockDays = whole('blockDays', f.blockDays, 1, 2520);
  const seed = whole('seed', f.seed, 0, 2 ** 32 - 1);
  return {
    ...(draws !== undefined ? { draws } : {}),
    ...(blockDays !== undefined ? { blockDays } : {}),
    ...(seed !== undefined ? { seed } : {}),
    method: f.method,
    ...(points !== undefined ? { points } : {}),
  };
}

/** The robustness fields of a saved scenario's options, as typed (resampling settings keep their defaults). */
export function robustFormFromOptions(o: OptimizeOptions): RobustForm {
  return {
    ...defaultRobustForm(),
    shrinkTarget: o.estimators.shrinkTarget,
    turbulentShare: percentText(o.estimators.turbulence.share),
    blend: percentText(o.estimators.turbulence.blend),
    uncertainty: o.robust.uncertainty,
    confidence: numberText(o.robust.confidence * 100),
  };
}

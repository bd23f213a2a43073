/**
 * The factor-model flags of `frontier estimate|optimize|frontier|backtest`: --factor-model, --factor-bound,
 * --factor-neutral, --factor-active, --factor-ridge, --factor-risk-parity. The service loads the store data
 * a ts/xs model needs (factor sets live in the database, so such models need --db).
 */
import { FrontierError } from '../../shared/api.js';
import { FACTOR_MODEL_PATTERN, type FactorBound, type FactorModelOptionsInput } from '../../shared/domain/factors.js';
import { numberOption, stringList, stringOption, type OptionsConfig, type ParsedArgs } from './command.js';

export const factorOptions = {
  'factor-model': { type: 'string' },
  'factor-bound': { type: 'string', multiple: true },
  'factor-neutral': { type: 'string', multiple: true },
  'factor-active': { type: 'string' },
  'factor-ridge': { type: 'string' },
  'factor-risk-parity': { type: 'boolean', default: false },
} satisfies OptionsConfig;

export const factorUsage = `factor model:
  --risk factor --factor-model pca:K|pca|ts:SET|xs   Σ = BΣ_FBᵀ + D (pca = k from the Marchenko–Pastur edge;
      ts:SET = regression on a stored factor set, see frontier factors import; xs = sectors, classes, tags, exposures)
  --factor-bound F:MIN:MAX (repeatable; leave one side empty) --factor-neutral F (repeatable)
  --factor-active benchmark|current (limits on exposures of w − w_ref) --factor-ridge X --factor-risk-parity
  any --factor-model adds {factorRisk: {exposures, contributions, specific, …}} to the result`;

function user(message: string): FrontierError {
  return new FrontierError('user-error', message);
}

function bound(raw: string): FactorBound {
  const m = /^(.+):([^:]*):([^:]*)$/.exec(raw);
  const num = (s: string): number | undefined => {
    if (s.trim() === '') return undefined;
    const v = Number(s);
    if (!Number.isFinite(v)) throw user(`--factor-bound: "${s}" in "${raw}" is not a number`);
    return v;
  };
  if (!m) throw user(`--factor-bound: "${raw}" is not F:MIN:MAX, e.g. SMB:-0.1:0.1 or Mkt-RF::1`);
  const min = num(m[2]!);
  const max = num(m[3]!);
  if (min === undefined && max === undefined) throw user(`--factor-bound ${m[1]}: give a lower or an upper limit`);
  if (min !== undefined && max !== undefined && min > max) throw user(`--factor-bound ${m[1]}: lower ${min} is above upper ${max}`);
  return { factor: m[1]!.trim(), ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** `{factorModel}` from the flags over a scenario's, or {} when neither names a model. */
export function factorModelInput(args: ParsedArgs, base?: FactorModelOptionsInput): { factorModel?: FactorModelOptionsInput } {
  const model = stringOption(args, 'factor-model');
  if (model !== undefined && !FACTOR_MODEL_PATTERN.test(model)) throw user(`--factor-model: "${model}" is not pca:K, pca, ts:SET or xs`);
  const bounds = stringList(args, 'factor-bound').map(bound);
  const neutral = stringList(args, 'factor-neutral').map((f) => f.trim());
  const active = stringOption(args, 'factor-active');
  if (active !== undefined && active !== 'benchmark' && active !== 'current') throw user(`--factor-active: "${active}" is not benchmark or current`);
  const ridge = numberOption(args, 'factor-ridge');
  const name = model ?? base?.model;
  if (name === undefined) {
    if (bounds.length > 0 || neutral.length > 0 || args.values['risk'] === 'factor') throw user('--factor-bound, --factor-neutral and --risk factor need --factor-model pca:K|ts:SET|xs');
    return {};
  }
  return {
    factorModel: {
      ...(base ?? {}),
      model: name,
      ...(bounds.length > 0 ? { bounds: [...(base?.bounds ?? []), ...bounds] } : {}),
      ...(neutral.length > 0 ? { neutral: [...(base?.neutral ?? []), ...neutral] } : {}),
      ...(active ? { activeAgainst: active } : {}),
      ...(ridge !== undefined ? { ridge } : {}),
      ...(args.values['factor-risk-parity'] === true ? { riskParity: true } : {}),
    },
  };
}

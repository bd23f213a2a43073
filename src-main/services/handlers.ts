/** Every API method's handler, by name: the domain maps combined, checked against the contract. */
import type { ApiMethod } from '../../shared/api.js';
import type { Handlers } from './context.js';
import { importHandlers } from './import-service.js';
import { marketDataHandlers } from './market-data-service.js';
import { optimizeHandlers } from './optimize-service.js';
import { reportHandlers } from './report-service.js';
import { scenarioHandlers } from './scenario-service.js';
import { systemHandlers } from './system-service.js';
import { backtestHandlers } from './backtest-service.js';
import { optionsHandlers } from './options-service.js';
import { factorHandlers } from './factors-service.js';
import { robustHandlers } from './robust-service.js';

export const handlers = {
  ...systemHandlers,
  ...marketDataHandlers,
  ...importHandlers,
  ...optimizeHandlers,
  ...scenarioHandlers,
  ...reportHandlers,
  ...backtestHandlers,
  ...optionsHandlers,
  ...factorHandlers,
  ...robustHandlers,
} satisfies Handlers<ApiMethod>;

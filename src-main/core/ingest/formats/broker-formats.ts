/** Broker exports (transactions and position snapshots), recognised from their header rows. */
import { euBrokerFormats } from './eu-brokers.js';
import type { FormatDefinition } from './format.js';
import { ibkrActivity } from './ibkr.js';
import { ibkrFlex } from './ibkr-flex.js';
import { usBrokerFormats } from './us-brokers.js';
import { etrade, vanguard } from './vanguard-etrade.js';
import { optionsGeneric } from './options-generic.js';

export const brokerFormats: FormatDefinition[] = [ibkrActivity, ibkrFlex, ...usBrokerFormats, vanguard, etrade, ...euBrokerFormats, optionsGeneric];

/** Broker exports (transactions and position snapshots), recognised from their header rows. */
import { euBrokerFormats } from './eu-brokers.js';
import type { FormatDefinition } from './format.js';
import { ibkrActivity } from './ibkr.js';
import { usBrokerFormats } from './us-brokers.js';

export const brokerFormats: FormatDefinition[] = [ibkrActivity, ...usBrokerFormats, ...euBrokerFormats];

/** An option position read from a file: the position plus the snapshot date and its 1-based line. */
import type { OptionPosition } from '../../../shared/domain/options.js';

export interface ImportedOption extends OptionPosition {
  /** ISO date of the snapshot. */
  asOf: string;
  line: number;
}

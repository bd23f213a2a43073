import { describe, expect, it } from 'vitest';
import { IMPORT_FORMAT_IDS } from '../../shared/api/imports.js';
import { formats } from '../../src-main/core/ingest/parse-file.js';

describe('IMPORT_FORMAT_IDS', () => {
  it('lists the built-in formats in detection order (frontier import --help prints it without loading the parsers)', () => {
    expect([...IMPORT_FORMAT_IDS]).toEqual(formats.map((f) => f.id));
  });
});

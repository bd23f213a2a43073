-- Frontier's first schema: instruments, daily prices, import batches, scenarios.
-- Dates are ISO 'YYYY-MM-DD' text; timestamps ISO-8601 UTC text.

CREATE TABLE instruments (
  id          INTEGER PRIMARY KEY,
  ticker      TEXT NOT NULL UNIQUE,
  name        TEXT,
  currency    TEXT,
  isin        TEXT,
  sector      TEXT,
  asset_class TEXT,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  format      TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('prices', 'transactions', 'positions')),
  imported_at TEXT NOT NULL,
  row_count   INTEGER NOT NULL DEFAULT 0,
  undone_at   TEXT
) STRICT;

CREATE INDEX import_batches_sha ON import_batches (file_sha256);

-- One row per instrument and date; the batch that first wrote a row owns it (undo removes it).
CREATE TABLE prices (
  instrument_id INTEGER NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
  date          TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  open          REAL,
  high          REAL,
  low           REAL,
  close         REAL,
  adj_close     REAL,
  volume        REAL,
  currency      TEXT,
  batch_id      INTEGER REFERENCES import_batches (id) ON DELETE SET NULL,
  PRIMARY KEY (instrument_id, date)
) STRICT, WITHOUT ROWID;

CREATE INDEX prices_batch ON prices (batch_id);

CREATE TABLE scenarios (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  results    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(results)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Issue 16: exchange rates and the instrument calendar.
-- A rate row says 1 unit of `base` costs `rate` units of `quote` on `date` (EUR/USD 1.08: 1 EUR = 1.08 USD),
-- the quotation of the ECB reference rates and of Yahoo's EURUSD=X. Only stored rates are rows;
-- inverse and cross rates are derived when read (core/fx/rate-table.ts).

CREATE TABLE fx_import_batches (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  format      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  row_count   INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE fx_rates (
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  base        TEXT NOT NULL CHECK (length(base) BETWEEN 2 AND 10),
  quote       TEXT NOT NULL CHECK (length(quote) BETWEEN 2 AND 10 AND quote <> base),
  rate        REAL NOT NULL CHECK (rate > 0),
  -- The batch that first wrote the row owns it; a re-import of the same rate adds nothing.
  batch_id    INTEGER NOT NULL REFERENCES fx_import_batches (id) ON DELETE CASCADE,
  source_line INTEGER NOT NULL CHECK (source_line >= 1),
  PRIMARY KEY (base, quote, date)
) STRICT, WITHOUT ROWID;

CREATE INDEX fx_rates_batch ON fx_rates (batch_id);

-- 'trading-days' (252 a year, weekdays) or 'calendar-days' (365 a year, every day: crypto);
-- NULL = not set, detected from the stored dates when read.
ALTER TABLE instruments ADD COLUMN calendar TEXT CHECK (calendar IS NULL OR calendar IN ('trading-days', 'calendar-days'));

-- App-wide settings as JSON values by key ('baseCurrency': the default base currency of new runs).
CREATE TABLE app_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

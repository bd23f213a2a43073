-- Options (issue 14): option position snapshots per account and as-of date. Re-importing a file adds
-- nothing (one row per account, date and contract); each row keeps its batch, file and line.

CREATE TABLE option_positions (
  id             INTEGER PRIMARY KEY,
  account        TEXT NOT NULL,
  as_of          TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  underlying     TEXT NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('call', 'put')),
  strike         REAL NOT NULL CHECK (strike > 0),
  expiry         TEXT NOT NULL CHECK (expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- signed contracts (negative = short)
  quantity       REAL NOT NULL,
  multiplier     REAL NOT NULL DEFAULT 100 CHECK (multiplier > 0),
  style          TEXT NOT NULL DEFAULT 'european' CHECK (style IN ('european', 'american')),
  -- mark price per share, in the underlying's currency
  price          REAL,
  -- annual fractions
  implied_vol    REAL,
  dividend_yield REAL NOT NULL DEFAULT 0,
  source_file    TEXT NOT NULL,
  source_line    INTEGER NOT NULL,
  batch_id       INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  UNIQUE (account, as_of, underlying, type, strike, expiry)
) STRICT;

CREATE INDEX option_positions_batch ON option_positions (batch_id);
CREATE INDEX option_positions_as_of ON option_positions (as_of);

-- Broker data (transactions, position snapshots), saved column mappings, and per-file import details.
-- Every imported row keeps its batch, source file and line; dedupe_key makes re-imports add nothing.

ALTER TABLE import_batches ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details));

CREATE TABLE transactions (
  id           INTEGER PRIMARY KEY,
  account      TEXT NOT NULL,
  date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  type         TEXT NOT NULL CHECK (type IN ('buy', 'sell', 'dividend', 'interest', 'tax', 'fee', 'deposit', 'withdrawal', 'split', 'fx')),
  ticker       TEXT,
  isin         TEXT,
  description  TEXT,
  quantity     REAL,
  price        REAL,
  fee          REAL,
  amount       REAL,
  currency     TEXT,
  external_id  TEXT,
  -- The broker's id when it has one, else a content hash plus the row's occurrence number in its file.
  dedupe_key   TEXT NOT NULL,
  source_file  TEXT NOT NULL,
  source_line  INTEGER NOT NULL,
  batch_id     INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  UNIQUE (account, dedupe_key)
) STRICT;

CREATE INDEX transactions_account_date ON transactions (account, date);
CREATE INDEX transactions_batch ON transactions (batch_id);

CREATE TABLE positions (
  id           INTEGER PRIMARY KEY,
  account      TEXT NOT NULL,
  as_of        TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ticker       TEXT NOT NULL,
  isin         TEXT,
  description  TEXT,
  quantity     REAL NOT NULL,
  cost_basis   REAL,
  price        REAL,
  value        REAL,
  currency     TEXT,
  source_file  TEXT NOT NULL,
  source_line  INTEGER NOT NULL,
  batch_id     INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  UNIQUE (account, as_of, ticker)
) STRICT;

CREATE INDEX positions_batch ON positions (batch_id);

CREATE TABLE import_templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
  -- Normalised header cells joined by '|': files of the same shape are offered the template.
  signature   TEXT NOT NULL,
  mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX import_templates_signature ON import_templates (signature);

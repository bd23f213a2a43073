-- Factor models (issue 15): factor return series by set (a Ken French file, a generic date,F1,F2 file)
-- and user exposures (date,ticker,factor,value). Returns are decimal fractions per period of the set's
-- frequency; the Ken French files' percents are divided by 100 on import. Dates are ISO text; monthly
-- rows are dated on the month's last calendar day.

CREATE TABLE factor_sets (
  name        TEXT PRIMARY KEY,
  frequency   TEXT NOT NULL CHECK (frequency IN ('daily', 'monthly')),
  -- Factor names in file column order (JSON array), so tables list them as the source does.
  factors     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(factors) AND json_type(factors) = 'array'),
  source      TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE factor_returns (
  set_name    TEXT NOT NULL REFERENCES factor_sets (name) ON DELETE CASCADE,
  factor      TEXT NOT NULL,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  return      REAL NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (set_name, factor, date)
) STRICT, WITHOUT ROWID;

CREATE TABLE factor_exposures (
  ticker      TEXT NOT NULL,
  factor      TEXT NOT NULL,
  date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  value       REAL NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL,
  PRIMARY KEY (ticker, factor, date)
) STRICT, WITHOUT ROWID;

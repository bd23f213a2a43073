-- Workbench (issue 5): free-form tags per instrument (sector and asset class already exist), and the
-- autosaved draft of the scenario being edited, so nothing typed is lost when the app is killed.

ALTER TABLE instruments ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array');

-- One row per editing slot ('workbench' for the Optimise screen). `form` is the editor's own state
-- (text fields as typed, possibly invalid), so it is stored as opaque JSON, not as a scenario.
CREATE TABLE scenario_drafts (
  slot        TEXT PRIMARY KEY,
  scenario_id INTEGER REFERENCES scenarios (id) ON DELETE SET NULL,
  form        TEXT NOT NULL CHECK (json_valid(form)),
  revision    INTEGER NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- Price rows keep the 1-based line of the file they came from (the file is the batch's file_name).
-- Rows imported before this migration have no recorded line (NULL).

ALTER TABLE prices ADD COLUMN source_line INTEGER CHECK (source_line IS NULL OR source_line >= 1);

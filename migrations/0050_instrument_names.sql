-- Issue 18 (import): a transaction keeps the instrument's name where the file gives one apart from its
-- description (DEGIRO's Product, Trading 212's Name, the IBKR statement's instrument table), so rows
-- without a ticker can be shown by ISIN and name.

ALTER TABLE transactions ADD COLUMN name TEXT;

/** Saved column mappings ("templates"), offered again for files whose header has the same shape. */
import type { Database } from 'better-sqlite3';
import type { ColumnMappingInput, ImportTemplate } from '../../shared/api/imports.js';
import { normHeader } from '../core/ingest/table.js';

interface Row {
  id: number;
  name: string;
  signature: string;
  mapping: string;
  updated_at: string;
}

/** A header's shape: normalised non-empty cells joined by '|'. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normHeader).filter((c) => c !== '').join('|');
}

const toTemplate = (r: Row): ImportTemplate => ({ id: r.id, name: r.name, signature: r.signature, mapping: JSON.parse(r.mapping) as ColumnMappingInput, updatedAt: r.updated_at });

export function listTemplates(db: Database): ImportTemplate[] {
  return (db.prepare('SELECT id, name, signature, mapping, updated_at FROM import_templates ORDER BY name').all() as Row[]).map(toTemplate);
}

export function getTemplate(db: Database, name: string): ImportTemplate | undefined {
  const r = db.prepare('SELECT id, name, signature, mapping, updated_at FROM import_templates WHERE name = ?').get(name) as Row | undefined;
  return r ? toTemplate(r) : undefined;
}

export function templatesForHeader(db: Database, header: readonly string[]): ImportTemplate[] {
  return (db.prepare('SELECT id, name, signature, mapping, updated_at FROM import_templates WHERE signature = ? ORDER BY updated_at DESC').all(headerSignature(header)) as Row[]).map(toTemplate);
}

/** Creates or replaces the template of that name. */
export function saveTemplate(db: Database, name: string, header: readonly string[], mapping: ColumnMappingInput): ImportTemplate {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO import_templates (name, signature, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET signature = excluded.signature, mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(name, headerSignature(header), JSON.stringify(mapping), now, now);
  return getTemplate(db, name)!;
}

export function deleteTemplate(db: Database, name: string): boolean {
  return db.prepare('DELETE FROM import_templates WHERE name = ?').run(name).changes > 0;
}

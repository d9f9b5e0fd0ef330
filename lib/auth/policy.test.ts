import { describe, expect, it } from 'vitest';
import { can, ROLE_PERMISSIONS, seesRestricted } from './policy';

describe('role policy', () => {
  it('lets admins do everything', () => {
    for (const p of ['read', 'readRestricted', 'write', 'delete', 'restore', 'manageUsers'] as const) expect(can('admin', p)).toBe(true);
  });

  it('lets monitors record and correct cases but not manage users or restore', () => {
    expect(can('monitor', 'write')).toBe(true);
    expect(can('monitor', 'readRestricted')).toBe(true);
    expect(can('monitor', 'manageUsers')).toBe(false);
    expect(can('monitor', 'restore')).toBe(false);
  });

  it('lets researchers read what is not restricted and change nothing', () => {
    expect(ROLE_PERMISSIONS.researcher).toEqual(['read']);
    expect(can('researcher', 'write')).toBe(false);
    expect(can('researcher', 'delete')).toBe(false);
    expect(seesRestricted({ id: 1, role: 'researcher' })).toBe(false);
    expect(seesRestricted({ id: 1, role: 'monitor' })).toBe(true);
  });
});

describe('reports, imports and the partner API', () => {
  it('lets monitors and admins bulk-import, never researchers', () => {
    expect(can('admin', 'import')).toBe(true);
    expect(can('monitor', 'import')).toBe(true);
    expect(can('researcher', 'import')).toBe(false);
  });

  it('keeps API tokens, the export log, the audit trail and evidence checks to admins', () => {
    for (const p of ['manageTokens', 'auditExports', 'audit', 'verifyEvidence'] as const) {
      expect(can('admin', p)).toBe(true);
      expect(can('monitor', p)).toBe(false);
      expect(can('researcher', p)).toBe(false);
    }
  });
});

describe('deciding about and merging people', () => {
  it('lets monitors and admins merge people and withdraw decisions, never researchers', () => {
    expect(can('admin', 'mergePeople')).toBe(true);
    expect(can('monitor', 'mergePeople')).toBe(true);
    expect(can('researcher', 'mergePeople')).toBe(false);
  });
});

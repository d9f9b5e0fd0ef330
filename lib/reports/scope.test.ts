import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { downloadCookie } from './download-cookie';
import { hashDataset } from './dataset';
import { reportFileName } from './file-name';
import { readReportScope } from './scope';

const researcher: Actor = { id: 1, role: 'researcher' };
const monitor: Actor = { id: 2, role: 'monitor' };
const q = (s: string) => new URLSearchParams(s);

describe('report scope (checked on the server)', () => {
  it('is shareable and verified by default, narrowing the filters', () => {
    expect(readReportScope(q(''), monitor, {})).toEqual({ ok: true, scope: { drafts: false, restricted: false }, filters: { review: 'verified', confidentiality: 'shareable' } });
  });

  it('refuses drafts or restricted records without the confirmation', () => {
    expect(readReportScope(q('include=draft'), researcher, {})).toEqual({ ok: false, error: 'confirm' });
    expect(readReportScope(q('include=restricted'), monitor, {})).toEqual({ ok: false, error: 'confirm' });
    expect(readReportScope(q('include=restricted&confirm=yes'), monitor, {})).toEqual({ ok: false, error: 'confirm' });
  });

  it('refuses restricted records to a role that may not see them, confirmed or not', () => {
    expect(readReportScope(q('include=restricted&confirm=1'), researcher, {})).toEqual({ ok: false, error: 'forbidden' });
  });

  it('refuses a filter that asks for what the scope leaves out', () => {
    expect(readReportScope(q(''), monitor, { review: 'draft' })).toEqual({ ok: false, error: 'conflict' });
    expect(readReportScope(q(''), monitor, { confidentiality: 'restricted' })).toEqual({ ok: false, error: 'conflict' });
  });

  it('keeps the filters as asked once included and confirmed', () => {
    expect(readReportScope(q('include=draft&include=restricted&confirm=1'), monitor, { review: 'draft' })).toEqual({
      ok: true,
      scope: { drafts: true, restricted: true },
      filters: { review: 'draft' },
    });
    expect(readReportScope(q('include=draft&confirm=1'), researcher, {})).toMatchObject({ ok: true, filters: { confidentiality: 'shareable' } });
  });
});

describe('dataset version', () => {
  const entry = (id: number, version = 1) => ({ id, version, personId: 10 + id, personVersion: 1, sources: [{ id: 7, version: 2 }, { id: 3, version: 1 }] });
  it('is order-free and changes with any revision number', () => {
    const a = hashDataset([entry(1), entry(2)]);
    expect(hashDataset([entry(2), entry(1)])).toEqual(a);
    expect(a.short).toBe(a.sha256.slice(0, 12));
    expect(hashDataset([entry(1), entry(2, 2)]).sha256).not.toBe(a.sha256);
    expect(hashDataset([entry(1)]).sha256).not.toBe(a.sha256);
    expect(hashDataset([{ ...entry(1), sources: [{ id: 7, version: 3 }, { id: 3, version: 1 }] }, entry(2)]).sha256).not.toBe(a.sha256);
  });
});

describe('file names and the download cookie', () => {
  it('names the election, period and generation date', () => {
    expect(reportFileName({ election: 'Mazhilis 2021', from: '2020-11-11', to: '2021-02-09', now: new Date('2026-11-26T10:00:00Z') })).toBe(
      'kz-mazhilis-2021-detentions-2020-11-11_2021-02-09-generated-2026-11-26.pdf',
    );
    expect(reportFileName({ now: new Date('2026-11-26T10:00:00Z') })).toBe('detentions-generated-2026-11-26.pdf');
  });

  it('sets the cookie only for a plain token', () => {
    expect(downloadCookie('abc123def456')).toBe('report-download=abc123def456; Path=/; Max-Age=60; SameSite=Strict');
    expect(downloadCookie('x; Domain=evil')).toBeNull();
    expect(downloadCookie(null)).toBeNull();
  });
});

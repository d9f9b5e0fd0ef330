'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { requirePermission } from '@/lib/auth/guard';
import type { Actor } from '@/lib/auth/policy';
import { createCases } from '@/lib/cases/queries';
import { caseInput, readCaseForm, type CaseInput } from '@/lib/cases/schema';
import { warmDefaultDashboards } from '@/lib/dashboard/cache';
import { fieldErrors, formValues, type FieldErrors } from '@/lib/forms';
import { timestampCapture } from '@/lib/evidence/timestamps';
import { readCapturedSource, readUrlForIntake, searchCapturedSources } from '@/lib/intake/capture';
import { readArticle, type ReadArticle } from '@/lib/intake/queries';
import { draftFormValues, keptDrafts, reviewFieldName } from '@/lib/intake/save';
import { articleMetaInput, refuseArticle } from '@/lib/intake/schema';

export type ReadState = { error?: string; errors?: FieldErrors; article?: ReadArticle; typed?: Record<string, string> };

/**
 * Reads an article into drafts: a URL to capture first, else a captured source picked, else the
 * pasted text. Nothing is written, except that a URL whose page reports a detention is kept as a
 * source (the one known by that URL, or a new one) with its capture, which the drafts then cite.
 */
export async function readArticleAction(_: ReadState, form: FormData): Promise<ReadState> {
  const user = await requirePermission('write');
  const text = form.get('text');
  const typed = {
    text: typeof text === 'string' && text.length <= 200_000 ? text : '',
    url: String(form.get('url') ?? '').slice(0, 2000),
    title: String(form.get('title') ?? '').slice(0, 500),
    publisher: String(form.get('publisher') ?? '').slice(0, 200),
    published: String(form.get('published') ?? '').slice(0, 20),
    captureUrl: String(form.get('captureUrl') ?? '').slice(0, 2000),
    sourceId: String(form.get('sourceId') ?? '').slice(0, 12),
  };
  if (typed.captureUrl.trim()) return readFromUrl(user, typed);
  if (typed.sourceId) return readFromSource(user, typed);
  const refusal = refuseArticle(text);
  if (refusal) return { error: refusal, typed: refusal === 'intake.errors.empty' ? typed : { ...typed, text: '' } };
  const meta = articleMetaInput.safeParse(typed);
  if (!meta.success) return { errors: fieldErrors(meta.error), typed };
  const article = await readArticle(user, text as string, meta.data);
  if (article.drafts.length === 0) return { error: 'intake.errors.noDetention', typed };
  return { article, typed };
}

type Typed = Record<string, string>;

async function readFromUrl(user: Actor, typed: Typed): Promise<ReadState> {
  const result = await readUrlForIntake(user, typed.captureUrl);
  if ('refusal' in result) return { error: result.refusal, typed };
  // Timestamps are asked for after the response (a slow authority never holds the monitor up).
  after(() => timestampCapture(result.captureId));
  revalidatePath(`/sources/${result.article.sourceId}`);
  return { article: result.article, typed };
}

async function readFromSource(user: Actor, typed: Typed): Promise<ReadState> {
  const id = Number(typed.sourceId);
  if (!Number.isSafeInteger(id) || id <= 0) return { error: 'intake.errors.noCapture', typed };
  const sourced = await readCapturedSource(user, id);
  if ('refusal' in sourced) return { error: sourced.refusal, typed };
  const article = await readArticle(user, sourced.text, sourced.meta, sourced.sourceId);
  if (article.drafts.length === 0) return { error: 'intake.errors.noDetention', typed };
  return { article, typed };
}

export type SourceSearchState = { query?: string; results?: Awaited<ReturnType<typeof searchCapturedSources>> };

/** Captured sources (with readable text) the monitor may see, by title or URL, for the picker. */
export async function searchCapturedSourcesAction(_: SourceSearchState, form: FormData): Promise<SourceSearchState> {
  const user = await requirePermission('write');
  const query = String(form.get('q') ?? '').slice(0, 200);
  return { query, results: await searchCapturedSources(user, query) };
}

export type SaveState = { errors?: FieldErrors; formError?: string; savedIds?: number[] };

/**
 * Saves the drafts the monitor kept, each through the case form's schema and write path, all in
 * one transaction: every draft is saved, or none is.
 */
export async function saveDraftsAction(_: SaveState, form: FormData): Promise<SaveState> {
  const user = await requirePermission('write');
  const values = formValues(form);
  const kept = keptDrafts(values);
  if (kept.length === 0) return { formError: 'intake.errors.noneKept' };
  const inputs: CaseInput[] = [];
  const errors: FieldErrors = {};
  for (const i of kept) {
    const parsed = caseInput.safeParse(readCaseForm(draftFormValues(values, i)));
    if (parsed.success) inputs.push(parsed.data);
    else for (const [key, messages] of Object.entries(fieldErrors(parsed.error))) (errors[reviewFieldName(i, key)] ??= []).push(...messages);
  }
  if (Object.keys(errors).length) return { errors, formError: 'intake.errors.fix' };
  const result = await createCases(user, inputs);
  if (!result.ok) {
    if (!('errors' in result.result)) return { formError: 'errors.conflict' };
    const out: FieldErrors = {};
    for (const [key, messages] of Object.entries(result.result.errors)) (out[reviewFieldName(kept[result.index], key)] ??= []).push(...messages);
    return { errors: out, formError: 'intake.errors.fix' };
  }
  revalidatePath('/cases');
  warmDefaultDashboards();
  return { savedIds: result.ids };
}

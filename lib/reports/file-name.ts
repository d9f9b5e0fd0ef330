/**
 * Descriptive file names for the reports: election, period, generation date, e.g.
 * `kz-mazhilis-2021-detentions-2020-11-11_2021-02-09-generated-2026-11-26.pdf`. ASCII only, so
 * every browser and mail client keeps it as is. Pure.
 */

/** Lowercase ASCII words joined by '-' ("Mazhilis 2021" → "mazhilis-2021"); '' when nothing is left. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function reportFileName({ election, from, to, now }: { election?: string | null; from?: string | null; to?: string | null; now: Date }): string {
  const electionPart = election && slug(election) ? `kz-${slug(election)}-` : '';
  const period = from || to ? `-${from ?? 'start'}_${to ?? 'end'}` : '';
  return `${electionPart}detentions${period}-generated-${now.toISOString().slice(0, 10)}.pdf`;
}

/** No person's name: a file name shows in download folders, mail logs and previews. */
export function recordFileName({ id, detained, now }: { id: number; detained: string | null; now: Date }): string {
  return `detention-record-${id}${detained ? `-detained-${detained}` : ''}-generated-${now.toISOString().slice(0, 10)}.pdf`;
}

'use client';

import { useEffect, useRef, useState } from 'react';
import { DOWNLOAD_COOKIE } from '@/lib/reports/download-cookie';

/** How long the button waits for the file before it gives up waiting (the download may still come). */
const GIVE_UP_MS = 120_000;

/**
 * The report form's submit button, pending while the server builds the PDF. A file download gives
 * the page no event, so the form sends a random token (`dl`, added as the browser collects the
 * fields) and the response sets a cookie holding it (lib/reports/download-cookie.ts); the button
 * waits for that cookie. Without JavaScript the form still submits as a plain GET.
 */
export function DownloadButton({ label, pending, ready }: { label: string; pending: string; ready: string }) {
  const [state, setState] = useState<'idle' | 'pending' | 'ready'>('idle');
  const button = useRef<HTMLButtonElement>(null);
  // The token of the submission under way (read when the browser collects the fields, and by the wait).
  const token = useRef('');

  useEffect(() => {
    const form = button.current?.form;
    if (!form) return;
    const onSubmit = (event: SubmitEvent) => {
      if (state === 'pending') {
        event.preventDefault();
        return;
      }
      token.current = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
      setState('pending');
    };
    // The token joins the submitted fields as the browser collects them. (A hidden input written in
    // the submit handler was reset by React's re-render before the browser read it: no token was
    // ever sent, and the button stayed pending for two minutes.)
    const onFormData = (event: FormDataEvent) => {
      if (token.current) event.formData.set('dl', token.current);
    };
    form.addEventListener('submit', onSubmit);
    form.addEventListener('formdata', onFormData);
    return () => {
      form.removeEventListener('submit', onSubmit);
      form.removeEventListener('formdata', onFormData);
    };
  }, [state]);

  useEffect(() => {
    if (state !== 'pending') return;
    const started = Date.now();
    const timer = setInterval(() => {
      const arrived = document.cookie.split('; ').some((c) => c === `${DOWNLOAD_COOKIE}=${token.current}`);
      if (arrived) {
        document.cookie = `${DOWNLOAD_COOKIE}=; Path=/; Max-Age=0; SameSite=Strict`;
        setState('ready');
      } else if (Date.now() - started > GIVE_UP_MS) setState('idle');
    }, 400);
    return () => clearInterval(timer);
  }, [state]);

  return (
    <>
      <button ref={button} type="submit" aria-disabled={state === 'pending'} aria-describedby="report-download-status">
        {state === 'pending' ? pending : label}
      </button>
      <p id="report-download-status" role="status" className="hint">
        {state === 'pending' ? pending : state === 'ready' ? ready : ''}
      </p>
    </>
  );
}

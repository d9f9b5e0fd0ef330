import { useTranslations } from 'next-intl';

type Props = { id: string; label: string; errors?: string[]; hint?: string };

/** One labelled input with its hint and its errors, both read out with it (aria-describedby). */
function CredentialField({ id, label, errors, hint, input }: Props & { input: React.InputHTMLAttributes<HTMLInputElement> }) {
  const t = useTranslations();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${hint ? `${id}-hint ` : ''}${id}-error`}
        {...input}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      <p id={`${id}-error`} className="error" aria-live="polite">
        {errors?.map((m) => t(m)).join(' ')}
      </p>
    </div>
  );
}

/** The user's current password, asked again before a security change (never refilled). */
export function PasswordField(props: Props) {
  return <CredentialField {...props} input={{ name: 'password', type: 'password', autoComplete: 'current-password' }} />;
}

/**
 * A code from the authenticator app; `allowRecovery` also takes a recovery code (letters and
 * dashes), so the keyboard hint stays numeric only where digits are all that fits.
 */
export function CodeField({ allowRecovery = false, ...props }: Props & { allowRecovery?: boolean }) {
  return (
    <CredentialField
      {...props}
      input={{
        name: 'code',
        autoComplete: 'one-time-code',
        inputMode: allowRecovery ? 'text' : 'numeric',
        spellCheck: false,
        autoCapitalize: 'off',
        maxLength: 40,
        ...(allowRecovery ? {} : { pattern: '[0-9 ]*' }),
      }}
    />
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState } from 'react';
import type { UserRole } from '@/db/schema';
import { saveRolePolicyAction } from './actions';

/** One box per role: require two-factor sign-in. */
export function RolePolicyForm({ policies }: { policies: Record<UserRole, boolean> }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveRolePolicyAction, {});
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Keeps the boxes as ticked (React resets a form submitted through its action).
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={onSubmit} className="stack narrow">
      {state.ok && (
        <p role="status" className="banner">
          {t('twoFactor.policy.saved')}
        </p>
      )}
      {state.errors && (
        <p role="alert" className="banner error">
          {t('errors.invalid')}
        </p>
      )}
      <fieldset>
        <legend>{t('twoFactor.policy.legend')}</legend>
        <div className="stack">
          {(Object.keys(policies) as UserRole[]).map((role) => (
            <label key={role}>
              <input type="checkbox" name="requireTwoFactor" value={role} defaultChecked={policies[role]} />{' '}
              {t('twoFactor.policy.requireFor', { role: t(`enums.userRole.${role}`) })}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {t('twoFactor.policy.save')}
        </button>
      </div>
    </form>
  );
}

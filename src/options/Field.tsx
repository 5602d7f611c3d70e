/**
 * One setting on the options page: its label, its control, a hint and its problems (locked by
 * policy, invalid, the policy's value ignored). `name` is the control's id and names the problem
 * lines (`${name}-error`, `${name}-locked`), which tests and `aria-describedby` refer to.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n';

export interface ProblemsProps {
  name: string;
  locked: boolean;
  /** What a locked setting says (defaults to the general "Set by your administrator's policy."). */
  lockedText?: string | undefined;
  error?: string | undefined;
  policyError?: string | undefined;
}

/** The problem lines of one setting (also under a fieldset, which has no single label). */
export function Problems({ name, locked, lockedText, error, policyError }: ProblemsProps) {
  return (
    <>
      {locked ? (
        <p class="locked" data-testid={`${name}-locked`}>
          {lockedText ?? t('lockedByPolicy')}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} class="error" role="alert" data-testid={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {policyError ? <p class="error">{policyError}</p> : null}
    </>
  );
}

export function Field({
  label,
  hint,
  children,
  ...problems
}: ProblemsProps & { label: ComponentChildren; hint?: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={problems.name}>{label}</label>
      {children}
      {hint ? (
        <p id={`${problems.name}-help`} class="hint">
          {hint}
        </p>
      ) : null}
      <Problems {...problems} />
    </div>
  );
}

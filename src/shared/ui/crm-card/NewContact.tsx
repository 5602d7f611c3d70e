/**
 * "Create contact" on a card with no match (External Contacts, `createContact` on): a button that
 * opens a small form — first and last name, phone or email prefilled from the conversation's
 * address in the field it belongs to, an optional job title — sent to the worker as one
 * `contactCreate` (background/contacts/create.ts), which makes the new contact the card's record.
 *
 * Keyboard: the form opens with the first name focused, Enter submits, Escape closes it and gives
 * focus back to the button. Every field has a visible label; a refused field says why beside it
 * (aria-invalid, aria-describedby) and takes focus. While the worker saves, the button says so and a
 * second submit is not sent; the worker's error is one sentence with what to do.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type FieldError,
  type FieldErrors,
  type NewContactFields,
  newContactErrors,
  prefillFrom,
} from '../../contact-form';
import type { ConversationView } from '../../domain';
import { type MessageKey, t } from '../../i18n';
import { reasonText } from '../../reasons';
import type { CardLink } from './card-link';

const MAX = { firstName: 100, lastName: 100, phone: 40, email: 320, title: 100 } as const;
type Field = keyof NewContactFields;
type Label = Extract<
  MessageKey,
  'contactFirstName' | 'contactLastName' | 'contactPhone' | 'contactEmail' | 'contactTitle'
>;
/** Plain text inputs (the form checks the shapes, not the browser); `mode` picks the on-screen keyboard. */
const FIELDS: readonly { name: Field; label: Label; mode: 'text' | 'tel' | 'email' }[] = [
  { name: 'firstName', label: 'contactFirstName', mode: 'text' },
  { name: 'lastName', label: 'contactLastName', mode: 'text' },
  { name: 'phone', label: 'contactPhone', mode: 'tel' },
  { name: 'email', label: 'contactEmail', mode: 'email' },
  { name: 'title', label: 'contactTitle', mode: 'text' },
];

export function NewContact({ c, crmName, link }: { c: ConversationView; crmName: string; link: CardLink }) {
  const state = c.newContact;
  const [open, setOpen] = useState(state !== undefined);
  const opener = useRef<HTMLButtonElement>(null);
  if (!open)
    return (
      <div class="crm-actions">
        <button
          ref={opener}
          type="button"
          class="crm-button"
          data-testid="contact-create-open"
          onClick={() => setOpen(true)}
        >
          {t('contactCreateOpen')}
        </button>
      </div>
    );
  return (
    <Form
      c={c}
      crmName={crmName}
      link={link}
      onClose={() => {
        setOpen(false);
        setTimeout(() => opener.current?.focus(), 0);
      }}
    />
  );
}

function Form({
  c,
  crmName,
  link,
  onClose,
}: {
  c: ConversationView;
  crmName: string;
  link: CardLink;
  onClose(): void;
}) {
  const [fields, setFields] = useState<NewContactFields>(() => ({
    firstName: '',
    lastName: '',
    title: '',
    ...prefillFrom(c.customerAddress),
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input')?.focus(), []);
  const saving = c.newContact?.status === 'saving';
  const label = t('contactCreateLabel', crmName);
  const id = (f: Field) => `contact-${c.id}-${f}`;

  const submit = (e: Event) => {
    e.preventDefault();
    const refused = newContactErrors(fields);
    setErrors(refused);
    const first = FIELDS.find((f) => refused[f.name]);
    if (first) return (form.current?.elements.namedItem(first.name) as HTMLInputElement | null)?.focus();
    if (saving) return;
    const optional = (v: string) => v.trim() || undefined;
    link.send({
      type: 'contactCreate',
      conversationId: c.id,
      firstName: fields.firstName.trim(),
      lastName: fields.lastName.trim(),
      phone: optional(fields.phone),
      email: optional(fields.email),
      title: optional(fields.title),
    });
  };

  return (
    <form
      ref={form}
      class="crm-form"
      aria-label={label}
      data-testid="contact-form"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <p class="crm-note">{label}</p>
      {FIELDS.map((f) => (
        <div class="crm-field" key={f.name}>
          <label for={id(f.name)}>{t(f.label)}</label>
          <input
            id={id(f.name)}
            name={f.name}
            type="text"
            inputMode={f.mode}
            autoComplete="off"
            value={fields[f.name]}
            maxLength={MAX[f.name]}
            aria-invalid={errors[f.name] ? 'true' : undefined}
            aria-describedby={errors[f.name] ? `${id(f.name)}-error` : undefined}
            data-testid={`contact-${f.name}`}
            onInput={(e) => {
              const value = (e.currentTarget as HTMLInputElement).value;
              setFields((cur) => ({ ...cur, [f.name]: value }));
            }}
          />
          {errors[f.name] ? (
            <span id={`${id(f.name)}-error`} class="crm-error" data-testid={`contact-${f.name}-error`}>
              {t(errors[f.name] as FieldError)}
            </span>
          ) : null}
        </div>
      ))}
      {c.newContact?.status === 'failed' && c.newContact.error ? (
        <p class="crm-error" role="alert" data-testid="contact-error">
          {reasonText(c.newContact.error)}
        </p>
      ) : null}
      <div class="crm-actions">
        <button type="submit" class="crm-button" data-testid="contact-save" aria-disabled={saving}>
          {saving ? t('contactSaving') : t('contactSave')}
        </button>
        <button type="button" class="crm-button subtle" data-testid="contact-cancel" onClick={onClose}>
          {t('contactCancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A conversation's transfer view (domain.ts `TransferView`) as the sentence the panel shows:
 * "Consulting Dana (Billing)", "Transferred to Dana (blind transfer)", "Transferred from Sam
 * (after a consult)", "Conference with Dana, Robin". Pure (i18n through `t`).
 */
import type { TransferParty, TransferView } from './domain';
import { type MessageKey, t, uiLocale } from './i18n';

function who(p: TransferParty | undefined): string {
  const name = p?.name || t('transferSomeone');
  return p?.queueName ? t('transferPartyQueue', [name, p.queueName]) : name;
}

const KEYS: Record<TransferView['kind'], MessageKey | Record<'blind' | 'consult', MessageKey>> = {
  consulting: 'transferConsulting',
  consultFrom: 'transferConsultFrom',
  conference: 'transferConference',
  transferredTo: { blind: 'transferToBlind', consult: 'transferToConsult' },
  transferredFrom: { blind: 'transferFromBlind', consult: 'transferFromConsult' },
};

/** The sentence, and the customer's hold during a consult as a second one. */
export function transferText(v: TransferView): { text: string; held?: string | undefined } {
  const key = KEYS[v.kind];
  const names =
    v.kind === 'conference'
      ? new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(v.parties.map(who))
      : who(v.parties[0]);
  const text = t((typeof key === 'string' ? key : key[v.how ?? 'blind']) as 'transferConsulting', names);
  return { text, held: v.customerHeld ? t('transferCustomerHeld') : undefined };
}

/**
 * The CRM card of one conversation: who the customer is (from the worker's lookup), several
 * matches to pick from, "no match" with Search, "Create contact" (NewContact.tsx) and "Open CRM",
 * or the error with Retry; and the
 * allow-listed participant data. All customer data is rendered as text (JSX escapes it); the only
 * links are http(s) URLs the worker checked (and the protocol schema checked again). Rendered by
 * the panel (content script) and the options page's test lookup, so it imports from no context.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CapabilityState } from '../../capability-states';
import type { ConversationView, CrmRecord, CrmView } from '../../domain';
import { t, uiLocale } from '../../i18n';
import { reasonText } from '../../reasons';
import { CapabilityNote } from '../capability/CapabilityNote';
import { CallLog, type NoRecordHint } from './CallLog';
import type { CardLink } from './card-link';
import { NewContact } from './NewContact';

export type { CardLink } from './card-link';

/** A record's phone number as the panel's click-to-dial button (absent: plain text, as in the options page). */
export type DialRender = (number: string, recordId: string | undefined) => ComponentChildren;

/** `2026-01-02` → the agent's date format; anything else as it came. */
function dateText(s: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return s;
  const d = new Date(s.length === 10 ? `${s}T12:00:00Z` : s);
  return Number.isNaN(d.getTime())
    ? s
    : new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(d);
}

function Row({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string | undefined;
  testId: string;
  children?: ComponentChildren;
}) {
  if (!value) return null;
  return (
    <div class="crm-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children ?? value}</dd>
    </div>
  );
}

function Record({ r, crm, dial }: { r: CrmRecord; crm: CrmView; dial?: DialRender | undefined }) {
  const role = [r.title, r.company].filter(Boolean).join(' · ');
  return (
    <div class="crm-record" data-testid="crm-record">
      <div class="crm-head">
        <span class="crm-name" data-testid="crm-name">
          {r.name ?? t('crmUnnamed')}
        </span>
        {r.tier ? (
          <span class="crm-tier" data-testid="crm-tier" title={t('crmFieldTier')}>
            {r.tier}
          </span>
        ) : null}
      </div>
      {role ? (
        <div class="crm-role" data-testid="crm-role">
          {role}
        </div>
      ) : null}
      <dl class="crm-rows">
        <Row label={t('crmFieldPhone')} value={r.phone} testId="crm-phone">
          {r.phone && dial ? dial(r.phone, r.id) : undefined}
        </Row>
        <Row label={t('crmFieldEmail')} value={r.email} testId="crm-email" />
        <Row label={t('crmFieldOpenCases')} value={r.openCases} testId="crm-open-cases" />
        <Row
          label={t('crmFieldLastContact')}
          value={r.lastContact && dateText(r.lastContact)}
          testId="crm-last-contact"
        />
        {(r.fields ?? []).map((f) => (
          <Row key={f.label} label={f.label} value={f.value} testId="crm-field" />
        ))}
      </dl>
      {r.url ? (
        <a class="crm-link" href={r.url} target="_blank" rel="noopener noreferrer" data-testid="crm-open">
          {t('crmOpenRecord', crm.crmName)}
        </a>
      ) : null}
    </div>
  );
}

function SearchForm({ id, crm, link }: { id: string; crm: CrmView; link: CardLink }) {
  const [query, setQuery] = useState(crm.source === 'search' ? (crm.query ?? '') : '');
  const label = t('crmSearchLabel', crm.crmName);
  return (
    <form
      class="crm-search"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const q = query.trim();
        if (q) link.send({ type: 'crmSearch', conversationId: id, query: q.slice(0, 200) });
      }}
    >
      <input
        type="search"
        value={query}
        maxLength={200}
        aria-label={label}
        placeholder={t('crmSearchPlaceholder')}
        data-testid="crm-search-input"
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" class="crm-button" data-testid="crm-search">
        {t('crmSearch')}
      </button>
    </form>
  );
}

function Body({
  c,
  crm,
  link,
  dial,
  createContact,
}: {
  c: ConversationView;
  crm: CrmView;
  link: CardLink;
  dial?: DialRender | undefined;
  createContact?: CapabilityState | undefined;
}) {
  const [searching, setSearching] = useState(false);
  const send = (m: Parameters<CardLink['send']>[0]) => link.send(m);
  const picked = crm.selected === undefined ? undefined : crm.records[crm.selected];
  const count = crm.records.length;
  const searchButton =
    crm.canSearch && !searching ? (
      <button
        type="button"
        class="crm-button subtle"
        data-testid="crm-search-toggle"
        onClick={() => setSearching(true)}
      >
        {t('crmSearchToggle')}
      </button>
    ) : null;
  const search =
    crm.canSearch && (searching || crm.status === 'none') ? (
      <SearchForm id={c.id} crm={crm} link={link} />
    ) : null;
  const searchedFor =
    crm.source === 'search' && crm.query ? <p class="crm-note">{t('crmSearchedFor', crm.query)}</p> : null;

  switch (crm.status) {
    case 'loading':
      return <p class="crm-note">{t('crmLooking', crm.crmName)}</p>;
    case 'error':
      return (
        <>
          <p class="crm-error" role="alert" data-testid="crm-error">
            {crm.error ? reasonText(crm.error) : null}
          </p>
          <div class="crm-actions">
            <button
              type="button"
              class="crm-button"
              data-testid="crm-retry"
              onClick={() => send({ type: 'crmRetry', conversationId: c.id })}
            >
              {t('crmRetry')}
            </button>
            {searchButton}
          </div>
          {searching ? search : null}
        </>
      );
    case 'none':
      return (
        <>
          {searchedFor}
          <p class="crm-note" data-testid="crm-no-match">
            {crm.query ? t('crmNoMatch', [crm.crmName, crm.query]) : t('crmNoMatchPlain', crm.crmName)}
          </p>
          {search}
          {createContact?.status === 'on' ? (
            <NewContact c={c} crmName={crm.crmName} link={link} />
          ) : (
            <CapabilityNote id="createContact" state={createContact} />
          )}
          {crm.homeUrl ? (
            <a
              class="crm-link"
              href={crm.homeUrl}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="crm-home"
            >
              {t('crmOpenHome', crm.crmName)}
            </a>
          ) : null}
        </>
      );
    case 'found':
      if (picked) {
        return (
          <>
            {searchedFor}
            <Record r={picked} crm={crm} dial={dial} />
            <div class="crm-actions">
              {count > 1 ? (
                <button
                  type="button"
                  class="crm-button subtle"
                  data-testid={crm.remembered ? 'crm-not-this' : 'crm-back'}
                  onClick={() => send({ type: 'crmPick', conversationId: c.id, index: -1 })}
                >
                  {crm.remembered ? t('crmNotThisContact') : t('crmAllMatches', count)}
                </button>
              ) : null}
              {searchButton}
            </div>
            {searching ? search : null}
          </>
        );
      }
      return (
        <>
          {searchedFor}
          <p class="crm-note">{t('crmSeveral', [count, crm.crmName])}</p>
          <ul class="crm-matches">
            {crm.records.map((r, i) => (
              <li key={`${i}:${r.id ?? ''}`}>
                <button
                  type="button"
                  data-testid="crm-match"
                  onClick={() => send({ type: 'crmPick', conversationId: c.id, index: i })}
                >
                  <span class="crm-name">{r.name ?? t('crmUnnamed')}</span>
                  <span class="crm-role">{[r.company, r.phone ?? r.email].filter(Boolean).join(' · ')}</span>
                </button>
                {r.phone && dial ? dial(r.phone, r.id) : null}
              </li>
            ))}
          </ul>
          <div class="crm-actions">{searchButton}</div>
          {searching ? search : null}
        </>
      );
  }
}

/** With no match the log's hint names the way to a record the card offers; else: pick one. */
function noRecordHint(crm: CrmView | undefined, create: CapabilityState | undefined): NoRecordHint {
  if (crm?.status !== 'none') return 'pick';
  if (create?.status === 'on') return 'search-or-create';
  return crm.canSearch ? 'search' : 'pick';
}

export function CrmCard({
  conversation: c,
  link,
  dial,
  createContact,
}: {
  conversation: ConversationView;
  link: CardLink;
  dial?: DialRender | undefined;
  /** `createContact`'s state (the panel's): "Create contact" on a card with no match when `on`. */
  createContact?: CapabilityState | undefined;
}) {
  const crm = c.crm;
  const data = c.participantData ?? [];
  if (!crm && data.length === 0 && !c.log) return null;
  return (
    <section
      class="crm"
      aria-label={t('crmCardLabel')}
      aria-busy={crm?.status === 'loading' ? 'true' : 'false'}
      data-testid="crm-card"
      data-status={crm?.status ?? 'off'}
      data-conversation-id={c.id}
    >
      {/* Keyed by conversation: one conversation's search box never shows in another's card. */}
      {crm ? (
        <div aria-live="polite">
          <Body key={c.id} c={c} crm={crm} link={link} dial={dial} createContact={createContact} />
        </div>
      ) : null}
      {data.length > 0 ? (
        <dl class="crm-rows crm-attributes" aria-label={t('crmParticipantData')} data-testid="crm-attributes">
          {data.map((d) => (
            <Row key={d.label} label={d.label} value={d.value} testId="crm-attribute" />
          ))}
        </dl>
      ) : null}
      {c.log ? (
        <CallLog key={c.id} id={c.id} log={c.log} link={link} noRecord={noRecordHint(crm, createContact)} />
      ) : null}
    </section>
  );
}

// @vitest-environment happy-dom
import { fireEvent, render, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ConversationView, CrmView } from '../../domain';
import type { ToWorker } from '../../protocol';
import { reason } from '../../reasons';
import { CrmCard } from './CrmCard';

const base: ConversationView = {
  id: 'c1',
  media: 'call',
  state: 'alerting',
  startedAt: 0,
  customerAddress: '+13175550123',
};
const crm = (o: Partial<CrmView>): CrmView => ({
  status: 'found',
  crmName: 'Demo CRM',
  source: 'lookup',
  records: [],
  canSearch: true,
  query: '+13175550123',
  ...o,
});
const ava = {
  id: 'CUST-1',
  name: 'Ava Adams',
  company: 'Acme Logistics',
  title: 'CFO',
  tier: 'Gold',
  phone: '+13175550123',
  email: 'ava@acme.example',
  openCases: '2',
  lastContact: '2026-01-02',
  fields: [{ label: 'Customer ID', value: 'CUST-1' }],
  url: 'https://crm.cuecard.test/customers/CUST-1',
};

function setup(c: ConversationView) {
  const sent: ToWorker[] = [];
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  const r = render(<CrmCard conversation={c} link={{ send: (m) => sent.push(m) }} />, { container });
  return { sent, root, q: within(container as HTMLElement), rerender: r.rerender };
}

describe('CrmCard', () => {
  it('shows the matched customer with every field and an "Open in CRM" link to the record page', () => {
    const { q } = setup({ ...base, crm: crm({ records: [ava], selected: 0 }) });
    expect(q.getByTestId('crm-card').dataset.status).toBe('found');
    expect(q.getByTestId('crm-name').textContent).toBe('Ava Adams');
    expect(q.getByTestId('crm-role').textContent).toBe('CFO · Acme Logistics');
    expect(q.getByTestId('crm-tier').textContent).toBe('Gold');
    expect(q.getByTestId('crm-phone').textContent).toBe('+13175550123');
    expect(q.getByTestId('crm-email').textContent).toBe('ava@acme.example');
    expect(q.getByTestId('crm-open-cases').textContent).toBe('2');
    expect(q.getByTestId('crm-last-contact').textContent).toMatch(/2026/);
    expect(q.getByTestId('crm-field').textContent).toBe('CUST-1');
    const open = q.getByTestId('crm-open') as HTMLAnchorElement;
    expect(open.getAttribute('href')).toBe(ava.url);
    expect(open.target).toBe('_blank');
    expect(open.rel).toContain('noopener');
    expect(open.textContent).toBe('Open in Demo CRM');
  });

  it('renders customer data as text, never as HTML', () => {
    const evil = '<img src=x onerror=alert(1)>Mallory';
    const { root, q } = setup({
      ...base,
      crm: crm({ records: [{ name: evil, company: '<b>x</b>' }], selected: 0 }),
      participantData: [{ label: '<i>l</i>', value: '<script>alert(1)</script>' }],
    });
    expect(q.getByTestId('crm-name').textContent).toBe(evil);
    expect(q.getByTestId('crm-attribute').textContent).toBe('<script>alert(1)</script>');
    expect(root.querySelector('img, b, i, script')).toBeNull();
  });

  it('lists several matches; picking one and going back send commands', () => {
    const ben = { ...ava, id: 'CUST-2', name: 'Ben Brooks' };
    const { q, sent, rerender } = setup({ ...base, crm: crm({ records: [ava, ben] }) });
    expect(q.getByText('2 matches in Demo CRM: pick the customer.')).toBeTruthy();
    const matches = q.getAllByTestId('crm-match');
    expect(matches.map((m) => m.textContent)).toEqual([
      'Ava AdamsAcme Logistics · +13175550123',
      'Ben BrooksAcme Logistics · +13175550123',
    ]);
    fireEvent.click(matches[1] as HTMLElement);
    expect(sent).toEqual([{ type: 'crmPick', conversationId: 'c1', index: 1 }]);
    rerender(
      <CrmCard
        conversation={{ ...base, crm: crm({ records: [ava, ben], selected: 1 }) }}
        link={{ send: (m) => sent.push(m) }}
      />,
    );
    expect(q.getByTestId('crm-name').textContent).toBe('Ben Brooks');
    fireEvent.click(q.getByTestId('crm-back'));
    expect(sent.at(-1)).toEqual({ type: 'crmPick', conversationId: 'c1', index: -1 });
  });

  it('says "no match" with a search box and "Open CRM"', () => {
    const { q, sent } = setup({
      ...base,
      crm: crm({ status: 'none', homeUrl: 'https://crm.cuecard.test/customers' }),
    });
    expect(q.getByTestId('crm-no-match').textContent).toBe('No match in Demo CRM for +13175550123.');
    expect(q.getByTestId('crm-home').getAttribute('href')).toBe('https://crm.cuecard.test/customers');
    expect(q.getByTestId('crm-home').textContent).toBe('Open Demo CRM');
    fireEvent.input(q.getByTestId('crm-search-input'), { target: { value: '  Acme  ' } });
    fireEvent.click(q.getByTestId('crm-search'));
    expect(sent).toEqual([{ type: 'crmSearch', conversationId: 'c1', query: 'Acme' }]);
  });

  it('shows an error with Retry', () => {
    const { q, sent } = setup({
      ...base,
      crm: crm({
        status: 'error',
        error: reason('crm-unavailable', { status: '503 Service Unavailable' }),
      }),
    });
    expect(q.getByTestId('crm-error').textContent).toBe(
      'The CRM is unavailable (503 Service Unavailable). Retry in a moment.',
    );
    expect(q.getByRole('alert')).toBeTruthy();
    fireEvent.click(q.getByTestId('crm-retry'));
    expect(sent).toEqual([{ type: 'crmRetry', conversationId: 'c1' }]);
  });

  it('says it is looking the customer up, and shows nothing when there is neither a card nor data', () => {
    const { q } = setup({ ...base, crm: crm({ status: 'loading' }) });
    expect(q.getByTestId('crm-card').getAttribute('aria-busy')).toBe('true');
    expect(q.getByText('Looking up the customer in Demo CRM…')).toBeTruthy();
    const empty = setup(base);
    expect(empty.q.queryByTestId('crm-card')).toBeNull();
  });

  it('opens the search box from a match (a wrong match)', () => {
    const { q } = setup({ ...base, crm: crm({ records: [ava], selected: 0 }) });
    expect(q.queryByTestId('crm-search-input')).toBeNull();
    fireEvent.click(q.getByTestId('crm-search-toggle'));
    expect(q.getByTestId('crm-search-input')).toBeTruthy();
  });
});

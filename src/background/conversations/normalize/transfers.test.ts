/**
 * transfers.ts' rules as the sentences the agents read, on conversations written by hand in both
 * shapes (typed with the SDK models): a consult (both sides), a consult completed, a blind
 * transfer (both sides), a conference, a cancelled consult, a transfer back.
 */
import type { Models } from 'purecloud-platform-client-v2';
import { describe, expect, it } from 'vitest';
import { transferText } from '../../../shared/transfer-text';
import { ME, OTHER_AGENT, QUEUE } from '../test-fixtures';
import { normalizeEvent } from './from-event';
import { normalizeRest } from './from-rest';
import type { Normalized } from './leg';
import { hasOthers, type Party, transferOf } from './transfers';

type P = Models.ConversationEventTopicParticipant & Models.Participant;
type Call = Models.ConversationEventTopicCall & Models.Call;
const THIRD = '22222222-3333-4444-8555-666666666666';
const T = (s: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, s)).toISOString();

const call = (state: Call['state'], more: Partial<Call> = {}): Call[] => [
  { id: `m-${state}`, state, direction: 'inbound', ...more },
];
const customer = (more: Partial<Call> = {}): P => ({
  id: 'p-customer',
  purpose: 'customer',
  name: 'Robin Customer',
  address: '+13175550101',
  calls: call('connected', more),
});
const agent = (id: string, userId: string, name: string, calls: Call[], more: Partial<P> = {}): P => ({
  id,
  purpose: 'agent',
  userId,
  name,
  queueId: QUEUE,
  calls,
  ...more,
});
const ended = (type: string): Call[] =>
  call('disconnected', {
    disconnectType: type as Call['disconnectType'],
    afterCallWork: { state: 'pending' },
  });

/** Both shapes; REST adds the queue's name to each participant. Returns what `userId`'s panel says. */
function says(participants: P[], userId = ME): string {
  const event = normalizeEvent(
    { id: 'conv-1', participants } satisfies Models.ConversationEventTopicConversation,
    userId,
    0,
  );
  const rest = normalizeRest(
    {
      id: 'conv-1',
      startTime: T(0),
      participants: participants.map((p) => (p.queueId ? { ...p, queueName: 'Billing' } : p)),
    } satisfies Models.Conversation,
    userId,
    0,
  );
  const text = (n: Normalized) => {
    if (n.ended !== false || !n.view.transfer) return '';
    const { text: t, held } = transferText(n.view.transfer);
    return held ? `${t} ${held}` : t;
  };
  // Events name the queue by id only: the same sentence without "(Billing)".
  expect(text(event)).toBe(text(rest).replaceAll(' (Billing)', ''));
  return text(rest);
}

describe('who else is on the conversation, as each agent reads it', () => {
  it('a consult: "Consulting Dana (Billing)", the customer on hold; Dana reads "Consult from Sam"', () => {
    const parts = [
      customer({ confined: true }),
      agent('p-sam', ME, 'Sam Smith', call('connected')),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', call('alerting'), { consultParticipantId: 'p-customer' }),
    ];
    expect(says(parts)).toBe('Consulting Dana Diaz (Billing) The customer is on hold.');
    expect(says(parts, OTHER_AGENT)).toBe('Consult from Sam Smith (Billing)');
  });

  it('the consult completed: Sam’s ended leg says "Transferred to Dana" and waits for wrap-up', () => {
    const parts = [
      customer(),
      agent('p-sam', ME, 'Sam Smith', ended('transfer.consult'), { endTime: T(60), wrapupRequired: true }),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', call('connected'), { consultParticipantId: 'p-customer' }),
    ];
    expect(says(parts)).toBe('Transferred to Dana Diaz (Billing) (after a consult)');
    const sam = normalizeEvent({ id: 'conv-1', participants: parts }, ME, 0);
    expect(sam.ended === false && sam.view.state).toBe('wrapup');
    expect(says(parts, OTHER_AGENT)).toBe('Transferred from Sam Smith (Billing) (after a consult)');
  });

  it('a blind transfer: "Transferred to Dana" for Sam, "Transferred from Sam" for Dana', () => {
    const parts = [
      customer(),
      agent('p-sam', ME, 'Sam Smith', ended('transfer'), { endTime: T(30), wrapupRequired: true }),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', call('alerting')),
    ];
    expect(says(parts)).toBe('Transferred to Dana Diaz (Billing) (blind transfer)');
    expect(says(parts, OTHER_AGENT)).toBe('Transferred from Sam Smith (Billing) (blind transfer)');
  });

  it('a conference: the consult’s three all talk, or a colleague joins beside me', () => {
    const consult = [
      customer(),
      agent('p-sam', ME, 'Sam Smith', call('connected')),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', call('connected'), { consultParticipantId: 'p-customer' }),
    ];
    expect(says(consult)).toBe('Conference with Dana Diaz (Billing)');
    expect(says(consult, OTHER_AGENT)).toBe('Conference with Sam Smith (Billing)');
    const three = [
      ...consult.slice(0, 2),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', call('connected'), { queueId: undefined }),
      agent('p-lee', THIRD, 'Lee Lu', call('connected'), { queueId: undefined }),
    ];
    expect(says(three)).toBe('Conference with Dana Diaz and Lee Lu');
  });

  it('a cancelled consult leaves nothing to say; an unnamed colleague is "a colleague"', () => {
    const cancelled = [
      customer(),
      agent('p-sam', ME, 'Sam Smith', call('connected')),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', ended('client'), { endTime: T(20) }),
    ];
    expect(says(cancelled)).toBe('');
    const unnamed = [
      customer({ held: true }),
      agent('p-sam', ME, 'Sam Smith', call('connected')),
      agent('p-x', OTHER_AGENT, '', call('alerting'), {
        consultParticipantId: 'p-customer',
        queueId: undefined,
      }),
    ];
    expect(says(unnamed)).toBe('Consulting a colleague The customer is on hold.');
  });

  it('a transfer back is a new leg of mine: it says who sent it, not my old leg', () => {
    const parts = [
      customer(),
      agent('p-sam-1', ME, 'Sam Smith', ended('transfer'), { endTime: T(30), wrapupRequired: false }),
      agent('p-dana', OTHER_AGENT, 'Dana Diaz', ended('transfer'), { endTime: T(60) }),
      agent('p-sam-2', ME, 'Sam Smith', call('connected')),
    ];
    expect(says(parts)).toBe('Transferred from Dana Diaz (Billing) (blind transfer)');
    // Dana, in wrap-up after sending it back:
    expect(says(parts, OTHER_AGENT)).toBe('Transferred to Sam Smith (Billing) (blind transfer)');
  });

  it('with no other agent on it there is nothing to say, whatever my legs did (the adapters skip the parties then)', () => {
    const mine = [
      customer({ held: true }),
      agent('p-sam-1', ME, 'Sam Smith', ended('transfer'), {
        endTime: T(30),
        consultParticipantId: 'p-customer',
      }),
      agent('p-sam-2', ME, 'Sam Smith', call('connected'), { consultParticipantId: 'p-sam-1' }),
    ];
    expect(hasOthers(mine, ME)).toBe(false);
    const parties: Party[] = mine.map((p) => ({ ...p, session: p.calls?.[0] }));
    for (const leg of ['p-sam-1', 'p-sam-2']) expect(transferOf(parties, ME, leg)).toBeUndefined();
    expect(says(mine)).toBe('');
    expect(hasOthers([...mine, agent('p-dana', OTHER_AGENT, 'Dana Diaz', call('connected'))], ME)).toBe(true);
  });
});

/** Builders of Genesys payloads for unit tests, in the shapes the SDK typings declare. */
import type { Models } from 'purecloud-platform-client-v2';

export const ME = '7a1f0b8e-3c2d-4e5f-8a9b-0c1d2e3f4a5b';
export const OTHER_AGENT = '11111111-2222-4333-8444-555555555555';
export const QUEUE = 'a0a0a0a0-b1b1-4c2c-8d3d-e4e4e4e4e4e4';

type CallState = 'alerting' | 'connected' | 'disconnected' | 'dialing';

export interface CallOpts {
  id?: string;
  state: CallState;
  held?: boolean;
  acw?: 'pending' | 'complete';
  wrapupRequired?: boolean;
  wrapupCode?: string;
  agentParticipantId?: string;
  agent?: string;
  ani?: string;
  customerName?: string;
  externalContactId?: string;
  attributes?: Record<string, string>;
}

export function callEvent(o: CallOpts): Models.ConversationEventTopicConversation {
  const call: Models.ConversationEventTopicCall = {
    id: 'call-media-1',
    state: o.state,
    held: o.held ?? false,
    direction: 'inbound',
    self: { addressNormalized: 'tel:+13175550000' },
    other: { addressNormalized: o.ani ?? '+13175550101' },
    connectedTime: o.state === 'alerting' ? undefined : '2026-11-23T10:00:05.000Z',
    disconnectedTime: o.state === 'disconnected' ? '2026-11-23T10:05:00.000Z' : undefined,
    startHoldTime: o.held ? '2026-11-23T10:01:00.000Z' : undefined,
    afterCallWork: o.acw ? { state: o.acw } : undefined,
    afterCallWorkRequired: o.acw !== undefined,
  };
  return {
    id: o.id ?? 'conv-1',
    participants: [
      {
        id: 'p-customer',
        purpose: 'customer',
        name: o.customerName ?? 'Dana Customer',
        address: o.ani ?? '+13175550101',
        externalContactId: o.externalContactId,
        attributes: o.attributes,
        calls: [{ state: o.state === 'disconnected' ? 'disconnected' : 'connected', id: 'c-media' }],
      },
      { id: 'p-acd', purpose: 'acd', name: 'Support', queueId: QUEUE, calls: [{ state: 'disconnected' }] },
      {
        id: o.agentParticipantId ?? 'p-agent',
        purpose: 'agent',
        userId: o.agent ?? ME,
        queueId: QUEUE,
        wrapupRequired: o.wrapupRequired,
        wrapup: o.wrapupCode ? { code: o.wrapupCode } : undefined,
        conversationRoutingData: { queue: { id: QUEUE } },
        calls: [call],
      },
    ],
  };
}

export function restCall(o: {
  id?: string;
  state: string;
  ani?: string;
  queueName?: string;
  agent?: string;
  attributes?: Record<string, string>;
}): Models.Conversation {
  return {
    id: o.id ?? 'conv-1',
    startTime: '2026-11-23T10:00:00.000Z',
    participants: [
      {
        id: 'p-customer',
        purpose: 'customer',
        name: 'Dana Customer',
        address: o.ani ?? '+13175550101',
        attributes: o.attributes,
      },
      {
        id: 'p-agent',
        purpose: 'agent',
        userId: o.agent ?? ME,
        queueId: QUEUE,
        queueName: o.queueName ?? 'Support',
        ani: o.ani ?? '+13175550101',
        startTime: '2026-11-23T10:00:00.000Z',
        calls: [{ state: o.state, direction: 'inbound', held: false }],
      },
    ],
  };
}

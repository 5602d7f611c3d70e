/**
 * Two customers who share one phone number (a household line): both are CRM records and both are
 * Genesys External Contacts, so a lookup by that number finds two matches and the agent must pick.
 * Added to the org only with `startSim({ sharedNumber: true })`: off by default so the seeded counts
 * (300 CRM records, 150 External Contacts) other tests rely on stay as they are.
 */
import { nameUuid } from '../ids';
import type { DemoCustomer } from './customers';

/** Outside the seeded +1317555xxxx range, so no other customer and no `unknownNumber()` has it. */
export const SHARED_PHONE = '+13175560100';

export const SHARED_NUMBER_CUSTOMERS: readonly DemoCustomer[] = [
  {
    id: 'CUST-20001',
    name: 'Jordan Reyes',
    company: 'Reyes Family Bakery',
    title: 'Owner',
    tier: 'Gold',
    phone: SHARED_PHONE,
    email: 'jordan.reyes@reyesbakery.example',
    openCases: 1,
    lastContact: '2026-01-10',
    externalContactId: nameUuid('external-contact:Jordan Reyes'),
  },
  {
    id: 'CUST-20002',
    name: 'Jamie Reyes',
    company: 'Reyes Family Bakery',
    title: 'Office Manager',
    tier: 'Silver',
    phone: SHARED_PHONE,
    email: 'jamie.reyes@reyesbakery.example',
    openCases: 0,
    lastContact: '2025-12-02',
    externalContactId: nameUuid('external-contact:Jamie Reyes'),
  },
];

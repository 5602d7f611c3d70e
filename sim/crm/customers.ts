/**
 * The demo CRM's customers, generated from a seed (same seed, same 300 customers), and their shape as
 * CRM records and as Genesys External Contacts (even indexes only).
 */
import type { Models } from 'purecloud-platform-client-v2';
import { Ids } from '../ids';

/** Deterministic demo customers of the demo CRM; about half also exist as Genesys External Contacts. */

export const DEFAULT_SEED = 20_240_917;
export const CUSTOMER_COUNT = 300;
export const CRM_BASE_URL = 'https://crm.cuecard.test';

export interface Customer {
  id: string;
  name: string;
  company: string;
  title: string;
  tier: 'Gold' | 'Silver' | 'Bronze';
  /** E.164, +1317555xxxx */
  phone: string;
  email: string;
  openCases: number;
  /** ISO date (YYYY-MM-DD) */
  lastContact: string;
}

/** A seeded customer plus where it lives in Genesys (not part of the CRM API answer). */
export interface DemoCustomer extends Customer {
  /** Set when the customer is also a Genesys External Contact. */
  externalContactId?: string;
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Diego',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tara',
  'Umar',
  'Vera',
  'Wes',
  'Xena',
  'Yusuf',
  'Zoe',
];
const LAST = [
  'Adams',
  'Brooks',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Murphy',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinlan',
  'Rossi',
  'Silva',
  'Turner',
  'Usman',
  'Varga',
  'Walsh',
  'Xu',
  'Young',
  'Zimmer',
];
const COMPANIES = [
  'Acme Logistics',
  'Blue Harbor Bank',
  'Cobalt Health',
  'Delta Foods',
  'Evergreen Energy',
  'Fjord Outdoor',
  'Granite Insurance',
  'Helix Labs',
  'Indigo Retail',
  'Juniper Telecom',
  'Kestrel Airlines',
  'Lumen Media',
];
const TITLES = [
  'Owner',
  'Buyer',
  'Office Manager',
  'CFO',
  'IT Lead',
  'Operations Director',
  'Analyst',
  'Consultant',
];
const TIERS = ['Gold', 'Silver', 'Silver', 'Bronze', 'Bronze', 'Bronze'] as const;
const REFERENCE_DAY = Date.UTC(2026, 0, 15);

const cache = new Map<number, DemoCustomer[]>();

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The seeded customers (same seed, same list). Even indexes are also External Contacts. */
export function demoCustomers(seed = DEFAULT_SEED): DemoCustomer[] {
  const hit = cache.get(seed);
  if (hit) return hit;
  const rng = new Ids(seed);
  const used = new Set<number>();
  const list: DemoCustomer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const company = rng.pick(COMPANIES);
    let line = rng.int(10_000);
    while (used.has(line)) line = (line + 7919) % 10_000;
    used.add(line);
    const c: DemoCustomer = {
      id: `CUST-${String(10_001 + i)}`,
      name: `${first} ${last}`,
      company,
      title: rng.pick(TITLES),
      tier: rng.pick(TIERS),
      phone: `+1317555${String(line).padStart(4, '0')}`,
      email: `${slug(first)}.${slug(last)}${i}@${slug(company)}.example`,
      openCases: rng.int(6),
      lastContact: new Date(REFERENCE_DAY - rng.int(180) * 86_400_000).toISOString().slice(0, 10),
    };
    const ecId = rng.uuid();
    if (i % 2 === 0) c.externalContactId = ecId;
    list.push(c);
  }
  cache.set(seed, list);
  return list;
}

/** The i-th customer that is in the CRM and also a Genesys External Contact. */
export function knownCustomer(i = 0, seed = DEFAULT_SEED): DemoCustomer {
  const c = demoCustomers(seed).filter((x) => x.externalContactId)[i];
  if (!c) throw new Error(`no known customer #${i}`);
  return c;
}

/** The i-th customer that is only in the CRM (External Contacts lookups miss it). */
export function crmOnlyCustomer(i = 0, seed = DEFAULT_SEED): DemoCustomer {
  const c = demoCustomers(seed).filter((x) => !x.externalContactId)[i];
  if (!c) throw new Error(`no CRM-only customer #${i}`);
  return c;
}

/** An E.164 number (+1317555xxxx) that no seeded customer has. */
export function unknownNumber(i = 0, seed = DEFAULT_SEED): string {
  const used = new Set(demoCustomers(seed).map((c) => c.phone));
  let n = 0;
  for (let line = 9999; line >= 0; line--) {
    const phone = `+1317555${String(line).padStart(4, '0')}`;
    if (used.has(phone)) continue;
    if (n++ === i) return phone;
  }
  throw new Error('no unknown number left');
}

export function toCustomer(c: DemoCustomer): Customer {
  const { externalContactId: _ignored, ...rest } = c;
  return rest;
}

/** Digits-only comparison key for phone numbers (`tel:+1 (317) 555-0100` -> `13175550100`). */
export function phoneKey(s: string): string {
  return s.replace(/^tel:/i, '').replace(/\D/g, '');
}

function displayPhone(e164: string): string {
  const d = e164.replace(/\D/g, '');
  return `+1 (${d.slice(1, 4)}) ${d.slice(4, 7)}-${d.slice(7)}`;
}

export function toExternalContact(c: DemoCustomer, iso: string): Models.ExternalContact {
  const [firstName = '', ...rest] = c.name.split(' ');
  const id = c.externalContactId ?? '';
  return {
    id,
    firstName,
    lastName: rest.join(' '),
    title: c.title,
    workPhone: { display: displayPhone(c.phone), e164: c.phone, countryCode: 'US', acceptsSMS: true },
    workEmail: c.email,
    externalOrganization: { id: `org-${slug(c.company)}`, name: c.company },
    externalSystemUrl: `${CRM_BASE_URL}/customers/${c.id}`,
    type: 'Curated',
    createDate: iso,
    modifyDate: iso,
    surveyOptOut: false,
    selfUri: `/api/v2/externalcontacts/contacts/${id}`,
  };
}

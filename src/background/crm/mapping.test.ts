import { describe, expect, it } from 'vitest';
import { DEMO_CRM_PRESET } from '../../shared/crm/presets';
import { reason } from '../../shared/reasons';
import { CrmMappingError, getPath, type Mapping, mapResults, resolveSpec, textOf } from './mapping';

const demo: Mapping = {
  fieldMap: DEMO_CRM_PRESET.crmFieldMap ?? {},
  extraFields: DEMO_CRM_PRESET.crmExtraFields ?? [],
  recordUrl: DEMO_CRM_PRESET.crmRecordUrl ?? '',
};
const customer = {
  id: 'CUST-10001',
  name: 'Ava Adams',
  company: 'Acme Logistics',
  title: 'CFO',
  tier: 'Gold',
  phone: '+13175550123',
  email: 'ava@acme.example',
  openCases: 0,
  lastContact: '2026-01-02',
};

describe('getPath / resolveSpec / textOf', () => {
  const doc = {
    a: { b: [{ c: 'x' }, { c: 'y' }] },
    n: 3,
    t: true,
    list: ['p', 'q'],
    first: 'Ada',
    last: 'L',
  };
  it('follows dots and indexes, own properties only', () => {
    expect(getPath(doc, 'a.b[1].c')).toBe('y');
    expect(getPath(doc, 'a.b.0.c')).toBe('x');
    expect(getPath(doc, '')).toBe(doc);
    expect(getPath(doc, 'a.missing.c')).toBeUndefined();
    expect(getPath(doc, '__proto__')).toBeUndefined();
    expect(getPath(doc, 'a.constructor')).toBeUndefined();
    expect(getPath(doc, 'n.toFixed')).toBeUndefined();
  });
  it('turns values into text and never objects', () => {
    expect(textOf(0)).toBe('0');
    expect(textOf(true)).toBe('Yes');
    expect(textOf(['p', 'q'])).toBe('p, q');
    expect(textOf({ x: 1 })).toBeUndefined();
    expect(textOf('  a \n b ')).toBe('a b');
    expect(textOf('x'.repeat(400))).toHaveLength(300);
  });
  it('supports fallbacks and text templates', () => {
    expect(resolveSpec(doc, 'nope | a.b[0].c')).toBe('x');
    expect(resolveSpec(doc, '{first} {last}')).toBe('Ada L');
    expect(resolveSpec(doc, '{nope} {last}')).toBe('L');
    expect(resolveSpec(doc, '{nope} {nada}')).toBeUndefined();
  });
});

describe('mapResults', () => {
  it('maps the demo CRM answer to card records with a record page link', () => {
    expect(mapResults({ results: [customer] }, 'results', demo)).toEqual([
      {
        id: 'CUST-10001',
        name: 'Ava Adams',
        company: 'Acme Logistics',
        title: 'CFO',
        tier: 'Gold',
        phone: '+13175550123',
        email: 'ava@acme.example',
        openCases: '0',
        lastContact: '2026-01-02',
        fields: [{ label: 'Customer ID', value: 'CUST-10001' }],
        url: 'https://crm.cuecard.test/customers/CUST-10001',
      },
    ]);
  });

  it('URL-encodes record ids in the record page link and drops links without an id', () => {
    const [r] = mapResults({ results: [{ ...customer, id: '../admin?x=1' }] }, 'results', demo);
    expect(r?.url).toBe('https://crm.cuecard.test/customers/..%2Fadmin%3Fx%3D1');
    const [noId] = mapResults({ results: [{ name: 'N' }] }, 'results', demo);
    expect(noId?.url).toBeUndefined();
  });

  it('reads nested paths, a bare array or a single object', () => {
    const m: Mapping = {
      fieldMap: { name: '{first} {last}', company: 'account.name', phone: 'mobile | phone' },
      extraFields: [{ label: 'Owner', path: 'account.owner.name' }],
      recordUrl: '',
      defaultUrl: (it) => (it as { link?: string }).link,
    };
    const item = {
      first: 'Ada',
      last: 'Lovelace',
      phone: '+1',
      account: { name: 'Engines', owner: { name: 'Babbage' } },
      link: 'javascript:alert(1)',
    };
    expect(mapResults({ data: { items: [item] } }, 'data.items', m)).toEqual([
      {
        name: 'Ada Lovelace',
        company: 'Engines',
        phone: '+1',
        fields: [{ label: 'Owner', value: 'Babbage' }],
      },
    ]);
    expect(mapResults([item, item], '', m)).toHaveLength(2);
    expect(mapResults(item, '', m)).toHaveLength(1);
    expect(mapResults({ results: null }, 'results', m)).toEqual([]);
    expect(mapResults({ results: [] }, 'results', m)).toEqual([]);
  });

  it('caps the number of records', () => {
    expect(mapResults({ results: Array(25).fill(customer) }, 'results', demo)).toHaveLength(10);
  });

  it('explains a bad mapping: missing results path, not a list, no mapped field present', () => {
    expect(() => mapResults({ data: [] }, 'results', demo)).toThrow(CrmMappingError);
    const reasonOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof CrmMappingError) return e.reason;
      }
      return undefined;
    };
    expect(reasonOf(() => mapResults({ data: [], meta: {} }, 'results', demo))).toEqual(
      reason('crm-results-path-missing', { path: 'results', keys: 'data, meta' }),
    );
    expect(reasonOf(() => mapResults('x', 'results', demo))).toEqual(
      reason('crm-results-path-missing', { path: 'results', keys: { word: 'not-an-object' } }),
    );
    expect(reasonOf(() => mapResults({ results: 'x' }, 'results', demo))).toEqual(
      reason('crm-results-not-list', { path: 'results', type: 'string' }),
    );
    expect(reasonOf(() => mapResults(7, '', demo))).toEqual(
      reason('crm-results-not-list', { path: { word: 'the-answer' }, type: 'number' }),
    );
    expect(reasonOf(() => mapResults({ results: [{ fullName: 'A', org: 'B' }] }, 'results', demo))).toEqual({
      code: 'crm-fields-not-found',
      params: { mapped: expect.stringMatching(/^name → name, /), keys: 'fullName, org' },
    });
    expect(reasonOf(() => mapResults({ results: [{}] }, 'results', { ...demo, fieldMap: {} }))).toEqual(
      reason('crm-fields-not-found', { mapped: { word: 'none-mapped' }, keys: { word: 'empty-object' } }),
    );
  });
});

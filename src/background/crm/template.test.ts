import { describe, expect, it } from 'vitest';
import { checkPath, placeholdersOf, templateOrigin } from '../../shared/crm/templates';
import { fillTemplate, safeHttpUrl } from './template';

const values: Record<string, string> = {
  phone: '+13175550123',
  email: 'a.b+tag@example.com',
  'attr.Account Number': 'A/1 & 2?x=#y',
  conversationId: 'c-1',
};
const get = (n: string) => values[n];

describe('fillTemplate', () => {
  it('URL-encodes every value so it cannot add parameters or path segments', () => {
    expect(fillTemplate('https://crm.example.com/api?phone={phone}', get).url).toBe(
      'https://crm.example.com/api?phone=%2B13175550123',
    );
    expect(fillTemplate('https://crm.example.com/api?email={email}', get).url).toBe(
      'https://crm.example.com/api?email=a.b%2Btag%40example.com',
    );
    expect(fillTemplate('https://crm.example.com/accounts/{attr.Account Number}/x', get).url).toBe(
      'https://crm.example.com/accounts/A%2F1%20%26%202%3Fx%3D%23y/x',
    );
  });

  it.each(['.', '..', '%2e', '%2E%2e'])('a value of %s cannot step out of its path segment', (dots) => {
    const f = fillTemplate('https://crm.example.com/api/customers/{conversationId}/notes', (n) =>
      n === 'conversationId' ? dots : undefined,
    );
    expect(new URL(f.url).pathname).toBe('/api/customers//notes');
    expect(f.used).toEqual([]);
    expect(f.empty).toEqual(['conversationId']);
  });

  it('leaves placeholders without a value empty and says which were used', () => {
    const f = fillTemplate(
      'https://crm.example.com/c?phone={phone}&email={ email }&id={externalContactId}',
      get,
    );
    expect(f.url).toBe('https://crm.example.com/c?phone=%2B13175550123&email=a.b%2Btag%40example.com&id=');
    expect(f.used).toEqual(['phone', 'email']);
    expect(f.empty).toEqual(['externalContactId']);
  });

  it('lists placeholders, trimmed', () => {
    expect(placeholdersOf('https://x/{phone}?a={ attr.Tier }')).toEqual(['phone', 'attr.Tier']);
  });
});

describe('templateOrigin', () => {
  it('takes the fixed origin and refuses placeholders in the host, other schemes and credentials', () => {
    expect(templateOrigin('https://crm.example.com:8443/api?q={phone}')).toEqual({
      origin: 'https://crm.example.com:8443',
    });
    expect(templateOrigin('https://crm.example.com?q={phone}')).toEqual({
      origin: 'https://crm.example.com',
    });
    expect(templateOrigin('https://{attr.host}/api')).toHaveProperty('error');
    expect(templateOrigin('https://crm.example.com{phone}')).toHaveProperty('error');
    expect(templateOrigin('http://crm.example.com/api')).toHaveProperty('error');
    expect(templateOrigin('javascript:alert(1)//x')).toHaveProperty('error');
    expect(templateOrigin('https://user:pw@crm.example.com/')).toHaveProperty('error');
    expect(templateOrigin('http://crm.example.com/x', ['https:', 'http:'])).toEqual({
      origin: 'http://crm.example.com',
    });
  });
});

describe('checkPath', () => {
  it('accepts paths, fallbacks and text templates; refuses broken ones', () => {
    for (const ok of ['name', 'account.owner.name', 'phones[0].number', 'a | b.c', '{first} {last}', ''])
      expect(checkPath(ok)).toBeUndefined();
    for (const bad of ['a..b', '.a', 'a[x]', '{first', 'a | ', '{a..b}'])
      expect(checkPath(bad)).toBeDefined();
  });
});

describe('safeHttpUrl', () => {
  it('lets only absolute http(s) URLs through', () => {
    expect(safeHttpUrl('https://crm.example.com/customers/1')).toBe('https://crm.example.com/customers/1');
    expect(safeHttpUrl('http://crm.example.com/x')).toBe('http://crm.example.com/x');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>')).toBeUndefined();
    expect(safeHttpUrl('/customers/1')).toBeUndefined();
    expect(safeHttpUrl('https://u:p@crm.example.com/')).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseCoc, normaliseCustomerNumber, normaliseDomain, normaliseName, normaliseVat } from '../../../src/server/matching/normalise';

describe('normalising customer keys', () => {
  it.each([
    ['example.nl', 'example.nl'],
    ['WWW.Example.NL', 'example.nl'],
    ['https://www.example.nl/contact?x=1', 'example.nl'],
    ['http://shop.example.co.uk:8080/', 'shop.example.co.uk'],
    ['facturen@Example.nl', 'example.nl'],
    ['example.nl.', 'example.nl'],
    ['', undefined],
    ['not a domain', undefined],
  ])('when the domain is %j, then it becomes %j', (raw, expected) => {
    expect(normaliseDomain(raw)).toBe(expected);
  });

  it.each([
    ['NL123456789B01', 'NL123456789B01'],
    ['nl 1234.56.789.b01', 'NL123456789B01'],
    ['DE-123-456-789', 'DE123456789'],
    ['  ', undefined],
  ])('when the VAT number is %j, then it becomes %j', (raw, expected) => {
    expect(normaliseVat(raw)).toBe(expected);
  });

  it.each([
    ['12345678', '12345678'],
    ['1234 5678', '12345678'],
    ['1234567', '01234567'],
    ['123456789', undefined],
    ['KVK123', undefined],
  ])('when the KvK number is %j, then it becomes %j', (raw, expected) => {
    expect(normaliseCoc(raw)).toBe(expected);
  });

  it.each([
    ['Bakkerij Jansen B.V.', 'bakkerij jansen'],
    ['Bakkerij Jansen BV', 'bakkerij jansen'],
    ['bakkerij  jansen', 'bakkerij jansen'],
    ['Jansen Holding B.V.', 'jansen'],
    ['Müller GmbH', 'muller'],
    ['Acme, Inc.', 'acme'],
    ['Smith & Sons Ltd', 'smith sons'],
    ['Philips N.V.', 'philips'],
    ['B.V.', undefined],
  ])('when the name is %j, then it becomes %j', (raw, expected) => {
    expect(normaliseName(raw)).toBe(expected);
  });

  it('when a customer number has spaces or lower case, then it compares equal', () => {
    expect(normaliseCustomerNumber(' d 10023 ')).toBe('D10023');
    expect(normaliseCustomerNumber('   ')).toBeUndefined();
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanAuthor, normaliseDate, normaliseLanguage } from './hints.js';
import { checkPublicHost, isPrivateAddress } from './ssrf.js';

describe('input hint normalisers', () => {
  it('turns feed and record dates into ISO 8601, keeping the offset and never the local zone', () => {
    assert.equal(normaliseDate('Tue, 04 Mar 2025 09:30:00 +0100'), '2025-03-04T09:30:00+01:00');
    assert.equal(normaliseDate('4 Mar 25 09:30 EST'), '2025-03-04T09:30:00-05:00');
    assert.equal(normaliseDate('Tue, 04 Mar 2025 09:30:00 GMT'), '2025-03-04T09:30:00Z');
    assert.equal(normaliseDate('2025-03-04'), '2025-03-04');
    assert.equal(normaliseDate('2025-03-04 10:15'), '2025-03-04T10:15:00');
    assert.equal(normaliseDate('2025-03-04T10:15:00.250+0530'), '2025-03-04T10:15:00.250+05:30');
    assert.equal(normaliseDate(1741080600), '2025-03-04T09:30:00.000Z');
    assert.equal(normaliseDate(1741080600000), '2025-03-04T09:30:00.000Z');
    assert.equal(normaliseDate('2025-02-30'), undefined);
    assert.equal(normaliseDate('December 15th, 2008, 7 : 35 am'), undefined);
    assert.equal(normaliseDate(null), undefined);
  });

  it('cleans RSS author fields and language tags', () => {
    assert.equal(cleanAuthor('desk@paper.example (Tom  Field)'), 'Tom Field');
    assert.equal(cleanAuthor('desk@paper.example'), undefined);
    assert.equal(cleanAuthor('Ana Ruiz'), 'Ana Ruiz');
    assert.equal(normaliseLanguage('en-US'), 'en');
    assert.equal(normaliseLanguage('pt_BR'), 'pt');
    assert.equal(normaliseLanguage('english'), undefined);
  });
});

describe('SSRF guard', () => {
  it('classifies private, loopback, link-local and mapped addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::5', '::ffff:127.0.0.1', '64:ff9b::a00:1', '2002:c0a8:101::1']) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '172.32.0.1']) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });

  it('checks every address a host resolves to, without touching the network', async () => {
    const resolver = async (host: string): Promise<string[]> => (host === 'mixed.example' ? ['93.184.216.34', '10.0.0.1'] : ['93.184.216.34']);
    assert.deepEqual(await checkPublicHost(new URL('https://public.example/'), resolver), { ok: true });
    const mixed = await checkPublicHost(new URL('https://mixed.example/'), resolver);
    assert.equal(mixed.ok, false);
    assert.match(mixed.ok ? '' : mixed.message, /resolves to 10\.0\.0\.1/);
    const local = await checkPublicHost(new URL('http://localhost:8080/'), resolver);
    assert.equal(local.ok ? '' : local.rule, 'private-network');
    const literal = await checkPublicHost(new URL('http://[::1]/'), resolver);
    assert.equal(literal.ok, false);
    const decimal = await checkPublicHost(new URL('http://2130706433/'), resolver); // 127.0.0.1 spelt as one number
    assert.equal(decimal.ok, false);
  });
});

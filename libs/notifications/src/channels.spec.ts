import { parseChannel } from './channels';

const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const webhook = {
  unitId: 'sv-sahlgrenska-avd-32',
  channel: 'webhook',
  target: 'https://integration.example/hooks',
  secret,
  enabled: true,
};

describe('notification channel configuration', () => {
  it('takes an https webhook with a Standard Webhooks secret, and a functional mailbox', () => {
    expect(parseChannel(webhook).ok).toBe(true);
    expect(
      parseChannel({ ...webhook, channel: 'email', target: 'avd32@vgregion.example', secret: null })
        .ok,
    ).toBe(true);
    expect(parseChannel({ ...webhook, target: 'http://127.0.0.1:8080/h' }).ok).toBe(true);
  });

  it('refuses plain http off this machine, weak secrets and non-addresses, with the reason', () => {
    expect(parseChannel({ ...webhook, target: 'http://integration.example/h' })).toEqual({
      ok: false,
      reason: expect.stringContaining('target must be an https:// URL'),
    });
    expect(parseChannel({ ...webhook, secret: 'whsec_c2hvcnQ=' })).toEqual({
      ok: false,
      reason: expect.stringContaining('secret must hold 24 to 64 random bytes'),
    });
    expect(parseChannel({ ...webhook, secret: null }).ok).toBe(false);
    expect(
      parseChannel({ ...webhook, channel: 'email', target: 'not a mailbox', secret: null }),
    ).toEqual({ ok: false, reason: expect.stringContaining('target must be an e-mail address') });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, temporalConnectionOptions } from '@app/config';

/**
 * Moving from the compose stack's Temporal to a secured cluster or Temporal Cloud is
 * configuration only: these settings become the options both connections take.
 */
const base = {
  DATABASE_URL: 'postgresql://localhost:5432/test',
  PATIENT_KEY_SECRET: 'x'.repeat(40),
  PAYLOAD_CODEC_KEY: Buffer.alloc(32, 7).toString('base64'),
};

const dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const cert = file('client.pem', '-----BEGIN CERTIFICATE-----\nclient\n');
const key = file('client.key', '-----BEGIN PRIVATE KEY-----\nkey\n');
const ca = file('ca.pem', '-----BEGIN CERTIFICATE-----\nca\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (env: Record<string, string>) =>
  temporalConnectionOptions(loadConfig({ ...base, ...env }));

describe('the Temporal connection from configuration', () => {
  it('is plain for the dev server and the compose stack', () => {
    expect(options({ TEMPORAL_ADDRESS: 'temporal:7233' })).toEqual({ address: 'temporal:7233' });
  });

  it('uses TLS with the trusted CAs when TEMPORAL_TLS=true', () => {
    expect(options({ TEMPORAL_TLS: 'true' })).toEqual({ address: 'localhost:7233', tls: {} });
  });

  it('uses mTLS with the client certificate, the CA and the server name of a cluster', () => {
    const result = options({
      TEMPORAL_ADDRESS: 'temporal-frontend.internal:7233',
      TEMPORAL_TLS_CLIENT_CERT_PATH: cert,
      TEMPORAL_TLS_CLIENT_KEY_PATH: key,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.vgr.internal',
    });
    expect(result.address).toBe('temporal-frontend.internal:7233');
    expect(result.tls?.serverNameOverride).toBe('temporal.vgr.internal');
    expect(result.tls?.serverRootCACertificate?.toString()).toContain('ca');
    expect(result.tls?.clientCertPair?.crt.toString()).toContain('client');
    expect(result.tls?.clientCertPair?.key.toString()).toContain('PRIVATE KEY');
    expect(result.apiKey).toBeUndefined();
  });

  it('sends a Temporal Cloud API key over TLS', () => {
    expect(
      options({ TEMPORAL_ADDRESS: 'europe-west3.gcp.api.temporal.io:7233', TEMPORAL_API_KEY: 'k' }),
    ).toEqual({ address: 'europe-west3.gcp.api.temporal.io:7233', tls: {}, apiKey: 'k' });
  });

  it.each([
    [{ TEMPORAL_TLS: 'yes' }, /TEMPORAL_TLS must be true or false/],
    [{ TEMPORAL_TLS_CLIENT_CERT_PATH: cert }, /TEMPORAL_TLS_CLIENT_KEY_PATH is required with/],
    [{ TEMPORAL_TLS_CLIENT_KEY_PATH: key }, /TEMPORAL_TLS_CLIENT_CERT_PATH is required with/],
    [
      {
        TEMPORAL_TLS_CLIENT_CERT_PATH: join(dir, 'missing.pem'),
        TEMPORAL_TLS_CLIENT_KEY_PATH: key,
      },
      /TEMPORAL_TLS_CLIENT_CERT_PATH must name a readable file/,
    ],
    [{ TEMPORAL_TLS_SERVER_CA_CERT_PATH: dir }, /TEMPORAL_TLS_SERVER_CA_CERT_PATH must name a/],
    [
      {
        TEMPORAL_API_KEY: 'k',
        TEMPORAL_TLS_CLIENT_CERT_PATH: cert,
        TEMPORAL_TLS_CLIENT_KEY_PATH: key,
      },
      /TEMPORAL_API_KEY and TEMPORAL_TLS_CLIENT_CERT_PATH are alternatives/,
    ],
    [
      { TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' },
      /TEMPORAL_TLS must not be false with TEMPORAL_API_KEY/,
    ],
  ])('refuses %j in one line naming the variable', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});

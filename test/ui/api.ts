import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';

/** The API as a demo user, for setting up what a browser test then works with. */
export async function apiAs(baseUrl: string, userId: string) {
  const token = await fetch(`${baseUrl}/api/v1/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  }).then(async (r) => ((await r.json()) as { accessToken: string }).accessToken);
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  return {
    async get<T>(path: string): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return (await response.json()) as T;
    },
    /** A write, always with an Idempotency-Key; fails the test unless it is accepted. */
    async post<T>(path: string, body: unknown): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'Idempotency-Key': newKey() },
        body: JSON.stringify(body),
      });
      if (response.status >= 300)
        throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

/** A Göteborg patient admitted to Sahlgrenska avd 32 some hours ago; returns the stay id. */
export async function admitted(
  api: Awaited<ReturnType<typeof apiAs>>,
  name: string,
  hours = 3,
): Promise<string> {
  const stay = await api.post<{ id: string }>('/api/v1/stays', {
    patient: {
      personnummer: randomPersonnummer(),
      name,
      folkbokforingskommun: '1480',
      listedVardcentralUnitId: 'rpv-vc-majorna',
    },
    wardUnitId: 'sv-sahlgrenska-avd-32',
    admittedAt: hoursAgo(hours),
    careType: 'somatic',
  });
  return stay.id;
}

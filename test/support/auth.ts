import type request from 'supertest';

/** Demo users seeded by prepareDatabase (libs/persistence/src/seed/demo-users.ts). */
export const demo = {
  wardGoteborg: 'demo-ward-goteborg',
  wardMolndal: 'demo-ward-molndal',
  vardcentralGoteborg: 'demo-vardcentral-goteborg',
  vardcentralMolndal: 'demo-vardcentral-molndal',
  hemsjukvardGoteborg: 'demo-hemsjukvard-goteborg',
  hemsjukvardMolndal: 'demo-hemsjukvard-molndal',
  bistandGoteborg: 'demo-bistand-goteborg',
  bistandMolndal: 'demo-bistand-molndal',
  processagare: 'demo-processagare',
} as const;

/** A bearer header for a demo user, from the development sign-in. */
export async function signIn(
  http: ReturnType<typeof request>,
  userId: string,
): Promise<{ Authorization: string }> {
  const response = await http.post('/api/v1/dev/token').send({ userId });
  if (response.status !== 200)
    throw new Error(`sign-in as ${userId} failed: ${response.status} ${response.text}`);
  return { Authorization: `Bearer ${response.body.accessToken as string}` };
}

/** Signs in several demo users at once. */
export async function signInAll<K extends string>(
  http: ReturnType<typeof request>,
  users: Record<K, string>,
): Promise<Record<K, { Authorization: string }>> {
  const entries = await Promise.all(
    Object.entries<string>(users).map(
      async ([name, id]) => [name, await signIn(http, id)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<K, { Authorization: string }>;
}

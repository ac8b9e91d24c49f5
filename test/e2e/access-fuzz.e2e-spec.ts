import fc from 'fast-check';
import request from 'supertest';
import { PrismaService } from '@app/persistence';
import { signIn } from '../support/auth';
import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { eventually } from '../support/stays';

type Auth = { Authorization: string };

interface UserView {
  id: string;
  role: string;
  units: { id: string; lane: string; kommunCode: string | null }[];
}
interface StayFacts {
  id: string;
  wardUnitId: string;
  vardcentralUnitId: string;
  kommunCode: string;
  municipalNeed: boolean;
}

const kommuner = [
  { code: '1480', slug: 'goteborg', ward: 'sv-sahlgrenska-avd-32', vc: 'rpv-vc-majorna' },
  { code: '1481', slug: 'molndal', ward: 'sv-molndal-avd-5', vc: 'rpv-vc-molndal-centrum' },
  { code: '1402', slug: 'partille', ward: 'sv-ostra-avd-12', vc: 'rpv-vc-partille' },
] as const;

/**
 * The access rule, written out again from its statement (not from the SQL), as the oracle:
 * ward staff see their wards' stays, vårdcentral staff their listed patients, a kommun's staff
 * the patients folkbokförda in the kommun with a municipal need, anyone a stay with a live
 * task at one of their units, processägare every stay (pseudonymised).
 */
function mayRead(user: UserView, stay: StayFacts, liveTaskUnits: ReadonlySet<string>): boolean {
  if (user.role === 'processagare') return true;
  const ids = new Set(user.units.map((u) => u.id));
  const municipal = (lane: string) =>
    lane === 'kommunal_primarvard' || lane === 'kommunal_socialtjanst';
  return (
    ids.has(stay.wardUnitId) ||
    ids.has(stay.vardcentralUnitId) ||
    (stay.municipalNeed &&
      user.units.some((u) => municipal(u.lane) && u.kommunCode === stay.kommunCode)) ||
    [...liveTaskUnits].some((unitId) => ids.has(unitId))
  );
}

/**
 * Random principals (every demo user) against random stays (three kommuner, with and without
 * a municipal need, some tasks moved): no read of a stay outside the principal's scope, through
 * REST or FHIR, single or in a list, and no read (or refusal) without its audit row.
 */
describe('fuzz: random principals against random stays', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let prisma: PrismaService;
  let users: UserView[];
  const auth = new Map<string, Auth>();
  const stays: StayFacts[] = [];
  const counts = { single: 0, lists: 0, listed: 0, allowed: 0, refused: 0, auditRows: 0 };

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    prisma = new PrismaService(process.env.DATABASE_URL ?? '');
    const rows = await prisma.appUser.findMany({ include: { units: true } });
    const units = new Map((await prisma.unit.findMany()).map((u) => [u.id, u]));
    users = rows
      .filter((u) => u.id.startsWith('demo-'))
      .map((u) => ({
        id: u.id,
        role: u.role,
        units: u.units.flatMap((m) => {
          const unit = units.get(m.unitId);
          return unit ? [{ id: unit.id, lane: unit.lane, kommunCode: unit.kommunCode }] : [];
        }),
      }));
    for (const user of users) auth.set(user.id, await signIn(http, user.id));
    // Nine stays: each ward admits patients of all three kommuner, listed at that kommun's
    // vårdcentral; two of three have a municipal need.
    let n = 0;
    for (const ward of kommuner)
      for (const home of kommuner) {
        const wardAuth = auth.get(`demo-ward-${ward.slug}`) as Auth;
        const admitted = await http
          .post('/api/v1/stays')
          .set(wardAuth)
          .set('Idempotency-Key', newKey())
          .send({
            patient: {
              personnummer: randomPersonnummer(),
              name: 'Fuzz Fuzzsson',
              folkbokforingskommun: home.code,
              listedVardcentralUnitId: home.vc,
            },
            wardUnitId: ward.ward,
            admittedAt: hoursAgo(5),
            careType: 'somatic',
          })
          .expect(201);
        const id = admitted.body.id as string;
        const municipalNeed = n++ % 3 !== 0;
        await http
          .post(`/api/v1/stays/${id}/events`)
          .set(wardAuth)
          .set('Idempotency-Key', newKey())
          .send({
            type: 'needs-assessed',
            occurredAt: hoursAgo(4),
            data: {
              socialtjanst: municipalNeed,
              kommunalHalsoOchSjukvard: municipalNeed,
              regionalPrimarvard: true,
            },
          })
          .expect(201);
        stays.push({
          id,
          wardUnitId: ward.ward,
          vardcentralUnitId: home.vc,
          kommunCode: home.code,
          municipalNeed,
        });
      }
    // One stay's ward task moves to another kommun's ward: that ward sees it while it is live.
    const moved = stays[1] as StayFacts;
    await eventually(async () => {
      const task = await prisma.task.findFirstOrThrow({
        where: { stayId: moved.id, unitId: moved.wardUnitId, status: 'open' },
      });
      await http
        .post(`/api/v1/tasks/${task.id}/reassign`)
        .set(auth.get('demo-ward-goteborg') as Auth)
        .set('Idempotency-Key', newKey())
        .send({ toUnitId: 'sv-ostra-avd-12', reason: 'Fuzz: flyttad' })
        .expect(200);
    });
  }, 180_000);
  afterAll(async () => {
    console.log(
      `access fuzz: ${users.length} principals × ${stays.length} stays; ${counts.single} single ` +
        `reads (${counts.allowed} allowed, ${counts.refused} refused), ${counts.lists} lists ` +
        `showing ${counts.listed} stays; ${counts.auditRows} audit rows checked`,
    );
    await prisma.$disconnect();
    await apps.close();
  });

  const liveTaskUnits = async (stayId: string) =>
    new Set(
      (
        await prisma.task.findMany({
          where: { stayId, status: { in: ['open', 'claimed'] } },
          select: { unitId: true },
        })
      ).map((t) => t.unitId),
    );
  const auditRows = (userId: string, stayId: string, action: string, since: Date) =>
    prisma.auditEntry.findMany({ where: { userId, stayId, action, at: { gte: since } } });

  const single = [
    { action: 'stay.read', path: (id: string) => `/api/v1/stays/${id}` },
    { action: 'fhir.encounter.read', path: (id: string) => `/fhir/R4/Encounter/${id}` },
  ];

  it('finds no single read outside the scope, and none without its audit row', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.integer({ min: 0, max: stays.length - 1 }),
        fc.constantFrom(...single),
        async (u, s, endpoint) => {
          const user = users[u] as UserView;
          const stay = stays[s] as StayFacts;
          const expected = mayRead(user, stay, await liveTaskUnits(stay.id));
          const since = new Date(Date.now() - 1);
          const response = await http.get(endpoint.path(stay.id)).set(auth.get(user.id) as Auth);
          expect({ user: user.id, stay: stay.id, status: response.status }).toEqual({
            user: user.id,
            stay: stay.id,
            status: expected ? 200 : 404,
          });
          const rows = await auditRows(user.id, stay.id, endpoint.action, since);
          expect(rows.map((r) => r.outcome)).toEqual([expected ? 'ok' : 'denied']);
          if (user.role === 'processagare')
            expect(JSON.stringify(response.body)).not.toContain('Fuzz Fuzzsson');
          counts.single++;
          counts.auditRows += rows.length;
          if (expected) counts.allowed++;
          else counts.refused++;
        },
      ),
      { numRuns: 300 },
    );
  }, 300_000);

  it('lists no stay outside the scope, and audits every stay a list shows', async () => {
    const ours = new Set(stays.map((s) => s.id));
    const lists = [
      {
        action: 'stay.list',
        read: async (who: Auth) =>
          (
            (await http.get('/api/v1/stays').set(who).expect(200)).body.items as { id: string }[]
          ).map((s) => s.id),
      },
      {
        action: 'task.list',
        read: async (who: Auth) =>
          (
            (await http.get('/api/v1/tasks').set(who).expect(200)).body.items as {
              stayId: string;
            }[]
          ).map((t) => t.stayId),
      },
      {
        action: 'fhir.task.search',
        read: async (who: Auth) =>
          (
            ((await http.get('/fhir/R4/Task').set(who).expect(200)).body.entry ?? []) as {
              resource: { encounter: { reference: string } };
            }[]
          ).map((e) => e.resource.encounter.reference.replace('Encounter/', '')),
      },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: users.length - 1 }),
        fc.constantFrom(...lists),
        async (u, list) => {
          const user = users[u] as UserView;
          const since = new Date(Date.now() - 1);
          const shown = [...new Set(await list.read(auth.get(user.id) as Auth))].filter((id) =>
            ours.has(id),
          );
          for (const stayId of shown) {
            const stay = stays.find((s) => s.id === stayId) as StayFacts;
            expect({
              user: user.id,
              stayId,
              visible: mayRead(user, stay, await liveTaskUnits(stayId)),
            }).toEqual({ user: user.id, stayId, visible: true });
            const rows = await auditRows(user.id, stayId, list.action, since);
            expect(rows.length).toBeGreaterThanOrEqual(1);
            counts.auditRows += rows.length;
          }
          counts.lists++;
          counts.listed += shown.length;
        },
      ),
      { numRuns: 120 },
    );
  }, 300_000);
});

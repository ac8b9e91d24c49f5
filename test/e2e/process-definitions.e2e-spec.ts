import request from 'supertest';
import { processDefinitionHash, processDefinitions } from '@app/process-definition';
import { startApps, type RunningApps } from '../support/stack';

describe('GET /api/v1/process-definitions', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
  });
  afterAll(() => apps.close());

  it('lists the released versions with the event types the API accepts', async () => {
    const response = await http.get('/api/v1/process-definitions').expect(200);
    expect(response.body.currentVersion).toBe(2);
    expect(response.body.items).toHaveLength(Object.keys(processDefinitions).length);
    const types = response.body.items[0].acceptedEventTypes.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['needs-assessed', 'utskrivningsklar', 'died']));
    expect(types).not.toContain('admitted'); // admission is POST /api/v1/stays
  });

  it('returns a whole version as JSON, with its hash and the data schema of each event', async () => {
    const response = await http.get('/api/v1/process-definitions/1').expect(200);
    const v1 = processDefinitions[1];
    expect(response.body.activities).toHaveLength(v1?.activities.length ?? -1);
    expect(response.body.hash).toBe(v1 && processDefinitionHash(v1));
    const needs = response.body.acceptedEventTypes.find(
      (e: { type: string }) => e.type === 'needs-assessed',
    );
    expect(needs.dataSchema.required).toEqual(
      expect.arrayContaining(['socialtjanst', 'kommunalHalsoOchSjukvard', 'regionalPrimarvard']),
    );
  });

  it('answers 404 for a version that does not exist and 400 for one that is not a number', async () => {
    await http.get('/api/v1/process-definitions/99').expect(404);
    const bad = await http.get('/api/v1/process-definitions/latest').expect(400);
    expect(bad.body.errors[0].field).toBe('path.version');
  });
});

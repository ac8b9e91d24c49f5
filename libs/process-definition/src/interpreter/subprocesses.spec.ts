import { processDefinitionV1 } from '../definitions/v1';
import { fanOutApplies, findActivity, messageRecipients } from './applicable';
import { simulateStay, type SimulationState, type SimulationStep } from './simulate';
import { defined } from '../test-helpers';

const def = processDefinitionV1;
const run = (steps: SimulationStep[]) => simulateStay(def, steps);
const createdBy = (before: SimulationState, after: SimulationState) =>
  after.created.slice(before.created.length);

const admitted: SimulationStep = { event: 'admitted' };
const acks = [
  { complete: 'send-inskrivningsmeddelande' },
  { complete: 'acknowledge-inskrivningsmeddelande-vardcentral' },
];
const korttidStay: SimulationStep[] = [
  admitted,
  { event: 'needs-assessed', data: { socialtjanst: true, korttid: true } },
  ...acks,
];

describe('sub-processes walked through v1', () => {
  it('needs-assessed opens the inskrivningsmeddelande and one acknowledgement per recipient', () => {
    const s = run(korttidStay.slice(0, 2));
    expect(s.open).toEqual(
      expect.arrayContaining([
        'send-inskrivningsmeddelande',
        'set-planned-uk-date',
        'resolve-recipients',
      ]),
    );
    const message = defined(findActivity(def, 'send-inskrivningsmeddelande'));
    expect(messageRecipients(message, s.facts)).toEqual([
      'kommun-socialtjanst',
      'kommun-hemsjukvard',
      'listed-vardcentral',
    ]);
    const after = run(korttidStay.slice(0, 3));
    expect(createdBy(s, after)).toEqual(
      expect.arrayContaining([
        'acknowledge-inskrivningsmeddelande-vardcentral',
        'acknowledge-inskrivningsmeddelande-hemsjukvard',
        'acknowledge-inskrivningsmeddelande-socialtjanst',
        'document-status-needs',
        'decide-utskrivningsklar',
      ]),
    );
  });

  it('opens no acknowledgement for a unit that is not a recipient', () => {
    const s = run([admitted, { event: 'needs-assessed', data: { regionalPrimarvard: true } }]);
    const ack = defined(findActivity(def, 'acknowledge-inskrivningsmeddelande-socialtjanst'));
    expect(fanOutApplies(def, ack, s.facts)).toBe(false);
    const after = simulateStay(def, [{ complete: 'send-inskrivningsmeddelande' }], s);
    expect(after.open).not.toContain('acknowledge-inskrivningsmeddelande-socialtjanst');
    expect(after.open).toContain('acknowledge-inskrivningsmeddelande-vardcentral');
  });

  it('opens nothing for other huvudmän when no needs are assessed', () => {
    const s = run([admitted, { event: 'needs-assessed', data: { socialtjanst: false } }]);
    expect(s.open).not.toContain('send-inskrivningsmeddelande');
    expect(s.open).toContain('check-existing-plans');
  });

  it('korttid counts as two huvudmän: SIP before discharge with kallelse at UK', () => {
    const s = run([
      ...korttidStay,
      { complete: 'identify-sip-need', outcome: 'confirmed' },
      { complete: 'offer-sip', outcome: 'accepted' },
      { complete: 'decide-sip-timing', outcome: 'before-discharge' },
    ]);
    expect(s.open).not.toContain('send-sip-kallelse');
    const uk = simulateStay(def, [{ event: 'utskrivningsklar' }], s);
    expect(createdBy(s, uk)).toEqual(
      expect.arrayContaining(['send-sip-kallelse', 'send-utskrivningsklar', 'uk-day-count']),
    );
    expect(uk.completed).toContain('decide-utskrivningsklar');
    const held = simulateStay(def, [{ complete: 'send-sip-kallelse' }], uk);
    expect(createdBy(uk, held)).toEqual(['hold-sip-before-discharge']);
  });

  it('consent after UK sends the kallelse once, then SIP after discharge', () => {
    const s = run([
      ...korttidStay,
      { complete: 'identify-sip-need', outcome: 'confirmed' },
      { event: 'utskrivningsklar' },
      { complete: 'offer-sip', outcome: 'accepted' },
      { complete: 'decide-sip-timing', outcome: 'after-discharge' },
    ]);
    expect(s.created.filter((id) => id === 'send-sip-kallelse')).toHaveLength(1);
    const after = simulateStay(def, [{ complete: 'send-sip-kallelse' }], s);
    expect(after.open).toContain('hold-sip-after-discharge');
    expect(after.open).not.toContain('hold-sip-before-discharge');
  });

  it('patient declines SIP: documented, no kallelse', () => {
    const s = run([
      ...korttidStay,
      { complete: 'identify-sip-need', outcome: 'confirmed' },
      { complete: 'offer-sip', outcome: 'declined' },
      { event: 'utskrivningsklar' },
    ]);
    expect(s.created).toContain('document-sip-declined');
    expect(s.created).not.toContain('send-sip-kallelse');
    expect(s.created).toContain('coordinated-short-term-plan');
  });

  it('patient cannot express a wish: närstående, then planning without SIP', () => {
    const s = run([
      ...korttidStay,
      { complete: 'identify-sip-need', outcome: 'confirmed' },
      { complete: 'offer-sip', outcome: 'cannot-express' },
      { complete: 'contact-relatives-about-sip', outcome: 'no-one-can-speak' },
      { event: 'utskrivningsklar' },
    ]);
    expect(s.created).toEqual(
      expect.arrayContaining(['contact-relatives-about-sip', 'plan-without-sip']),
    );
    expect(s.created).not.toContain('send-sip-kallelse');
  });

  it('närstående accept on the patient’s behalf', () => {
    const s = run([
      ...korttidStay,
      { complete: 'identify-sip-need', outcome: 'confirmed' },
      { complete: 'offer-sip', outcome: 'cannot-express' },
      { complete: 'contact-relatives-about-sip', outcome: 'narstaende-accepted' },
    ]);
    expect(s.open).toContain('decide-sip-timing');
  });

  it('no SIP need without both huvudmän', () => {
    const s = run([
      admitted,
      { event: 'needs-assessed', data: { regionalPrimarvard: true } },
      ...acks,
    ]);
    expect(s.created).not.toContain('identify-sip-need');
  });

  it('egenvård: help from another person goes to the kommun; otherwise HSL takes it', () => {
    const base = [
      admitted,
      { event: 'needs-assessed', data: { egenvard: true, kommunalHalsoOchSjukvard: true } },
    ];
    const help = run([
      ...base,
      { complete: 'egenvardsbedomning', outcome: 'needs-help' },
      { complete: 'communicate-egenvard' },
    ]);
    expect(help.created).toEqual(
      expect.arrayContaining(['communicate-egenvard', 'plan-help-with-egenvard']),
    );
    const hsl = run([...base, { complete: 'egenvardsbedomning', outcome: 'not-egenvard' }]);
    expect(hsl.created).toContain('plan-hsl-instead-of-egenvard');
    const self = run([...base, { complete: 'egenvardsbedomning', outcome: 'self-managed' }]);
    expect(self.created).not.toContain('communicate-egenvard');
  });

  it('LPT: samordnad vårdplan with the parties that give insatser, then the application', () => {
    const s = run([
      admitted,
      { event: 'needs-assessed', data: { socialtjanst: true, lpt: true, careType: 'psykiatri' } },
      { event: 'opt-application-considered' },
    ]);
    expect(s.open).toEqual(
      expect.arrayContaining(['draw-up-samordnad-vardplan', 'contribute-vardplan-socialtjanst']),
    );
    expect(s.open).not.toContain('contribute-vardplan-hemsjukvard');
    const next = simulateStay(def, [{ complete: 'draw-up-samordnad-vardplan' }], s);
    expect(next.open).toContain('submit-opt-application');
    const notLpt = run([
      admitted,
      { event: 'needs-assessed', data: { socialtjanst: true } },
      { event: 'opt-application-considered' },
    ]);
    expect(notLpt.created).not.toContain('draw-up-samordnad-vardplan');
  });

  it('UK revoked cancels the kallelse and readiness tasks; a new UK opens them again', () => {
    const s = run([
      ...korttidStay,
      { complete: 'identify-sip-need', outcome: 'confirmed' },
      { complete: 'offer-sip', outcome: 'accepted' },
      { complete: 'decide-sip-timing', outcome: 'before-discharge' },
      { event: 'utskrivningsklar' },
      { event: 'utskrivningsklar-revoked' },
    ]);
    expect(s.cancelled).toEqual(
      expect.arrayContaining([
        'send-sip-kallelse',
        'confirm-readiness-socialtjanst',
        'uk-day-count',
        'seven-day-flag',
      ]),
    );
    expect(s.open).toContain('notify-utskrivningsklar-revoked');
    const again = simulateStay(def, [{ event: 'utskrivningsklar' }], s);
    expect(again.open).toEqual(expect.arrayContaining(['send-sip-kallelse', 'uk-day-count']));
  });

  it('death ends the stay: every open task is cancelled and the receivers are told', () => {
    const s = run([...korttidStay, { event: 'utskrivningsklar' }, { event: 'died' }]);
    expect(s.open).toEqual(expect.arrayContaining(['notify-death', 'stop-uk-day-count']));
    expect(s.open).toHaveLength(2);
    expect(s.cancelled).toContain('send-utskrivningsklar');
  });

  it('transfer ends the stay and hands over to the receiving hospital', () => {
    const s = run([...korttidStay, { event: 'transferred' }]);
    expect(s.open.sort()).toEqual(['handover-to-receiving-hospital', 'notify-transfer']);
  });

  it('discharge home opens the first days at home; korttid opens the reception; readmission cancels follow-up', () => {
    const needs = { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true };
    const home = run([
      admitted,
      { event: 'needs-assessed', data: needs },
      { event: 'utskrivningsklar' },
      { event: 'discharged', data: { destination: 'home' } },
    ]);
    expect(home.open).toEqual(
      expect.arrayContaining(['first-home-visit', 'start-home-care', 'follow-up-contact']),
    );
    expect(home.completed).toEqual(expect.arrayContaining(['uk-day-count', 'seven-day-flag']));
    const korttid = run([
      admitted,
      { event: 'needs-assessed', data: needs },
      { event: 'discharged', data: { destination: 'korttid' } },
    ]);
    expect(korttid.open).toContain('receive-at-korttid');
    expect(korttid.open).not.toContain('first-home-visit');
    const readmitted = simulateStay(def, [{ event: 'readmitted' }], home);
    expect(readmitted.cancelled).toEqual(
      expect.arrayContaining(['first-home-visit', 'follow-up-contact']),
    );
    expect(readmitted.open).toEqual(
      expect.arrayContaining(['link-readmission', 'review-readmission']),
    );
  });

  it('refuses to complete an activity that is not open', () => {
    expect(() => run([{ complete: 'offer-sip' }])).toThrow('activity offer-sip is not open');
  });
});

import { createTransport } from 'nodemailer';
import { MailCatcher } from '../../tools/stack/mail-catcher';

/** `npm start`'s mail catcher: what a developer sends over SMTP shows on its page. */
describe('the local mail catcher', () => {
  const catcher = new MailCatcher({ httpPort: 0 });
  beforeAll(() => catcher.start());
  afterAll(() => catcher.stop());

  it('receives mail over SMTP on loopback and lists it, newest first, in Swedish', async () => {
    const transport = createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
    for (const subject of ['Första <sammanfattningen>', 'Andra sammanfattningen'])
      await transport.sendMail({
        from: 'noreply@utskrivning.test',
        to: 'avd32@funktionsbrevlada.example',
        subject,
        text: `Brödtext för ${subject}`,
      });
    transport.close();
    expect(catcher.messages.map((m) => m.subject)).toEqual([
      'Första <sammanfattningen>',
      'Andra sammanfattningen',
    ]);
    expect(catcher.messages[0]?.to).toEqual(['avd32@funktionsbrevlada.example']);

    const page = await fetch(`http://127.0.0.1:${catcher.httpPort}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('E-post som skickats lokalt (2)');
    expect(html.indexOf('Andra sammanfattningen')).toBeLessThan(html.indexOf('Första'));
    expect(html).toContain('Första &#60;sammanfattningen&#62;'); // escaped, not markup
  });
});

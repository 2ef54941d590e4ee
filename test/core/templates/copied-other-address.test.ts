// A template proposed from a filled-in copy judges signatories as the built-in template does: a
// signatory copied in from another address, under the name the form gives, is
// copiedUnderOtherAddress with either template (issue 10). Every sample email, every signatory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEml } from '../../../src/adapters/mail-files/read-eml';
import { loadCatalogue } from '../../../src/core/catalogue';
import { checkMessage } from '../../../src/core/check';
import type { Mailbox, Message } from '../../../src/core/message';
import { proposeTemplate } from '../../../src/core/templates/propose';
import { documentOf, samples } from './sample-forms';

const catalogue = loadCatalogue();

describe('a signatory copied in from another address', () => {
  it('is recognised with a template proposed from the filled copy exactly as with the built-in one', async () => {
    const compared: string[] = [];
    for (const file of readdirSync(join(samples, 'emails')).sort()) {
      const message = await readEml(new Uint8Array(readFileSync(join(samples, 'emails', file))));
      const form = message.attachments.find((a) => a.name.endsWith('.docx'));
      const builtIn = form && checkMessage(message, catalogue, file).forms.find((f) => f.formId && f.attachment === form.name);
      if (!form || !builtIn) continue;
      const proposed = { ...catalogue, templates: [proposeTemplate(documentOf(form.bytes), catalogue.hubs).template] };
      for (const signatory of builtIn.signatories.filter((s) => s.status === 'copied' && s.name && s.email)) {
        // The same person, copied in from a personal address, shown under their name ("Surname, First" or as on the form).
        for (const display of [
          signatory.name!,
          signatory.name!.split(' ').slice(-1)[0] + ', ' + signatory.name!.split(' ').slice(-2, -1)[0],
        ]) {
          const moved = (m: Mailbox): Mailbox =>
            m.address.toLowerCase() === signatory.email!.toLowerCase()
              ? { name: display, address: 'someone.personal@elsewhere.example' }
              : m;
          const changed: Message = {
            ...message,
            from: message.from && moved(message.from),
            to: message.to.map(moved),
            cc: message.cc.map(moved),
          };
          const withBuiltIn = checkMessage(changed, catalogue, file).forms[0]!.signatories.find((s) => s.role === signatory.role)!;
          const withProposed = checkMessage(changed, proposed, file).forms[0]!.signatories.find((s) => s.email === signatory.email);
          expect(withBuiltIn.status).toBe('copiedUnderOtherAddress');
          expect(`${file} ${signatory.role} as "${display}": ${withProposed?.status}`).toBe(
            `${file} ${signatory.role} as "${display}": copiedUnderOtherAddress`,
          );
          compared.push(`${file} ${signatory.role}`);
        }
      }
    }
    expect(compared.length).toBeGreaterThan(20);
  });
});

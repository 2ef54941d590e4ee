// The pane files what its checker made: the record built in the worker with the catalogue that
// checked the email (the hub's own templates included), and the form's very bytes, through the
// pane's Graph port against the local list store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addFormColumns, listApplications, noToken, resolveTarget } from '../../src/adapters/graph';
import { readEml } from '../../src/adapters/mail-files/read-eml';
import type { Message } from '../../src/core/message';
import { createGraphSite } from '../../src/taskpane/services/graph-filing';
import { checkForPane, paneCatalogue, proposeFromForm, setHubTemplates } from '../../src/taskpane/worker/check';
import { type Harness, provisioned, startHarness } from '../adapters/graph/helpers';
import { unseenFormEmail } from '../support/unseen-email';

const ROOT = join(__dirname, '..', '..');
const blank = new Uint8Array(readFileSync(join(ROOT, 'samples', 'unseen', 'blank', 'primary-mastery-specialist-2024.docx')));
const signIn = { provider: () => noToken, token: async () => '', person: () => null };

describe('filing from the pane', () => {
  let h: Harness;
  afterEach(async () => {
    setHubTemplates([]);
    await h.dispose();
  });

  it("files the record its checker made with the hub's template, though the site's Form Templates list has none to give", async () => {
    h = await startHarness();
    const target = await provisioned(h);
    const { template } = proposeFromForm(blank, 'blank.docx');
    await addFormColumns(h.client, 'root', target.listId, [template]);
    // The pane's checker has the hub's template (from its cache); the site's list does not.
    setHubTemplates([{ data: template, source: 'Form Templates item 1' }]);
    const email = new Uint8Array(await unseenFormEmail());
    const message: Message = await readEml(email);
    const checked = checkForPane(message, 'outlook', undefined, paneCatalogue());
    expect(checked.filing.record).toMatchObject({ programme: template.programme, fields: { FormId: template.id } });

    const site = createGraphSite({ graphUrl: h.store.url, site: 'root', signOff: 'Hub', trustedSenders: [] }, signIn);
    const filed = await site.filing.file(checked, email);
    const [item] = await listApplications(h.client, await resolveTarget(h.client, { site: 'root' }));
    expect(item!.fields).toMatchObject({
      FormId: template.id,
      Programme: template.programme,
      schoolUrn: '103412',
      EmailFingerprint: checked.filing.fingerprint,
    });
    expect(item!.fields.FormLink).toEqual(expect.stringMatching(/PMS%20application\.docx$|PMS application\.docx$/));

    // The pane finds the email's own item by Message-ID and fingerprint, and not for another email reusing the Message-ID.
    const id = message.internetMessageId!;
    expect(await site.filing.findFiled(id, checked.filing.fingerprint)).toMatchObject({ id: filed.id });
    expect(await site.filing.findFiled(id.toUpperCase(), 'f'.repeat(64))).toBeNull();
  });
});

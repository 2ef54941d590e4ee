// The reply that asks a school for what is missing, on the sample emails.
import { join } from 'node:path';
import { checkFile } from '../../src/cli/check-file';
import { loadCatalogue } from '../../src/core/catalogue';
import { missingReply } from '../../src/core/reply';

const catalogue = loadCatalogue();
const sample = (name: string) => checkFile(join(__dirname, '..', '..', 'samples', 'emails', name), catalogue);

describe('missingReply', () => {
  it('asks for nothing when the application is complete', async () => {
    const reply = missingReply(await sample('01-sms-complete.eml'), catalogue);
    expect(reply.points).toEqual([]);
  });

  it('asks for a signatory who was not copied in, by role, without quoting the form', async () => {
    const report = await sample('04-sms-signatory-not-copied.eml');
    const reply = missingReply(report, catalogue);
    expect(reply.points).toHaveLength(1);
    expect(reply.points[0]).toMatch(/head of department was not copied in/i);
    expect(reply.text).not.toMatch(/hussain/i);
    expect(reply.html).toContain('<ol><li>');
  });

  it('names a statement over its limit with its word count and the limit', async () => {
    const reply = missingReply(await sample('08-sms-word-limit.eml'), catalogue);
    expect(reply.points.some((p) => /statement” is \d+ words; the limit is 300 words/.test(p))).toBe(true);
  });

  it('asks for the form when none is attached, and leaves out what only the hub can judge', async () => {
    expect(missingReply(await sample('12-no-form-attached.eml'), catalogue).points).toEqual([
      'The application form was not attached to the email. Please send the completed Word form.',
    ]);
    const late = missingReply(await sample('06-sms-late.eml'), catalogue);
    expect(late.points.join(' ')).not.toMatch(/deadline/i);
  });

  it('lists empty required fields', async () => {
    const reply = missingReply(await sample('15-sms-incomplete.eml'), catalogue);
    expect(reply.points.some((p) => /is empty\. Please fill it in\./.test(p))).toBe(true);
  });
});

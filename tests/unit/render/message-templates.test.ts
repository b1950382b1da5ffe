/**
 * The message templates: every listed version renders as plain text with the letters' sample
 * fields, the manifest and the files agree, and strict mode names an unknown field or a fact the
 * case lacks instead of leaving a gap.
 */
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMessagesDirectory } from '../../../src/render/messages/location';
import { createMessageRenderer, MessageTemplateError, type MessageFacts } from '../../../src/render/messages/templates';
import { sampleLetterFields } from '../../../src/shared/letters/samples';
import { messageTemplateFile, messageTemplates, selectMessageVersion } from '../../../src/shared/messages/templates';

const renderer = createMessageRenderer();
const facts: MessageFacts = {
  recipient: { name: 'Samira El Amrani', salutation: 'Geachte mevrouw El Amrani,' },
  appointment: { date: '2026-03-10', time: '10:30', location: 'IND-loket Den Haag' },
};
const versions = messageTemplates.flatMap((entry) => entry.versions.map((version) => [messageTemplateFile(entry.id, version), entry, version] as const));

describe('every message template in the manifest', () => {
  it.each(versions)('%s renders as plain text with the sample fields', async (_file, entry, version) => {
    const fields = sampleLetterFields[version.language];
    const message = await renderer.render(entry, version, fields, facts);
    expect(message.subject).toContain(fields.case.caseNumber);
    expect(message.subject).not.toContain('\n');
    expect(message.body.split('\n')[0]).toBe(facts.recipient.salutation);
    expect(message.body).toContain(fields.letter.signatory);
    expect(message.body).not.toMatch(/[{}<>]|%}|undefined|null|NaN/);
    if (entry.needs.includes('appointment')) expect(message.body).toContain('IND-loket Den Haag');
  });

  it('has Dutch and English for every template, and exactly the files the manifest lists', () => {
    for (const entry of messageTemplates) expect(entry.versions.map((version) => version.language).sort()).toEqual(['en', 'nl']);
    const files = readdirSync(defaultMessagesDirectory, { withFileTypes: true }).filter((folder) => folder.isDirectory())
      .flatMap((folder) => readdirSync(join(defaultMessagesDirectory, folder.name)).map((file) => `${folder.name}/${file}`));
    expect(files.sort()).toEqual(versions.map(([file]) => file).sort());
  });

  it('falls back to Dutch where a language has no version in effect', () => {
    const [first] = messageTemplates;
    if (!first) throw new Error('no message templates');
    const entry = { ...first, versions: [{ language: 'nl' as const, effectiveFrom: '2026-01-01' }] };
    expect(selectMessageVersion(entry, 'en', '2026-03-01')).toEqual({ language: 'nl', effectiveFrom: '2026-01-01' });
    expect(selectMessageVersion(entry, 'en', '2025-12-31')).toBeNull();
  });
});

describe('strict rendering', () => {
  function rendererWith(source: string) {
    const directory = mkdtempSync(join(tmpdir(), 'werkbank-messages-'));
    mkdirSync(join(directory, 'status_update'));
    writeFileSync(join(directory, 'status_update', 'nl.2026-01-01.liquid'), source);
    const entry = messageTemplates.find((candidate) => candidate.id === 'status_update');
    if (!entry) throw new Error('no status_update template');
    return (messageFacts: MessageFacts = facts) => createMessageRenderer({ directory }).render(entry, { language: 'nl', effectiveFrom: '2026-01-01' }, sampleLetterFields.nl, messageFacts);
  }

  it('names an unknown field', async () => {
    await expect(rendererWith('subject: Zaak {{ case.caseNumber }}\n\n{{ recipient.nmae }}')()).rejects.toMatchObject({ code: 'template_error', field: 'recipient.nmae' });
    await expect(rendererWith('subject: {{ zaak.nummer }}\n\nx')()).rejects.toBeInstanceOf(MessageTemplateError);
  });

  it('names the appointment field when the case has no appointment', async () => {
    await expect(rendererWith('subject: Afspraak\n\nOp {{ appointment.date }}')({ ...facts, appointment: null }))
      .rejects.toMatchObject({ code: 'template_error', field: 'appointment.date' });
  });

  it('refuses a file without its subject line', async () => {
    await expect(rendererWith('Geachte heer,\n\nx')()).rejects.toMatchObject({ code: 'template_error' });
  });
});

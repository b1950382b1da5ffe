/** The migration that turns plain-text letter bodies into the editor's document gives what plainLetterBody gives. */
import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainLetterBody } from '../../../src/shared/letters/body';

const migration = readFileSync(join(__dirname, '../../../src/server/db/migrations/0005_letter_body_json.sql'), 'utf8');
const client = new PGlite();
afterAll(() => client.close());

describe('migration 0005: letter bodies as documents', () => {
  it('converts plain text like plainLetterBody and leaves documents alone', async () => {
    const texts = [
      'Concept-beschikking: de aanvraag wordt afgewezen. Motivering volgt uit de overgelegde stukken.',
      'Geachte heer,\n\nUw aanvraag is afgewezen.\nZie de motivering.\n\n\nMet vriendelijke groet,\r\nDe IND',
      '',
      '   \n\n  ',
    ];
    const document = JSON.stringify(plainLetterBody('Al een document.'));
    await client.exec('CREATE TABLE letters (id integer PRIMARY KEY, body text NOT NULL)');
    for (const [index, body] of [...texts, document].entries()) {
      await client.query('INSERT INTO letters (id, body) VALUES ($1, $2)', [index, body]);
    }
    await client.exec(migration);
    const rows = (await client.query<{ id: number; body: string }>('SELECT id, body FROM letters ORDER BY id')).rows;
    texts.forEach((text, index) => expect(JSON.parse(rows[index]?.body ?? '')).toEqual(plainLetterBody(text)));
    expect(rows[texts.length]?.body).toBe(document);
  });
});

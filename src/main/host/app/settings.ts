/** Installation settings kept in the local cache. */
import { eq } from 'drizzle-orm';
import { language as languageSchema, type Language } from '../../../shared/contract';
import type { CacheDatabase } from '../db/open';
import { settings } from '../db/schema';

/** The remembered UI language; Dutch until the user picks another. */
export function readLanguage(db: CacheDatabase): Language {
  const row = db.select().from(settings).where(eq(settings.key, 'language')).get();
  const parsed = languageSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : 'nl';
}

/** Remembers the UI language. */
export function writeLanguage(db: CacheDatabase, language: Language): void {
  db.insert(settings).values({ key: 'language', value: language })
    .onConflictDoUpdate({ target: settings.key, set: { value: language } }).run();
}

/**
 * The domain engine's texts (deadline explanations, priority reasons) as the i18next namespace
 * 'domain'. They live in src/shared/domain/messages.ts, exporting `domainMessages = { nl, en }`.
 * Loaded through a glob so the renderer builds whether or not that module exists yet; once it
 * exists, it is bundled and registered without a change here.
 */
import type { Language } from '../../../shared/contract';

type Catalog = Record<string, unknown>;

interface DomainMessagesModule {
  domainMessages?: Partial<Record<Language, Catalog>>;
}

const modules = import.meta.glob<DomainMessagesModule>('../../../shared/domain/messages.ts', { eager: true });

/** The 'domain' namespace per language, or an empty catalog where the module is not there. */
export function domainCatalogs(): Record<Language, Catalog> {
  const messages = Object.values(modules)[0]?.domainMessages;
  return { nl: messages?.nl ?? {}, en: messages?.en ?? {} };
}

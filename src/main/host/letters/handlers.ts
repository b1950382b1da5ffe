/** The `letters` calls: a case's letters, the templates that apply to it, its merge fields and a rendered preview. */
import type { lettersCalls } from '../../../shared/contract';
import { isRegime } from '../../../shared/domain/rules';
import { letterTemplates, selectTemplate } from '../../../shared/letters/manifest';
import { RpcError } from '../../../shared/rpc';
import type { HandlersOf, HostParts } from '../context';
import { LetterFieldsReader } from './fields';
import { LettersReader } from './list';
import { LetterPreviewer, templatesFor } from './preview';

export function lettersHandlers(parts: HostParts): HandlersOf<typeof lettersCalls> {
  const { cache, options, logger } = parts;
  const letters = new LettersReader(cache.sqlite);
  const fields = new LetterFieldsReader(cache.sqlite, cache.db, () => parts.sync?.session.userId() ?? null, parts.today);
  const previewer = new LetterPreviewer({ lettersDirectory: options.lettersDirectory, fontsDirectory: options.fontsDirectory, logger });
  const regimeOf = cache.sqlite.prepare('SELECT regime FROM cases WHERE id = ?').pluck();
  return {
    'letters.list': ({ caseId }) => ({ items: letters.list(caseId) }),
    'letters.templates': ({ caseId, today }) => {
      const regime = regimeOf.get(caseId) as string | undefined;
      if (regime === undefined) throw new RpcError('not_found', 'This case is not in the local cache.');
      // A regime this version does not know has no templates, rather than another regime's.
      return { items: isRegime(regime) ? templatesFor(regime, today) : [] };
    },
    'letters.fields': ({ caseId, letterDate, language, kind }) => fields.build({ caseId, letterDate, language, kind }).fields,
    'letters.preview': async ({ caseId, kind, letterDate, language, body }) => {
      // The fields are worded in the language of the text that will be used: Dutch where the asked one has none.
      const regime = regimeOf.get(caseId) as string | undefined;
      const entry = regime !== undefined && isRegime(regime) ? selectTemplate(letterTemplates, kind, language, regime, letterDate) : null;
      const built = fields.build({ caseId, letterDate, language: entry?.language ?? language, kind, body });
      return previewer.preview({ kind, language, regime: built.regime, fields: built.fields, body: null });
    },
  };
}

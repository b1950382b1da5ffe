/** The `letters` calls: a case's letters, the templates that apply to it, its merge fields and a rendered preview. */
import type { lettersCalls } from '../../../shared/contract';
import { isRegime } from '../../../shared/domain/rules';
import { RpcError } from '../../../shared/rpc';
import type { HandlersOf, HostParts } from '../context';
import { LetterDetailReader } from './detail';
import { LetterDrafts } from './draft';
import { LetterFieldsReader } from './fields';
import { groundTexts } from './grounds';
import { LettersReader } from './list';
import { LetterPreviewer, templatesFor } from './preview';

export function lettersHandlers(parts: HostParts): HandlersOf<typeof lettersCalls> {
  const { cache, options, logger } = parts;
  const letters = new LettersReader(cache.sqlite);
  const userId = () => parts.sync?.session.userId() ?? null;
  const fields = new LetterFieldsReader(cache.sqlite, cache.db, userId, parts.today);
  const previewer = new LetterPreviewer({ lettersDirectory: options.lettersDirectory, fontsDirectory: options.fontsDirectory, logger });
  const regimeOf = cache.sqlite.prepare('SELECT regime FROM cases WHERE id = ?').pluck();
  const regimeOfCase = (caseId: string) => {
    const regime = regimeOf.get(caseId) as string | undefined;
    return regime !== undefined && isRegime(regime) ? regime : null;
  };
  const drafts = new LetterDrafts(fields, previewer, regimeOfCase, groundTexts);
  const detail = new LetterDetailReader(cache.sqlite, letters, userId, parts.today);
  return {
    'letters.list': ({ caseId }) => ({ items: letters.list(caseId) }),
    'letters.templates': ({ caseId, today }) => {
      const regime = regimeOf.get(caseId) as string | undefined;
      if (regime === undefined) throw new RpcError('not_found', 'This case is not in the local cache.');
      // A regime this version does not know has no templates, rather than another regime's.
      return { items: isRegime(regime) ? templatesFor(regime, today) : [] };
    },
    'letters.fields': ({ caseId, letterDate, language, kind }) => fields.build({ caseId, letterDate, language, kind }).fields,
    'letters.preview': (request) => drafts.view(request),
    'letters.get': ({ letterId }) => detail.get(letterId),
    'letters.awaitingReview': () => ({ items: detail.awaitingReview() }),
  };
}

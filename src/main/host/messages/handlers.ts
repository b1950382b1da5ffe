/** The `messages` calls: a case's threads, one thread, unread counts, templates, composing and search. */
import type { messagesCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { LetterFieldsReader } from '../letters/fields';
import { MessageComposer } from './compose';
import { MessageSearch } from './search';
import { ThreadsReader } from './threads';
import { UnreadReader } from './unread';

export function messagesHandlers(parts: HostParts): HandlersOf<typeof messagesCalls> {
  const { cache, options } = parts;
  // The cache's owner, as the session names it; read here too so a host without a central API (tests) agrees.
  const owner = cache.sqlite.prepare('SELECT user_id FROM sync_state WHERE id = 1').pluck();
  const userId = () => parts.sync?.session.userId() ?? (owner.get() as string | null | undefined) ?? null;
  const threads = new ThreadsReader(cache.sqlite, userId);
  const fields = new LetterFieldsReader(cache.sqlite, cache.db, userId, parts.today);
  const composer = new MessageComposer({
    sqlite: cache.sqlite, fields, threads, today: parts.today, logger: parts.logger, directory: options.messagesDirectory,
  });
  const search = new MessageSearch(cache.sqlite);
  const unread = new UnreadReader(cache.sqlite);
  return {
    'messages.threads': ({ caseId }) => threads.threads(caseId),
    'messages.thread': ({ threadId }) => threads.thread(threadId),
    'messages.unread': () => unread.totals(),
    'messages.templates': ({ caseId, counterpart }) => ({ items: composer.templates(caseId, counterpart) }),
    'messages.compose': (request) => composer.compose(request),
    'messages.search': ({ query, caseId, limit }) => ({ hits: search.search(query, limit, caseId) }),
  };
}

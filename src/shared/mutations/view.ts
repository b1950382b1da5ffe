/** The saved-view family on the client: a view saved or deleted offline shows in the queue as it will be. */
import type { FamilyMutations } from './types';

export const viewMutations = {
  'view.save': {
    guarded: null,
    applyToCase: null,
    overlay: {
      savedViews: (views, args, userId) => {
        const before = views.get(args.viewId);
        views.set(args.viewId, {
          id: args.viewId, ownerId: before?.ownerId ?? userId ?? '', name: args.name, filter: args.filter,
          // Sharing is fixed when a view is created, so a rename keeps the team it had.
          teamId: before ? before.teamId : args.teamId ?? null, pending: true,
        });
      },
    },
    conflictValues: {},
  },
  'view.delete': {
    guarded: null,
    applyToCase: null,
    overlay: { savedViews: (views, args) => void views.delete(args.viewId) },
    conflictValues: {},
  },
} satisfies FamilyMutations<'view'>;

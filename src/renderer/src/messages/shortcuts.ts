/** The Messages tab's keys, for its panel and for the case screen's shortcut legend. */
export const messageShortcuts = [
  { hotkey: 'r', keys: ['R'], label: 'reply' },
  { hotkey: 'n', keys: ['N'], label: 'nextUnread' },
] as const;

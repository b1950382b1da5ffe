/**
 * "Veld invoegen": the toolbar menu of merge fields, by group as the catalogue orders them, each
 * with the value it would print, so the caseworker picks by what the letter will say. Opened by its
 * button or by Mod-Alt-f from the text (the editor tells the component, which opens it here).
 */
import { Group, Menu, ScrollArea, Text } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { IconBraces } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LetterFields } from '../../../../shared/letters/fields';
import { letterFieldGroups, type LetterFieldEntry } from '../../../../shared/letters/fields';
import { letterEditorShortcuts, shortcutKeys } from './extensions';
import { fieldDisplayValue, insertableFields, useMergeFieldContext } from './mergeFields';

export interface FieldMenuProps {
  opened: boolean;
  onChange(opened: boolean): void;
  onInsert(path: string): void;
}

/** The insertable fields grouped, in catalogue order. */
const fieldGroups = ((): [keyof LetterFields, LetterFieldEntry[]][] => {
  const groups = new Map<keyof LetterFields, LetterFieldEntry[]>();
  for (const entry of insertableFields) groups.set(entry.group, [...(groups.get(entry.group) ?? []), entry]);
  return [...groups.entries()];
})();

const menuShortcut = letterEditorShortcuts.find((shortcut) => shortcut.hotkey === 'Mod-Alt-f');

export function FieldMenu({ opened, onChange, onInsert }: FieldMenuProps) {
  const { t } = useTranslation();
  const context = useMergeFieldContext();
  const title = t('letterEditor.toolbar.insertField');
  return (
    <Menu opened={opened} onChange={onChange} position="bottom-start" width={360} shadow="md" withinPortal>
      <Menu.Target>
        <RichTextEditor.Control aria-label={title} title={menuShortcut ? `${title} (${shortcutKeys(menuShortcut).join('+')})` : title} data-testid="letter-editor-insert-field" w="auto" px="xs">
          <Group gap={4} wrap="nowrap">
            <IconBraces size={16} stroke={1.5} aria-hidden />
            <Text size="xs" span>{title}</Text>
          </Group>
        </RichTextEditor.Control>
      </Menu.Target>
      <Menu.Dropdown data-testid="letter-editor-field-menu">
        {context.fields === null && <Text size="xs" c="dark.5" px="sm" py={4}>{t('letterEditor.fieldMenu.noFields')}</Text>}
        <ScrollArea.Autosize mah={360} type="auto">
          {fieldGroups.map(([group, entries]) => (
            <div key={group}>
              <Menu.Label>{letterFieldGroups[group][context.uiLanguage]}</Menu.Label>
              {entries.map((entry) => {
                const value = fieldDisplayValue(entry.path, context);
                return (
                  <Menu.Item key={entry.path} onClick={() => onInsert(entry.path)} data-field={entry.path}>
                    <Text size="sm" lh={1.3}>{entry[context.uiLanguage]}</Text>
                    <Text size="xs" lh={1.3} c={value === null ? '#8a3a00' : 'dark.5'} lineClamp={1}>
                      {value ?? t('letterEditor.fieldMenu.noValue')}
                    </Text>
                  </Menu.Item>
                );
              })}
            </div>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}

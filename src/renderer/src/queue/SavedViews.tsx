/**
 * Saved views: the queue's tab, filters and sort under a name, stored on the server through the
 * outbox (so they follow the user to another desktop, and can be saved offline), optionally shared
 * read-only with one of the user's teams.
 */
import { Button, Checkbox, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeViewSettings, type Mutate, type QueueDirectory, type SavedViewItem, type SavedViewSettings } from '../../../shared/contract';

export interface SavedViewsProps {
  views: readonly SavedViewItem[];
  current: SavedViewSettings;
  directory: QueueDirectory | null;
  onApply: (view: SavedViewItem) => void;
  /** Queues a mutation; rejects with the host's error. */
  mutate: Mutate;
  saveOpened: boolean;
  onSaveOpenedChange: (opened: boolean) => void;
}

export function SavedViews({ views, current, directory, onApply, mutate, saveOpened, onSaveOpenedChange }: SavedViewsProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [share, setShare] = useState(false);
  const myTeams = (directory?.teams ?? []).filter((team) => directory?.me?.teamIds.includes(team.id));
  const [teamId, setTeamId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = views.filter((view) => view.mine);
  const shared = views.filter((view) => !view.mine);
  const save = (): void => {
    const chosenTeam = share ? teamId ?? myTeams[0]?.id ?? null : null;
    mutate('view.save', { viewId: crypto.randomUUID(), name: name.trim(), filter: encodeViewSettings(current), ...(chosenTeam ? { teamId: chosenTeam } : {}) })
      .then(() => {
        setName('');
        setShare(false);
        setError(null);
        onSaveOpenedChange(false);
      }, () => setError(t('queue.views.saveFailed')));
  };

  return (
    <>
      <Menu position="bottom-end" width={300} shadow="md">
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconBookmark size={16} aria-hidden />} data-testid="views-menu">{t('queue.views.title')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('queue.views.mine')}</Menu.Label>
          {mine.length === 0 && <Menu.Item disabled>{t('queue.views.none')}</Menu.Item>}
          {mine.map((view) => (
            <Menu.Item key={view.id} onClick={() => onApply(view)} data-testid="view-item"
              rightSection={(
                <Group gap={4} wrap="nowrap">
                  {view.teamId && <IconUsers size={14} aria-label={t('queue.views.sharedWithTeam')} />}
                  {view.pending && <Text span size="xs" c="dimmed">{t('queue.views.pending')}</Text>}
                </Group>
              )}>
              {view.name}
            </Menu.Item>
          ))}
          {shared.length > 0 && <Menu.Label>{t('queue.views.shared')}</Menu.Label>}
          {shared.map((view) => (
            <Menu.Item key={view.id} onClick={() => onApply(view)} data-testid="view-item">
              {view.name}<Text span size="xs" c="dimmed"> · {view.ownerName ?? ''}</Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={() => onSaveOpenedChange(true)} data-testid="view-save-open">{t('queue.views.saveCurrent')}</Menu.Item>
          {mine.length > 0 && <Menu.Label>{t('queue.views.delete')}</Menu.Label>}
          {mine.map((view) => (
            <Menu.Item key={`delete-${view.id}`} color="red.9" leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => void mutate('view.delete', { viewId: view.id })}>
              {view.name}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saveOpened} onClose={() => onSaveOpenedChange(false)} title={t('queue.views.saveTitle')} centered closeButtonProps={{ 'aria-label': t('app.close') }}>
        <form onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) save();
        }}>
          <Stack gap="sm">
            <TextInput label={t('queue.views.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} required maxLength={100} data-autofocus data-testid="view-name" />
            {myTeams.length > 0 && (
              <Checkbox label={t('queue.views.share')} checked={share} onChange={(event) => setShare(event.currentTarget.checked)} data-testid="view-share" />
            )}
            {share && myTeams.length > 1 && (
              <Select label={t('queue.views.team')} data={myTeams.map((team) => ({ value: team.id, label: team.name }))} value={teamId ?? myTeams[0]?.id ?? null} onChange={setTeamId} />
            )}
            <Text size="xs" c="dimmed">{t('queue.views.saveHint')}</Text>
            {error && <Text size="sm" c="red.9" role="alert">{error}</Text>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onSaveOpenedChange(false)}>{t('queue.cancel')}</Button>
              <Button type="submit" disabled={!name.trim()} data-testid="view-save">{t('queue.views.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

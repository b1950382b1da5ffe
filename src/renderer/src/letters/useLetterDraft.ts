/**
 * The state of one letter in the editor: its body and decision record as the caseworker changes
 * them, the host's rendering of them (PDF, frame, findings) and saving. A change is previewed
 * after a short pause and the draft is saved through the outbox as soon as that preview answers,
 * so what is saved is always a body with the frame it was checked in, and nothing typed waits
 * longer than a pause plus one render to be on disk. Previews that answer out of order are dropped.
 * The editor's edits are read when the pause ends, not per key press (LetterEditor's `onEdit`), so
 * `body` is the text as of the last pause.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { mutationCall, type Language, type LetterDraftView } from '../../../shared/contract';
import type { LetterBody } from '../../../shared/letters/body';
import type { LetterDecisionRecord } from '../../../shared/letters/draft';
import type { LetterKind } from '../../../shared/sync/mutations';
import { errorCodeOf, type UiErrorCode } from '../errors';
import { useApi } from '../state/api';

/** The pause after the last keystroke before the letter is rendered again. */
export const previewPauseMs = 150;

export interface LetterDraftInput {
  letterId: string;
  caseId: string;
  kind: LetterKind;
  letterDate: string;
  language: Language;
  /** null: a new letter, which starts from the template's proposal. */
  body: LetterBody | null;
  decision: LetterDecisionRecord | null;
  /** False for a letter this user may only read: it is rendered, never saved. */
  editable: boolean;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface LetterDraft {
  view: LetterDraftView | null;
  body: LetterBody | null;
  decision: LetterDecisionRecord | null;
  errorCode: UiErrorCode | null;
  /** Why the host could not render it: the missing facts, a template problem (its RPC details). */
  errorDetails: Record<string, unknown> | null;
  saveState: SaveState;
  /** True while a change has not been rendered (and so not saved) yet. */
  pending: boolean;
  /** The editor changed its document: `read` gives its body when the pause is over. */
  edit: (read: () => LetterBody | null) => void;
  /** Replaces the body from outside the editor (the reasoning builder), from the body as it is now, edits included. */
  updateBody: (update: (body: LetterBody) => LetterBody) => void;
  setDecision: (decision: LetterDecisionRecord | null) => void;
  /** Renders and saves now (before submitting); resolves with the view that was saved. */
  flush: () => Promise<LetterDraftView | null>;
}

function detailsOf(error: unknown): Record<string, unknown> | null {
  const details = (error as { details?: unknown } | null)?.details;
  return typeof details === 'object' && details !== null ? details as Record<string, unknown> : null;
}

export function useLetterDraft(input: LetterDraftInput): LetterDraft {
  const api = useApi();
  const [body, setBodyState] = useState<LetterBody | null>(input.body);
  const [decision, setDecisionState] = useState<LetterDecisionRecord | null>(input.decision);
  const [view, setView] = useState<LetterDraftView | null>(null);
  const [errorCode, setErrorCode] = useState<UiErrorCode | null>(null);
  const [errorDetails, setErrorDetails] = useState<Record<string, unknown> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [pending, setPending] = useState(false);
  const request = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The editor's latest edit, not read yet.
  const unread = useRef<(() => LetterBody | null) | null>(null);
  // What the next render sends: set with the state, so a render scheduled before React re-renders sees it.
  const latest = useRef({ body: input.body, decision: input.decision });
  const { letterId, caseId, kind, letterDate, language, editable } = input;

  const saveDraft = useCallback(async (body: LetterBody, frame?: LetterDraftView['frame']): Promise<void> => {
    setSaveState('saving');
    try {
      await api.sync.mutate(mutationCall('letter.saveDraft', { letterId, caseId, kind, body, ...(frame ? { frame } : {}) }));
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  }, [api, caseId, kind, letterId]);

  /** Takes the editor's unread edit into the body; a document the schema refuses leaves the last body. */
  const takeEdit = useCallback((): void => {
    const read = unread.current;
    unread.current = null;
    const next = read?.() ?? null;
    if (next === null) return;
    latest.current = { ...latest.current, body: next };
    setBodyState(next);
  }, []);

  const render = useCallback(async (save: boolean): Promise<LetterDraftView | null> => {
    takeEdit();
    const number = ++request.current;
    const { body: current, decision: chosen } = latest.current;
    try {
      const answer = await api.letters.preview({ caseId, kind, letterDate, language, body: current, decision: chosen });
      if (number !== request.current) return null;
      // The same fields as the last preview keep their object, so the editor's merge fields do not all re-render.
      setView((previous) => (previous && JSON.stringify(previous.frame.fields) === JSON.stringify(answer.frame.fields)
        ? { ...answer, frame: { ...answer.frame, fields: previous.frame.fields } } : answer));
      setErrorCode(null);
      setErrorDetails(null);
      setPending(false);
      if (current === null) {
        latest.current = { ...latest.current, body: answer.body };
        setBodyState(answer.body);
      }
      if (save && editable) await saveDraft(answer.body, answer.frame);
      return answer;
    } catch (error) {
      if (number !== request.current) return null;
      setErrorCode(errorCodeOf(error));
      setErrorDetails(detailsOf(error));
      setPending(false);
      // The text is kept even when it cannot be rendered: a body without a frame can be saved, not submitted.
      if (save && editable && current !== null) await saveDraft(current);
      return null;
    }
  }, [api, caseId, editable, kind, language, letterDate, saveDraft, takeEdit]);

  const schedule = useCallback(() => {
    setPending(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void render(true);
    }, previewPauseMs);
  }, [render]);

  // The first render: a new letter is saved at once, so it is in the outbox before a word is typed.
  useEffect(() => {
    void render(input.body === null);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // Only when it is another letter or another frame; body changes go through schedule().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [letterId, kind, letterDate, language]);

  const edit = useCallback((read: () => LetterBody | null) => {
    unread.current = read;
    schedule();
  }, [schedule]);

  const updateBody = useCallback((update: (body: LetterBody) => LetterBody) => {
    takeEdit();
    const current = latest.current.body;
    if (current === null) return;
    const next = update(current);
    setBodyState(next);
    latest.current = { ...latest.current, body: next };
    schedule();
  }, [schedule, takeEdit]);

  const setDecision = useCallback((next: LetterDecisionRecord | null) => {
    setDecisionState(next);
    latest.current = { ...latest.current, decision: next };
    schedule();
  }, [schedule]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    return render(editable);
  }, [editable, render]);

  return { view, body, decision, errorCode, errorDetails, saveState, pending, edit, updateBody, setDecision, flush };
}

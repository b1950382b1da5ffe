/**
 * What the panes of the case screen share: the case, which field is selected, the assistant's
 * results and the actions on them (ReviewContext); and, apart, where the viewer is (ViewerSpotContext:
 * document, page, selected text). Switching a document or a page changes only the latter, so the
 * header and the application data do not render again while the viewer opens the next document.
 */
import { createContext, useContext } from 'react';
import type { ReviewCase } from '../../../shared/contract';
import type { MutationInput, MutationName } from '../../../shared/sync';
import type { EvidenceField, EvidenceFinding, EvidenceRequirementId, EvidenceSuggestion } from '../../../shared/domain';
import type { ViewerErrorKind } from '../../viewer/protocol';

/** Where evidence is: a document, a page and optionally the text that proves it. */
export interface EvidenceSpot {
  documentId: string;
  page: number;
  quote?: string;
}

export interface ReviewController {
  review: ReviewCase;
  today: string;
  checklist: readonly EvidenceRequirementId[];
  selectedField: EvidenceField | null;
  /** Documents that could not be opened, and why. */
  failures: ReadonlyMap<string, ViewerErrorKind | 'unavailable'>;
  /** Page texts of the documents read so far (by document id). */
  texts: ReadonlyMap<string, readonly string[]>;
  /** Documents still to read for the assistant and the search. */
  reading: number;
  suggestions: readonly EvidenceSuggestion[];
  findings: readonly EvidenceFinding[];
  selectField(field: EvidenceField | null): void;
  /** Shows a document (at a page, with text to find on it). */
  show(spot: { documentId: string; page?: number; find?: string }): void;
  /** Marks a field (or a checklist requirement) verified at a spot; the viewer's spot (and selected text) when none is given. */
  verify(field: EvidenceField | null, requirement: string | null, spot?: EvidenceSpot): Promise<boolean>;
  /** Queues a named mutation; false (with a message shown) when the host refused it. */
  mutate<Name extends MutationName>(name: Name, args: MutationInput<Name>): Promise<boolean>;
}

/** Where the viewer is. */
export interface ViewerSpot {
  /** The document shown in the viewer (null: the case has none) and its page. */
  documentId: string | null;
  page: number;
  /** Text selected in the viewer, on the shown document. */
  selection: { page: number; text: string } | null;
}

export const ReviewContext = createContext<ReviewController | null>(null);
export const ViewerSpotContext = createContext<ViewerSpot | null>(null);

/** The case screen's controller. */
export function useReview(): ReviewController {
  const controller = useContext(ReviewContext);
  if (!controller) throw new Error('useReview outside the case screen');
  return controller;
}

/** Where the case screen's viewer is; a component that reads it renders again on every document or page change. */
export function useViewerSpot(): ViewerSpot {
  const spot = useContext(ViewerSpotContext);
  if (!spot) throw new Error('useViewerSpot outside the case screen');
  return spot;
}

/**
 * The shape of a demo dataset on disk, made so a loader can insert it into the central API's schema
 * (src/server/db/schema.ts) table by table:
 *
 *   DIR/dataset.json   everything but the cases: teams, users (no passwords), organisations,
 *                      scenarios, counts
 *   DIR/cases.jsonl    one DatasetCase per line (streamable at 100,000 cases)
 *   DIR/blobs/<sha256>.pdf  content-addressed PDFs; identical PDFs are stored once
 *
 * Ids are UUIDs (the server's intake takes UUID team ids); dates are 'YYYY-MM-DD', moments ISO
 * instants in UTC, money integer cents.
 */
import { type IsoDate, type Period, type Regime } from '../../shared/domain';
import { type BiometricsLocation, type Organisation } from './organisations';
import { type DatasetTeam, type DatasetUser } from './staff';

export const datasetFormat = 'werkbank-training-dataset';
export const datasetFormatVersion = 1;

/** What one PDF in the blob store is. */
export type DocumentKind =
  | 'passport' | 'employment_contract' | 'payslips' | 'birth_certificate' | 'marriage_certificate'
  | 'admission_letter' | 'antecedents_declaration' | 'objection_notice' | 'country_report'
  | 'bank_statements' | 'supporting_documents';

export type DatasetDocument = {
  id: string;
  title: string;
  kind: DocumentKind;
  mediaType: 'application/pdf';
  sha256: string;
  size: number;
  /** Page count as written (for a broken file: of the file before it was damaged). */
  pageCount: number;
  /** Pages that are only a raster image (no text layer), as from a scanner. */
  imageOnlyPages: number;
  /** Deliberately damaged: readers must fail with a clear message. */
  broken: 'truncated' | 'encrypted' | null;
  /** Made for this case (its text agrees with the case data) or a shared template. */
  perCase: boolean;
  source: 'applicant' | 'representative' | 'ind';
  uploadedAt: string;
};

/** A known deliberate disagreement between a document and the application, for the evidence checks. */
export type ExpectedFinding =
  | { kind: 'name_mismatch'; documentId: string; field: 'surname'; expected: string; found: string }
  | { kind: 'salary_below_threshold'; documentId: string; claimedMonthlySalaryCents: number; documentMonthlySalaryCents: number; thresholdCents: number; ageOnReceipt: number };

export type DatasetParty = {
  id: string;
  role: 'applicant' | 'sponsor' | 'representative';
  name: string;
  givenNames: string | null;
  surname: string | null;
  sex: 'F' | 'M' | null;
  vNumber: string | null;
  bsn: string | null;
  birthDate: IsoDate | null;
  birthPlace: string | null;
  nationality: string | null;
  organisation: string | null;
  organisationId: string | null;
  recognisedSponsor: boolean;
  address: Record<string, string> | null;
  email: string | null;
  phone: string | null;
};

export type DatasetMessage = {
  id: string;
  direction: 'inbound' | 'outbound';
  /** Username of the staff author of an outbound message. */
  author: string | null;
  body: string;
  sentAt: string;
  readAt: string | null;
};

export type DatasetThread = {
  id: string;
  subject: string;
  counterpart: 'applicant' | 'sponsor' | 'representative';
  language: 'nl' | 'en';
  createdAt: string;
  messages: DatasetMessage[];
};

/**
 * A letter the loader drafts with the app's own letter code (letters.ts): its frame and body are
 * built at load time from the loaded rows, dated the dataset's today, so they are exactly what the
 * editor would produce and the server's letter check passes.
 */
export type DatasetLetterDraft = {
  language: 'nl' | 'en';
  /** Legal grounds from the catalogue (src/shared/letters/grounds.ts), proven by the case's evidence links. */
  groundIds: string[];
};

export type DatasetLetter = {
  id: string;
  kind: 'acknowledgement' | 'missing_documents' | 'extension_notice' | 'grant' | 'refusal' | 'not_processed' | 'objection_decision' | 'penalty_decision';
  status: 'draft' | 'submitted' | 'approved' | 'returned' | 'sent';
  body: string;
  drafter: string;
  submittedAt: string | null;
  approver: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  updatedAt: string;
  /** The reviewer's reason, for a returned letter. */
  returnedReason?: string | null;
  /** Drafted at load time with a frame; otherwise the plain `body` is stored without one. */
  draft?: DatasetLetterDraft;
};

/** A checklist requirement the caseworker verified against a page of a document (evidence_links). */
export type DatasetEvidenceLink = {
  id: string;
  documentId: string;
  requirement: string;
  field: string | null;
  page: number | null;
  quote: string | null;
  /** Username of the caseworker who verified it. */
  createdBy: string;
  createdAt: string;
};

export type DatasetEvent = { id: string; at: string; actor: string | null; kind: string; detail: Record<string, string | number | boolean | null> };

export type DatasetCase = {
  id: string;
  caseNumber: string;
  caseType: string;
  regime: Regime;
  status: 'intake' | 'in_progress' | 'waiting_on_applicant' | 'in_review' | 'decided' | 'closed';
  teamId: string;
  /** Username of the assignee (users carry their ids in dataset.json). */
  assignee: string | null;
  receivedOn: IsoDate;
  contestedDecisionOn: IsoDate | null;
  fee: { status: 'paid' | 'unpaid' | 'exempt'; paidOn: IsoDate | null; amountCents: number | null };
  biometrics: { kind: BiometricsLocation['kind']; location: string; at: string } | null;
  /** From the domain engine as of the dataset's today; null while it cannot run (unpaid naturalisation). */
  deadline: IsoDate | null;
  penaltyAmountCents: number;
  decision: 'grant' | 'refuse' | 'not_processed' | 'withdrawn' | 'objection_decided' | null;
  decidedOn: IsoDate | null;
  /** An unaccompanied minor or another vulnerable applicant (priority). */
  vulnerable: boolean;
  /** What the applicant (or employer) stated on the form; the evidence checks compare documents to it. */
  application: Record<string, string | number | boolean | null>;
  parties: DatasetParty[];
  suspensions: { id: string; requestedOn: IsoDate; dueOn: IsoDate; endedOn: IsoDate | null; documents: string[] }[];
  extensions: { id: string; period: Period; legalGround: string; announcedOn: IsoDate }[];
  noticesOfDefault: { id: string; receivedOn: IsoDate; source: 'my_ind' | 'post' | 'representative' }[];
  documents: DatasetDocument[];
  threads: DatasetThread[];
  letters: DatasetLetter[];
  /** Absent in datasets made before evidence links were generated. */
  evidenceLinks?: DatasetEvidenceLink[];
  events: DatasetEvent[];
  notes: { id: string; author: string; body: string; createdAt: string }[];
  expectedFindings: ExpectedFinding[];
  /** The scenario this case belongs to, if any. */
  scenario: string | null;
  createdAt: string;
  updatedAt: string;
};

/** A named known state for a lesson; resetting it restores its cases from the dataset. */
export type DatasetScenario = {
  id: string;
  title: { nl: string; en: string };
  description: { nl: string; en: string };
  caseIds: string[];
  /** Who the lesson is for (username). */
  user: string;
  /** Extra state a reset applies beyond the cases' rows (e.g. the client-side half of a conflict). */
  setup: Record<string, string | number | boolean | null>;
};

export type DatasetManifest = {
  format: typeof datasetFormat;
  formatVersion: typeof datasetFormatVersion;
  seed: number;
  today: IsoDate;
  caseCount: number;
  casesFile: 'cases.jsonl';
  blobsFolder: 'blobs';
  /** Never a password: demo users sign in with the documented constant (staff.ts demoPassword). */
  demoUsers: string[];
  teams: DatasetTeam[];
  users: DatasetUser[];
  organisations: Organisation[];
  biometricsLocations: BiometricsLocation[];
  scenarios: DatasetScenario[];
  summary: {
    caseTypes: Record<string, number>;
    statuses: Record<string, number>;
    documents: number;
    blobs: number;
    blobBytes: number;
    brokenDocuments: number;
    imageOnlyPages: number;
    expectedFindings: Record<string, number>;
  };
};

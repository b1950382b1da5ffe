/**
 * Organisations of the demo dataset: recognised sponsors (employers, universities, au pair
 * agencies), law firms acting as representatives, and the places where applicants give their
 * biometrics (IND desks and expat centres, docs/domain.md). The names of sponsors and law firms are
 * invented, so no real organisation appears to have signed a demo document.
 */

/** A recognised sponsor (erkend referent) or another organisation on the applicant's side. */
export type Organisation = {
  id: string;
  name: string;
  kind: 'employer' | 'university' | 'au_pair_agency' | 'law_firm';
  city: string;
  recognisedSponsor: boolean;
};

const employers: [string, string, string][] = [
  ['sponsor-employer-01', 'Polderlicht Technologies B.V.', 'Eindhoven'],
  ['sponsor-employer-02', 'Van Dam Logistics B.V.', 'Rotterdam'],
  ['sponsor-employer-03', 'Noordkust Software B.V.', 'Amsterdam'],
  ['sponsor-employer-04', 'Rijnmond Chemie N.V.', 'Rotterdam'],
  ['sponsor-employer-05', 'Grachtenzorg Medical B.V.', 'Amsterdam'],
  ['sponsor-employer-06', 'Delta Quantum Systems B.V.', 'Delft'],
  ['sponsor-employer-07', 'Zuidas Finance Partners B.V.', 'Amsterdam'],
  ['sponsor-employer-08', 'Oranjewoud Semiconductors B.V.', 'Nijmegen'],
  ['sponsor-employer-09', 'Hofstad Data Services B.V.', 'Den Haag'],
  ['sponsor-employer-10', 'Domstad Engineering B.V.', 'Utrecht'],
  ['sponsor-employer-11', 'Maaskant Agritech B.V.', 'Wageningen'],
  ['sponsor-employer-12', 'Twentse Precisie Instrumenten B.V.', 'Enschede'],
];
const universities: [string, string, string][] = [
  ['sponsor-university-01', 'Universiteit van de Lage Landen', 'Leiden'],
  ['sponsor-university-02', 'Technische Universiteit Rijnland', 'Delft'],
  ['sponsor-university-03', 'Rijksuniversiteit Noorderzijl', 'Groningen'],
  ['sponsor-university-04', 'Universiteit Amstelstad', 'Amsterdam'],
  ['sponsor-university-05', 'Hogeschool Domstad', 'Utrecht'],
  ['sponsor-university-06', 'Maastricht Institute of Applied Sciences', 'Maastricht'],
];
const auPairAgencies: [string, string, string][] = [
  ['sponsor-aupair-01', 'Tulp Au Pair Bureau', 'Haarlem'],
  ['sponsor-aupair-02', 'Au Pair Holland Connect', 'Amersfoort'],
  ['sponsor-aupair-03', 'Gastgezin Nederland', 'Zwolle'],
];
const lawFirms: [string, string, string][] = [
  ['lawfirm-01', 'Advocatenkantoor De Vries & Öztürk', 'Amsterdam'],
  ['lawfirm-02', 'Van Leeuwen Migratierecht', 'Den Haag'],
  ['lawfirm-03', 'Kamerbeek Advocaten', 'Utrecht'],
  ['lawfirm-04', 'Bureau Rechtshulp Zuid', 'Eindhoven'],
  ['lawfirm-05', 'Jansen Bakker Immigration Lawyers', 'Rotterdam'],
  ['lawfirm-06', 'Noorderlicht Advocaten', 'Groningen'],
];

function organisations(rows: [string, string, string][], kind: Organisation['kind']): Organisation[] {
  return rows.map(([id, name, city]) => ({ id, name, kind, city, recognisedSponsor: kind !== 'law_firm' }));
}

export const sponsorEmployers = organisations(employers, 'employer');
export const sponsorUniversities = organisations(universities, 'university');
export const sponsorAuPairAgencies = organisations(auPairAgencies, 'au_pair_agency');
export const representativeLawFirms = organisations(lawFirms, 'law_firm');

/** Every organisation of the dataset. */
export const allOrganisations: Organisation[] = [
  ...sponsorEmployers, ...sponsorUniversities, ...sponsorAuPairAgencies, ...representativeLawFirms,
];

/** A place where biometrics (photo, fingerprints, signature) are taken. */
export type BiometricsLocation = { kind: 'ind_desk' | 'expat_centre'; location: string; city: string };

/** IND desks and expat centres from docs/domain.md. */
export const biometricsLocations: BiometricsLocation[] = [
  { kind: 'ind_desk', location: 'IND-loket Amsterdam', city: 'Amsterdam' },
  { kind: 'ind_desk', location: 'IND-loket Den Bosch', city: "'s-Hertogenbosch" },
  { kind: 'ind_desk', location: 'IND-loket Den Haag Rijnstraat', city: 'Den Haag' },
  { kind: 'ind_desk', location: 'IND-loket Zwolle', city: 'Zwolle' },
  { kind: 'expat_centre', location: 'IN Amsterdam', city: 'Amsterdam' },
  { kind: 'expat_centre', location: 'Rotterdam Expat Centre', city: 'Rotterdam' },
  { kind: 'expat_centre', location: 'The Hague International Centre', city: 'Den Haag' },
  { kind: 'expat_centre', location: 'Expat Centre Utrecht', city: 'Utrecht' },
  { kind: 'expat_centre', location: 'Holland Expat Center South', city: 'Eindhoven' },
  { kind: 'expat_centre', location: 'Expat Centre Maastricht Region', city: 'Maastricht' },
  { kind: 'expat_centre', location: 'International Welcome Center North', city: 'Groningen' },
  { kind: 'expat_centre', location: 'Expat Center East Netherlands', city: 'Enschede' },
  { kind: 'expat_centre', location: 'Expat Centre Food Valley', city: 'Wageningen' },
];

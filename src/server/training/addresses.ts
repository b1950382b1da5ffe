/**
 * Postal addresses for the parties a letter may go to. An applicant abroad gets a plausible address
 * in their nationality's country (the letter prints the country as its last line, build-fields.ts
 * `addressLines`); an organisation gets one fixed office address, the same in every case, as a law
 * firm or an employer has. Street names are generic and house numbers drawn, so no real household
 * is addressed; the cities are real so the letter looks like real post.
 */
import { type Organisation } from './organisations';
import { type NationalityCode } from './people';
import { type Random } from './random';

/** A party's address as the parties table stores it and addressLines reads it. */
export type PostalAddress = { street: string; postcode: string; city: string; country: string };

/** How a country writes a street and a postcode, and a few of its cities (ASCII, for the standard PDF fonts). */
type CountryPost = {
  cities: readonly string[];
  streets: readonly string[];
  /** The house number before the street name (as in English-speaking countries and Brazil's "Rua X, 12" aside). */
  numberFirst: boolean;
  postcode: (random: Random) => string;
};

const digits = (count: number) => (random: Random) => random.digits(count);
const upper = (random: Random) => String.fromCharCode(65 + random.int(0, 25));

const post: Record<NationalityCode, CountryPost> = {
  IND: { cities: ['Bengaluru', 'Mumbai', 'Pune', 'Hyderabad', 'Chennai'], streets: ['MG Road', 'Residency Road', 'Station Road', 'Park Street'], numberFirst: true, postcode: digits(6) },
  TUR: { cities: ['Istanbul', 'Ankara', 'Izmir', 'Bursa'], streets: ['Ataturk Caddesi', 'Cumhuriyet Caddesi', 'Inonu Sokak'], numberFirst: false, postcode: digits(5) },
  BRA: { cities: ['Sao Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba'], streets: ['Rua das Flores', 'Avenida Paulista', 'Rua Augusta'], numberFirst: false, postcode: (random) => `${random.digits(5)}-${random.digits(3)}` },
  MEX: { cities: ['Ciudad de Mexico', 'Guadalajara', 'Monterrey', 'Puebla'], streets: ['Avenida Reforma', 'Calle Hidalgo', 'Calle Morelos'], numberFirst: false, postcode: digits(5) },
  USA: { cities: ['Boston', 'Chicago', 'Seattle', 'Austin'], streets: ['Maple Street', 'Oak Avenue', 'Washington Street'], numberFirst: true, postcode: digits(5) },
  GBR: { cities: ['London', 'Manchester', 'Leeds', 'Bristol'], streets: ['High Street', 'Station Road', 'Church Lane'], numberFirst: true, postcode: (random) => `${upper(random)}${upper(random)}${random.int(1, 20)} ${random.int(1, 9)}${upper(random)}${upper(random)}` },
  ZAF: { cities: ['Cape Town', 'Johannesburg', 'Durban', 'Pretoria'], streets: ['Long Street', 'Main Road', 'Church Street'], numberFirst: true, postcode: digits(4) },
  NGA: { cities: ['Lagos', 'Abuja', 'Ibadan', 'Port Harcourt'], streets: ['Allen Avenue', 'Adeola Odeku Street', 'Herbert Macaulay Way'], numberFirst: true, postcode: digits(6) },
  GHA: { cities: ['Accra', 'Kumasi', 'Tamale', 'Cape Coast'], streets: ['Oxford Street', 'Independence Avenue', 'Ring Road'], numberFirst: true, postcode: (random) => `GA-${random.digits(3)}-${random.digits(4)}` },
  IDN: { cities: ['Jakarta', 'Bandung', 'Surabaya', 'Yogyakarta'], streets: ['Jalan Sudirman', 'Jalan Thamrin', 'Jalan Merdeka'], numberFirst: false, postcode: digits(5) },
  VNM: { cities: ['Hanoi', 'Ho Chi Minh City', 'Da Nang', 'Hai Phong'], streets: ['Pho Hue', 'Duong Le Loi', 'Duong Tran Hung Dao'], numberFirst: true, postcode: digits(6) },
  SUR: { cities: ['Paramaribo', 'Lelydorp', 'Nieuw Nickerie'], streets: ['Keizerstraat', 'Domineestraat', 'Gravenstraat'], numberFirst: false, postcode: () => '' },
  CHN: { cities: ['Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou'], streets: ['Renmin Lu', 'Zhongshan Lu', 'Jiefang Lu'], numberFirst: false, postcode: digits(6) },
  SYR: { cities: ['Damascus', 'Aleppo', 'Latakia', 'Homs'], streets: ['Baghdad Street', 'Al-Thawra Street', 'Al-Jalaa Street'], numberFirst: false, postcode: () => '' },
  IRQ: { cities: ['Baghdad', 'Erbil', 'Basra', 'Mosul'], streets: ['Al-Rasheed Street', 'Al-Mutanabbi Street', 'Karrada Street'], numberFirst: false, postcode: digits(5) },
  YEM: { cities: ['Sanaa', 'Aden', 'Taiz'], streets: ['Hadda Street', 'Al-Zubairi Street', 'Al-Qiyadah Street'], numberFirst: false, postcode: () => '' },
  MAR: { cities: ['Casablanca', 'Rabat', 'Marrakech', 'Tanger'], streets: ['Boulevard Mohammed V', 'Rue Hassan II', 'Avenue des FAR'], numberFirst: true, postcode: digits(5) },
  ERI: { cities: ['Asmara', 'Keren', 'Massawa'], streets: ['Harnet Avenue', 'Sematat Avenue'], numberFirst: false, postcode: () => '' },
  AFG: { cities: ['Kabul', 'Herat', 'Mazar-i-Sharif'], streets: ['Darulaman Road', 'Shahr-e Naw Street', 'Jalalabad Road'], numberFirst: false, postcode: digits(4) },
  IRN: { cities: ['Tehran', 'Isfahan', 'Shiraz', 'Tabriz'], streets: ['Enghelab Street', 'Valiasr Street', 'Azadi Street'], numberFirst: false, postcode: digits(10) },
};

/** An address in the applicant's country; the country's English name is what the letter prints. */
export function makeForeignAddress(random: Random, nationality: NationalityCode, country: string): PostalAddress {
  const rules = post[nationality];
  const number = String(random.int(1, 240));
  const street = random.pick(rules.streets);
  return {
    street: rules.numberFirst ? `${number} ${street}` : `${street} ${number}`,
    postcode: rules.postcode(random),
    city: random.pick(rules.cities),
    country,
  };
}

/** The first and last four-digit postcode area of each city the organisations are in. */
const postcodeAreas: Readonly<Record<string, readonly [number, number]>> = {
  Amsterdam: [1011, 1098], 'Den Haag': [2511, 2597], Rotterdam: [3011, 3089], Utrecht: [3511, 3585], Eindhoven: [5611, 5658],
  Groningen: [9711, 9747], Delft: [2611, 2629], Leiden: [2311, 2334], Maastricht: [6211, 6229], Haarlem: [2011, 2037],
  Amersfoort: [3811, 3830], Zwolle: [8011, 8043], Nijmegen: [6511, 6546], Wageningen: [6701, 6709], Enschede: [7511, 7548],
};

const officeStreets = ['Stationsplein', 'Herengracht', 'Lange Voorhout', 'Catharijnesingel', 'Coolsingel', 'Stadhouderskade', 'Vestdijk', 'Oude Boteringestraat', 'Wilhelminapark', 'Marktstraat'];

/** FNV-1a: ids that differ in one character still land far apart. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (const character of text) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** A fixed office address per organisation, derived from its id, so every case names the same office. */
export function officeAddress(organisation: Organisation): PostalAddress {
  const hash = hashOf(organisation.id);
  const [first, last] = postcodeAreas[organisation.city] ?? [1011, 1098];
  const street = officeStreets[hash % officeStreets.length] ?? 'Stationsplein';
  const letters = String.fromCharCode(65 + ((hash >>> 8) % 26), 65 + ((hash >>> 13) % 26));
  const area = first + ((hash >>> 18) % (last - first + 1));
  return { street: `${street} ${1 + ((hash >>> 4) % 120)}`, postcode: `${area} ${letters}`, city: organisation.city, country: 'NL' };
}

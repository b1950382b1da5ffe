/**
 * People of the demo dataset: nationalities with the names, birthplaces and passport conventions
 * that go with them. Names come from a faker locale of the nationality where faker has one in
 * Latin script; otherwise from short lists of names as transliterated in passports (the MRZ is
 * Latin only, and the UI ships no CJK or Arabic fonts). Names are folded to what the standard PDF
 * fonts can show, so the application data and the PDF text agree character for character.
 */
import { Faker, base, en, en_GB, en_GH, en_IN, en_NG, en_US, en_ZA, es_MX, id_ID, nl, pt_BR, tr, vi, type LocaleDefinition } from '@faker-js/faker';
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { isWinAnsi } from './pdf/writer';
import { type Random } from './random';

/** Names for nationalities faker has no Latin-script locale for. */
type NameLists = { female: readonly string[]; male: readonly string[]; family: readonly string[]; places: readonly string[] };

const arabicNames: NameLists = {
  female: ['Fatima', 'Aisha', 'Mariam', 'Noor', 'Layla', 'Huda', 'Rania', 'Salma', 'Amira', 'Yasmin', 'Reem', 'Dalia'],
  male: ['Mohammed', 'Ahmad', 'Omar', 'Khaled', 'Yousef', 'Ali', 'Hassan', 'Ibrahim', 'Mahmoud', 'Tarek', 'Samir', 'Bilal'],
  family: ['Al-Hassan', 'Haddad', 'Khalil', 'Nasser', 'Saleh', 'Mansour', 'Darwish', 'Hamdan', 'Qasim', 'Aziz', 'El Amrani', 'Barakat'],
  places: ['Aleppo', 'Damascus', 'Homs', 'Latakia', 'Baghdad', 'Mosul', 'Sanaa', 'Aden', 'Casablanca', 'Tanger', 'Cairo'],
};
const tigrinyaNames: NameLists = {
  female: ['Senait', 'Helen', 'Mebrat', 'Rahwa', 'Selam', 'Yordanos', 'Saba', 'Lidia', 'Freweini', 'Tsega'],
  male: ['Yonas', 'Dawit', 'Tesfay', 'Mehari', 'Bereket', 'Filmon', 'Samuel', 'Henok', 'Kidane', 'Robel'],
  family: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Abraha', 'Weldemichael', 'Tekle', 'Berhane', 'Kidane', 'Gebreyesus', 'Andemariam'],
  places: ['Asmara', 'Keren', 'Massawa', 'Mendefera', 'Barentu', 'Adi Keyh'],
};
const dariNames: NameLists = {
  female: ['Zahra', 'Maryam', 'Fereshta', 'Nargis', 'Shabnam', 'Farzana', 'Roya', 'Soraya', 'Mina', 'Parwana'],
  male: ['Ahmad', 'Mohammad', 'Abdul', 'Hamid', 'Naveed', 'Farid', 'Jawad', 'Rahim', 'Sayed', 'Wahid'],
  family: ['Ahmadi', 'Hashimi', 'Rahimi', 'Noori', 'Karimi', 'Sultani', 'Haidari', 'Popal', 'Azizi', 'Stanikzai'],
  places: ['Kabul', 'Herat', 'Mazar-i-Sharif', 'Kandahar', 'Jalalabad', 'Kunduz'],
};
const persianNames: NameLists = {
  female: ['Sara', 'Niloufar', 'Parisa', 'Shirin', 'Leila', 'Mahsa', 'Elham', 'Golnaz', 'Neda', 'Azadeh'],
  male: ['Reza', 'Ali', 'Amir', 'Behnam', 'Dariush', 'Kourosh', 'Mehdi', 'Babak', 'Arash', 'Kian'],
  family: ['Hosseini', 'Mohammadi', 'Rezaei', 'Moradi', 'Jafari', 'Tehrani', 'Sadeghi', 'Bahrami', 'Kazemi', 'Farahani'],
  places: ['Tehran', 'Isfahan', 'Shiraz', 'Tabriz', 'Mashhad', 'Rasht'],
};
const pinyinNames: NameLists = {
  female: ['Li', 'Mei', 'Xiaoling', 'Yan', 'Jing', 'Hui', 'Fang', 'Ying', 'Xue', 'Lan'],
  male: ['Wei', 'Jun', 'Hao', 'Lei', 'Qiang', 'Ming', 'Tao', 'Yong', 'Bo', 'Chen'],
  family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun'],
  places: ['Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Chengdu', 'Wuhan', 'Nanjing', "Xi'an"],
};

/** A nationality: ISO 3166 alpha-3 code (as in the MRZ), names and where its people's names come from. */
export type Nationality = {
  code: string;
  /** The issuing country, in English as on a passport. */
  country: string;
  name: { en: string; nl: string };
  names: LocaleDefinition | NameLists;
  /** Applicants from here usually write in Dutch (messages, letters). */
  dutchSpeaking?: boolean;
};

export const nationalities = {
  IND: { code: 'IND', country: 'India', name: { en: 'Indian', nl: 'Indiase' }, names: en_IN },
  TUR: { code: 'TUR', country: 'Turkey', name: { en: 'Turkish', nl: 'Turkse' }, names: tr },
  BRA: { code: 'BRA', country: 'Brazil', name: { en: 'Brazilian', nl: 'Braziliaanse' }, names: pt_BR },
  MEX: { code: 'MEX', country: 'Mexico', name: { en: 'Mexican', nl: 'Mexicaanse' }, names: es_MX },
  USA: { code: 'USA', country: 'United States', name: { en: 'American', nl: 'Amerikaanse' }, names: en_US },
  GBR: { code: 'GBR', country: 'United Kingdom', name: { en: 'British', nl: 'Britse' }, names: en_GB },
  ZAF: { code: 'ZAF', country: 'South Africa', name: { en: 'South African', nl: 'Zuid-Afrikaanse' }, names: en_ZA },
  NGA: { code: 'NGA', country: 'Nigeria', name: { en: 'Nigerian', nl: 'Nigeriaanse' }, names: en_NG },
  GHA: { code: 'GHA', country: 'Ghana', name: { en: 'Ghanaian', nl: 'Ghanese' }, names: en_GH },
  IDN: { code: 'IDN', country: 'Indonesia', name: { en: 'Indonesian', nl: 'Indonesische' }, names: id_ID },
  VNM: { code: 'VNM', country: 'Viet Nam', name: { en: 'Vietnamese', nl: 'Vietnamese' }, names: vi },
  SUR: { code: 'SUR', country: 'Suriname', name: { en: 'Surinamese', nl: 'Surinaamse' }, names: nl, dutchSpeaking: true },
  CHN: { code: 'CHN', country: 'China', name: { en: 'Chinese', nl: 'Chinese' }, names: pinyinNames },
  SYR: { code: 'SYR', country: 'Syria', name: { en: 'Syrian', nl: 'Syrische' }, names: arabicNames },
  IRQ: { code: 'IRQ', country: 'Iraq', name: { en: 'Iraqi', nl: 'Iraakse' }, names: arabicNames },
  YEM: { code: 'YEM', country: 'Yemen', name: { en: 'Yemeni', nl: 'Jemenitische' }, names: arabicNames },
  MAR: { code: 'MAR', country: 'Morocco', name: { en: 'Moroccan', nl: 'Marokkaanse' }, names: arabicNames },
  ERI: { code: 'ERI', country: 'Eritrea', name: { en: 'Eritrean', nl: 'Eritrese' }, names: tigrinyaNames },
  AFG: { code: 'AFG', country: 'Afghanistan', name: { en: 'Afghan', nl: 'Afghaanse' }, names: dariNames },
  IRN: { code: 'IRN', country: 'Iran', name: { en: 'Iranian', nl: 'Iraanse' }, names: persianNames },
} satisfies Record<string, Nationality>;
export type NationalityCode = keyof typeof nationalities;

/** A person as the dataset records them. */
export type Person = {
  givenNames: string;
  surname: string;
  /** Given names then surname, as shown in lists. */
  fullName: string;
  sex: 'F' | 'M';
  birthDate: IsoDate;
  birthPlace: string;
  nationality: NationalityCode;
};

/** Folds characters the standard PDF fonts cannot show (e.g. ş, ł, ơ) to their base letters. */
export function foldForPdf(text: string): string {
  let out = '';
  for (const character of text) {
    if (isWinAnsi(character)) out += character;
    else if (character === 'ı') out += 'i';
    else if (character === 'ł') out += 'l';
    else if (character === 'Ł') out += 'L';
    else if (character === 'đ') out += 'd';
    else if (character === 'Đ') out += 'D';
    else out += [...character.normalize('NFD')].filter((part) => isWinAnsi(part)).join('');
  }
  return out;
}

const fakers = new Map<LocaleDefinition, Faker>();
function fakerFor(locale: LocaleDefinition): Faker {
  let faker = fakers.get(locale);
  if (!faker) {
    faker = new Faker({ locale: [locale, en, base] });
    fakers.set(locale, faker);
  }
  return faker;
}

function isNameLists(names: LocaleDefinition | NameLists): names is NameLists {
  return Array.isArray((names as NameLists).family);
}

/** A person of a nationality, aged between minimumAge and maximumAge on the reference date. */
export function makePerson(random: Random, nationality: NationalityCode, reference: IsoDate, minimumAge: number, maximumAge: number, sex?: 'F' | 'M'): Person {
  const chosenSex = sex ?? (random.chance(0.5) ? 'F' : 'M');
  const birthDate = addDays(reference, -random.int(minimumAge * 365 + 1, maximumAge * 365 + 300));
  const source = nationalities[nationality].names;
  let givenNames: string;
  let surname: string;
  let birthPlace: string;
  if (isNameLists(source)) {
    givenNames = random.pick(chosenSex === 'F' ? source.female : source.male);
    surname = random.pick(source.family);
    birthPlace = random.pick(source.places);
  } else {
    // faker is reseeded from our stream, so its choices follow the dataset's seed.
    const faker = fakerFor(source);
    faker.seed(random.int(0, 2 ** 31 - 1));
    givenNames = faker.person.firstName(chosenSex === 'F' ? 'female' : 'male');
    surname = faker.person.lastName(chosenSex === 'F' ? 'female' : 'male');
    birthPlace = faker.location.city();
  }
  givenNames = foldForPdf(givenNames);
  surname = foldForPdf(surname);
  return { givenNames, surname, fullName: `${givenNames} ${surname}`, sex: chosenSex, birthDate, birthPlace: foldForPdf(birthPlace), nationality };
}

/** A Dutch person (sponsor partner, staff member). */
export function makeDutchPerson(random: Random, reference: IsoDate, minimumAge: number, maximumAge: number, sex?: 'F' | 'M'): Omit<Person, 'nationality'> & { nationality: 'NLD' } {
  const chosenSex = sex ?? (random.chance(0.5) ? 'F' : 'M');
  const faker = fakerFor(nl);
  faker.seed(random.int(0, 2 ** 31 - 1));
  const givenNames = foldForPdf(faker.person.firstName(chosenSex === 'F' ? 'female' : 'male'));
  const surname = foldForPdf(faker.person.lastName());
  const birthDate = addDays(reference, -random.int(minimumAge * 365 + 1, maximumAge * 365 + 300));
  return { givenNames, surname, fullName: `${givenNames} ${surname}`, sex: chosenSex, birthDate, birthPlace: foldForPdf(faker.location.city()), nationality: 'NLD' };
}

/** An address in the Netherlands (street, postcode, city) drawn with the Dutch faker locale. */
export function makeDutchAddress(random: Random): { street: string; postcode: string; city: string; country: string } {
  const faker = fakerFor(nl);
  faker.seed(random.int(0, 2 ** 31 - 1));
  const postcode = `${random.int(1000, 9999)} ${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`;
  return { street: foldForPdf(`${faker.location.street()} ${random.int(1, 220)}`), postcode, city: foldForPdf(faker.location.city()), country: 'NL' };
}

/** Age in whole years on a date. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

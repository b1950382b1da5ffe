import type { LetterDocument } from '../../src/shared/letters/document';

/**
 * A decision letter long enough for three pages, with every character Dutch letters need that a
 * Latin-1 font would lack (‘ ’ “ ” – €) and accents (é ë ï). The names and numbers are invented.
 */
export function sampleLetter(overrides: Partial<LetterDocument> = {}): LetterDocument {
  return {
    language: 'nl',
    date: '2025-03-12',
    references: { vNumber: '0123456789', caseNumber: 'Z-2025-004711', ourReference: 'IND/BMW/2025/0312-17' },
    addressee: {
      name: 'Mevrouw A.J. de Vries-Çelik',
      addressLines: ['Ruïnelaan 12 bis', '3581 AB  Utrecht'],
    },
    subject: 'Besluit op uw aanvraag verblijfsvergunning ‘verblijf bij partner’',
    blocks: [
      { type: 'paragraph', text: 'Geachte mevrouw De Vries,' },
      {
        type: 'paragraph',
        text: 'Op 14 januari 2025 heeft u een aanvraag ingediend voor een verblijfsvergunning regulier voor bepaalde tijd met het verblijfsdoel ‘verblijf bij partner’. In deze brief leest u welk besluit de Immigratie- en Naturalisatiedienst (IND) heeft genomen, waarom wij dat besluit hebben genomen en wat u kunt doen als u het er niet mee eens bent.',
      },
      { type: 'heading', text: 'Ons besluit' },
      {
        type: 'paragraph',
        text: 'Wij hebben besloten uw aanvraag **in te willigen**. U krijgt een verblijfsvergunning die geldig is van 14 januari 2025 tot 14 januari 2030. Op de verblijfsvergunning staat dat u in Nederland mag werken; u heeft daarvoor geen tewerkstellingsvergunning nodig.',
      },
      { type: 'heading', text: 'Waarom hebben wij dit besloten?' },
      ...Array.from({ length: 2 }, (_, index): LetterDocument['blocks'][number] => ({
        type: 'paragraph',
        text: [
          `Voor een verblijfsvergunning bij uw partner gelden voorwaarden (overweging ${index + 1}).`,
          'U en uw partner zijn allebei 21 jaar of ouder, u heeft een geldig paspoort en u woont samen op hetzelfde adres in de gemeente Utrecht.',
          'Uw partner heeft voldoende inkomen: het netto-inkomen van € 2.184,60 per maand is hoger dan de norm die op de datum van uw aanvraag gold.',
          'Wij hebben de stukken beoordeeld die u op 3 februari 2025 heeft nagestuurd, waaronder het “bewijs van inschrijving” en de verklaring van uw werkgever.',
          'Naïeve of onvolledige verklaringen zijn niet aan de orde geweest; de gegevens zijn gecontroleerd bij de Basisregistratie Personen – en zij komen overeen.',
        ].join(' '),
      })),
      { type: 'heading', text: 'Wat moet u nu doen?' },
      {
        type: 'paragraph',
        text: 'U kunt uw verblijfsdocument ophalen bij het IND-loket dat u bij uw aanvraag heeft gekozen. Maak daarvoor een afspraak via de website van de IND. Neem uw paspoort en deze brief mee. Het ophalen van het document kost € 0; de leges zijn al betaald.',
      },
      {
        type: 'paragraph',
        text: 'Verandert uw situatie, bijvoorbeeld omdat u niet langer samenwoont met uw partner of omdat uw partner minder inkomen krijgt? Dan moet u dat **binnen vier weken** aan ons doorgeven. Dat is belangrijk, omdat wij uw verblijfsvergunning kunnen intrekken als u niet meer aan de voorwaarden voldoet.',
      },
      { type: 'heading', text: 'Bent u het niet eens met dit besluit?' },
      ...Array.from({ length: 2 }, (_, index): LetterDocument['blocks'][number] => ({
        type: 'paragraph',
        text: [
          index === 0
            ? 'Dan kunt u binnen vier weken na de datum van deze brief bezwaar maken.'
            : `Aanvullende informatie over bezwaar (${index + 1}).`,
          'In uw bezwaarschrift schrijft u waarom u het niet eens bent met het besluit. Vermeld daarin ook uw V-nummer en het zaaknummer dat bovenaan deze brief staat, en onderteken het bezwaarschrift.',
          'Stuurt u het bezwaarschrift per post, gebruik dan het adres dat op de website van de IND staat. Na ontvangst krijgt u van ons een ontvangstbevestiging; daarin staat ook wanneer u een beslissing kunt verwachten.',
          'Wilt u dat het besluit niet wordt uitgevoerd zolang er nog niet op uw bezwaar is beslist? Dan kunt u de voorzieningenrechter van de rechtbank vragen een ‘voorlopige voorziening’ te treffen. Daarvoor betaalt u griffierecht – het bedrag staat op de website van de rechtspraak.',
          'Heeft u hulp nodig bij het maken van bezwaar? Neem dan contact op met een advocaat of met het Juridisch Loket. Als u weinig inkomen heeft, kunt u mogelijk gesubsidieerde rechtsbijstand krijgen; de eigen bijdrage is dan lager dan de kosten van een advocaat.',
        ].join(' '),
      })),
      { type: 'heading', text: 'Heeft u nog vragen?' },
      {
        type: 'paragraph',
        text: 'Kijk dan eerst op de website van de IND. Vindt u daar geen antwoord, bel ons dan op werkdagen tussen 9.00 en 17.00 uur. Houd uw V-nummer bij de hand, zodat wij u snel kunnen helpen. Wij wensen u en uw partner een goede tijd in Nederland – ook namens de collega’s die aan uw aanvraag hebben gewerkt.',
      },
    ],
    signature: {
      closing: 'Met vriendelijke groet,',
      name: 'drs. M. El Idrissi',
      lines: ['Beslismedewerker', 'Directie Regulier Verblijf en Nederlanderschap'],
    },
    ...overrides,
  };
}

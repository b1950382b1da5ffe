/**
 * Teams and users of the training environment: three teams that look like a real office, each
 * with caseworkers, a reviewer (second pair of eyes) and a team lead, plus one demo user per role.
 * The demo users' password is the documented constant below; the dataset never stores a password
 * or a hash, the loader hashes the constant when it creates the users.
 */
import { type Role } from '../db/schema';
import { makeDutchPerson } from './people';
import { Random } from './random';
import { type IsoDate } from '../../shared/domain';

/** The password of every demo user; they exist only in training environments. */
export const demoPassword = 'training';

/** The demo users, one per role, as listed on the training sign-in screen. */
export const demoUsernames = {
  caseworker: 'demo.caseworker',
  reviewer: 'demo.reviewer',
  team_lead: 'demo.teamlead',
  trainer: 'demo.trainer',
  admin: 'demo.admin',
} as const satisfies Record<Role, string>;

export type DatasetTeam = { id: string; name: string; caseTypes: string[] };
export type DatasetUser = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamIds: string[];
  /** A demo user listed on the sign-in screen (password: demoPassword). */
  demo: boolean;
};

/** The three teams and which case types they handle (domain case-type ids). */
export const teamDefinitions: { id: string; name: string; caseTypes: string[] }[] = [
  {
    id: '00000000-0000-4000-8000-00000000a001', name: 'Team Kennis & Arbeid',
    caseTypes: ['highly_skilled_migrant', 'work', 'study', 'research', 'exchange', 'learning_and_working', 'change_of_purpose'],
  },
  {
    id: '00000000-0000-4000-8000-00000000a002', name: 'Team Gezin & Verblijf',
    caseTypes: ['family_partner', 'au_pair', 'residence_extension', 'permanent_residence', 'entry_and_residence', 'eu_long_term_resident', 'objection_regular', 'objection_mvv'],
  },
  {
    id: '00000000-0000-4000-8000-00000000a003', name: 'Team Asiel & Naturalisatie',
    caseTypes: ['asylum', 'asylum_unaccompanied_minor', 'naturalisation', 'objection_naturalisation', 'objection_sponsor'],
  },
];

const caseworkersPerTeam = 6;

function userId(number: number): string {
  return `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
}

/**
 * The staff of the dataset. Fixed by design (not by seed): lessons and the sign-in screen refer to
 * the same people in every training environment.
 */
export function makeStaff(today: IsoDate): { teams: DatasetTeam[]; users: DatasetUser[] } {
  const random = Random.derive(1, 'staff');
  const users: DatasetUser[] = [];
  const taken = new Set<string>(Object.values(demoUsernames));
  let next = 1;
  const add = (role: Role, teamIds: string[], username?: string, displayName?: string) => {
    let name = displayName;
    let login = username;
    while (!login || !name) {
      const person = makeDutchPerson(random, today, 25, 60);
      const candidate = `${person.givenNames[0]?.toLowerCase() ?? 'x'}.${person.surname.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}`;
      if (taken.has(candidate)) continue;
      taken.add(candidate);
      login = candidate;
      name = person.fullName;
    }
    users.push({ id: userId(next++), username: login, displayName: name, role, teamIds, demo: username !== undefined });
  };
  teamDefinitions.forEach((team, index) => {
    if (index === 0) {
      add('caseworker', [team.id], demoUsernames.caseworker, 'Demo Behandelaar');
      add('reviewer', [team.id], demoUsernames.reviewer, 'Demo Tweede Lezer');
      add('team_lead', [team.id], demoUsernames.team_lead, 'Demo Teamleider');
    } else {
      add('reviewer', [team.id]);
      add('team_lead', [team.id]);
    }
    const others = index === 0 ? caseworkersPerTeam - 1 : caseworkersPerTeam;
    for (let count = 0; count < others; count += 1) add('caseworker', [team.id]);
  });
  add('trainer', [], demoUsernames.trainer, 'Demo Trainer');
  add('admin', [], demoUsernames.admin, 'Demo Beheerder');
  return { teams: teamDefinitions.map((team) => ({ ...team })), users };
}

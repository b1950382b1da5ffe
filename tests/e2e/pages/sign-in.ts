import type { Locator, Page } from '@playwright/test';

/** The sign-in screen: demo users (training) and the username/password form. */
export class SignInPage {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('sign-in');
  }

  get demoUsers(): Locator {
    return this.page.getByTestId('demo-user');
  }

  demoUser(username: string): Locator {
    return this.demoUsers.filter({ hasText: username });
  }

  get username(): Locator {
    return this.screen.getByRole('textbox', { name: /^(Gebruikersnaam|Username)/ });
  }

  get password(): Locator {
    return this.screen.getByLabel(/^(Wachtwoord|Password)/, { exact: false }).and(this.page.locator('input'));
  }

  get submit(): Locator {
    return this.screen.getByRole('button', { name: /^(Aanmelden|Sign in)$/ });
  }

  get error(): Locator {
    return this.screen.getByRole('alert');
  }
}

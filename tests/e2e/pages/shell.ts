import type { Locator, Page } from '@playwright/test';

/** The app shell: top bar, navigation and the screen in the main area. */
export class ShellPage {
  constructor(readonly page: Page) {}

  get environmentBadge(): Locator {
    return this.page.getByTestId('environment-badge');
  }

  get syncIndicator(): Locator {
    return this.page.getByTestId('sync-indicator');
  }

  get caseTable(): Locator {
    return this.page.getByTestId('queue-scroll');
  }

  get caseRows(): Locator {
    return this.page.getByTestId('queue-row');
  }

  get heading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  navigation(name: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name }).or(
      this.page.getByRole('navigation').getByRole('button', { name }),
    ).first();
  }

  /** Picks a language in the top bar's switch ('NL' or 'EN'). */
  async switchLanguage(code: 'NL' | 'EN'): Promise<void> {
    const switcher = this.page.getByRole('banner');
    const radio = switcher.getByRole('radio', { name: code, exact: true });
    const id = await radio.getAttribute('id');
    // Mantine's SegmentedControl hides the radio itself; a person clicks its label.
    await this.page.locator(`label[for="${id}"]`).click();
  }
}

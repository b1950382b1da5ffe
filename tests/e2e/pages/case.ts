import type { Locator, Page } from '@playwright/test';

/** The case screen: data and evidence on the left, the documents on the right. */
export class CasePage {
  constructor(readonly page: Page) {}

  get screen(): Locator {
    return this.page.getByTestId('case-screen');
  }

  get deadline(): Locator {
    return this.page.getByTestId('review-deadline');
  }

  get projectedDeadline(): Locator {
    return this.page.getByTestId('review-deadline-projected');
  }

  field(name: string): Locator {
    return this.page.locator(`[data-testid="evidence-field"][data-field="${name}"]`);
  }

  documentTab(kind: string | RegExp): Locator {
    return this.page.getByTestId('document-tab').filter({ hasText: kind });
  }

  tab(name: 'data' | 'evidence' | 'timeline'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  /** The viewer frame's page box once page `number` is drawn. */
  drawnPage(number: number): Locator {
    return this.page.frameLocator('[data-testid="document-viewer"]').locator(`#page[data-drawn="${number}"]`);
  }

  /** The viewer frame's message when the shown document cannot be shown. */
  get viewerMessage(): Locator {
    return this.page.frameLocator('[data-testid="document-viewer"]').getByRole('alert');
  }

  /** Opens a case the way the queue does: through its hash route. */
  async open(caseId: string): Promise<void> {
    await this.page.evaluate((id) => {
      window.location.hash = `#/case/${id}`;
    }, caseId);
    await this.screen.and(this.page.locator(`[data-case-id="${caseId}"]`)).waitFor();
  }
}

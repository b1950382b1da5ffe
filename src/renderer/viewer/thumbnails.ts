/**
 * The thumbnail strip: one button per page, drawn only when scrolled into view and one at a time,
 * so a 2,000-page document costs 2,000 small buttons, not 2,000 canvases.
 */
import { drawPage, isCancellation, type OpenDocument } from './pdf';
import { format } from './protocol';

const thumbnailWidth = 96;

export class Thumbnails {
  private document: OpenDocument | null = null;
  private label = '';
  private rotation = 0;
  private observer: IntersectionObserver | null = null;
  private queue: number[] = [];
  private busy = false;
  private readonly buttons = new Map<number, HTMLButtonElement>();

  constructor(
    private readonly container: HTMLElement,
    private readonly onDidChoose: (page: number) => void,
    /** True while the main page is being opened or drawn: thumbnails wait, the page the person asked for comes first. */
    private readonly mainBusy: () => boolean = () => false,
  ) {}

  /** Sets the accessible name template of each thumbnail ("Page {page}"). */
  setLabel(label: string): void {
    this.label = label;
    for (const [page, button] of this.buttons) button.setAttribute('aria-label', format(label, { page }));
  }

  /** Builds the strip for a newly opened document. */
  show(document: OpenDocument): void {
    this.clear();
    this.document = document;
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const page = Number((entry.target as HTMLElement).dataset.page);
        this.observer?.unobserve(entry.target);
        this.queue.push(page);
      }
      void this.drain();
    }, { root: this.container, rootMargin: '200px' });
    const fragment = window.document.createDocumentFragment();
    for (let page = 1; page <= document.pageCount; page++) {
      const button = window.document.createElement('button');
      button.type = 'button';
      button.dataset.page = String(page);
      button.setAttribute('aria-label', format(this.label, { page }));
      const placeholder = window.document.createElement('span');
      placeholder.className = 'placeholder';
      placeholder.setAttribute('aria-hidden', 'true');
      const number = window.document.createElement('span');
      number.setAttribute('aria-hidden', 'true');
      number.textContent = String(page);
      button.append(placeholder, number);
      button.addEventListener('click', () => this.onDidChoose(page));
      this.buttons.set(page, button);
      fragment.append(button);
      this.observer.observe(button);
    }
    this.container.append(fragment);
  }

  /** Marks the current page's thumbnail and keeps it in view. */
  setCurrent(page: number): void {
    for (const [number, button] of this.buttons) {
      if (number === page) {
        button.setAttribute('aria-current', 'page');
        button.scrollIntoView({ block: 'nearest' });
      } else {
        button.removeAttribute('aria-current');
      }
    }
  }

  /** Redraws the drawn thumbnails in a new rotation. */
  setRotation(rotation: number): void {
    this.rotation = rotation;
    const drawn = [...this.buttons].filter(([, button]) => button.querySelector('canvas')).map(([page]) => page);
    this.queue.push(...drawn);
    void this.drain();
  }

  /** Removes every thumbnail and stops drawing. */
  clear(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.queue = [];
    this.document = null;
    for (const canvas of this.container.querySelectorAll('canvas')) {
      canvas.width = 0;
      canvas.height = 0;
    }
    this.buttons.clear();
    this.container.replaceChildren();
  }

  private async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let page = this.queue.shift(); page !== undefined; page = this.queue.shift()) {
        const document = this.document;
        const button = this.buttons.get(page);
        if (!document || !button) continue;
        while (this.mainBusy()) await new Promise((resolve) => setTimeout(resolve, 30));
        if (document !== this.document) return;
        try {
          const pdfPage = await document.page(page);
          const natural = pdfPage.getViewport({ scale: 1, rotation: (pdfPage.rotate + this.rotation) % 360 });
          const canvas = window.document.createElement('canvas');
          canvas.setAttribute('aria-hidden', 'true');
          await drawPage(pdfPage, canvas, { scale: thumbnailWidth / natural.width, rotation: this.rotation }).promise;
          if (document !== this.document) return;
          button.querySelector('canvas, .placeholder')?.replaceWith(canvas);
        } catch (error) {
          // A page that cannot be drawn keeps its placeholder; the main view reports the problem.
          if (!isCancellation(error) && document !== this.document) return;
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A calm theme for eight-hour days: Mantine's defaults with one restrained dark blue (after the
 * Rijkshuisstijl's #154273) and text colours dark enough for WCAG AA contrast, also for "dimmed" text.
 */
import { createTheme, Notification, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const werkbankBlue: MantineColorsTuple = [
  '#eaf1f8', '#d3e0ee', '#a7c1dc', '#789fc8', '#5183b6', '#3870aa', '#24609f', '#154273', '#10375f', '#0a2846',
];

export const theme = createTheme({
  primaryColor: 'werkbank',
  primaryShade: { light: 7, dark: 4 },
  colors: { werkbank: werkbankBlue },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '600' },
  components: {
    // A notification with a title greys its text to gray.6 (3.3:1), below WCAG AA.
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-gray-8)' } } }),
  },
});

/** Mantine's default dimmed grey (gray.6) is 3.3:1 on white; gray.7 keeps secondary text readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

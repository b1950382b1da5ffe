/**
 * Chromium refuses module workers from a blob: URL in an opaque-origin (sandboxed) document, but
 * starts classic ones. pdf.js ships its worker as a module whose only module syntax is one trailing
 * `export {…}` and `import.meta.url` (used to locate optional wasm decoders, which the viewer
 * disables), so it is turned into a classic script by rewriting exactly those.
 */

const trailingExport = /export\s*\{[\w\s,$]*\}\s*;?\s*$/;

/** The worker's source as a classic script, or null when it has module syntax this cannot rewrite. */
export function toClassicWorkerSource(moduleSource: string): string | null {
  const source = moduleSource
    .replace(trailingExport, '')
    // The worker's own URL: the blob: URL it was started from.
    .replaceAll('import.meta.url', 'self.location.href');
  const moduleSyntax = [
    /\bimport\.meta\b/,
    /(^|[;}\s])export\s*(\{|\*|default\b|const\b|let\b|var\b|function\b|class\b|async\b)/,
    // A static import; a dynamic import( ) is allowed in classic scripts.
    /(^|[;}\s])import\s*[\w{*"']/,
  ];
  if (moduleSyntax.some((pattern) => pattern.test(source))) return null;
  return source;
}

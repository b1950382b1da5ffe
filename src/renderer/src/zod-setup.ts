/**
 * Imported first by main.tsx. zod probes `new Function` to compile faster parsers, as soon as the
 * contract's schemas are defined; the CSP forbids eval, so the probe would raise a CSP violation.
 * Telling zod up front that eval is unavailable keeps the page free of violations.
 */
import { z } from 'zod';

z.config({ jitless: true });

/** Golden files for the SBOM writers, checked in under src/report/sbom/ (see ../golden.test-helper.ts). */
import { goldenIn } from '../golden.test-helper.js';

/** Compares `actual` with `src/report/sbom/<path>`, or rewrites that file when asked to. */
export const assertGolden = goldenIn('sbom');

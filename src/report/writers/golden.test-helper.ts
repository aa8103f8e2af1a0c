/** Golden files for the report writers, checked in beside each writer (see ../golden.test-helper.ts). */
import { goldenIn } from '../golden.test-helper.js';

/** Compares `actual` with `src/report/writers/<path>`, or rewrites that file when asked to. */
export const assertGolden = goldenIn('writers');

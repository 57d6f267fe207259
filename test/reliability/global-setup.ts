import { startFigures } from './figures';

/** Before the reliability files: a fresh figures file for this run. */
export default function globalSetup(): void {
  startFigures();
}

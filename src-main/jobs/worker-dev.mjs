// Worker entry when running from TypeScript sources (tests, dev): load the real entry through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');

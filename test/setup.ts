import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

// Every test file leaves the temporary directory as it found it (its folders held decks, PDFs and
// copies of the fixtures: a full run left over a hundred megabytes).
afterAll(removeTempDirs);

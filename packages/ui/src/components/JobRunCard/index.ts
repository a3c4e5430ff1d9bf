export * from './JobRunCard.js';

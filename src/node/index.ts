/**
 * `finetax/node`: the parts that need Node.js (files, streams, worker threads).
 */
export { loadTaxonomy } from './taxonomy.js';

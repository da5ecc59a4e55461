/** Plain-text table for evaluation output (columns padded to their widest cell). */
export { printTable } from '../../bench/lib/table.ts';

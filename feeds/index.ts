/**
 * Feeds of new names: streamed file ingest (plain or gzip), the drop folder `phenix serve` watches, and the
 * certificate-transparency stream. Every name is recorded once with its source and first-seen time, then screened.
 */

export { type Certstream, type CertstreamOptions, namesOfCertstreamMessage, startCertstream } from './certstream.ts';
export { type DropFolder, type DropFolderOptions, dropSource, startDropFolder } from './drop-folder.ts';
export { decodeFeed, type IngestOptions, type IngestReport, ingestFeed, type NameScorer } from './ingest.ts';
export { scorerFromDatabase } from './scorer.ts';

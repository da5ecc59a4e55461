/**
 * Feeds of new names: streamed file ingest (plain or gzip; text, newly-registered-domain lists, zone files, AFNIC
 * open data), zone diffs, the drop folder `phenix serve` watches, and the certificate-transparency stream. Every
 * name is recorded once with its source and first-seen time, then screened.
 */

export { type AfnicReaderOptions, createAfnicReader } from './afnic-reader.ts';
export { type Certstream, type CertstreamOptions, namesOfCertstreamMessage, startCertstream } from './certstream.ts';
export { type DropFolder, type DropFolderOptions, dropSource, startDropFolder } from './drop-folder.ts';
export { type ExternalSortOptions, externalSort } from './external-sort.ts';
export { createNrdReader, createTextReader, type FeedEntry, type FeedLineReader } from './feed-entry.ts';
export { createFormatReader, FEED_FORMATS, type FeedFormat, type FormatOptions, formatForFile } from './formats.ts';
export { decodeFeed, type IngestOptions, type IngestReport, ingestFeed, type NameScorer } from './ingest.ts';
export { DEFAULT_FEED_CAPS, FeedCapError, type FeedCaps } from './line-reader.ts';
export { scorerFromDatabase } from './scorer.ts';
export { canonicalKey, diffZoneFiles, type ZoneDiffOptions, type ZoneDiffResult, zoneFileNames } from './zone-diff.ts';
export { createZoneOwnerReader, createZoneReader, type ZoneReaderOptions } from './zone-reader.ts';

/** The monitor wires crawler, detector and database: cycles, schedules, imports. */
export { type ComparisonReport, compareAll, emptyComparisonReport, thresholdsFromConfig } from './compare-all.ts';
export { compareProfileIndexed } from './compare-indexed.ts';
export type { MonitorContext } from './context.ts';
export { storedReferences } from './corpus-stats.ts';
export {
  type CrawlReport as StepReport,
  crawlCandidateDomain,
  crawlMonitoredSite,
  type RunChoice,
  type StepOutcome,
} from './crawl-steps.ts';
export {
  type CrawlTarget,
  type CrawlTargetResult,
  crawlOptionsFromConfig,
  crawlTarget,
  pictureAnalyser,
} from './crawl-target.ts';
export { type CrawlReport, type CycleOptions, type CycleSummary, runCycle } from './cycle.ts';
export {
  type CycleSeal,
  type CycleSealCheck,
  captureLeaf,
  checkCycleSeal,
  SEAL_ACTION,
  sealCycle,
} from './cycle-seal.ts';
export { candidatesOfCrawl, recordCrawlCandidates, refreshDns, refreshLookalikes } from './discover.ts';
export { importSnapshot, type SnapshotInput } from './import-snapshot.ts';
export {
  JOURNAL_SEAL_INTERVAL_MS,
  type JournalSealOptions,
  sealJournal,
  startJournalSealer,
} from './journal-seal.ts';
export { processOwner, withLease } from './leases.ts';
export {
  buildProfiles,
  candidateSubjects,
  collectSubjects,
  hasContent,
  layoutCorpus,
  monitoredForScreening,
  photoSpecificities,
  pivotFingerprints,
  profileFingerprints,
  siteSubjects,
} from './profiles.ts';
export { type RebuildReport, rebuildAndCompare } from './rebuild.ts';
export { emptyRefreshReport, type RefreshReport, refreshCaptures, versionOf } from './reprocess.ts';
export { type ScheduleEntry, type Scheduler, scheduleEntries, startScheduler } from './scheduler.ts';
export { siteSpecsFromConfig } from './site-specs.ts';
export { addPictures, analyseCapture, featuresOf, readNumbersInPictures, storeCapture } from './store-capture.ts';
export { classifyLiveState, isSeizureNotice, type LiveState } from './takedown.ts';

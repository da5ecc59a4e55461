/**
 * The demo universe: a local, deterministic world of *.test classified-ad sites served on loopback
 * with its own DNS, in which one monitoring cycle must find exactly the clones of a seized seed.
 *
 *   const universe = await startUniverse();              // HTTP (virtual hosts) + DNS on 127.0.0.1, port 0
 *   const yaml = demoConfigYaml(universe, { mode });     // phenix.yaml for the cycle
 *   const snapshot = await loadSnapshot('annonces-maison.test');   // the seed before its seizure
 *   universe.universe.expectedAlerts                     // what the cycle must raise, nothing more
 *   await universe.close();
 */
export { type DemoConfigOptions, type DemoConfigSource, type DemoMonitoredSite, demoConfigYaml } from './config.ts';
export { createDnsServer, type DnsRecordSet, type DnsServer, type DnsServerOptions } from './dns-server.ts';
export { expectedSnapshots } from './make-snapshot.ts';
export { renderUniverse } from './render.ts';
export { renderSeizurePage } from './seizure-page.ts';
export { type RunningUniverse, type StartUniverseOptions, startUniverse, universeDnsRecords } from './server.ts';
export { loadSnapshot, SNAPSHOT_DIR, type Snapshot, SnapshotError, type SnapshotPage } from './snapshot.ts';
export {
  DEMO_UNIVERSE,
  type Discovery,
  type DnsOnlyName,
  type ExpectedAlert,
  type HostRole,
  type Universe,
  type UniverseHost,
} from './universe.ts';
export { type HostContent, startVhostServer, type VhostServer } from './vhost-server.ts';

/** The commented example written by `phenix init` (and checked by the tests to stay valid). */
export const exampleConfig = `# Phénix configuration — the sites your unit monitors and how Phénix crawls them.
# Check it with:  phenix config check --config phenix.yaml

sites:
  # One entry per monitored site. "name" is a short unique slug used on the command line.
  - name: annonces-maison
    status: convicted          # convicted | suspected | seized | cleared
    caseRef: PARQUET-EXEMPLE-2025-0042
    domains:                   # hostnames only (no https://, no path); IDN allowed
      - annonces-maison.example
      - www.annonces-maison.example
    region: FR                 # default country for phone numbers written without +33
    notes: Convicted in 2025; watch for resurgence under new names.
    # schedule: "0 */2 * * *"  # optional: crawl this site on its own cron
    # crawl:                   # optional per-site limits (fall back to the crawler section)
    #   maxPages: 100
    #   include: ["/annonce/*"]
    #   exclude: ["/compte/*"]

  - name: services-domicile
    status: suspected
    caseRef: ENQ-EXEMPLE-2026-0007
    domains:
      - services-domicile.example

crawler:
  mode: browser                # browser (Chromium) | http (fast, no JavaScript) | auto
  concurrency: 2
  maxPages: 200                # per site and per crawl
  maxDepth: 4
  pageTimeoutSeconds: 45
  navigationTimeoutSeconds: 30
  maxResponseMB: 15
  perHostDelayMs: 250
  # chromiumPath: /usr/bin/chromium
  # proxyUrl: socks5://127.0.0.1:9050   # so crawls cannot be traced back to the unit
  # userAgent: Mozilla/5.0 ...
  # hostMap:                   # tests and the demo only: send fake names to a local server
  #   "*.test": 127.0.0.1:8080
  allowPrivateTargets: false   # keep false in production: refuses pages on private networks

# database:
#   url: postgres://phenix@db.internal:5432/phenix   # or env DATABASE_URL; none = embedded database under data/db
#   # any value can come from the environment instead of this file: url: { env: PHENIX_DATABASE_URL }
evidence:
  dir: data/evidence           # screenshots, HTML and text, stored by SHA-256
  signingKey: data/keys/unit-signing.pem   # made by "phenix keys init"; signs evidence packages
  # tsaUrl: https://tsa.example/tsr        # RFC 3161 timestamps on packages and cycle Merkle roots
  # tsaCaCert: data/keys/tsa-ca.pem        # the TSA's CA certificate, to check timestamps offline
  # egressCheckUrl: https://ip.example/    # answers the public address crawls leave from (recorded per run)

dns:
  # servers: ["9.9.9.9", "1.1.1.1"]
  # dohUrl: https://dns.quad9.net/dns-query   # required with crawler.proxyUrl: DNS checks then go through the proxy
  timeoutMs: 3000
  concurrency: 16

schedules:
  seeds: "0 */6 * * *"         # monitored sites: every six hours
  candidates: "30 */12 * * *"  # lookalike and discovered domains: twice a day

discovery:
  # tlds: [fr, com, net, org]  # only these TLDs; left out, ~290 TLDs ranked by plausibility (.com, the EU and
  #                             # neighbours, cheap and abused gTLDs, adult TLDs, Europe…: crawler/discovery/tld-priors.ts)
  affixes: [new, nouveau, officiel, bis, vip, plus, fr, site, pro, top]
  maxLookalikesPerSeed: 500   # the most plausible names across families and TLDs; each keeps its score and reason

# queue:                       # several machines: cycles become jobs on the shared Postgres (see README)
#   enabled: true              # needs database.url; then run "phenix serve" (schedules) and "phenix worker" (on N machines)
#   jobTimeoutSeconds: 3600    # a job running longer is taken as lost (its worker died) and retried elsewhere
#   retryLimit: 4
#   retryDelaySeconds: 60      # doubled at each retry

# retention:                   # how long crawled data is kept (retention/README.md); phenix purge [--dry-run]
#   dismissedDays: 365         # captures of candidates whose alerts were all dismissed
#   unrelatedDays: 180         # captures of candidates that never raised an alert
#   closedCaseDays: 365        # confirmed clones, after "phenix cases close" ends the legal hold
#   failuresDays: 90           # records of pages that could not be captured
#   schedule: "30 3 * * *"     # when phenix serve purges

review:
  host: 127.0.0.1
  port: 8377
  # trustedProxies: [10.0.0.5]   # reverse proxies whose X-Forwarded-For is believed (addresses or CIDR ranges)
  # secureCookies: true          # behind a TLS reverse proxy: Secure, __Host- cookies (never sent over plain HTTP)
`;

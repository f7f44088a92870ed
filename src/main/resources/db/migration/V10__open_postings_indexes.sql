-- Indexes of the open postings alone. The index of V4 for the deadline watcher held every published posting not
-- closed by hand, so at national scale (bench/README.md, "National scale") the watcher visited the 955 000 past
-- ones every minute to find none due (1.4-1.8 s), and the counts and facets of open postings, planned once for
-- any `now`, scanned the table (300 ms). A posting not yet announced as closed is open or just past its deadline,
-- so these hold ~20 000 entries; the public filter for open postings names the same condition (PositionService),
-- which lets a plan made for any `now` use them. Keyed as the list is sorted (deadline, then id), so a page reads
-- only its own entries; they carry what counts and facets read (index-only scans).
-- CONCURRENTLY, so writes go on while they are built (Flyway runs this outside a transaction).
CREATE INDEX CONCURRENTLY IF NOT EXISTS position_unannounced_deadline_idx
    ON position (application_deadline, id) INCLUDE (employer_id, unit_id, agency_id, hours)
    WHERE status = 'published' AND closed_at IS NULL AND closed_announced_for IS DISTINCT FROM application_deadline;
CREATE INDEX CONCURRENTLY IF NOT EXISTS position_unannounced_employer_idx
    ON position (employer_id, application_deadline, id) INCLUDE (unit_id, agency_id, hours)
    WHERE status = 'published' AND closed_at IS NULL AND closed_announced_for IS DISTINCT FROM application_deadline;
DROP INDEX CONCURRENTLY IF EXISTS position_unannounced_close_idx;

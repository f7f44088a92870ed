-- The deadline watcher looks every minute, on every replica, for published postings whose deadline passed and
-- has not been announced. The index of V4 held every published posting not closed by hand, so at national scale
-- (bench/README.md, "National scale") it visited the 955 000 past ones to find none due: 1.4-1.8 s a minute.
-- Narrowed to the postings not yet announced it holds only the open ones. On its own and CONCURRENTLY, so writes
-- go on while it is built (Flyway runs it outside a transaction); the old index goes in the same way.
CREATE INDEX CONCURRENTLY IF NOT EXISTS position_unannounced_deadline_idx ON position (application_deadline)
    WHERE status = 'published' AND closed_at IS NULL AND closed_announced_for IS DISTINCT FROM application_deadline;
DROP INDEX CONCURRENTLY IF EXISTS position_unannounced_close_idx;

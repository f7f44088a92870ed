-- The employer's logo, for search engines' job-posting markup (JSON-LD `hiringOrganization.logo`).
ALTER TABLE employer ADD COLUMN logo_url text;

-- Working hours as full_time or part_time, derived from the posting's own words so it can never disagree
-- with them (README, "Working hours"): "fuld tid" and "deltid" say it outright; otherwise a number of weekly
-- hours, 37 (the Danish full-time week) or more being full time. The employment terms are read when the
-- working hours are not given ("Stillingen er på fuld tid"). NULL when the text says neither.
ALTER TABLE position ADD COLUMN hours text GENERATED ALWAYS AS (
    CASE
        WHEN coalesce(working_hours, employment_terms) ~* '(fuld\s*tid|full[- ]?time)' THEN 'full_time'
        WHEN coalesce(working_hours, employment_terms) ~* '(del\s*tid|part[- ]?time)' THEN 'part_time'
        WHEN substring(coalesce(working_hours, employment_terms) FROM '(\d+(?:[.,]\d+)?)\s*(?:timer|t\.|hours)') IS NULL
            THEN NULL
        WHEN replace(substring(coalesce(working_hours, employment_terms) FROM '(\d+(?:[.,]\d+)?)\s*(?:timer|t\.|hours)'),
                     ',', '.')::numeric >= 37 THEN 'full_time'
        ELSE 'part_time'
    END) STORED;
CREATE INDEX position_hours_idx ON position (hours, application_deadline) WHERE status = 'published';

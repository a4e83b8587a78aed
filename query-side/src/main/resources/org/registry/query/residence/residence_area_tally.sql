-- residence_area_tally counted from the rows of the residence history, as ResidenceHistory counts it event by event
-- (the query of the migration that made the table, V46): +1 in the month and year a current living segment or
-- household place began, -1 in those it ended, for its township and county; a county's living women by year of birth
-- likewise. A superseded row's +1 and -1 cancel but leave their rows, as the projection's do. A rebuild counts the
-- tally this way once it has caught up.
SELECT area_code, subject, birth_year, span, period_start, SUM(change) AS change
FROM (
    SELECT CASE WHEN l.area_level = 'TOWNSHIP' THEN c.township_code ELSE c.county_code END AS area_code,
           c.subject, c.birth_year, p.span,
           CASE WHEN p.span = 'MONTH' THEN CAST(DATE_TRUNC('MONTH', CAST(c.changed_on AS TIMESTAMP)) AS DATE)
                ELSE CAST(DATE_TRUNC('YEAR', CAST(c.changed_on AS TIMESTAMP)) AS DATE) END AS period_start,
           c.change
    FROM (
        SELECT r.township_code, r.county_code,
               CASE WHEN k.kind = 'RESIDENT' THEN r.residency ELSE k.kind END AS subject,
               CASE WHEN k.kind = 'RESIDENT' THEN 0 ELSE CAST(EXTRACT(YEAR FROM r.birth_date) AS INTEGER) END
                   AS birth_year,
               CASE WHEN e.edge = 'FROM' THEN r.valid_from ELSE r.valid_to END AS changed_on,
               CASE WHEN e.edge = 'FROM' THEN r.counted ELSE -r.counted END AS change
        FROM (
            SELECT township_code, county_code, residency, sex, marital_status, birth_date, valid_from, valid_to,
                   1 AS counted
                FROM residence_segment
            UNION ALL
            SELECT township_code, county_code, residency, sex, marital_status, birth_date, valid_from, valid_to, 0
                FROM residence_segment_history
            UNION ALL
            SELECT township_code, county_code, 'HOUSEHOLD', CAST(NULL AS VARCHAR(6)), CAST(NULL AS VARCHAR(10)),
                   CAST(NULL AS DATE), valid_from, valid_to, 1
                FROM residence_place
            UNION ALL
            SELECT township_code, county_code, 'HOUSEHOLD', CAST(NULL AS VARCHAR(6)), CAST(NULL AS VARCHAR(10)),
                   CAST(NULL AS DATE), valid_from, valid_to, 0
                FROM residence_place_history
        ) r
        CROSS JOIN (SELECT 'RESIDENT' AS kind UNION ALL SELECT 'WOMEN' UNION ALL SELECT 'MARRIED_WOMEN') k
        CROSS JOIN (SELECT 'FROM' AS edge UNION ALL SELECT 'TO') e
        WHERE r.residency IN ('PERMANENT', 'FLOATING_IN', 'HOUSEHOLD')
            AND (k.kind = 'RESIDENT' OR (r.sex = 'FEMALE' AND (k.kind = 'WOMEN' OR r.marital_status = 'MARRIED')))
            AND (e.edge = 'FROM' OR r.valid_to IS NOT NULL)
    ) c
    CROSS JOIN (SELECT 'TOWNSHIP' AS area_level UNION ALL SELECT 'COUNTY') l
    CROSS JOIN (SELECT 'MONTH' AS span UNION ALL SELECT 'YEAR') p
    -- the women of a county only
    WHERE l.area_level = 'COUNTY' OR c.birth_year = 0
) changes
GROUP BY area_code, subject, birth_year, span, period_start

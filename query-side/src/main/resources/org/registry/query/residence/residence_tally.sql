-- residence_tally counted from the rows of the residence history, as ResidenceHistory counts it event by event: +1 in
-- the month a current living segment or household place began, -1 in the month it ended; a superseded row's +1 and -1
-- cancel but leave their rows, as the projection's do. A rebuild counts the tally this way once it has caught up.
SELECT community_code, township_code, county_code, subject, month_start, SUM(change) AS change
FROM (
    SELECT r.community_code, r.township_code, r.county_code, r.subject,
           CAST(DATE_TRUNC('MONTH', CAST(CASE WHEN e.edge = 'FROM' THEN r.valid_from ELSE r.valid_to END
               AS TIMESTAMP)) AS DATE) AS month_start,
           CASE WHEN e.edge = 'FROM' THEN r.counted ELSE -r.counted END AS change
    FROM (
        SELECT community_code, township_code, county_code, residency AS subject, valid_from, valid_to, 1 AS counted
            FROM residence_segment
        UNION ALL
        SELECT community_code, township_code, county_code, residency, valid_from, valid_to, 0
            FROM residence_segment_history
        UNION ALL
        SELECT community_code, township_code, county_code, 'HOUSEHOLD', valid_from, valid_to, 1
            FROM residence_place
        UNION ALL
        SELECT community_code, township_code, county_code, 'HOUSEHOLD', valid_from, valid_to, 0
            FROM residence_place_history
    ) r
    CROSS JOIN (SELECT 'FROM' AS edge UNION ALL SELECT 'TO') e
    WHERE r.subject IN ('PERMANENT', 'FLOATING_IN', 'HOUSEHOLD')
        AND (e.edge = 'FROM' OR r.valid_to IS NOT NULL)
) changes
GROUP BY community_code, township_code, county_code, subject, month_start

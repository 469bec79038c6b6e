-- demo/report.sql: the report card in the terminal (after demo/pipeline.sql).
\pset footer off
\pset null ''
SET client_min_messages = warning;

\echo
\echo '== 1. The data: SYNTHETIC early-years records on REAL Birmingham geography'
\echo
SELECT 'births (breastfeeding, birth weight, smoking)' AS dataset, count(*) AS rows,
       min(birth_date) AS first, max(birth_date) AS last FROM demo.births
UNION ALL SELECT 'children assessed at the end of reception', count(*), min(assessed_on), max(assessed_on) FROM demo.eyfsp
UNION ALL SELECT 'families in the family support service', count(*), min(enrolled_on), max(enrolled_on) FROM demo.service_clients
UNION ALL SELECT 'months of new birth visits (city)', count(*), min(month), max(month) FROM demo.monthly_visits
ORDER BY 1 DESC;

\echo
\echo
\echo 'LSOA counts to wards with oba.areal_weights(denominator => ''covered''):'
SELECT (SELECT count(*) FROM demo.lsoa) AS lsoas, (SELECT count(*) FROM demo.ward) AS wards,
       count(*) FILTER (WHERE targets > 1) AS lsoas_split,
       count(*) FILTER (WHERE second_share > 0.1) AS split_over_10pct,
       count(*) FILTER (WHERE gap) AS with_gap_at_edge,
       round(min(covered_share)::numeric, 4) AS least_covered
  FROM demo.overlay;
SELECT c.measure, round(sum(c.numerator)::numeric, 6) AS lsoa_total,
       round((SELECT sum(w.numerator) FROM demo.ward_count w WHERE w.measure = c.measure)::numeric, 6) AS ward_total,
       round((SELECT max(abs(a.n - b.n)) FROM
                (SELECT w.ward_code, sum(w.numerator) AS n FROM demo.ward_count w WHERE w.measure = c.measure GROUP BY 1) a
                JOIN (SELECT f.ward_code, sum(x.numerator) AS n FROM demo.lsoa_count x
                        JOIN demo.lsoa_ward_bestfit f ON f.lsoa11_code = x.lsoa_code
                       WHERE x.measure = c.measure GROUP BY 1) b USING (ward_code))::numeric, 1)
         AS largest_ward_difference_from_ons_best_fit
  FROM demo.lsoa_count c GROUP BY c.measure ORDER BY 1;

\echo
\echo '== 2. The report card for three wards and the city, latest period (95% intervals)'
\echo 'compared: the ward''s interval against the city (Fingertips); funnel: against the city''s'
\echo 'funnel limits; trend: the last five periods; curve: against the baseline forecast'
\echo 'from before the strategy start (2021); * suppressed in what is shared'
\echo
SELECT r.area_name AS area, r.indicator_name AS indicator, r.period,
       CASE WHEN r.suppressed IS NOT NULL THEN '*'
            ELSE round(r.value::numeric, 1) || ' (' || round(r.lower::numeric, 1) || '-' || round(r.upper::numeric, 1) || ')'
       END AS "value (95% CI)",
       round(r.parent_value::numeric, 1) AS city, r.compared_with_parent AS compared,
       r.funnel, r.recent_trend AS trend, r.curve_status AS curve
  FROM demo.report_card_mv r
 WHERE r.question = 'population'
   AND (r.area_name IN ('Aston', 'Sparkhill', 'Sutton Four Oaks') OR r.area_type = 'lad')
   AND r.period_start = (SELECT max(x.period_start) FROM demo.report_card_mv x WHERE x.indicator_code = r.indicator_code)
 ORDER BY r.area_type = 'lad', r.area_name, r.indicator_code;

\echo
\echo '== 3. Did the curve turn? Breastfeeding at 6-8 weeks, programme wards (from 2021-22 Q1) and the others'
\echo
SELECT grp AS wards, (t).status, (t).n_pre AS quarters_before, (t).n_post AS quarters_since,
       round((t).baseline_slope::numeric, 2) AS baseline_slope_per_year,
       round((t).effect_at_last::numeric, 1) AS gap_now, round((t).effect_se::numeric, 2) AS se,
       to_char((t).effect_p, '9.9EEEE') AS p, (t).curve_shape
  FROM (SELECT grp, oba.turn_the_curve_agg(period_start, 100 * n / d, date '2021-04-01') AS t
          FROM (SELECT CASE WHEN w.programme THEN 'programme (6)' ELSE 'others (63)' END AS grp,
                       c.period_start, sum(c.numerator) AS n, sum(c.denominator) AS d
                  FROM demo.ward_count c JOIN demo.ward w ON w.code = c.ward_code
                 WHERE c.measure = 'BF' GROUP BY 1, 2) g
         GROUP BY grp) x
 ORDER BY 1 DESC;
\echo 'Ward by ward (each ward''s own curve, latest quarter):'
SELECT CASE WHEN programme_ward THEN 'programme' ELSE 'other' END AS wards,
       count(*) FILTER (WHERE curve_status = 'turned_better') AS turned_better,
       count(*) FILTER (WHERE curve_status = 'on_baseline') AS on_baseline,
       count(*) FILTER (WHERE curve_status = 'turned_worse') AS turned_worse
  FROM demo.report_card_mv
 WHERE indicator_code = 'BF' AND area_type = 'ward'
   AND period_start = (SELECT max(period_start) FROM demo.report_card_mv WHERE indicator_code = 'BF')
 GROUP BY 1 ORDER BY 1 DESC;
\echo '(each ward is tested on its own at the 5% level: among 63 wards a handful "turn" by chance;'
\echo 'judge a programme by its wards together, as above)'

\echo
\echo '== 4. The family support service: How much? How well? Is anyone better off? (latest four quarters)'
\echo
SELECT r.question, r.indicator_name AS measure, r.period,
       round(r.numerator::numeric) AS numerator, round(r.denominator::numeric) AS denominator,
       round(r.value::numeric, 1) AS value, round(r.lower::numeric, 1) AS lower, round(r.upper::numeric, 1) AS upper,
       r.recent_trend AS trend
  FROM demo.report_card_mv r
 WHERE (r.service = 'Family support' AND r.area_type IN ('service', 'lad'))
   AND r.period_start > (SELECT max(x.period_start) - interval '1 year' FROM demo.report_card_mv x
                          WHERE x.indicator_code = r.indicator_code)
 ORDER BY array_position('{how_much,how_well,better_off}', r.question), r.period_start;

\echo
\echo '== 5. SPC (NHS Making Data Count): new birth visits within 14 days, by month; new booking system from April 2023'
\echo
SELECT to_char(p.t, 'YYYY-MM') AS month, round(p.value::numeric, 1) AS pct, round(p.mean::numeric, 1) AS mean,
       round(p.lpl::numeric, 1) AS lower_limit, round(p.upl::numeric, 1) AS upper_limit, p.special_cause, p.point_type
  FROM (SELECT array_agg(period_start ORDER BY period_start) AS t, array_agg(value ORDER BY period_start) AS v
          FROM demo.report_card_mv WHERE indicator_code = 'NBV') s,
       LATERAL oba.spc_points(s.t, s.v, 'higher_is_better') p
 WHERE p.t >= '2022-10-01' AND p.t < '2023-10-01'
 ORDER BY p.t;
SELECT 'one chart' AS limits, (x).n, round((x).mean::numeric, 1) AS mean, round((x).lpl::numeric, 1) AS lower_limit,
       round((x).upl::numeric, 1) AS upper_limit, (x).variation
  FROM (SELECT oba.spc_agg(period_start, value, 'higher_is_better') AS x FROM demo.report_card_mv WHERE indicator_code = 'NBV') s
UNION ALL
SELECT 'rebased April 2023', (x).n, round((x).mean::numeric, 1), round((x).lpl::numeric, 1), round((x).upl::numeric, 1),
       (x).variation
  FROM (SELECT oba.spc_agg(period_start, value, 'higher_is_better', NULL, ARRAY[date '2023-04-01'], NULL, true, 7, false) AS x
          FROM demo.report_card_mv WHERE indicator_code = 'NBV') s;

\echo
\echo '== 6. Funnel plot: wards outside the city''s 99.8% limits for a good level of development, latest year'
\echo
SELECT area_name AS ward, round(numerator::numeric) AS children_at_gld, round(denominator::numeric) AS assessed,
       round(value::numeric, 1) AS pct, round(parent_value::numeric, 1) AS city, funnel,
       oba.gap_to_close(round(numerator), round(denominator), parent_value / 100) AS more_children_to_reach_city
  FROM demo.report_card_mv
 WHERE indicator_code = 'GLD' AND area_type = 'ward' AND funnel LIKE '%0.001%'
   AND period_start = (SELECT max(period_start) FROM demo.report_card_mv WHERE indicator_code = 'GLD')
 ORDER BY value;

\echo
\echo '== 7. What would be shared: demo.shared_extract, ward rows with small numbers suppressed'
\echo 'Per indicator and period, the wards form a one-way table whose total is the city: a count'
\echo 'under 5 (or fewer than 5 who did not) is suppressed, and secondary cells with it, so that'
\echo 'no suppressed count can be worked out by subtracting the published wards from the city'
\echo
SELECT r.indicator_name AS indicator, count(*) AS ward_rows,
       count(*) FILTER (WHERE r.suppressed = 'primary') AS primary_suppressed,
       count(*) FILTER (WHERE r.suppressed = 'secondary') AS secondary_suppressed,
       count(DISTINCT r.period_start) FILTER (WHERE r.suppressed IS NOT NULL) AS periods_with_suppression
  FROM demo.report_card_mv r WHERE r.area_type = 'ward'
 GROUP BY r.indicator_code, r.indicator_name ORDER BY r.indicator_code;
\echo
\echo '== 8. Statistical neighbours: each programme ward against its five most similar wards outside the programme'
\echo 'oba.statistical_neighbours over the 69 wards (% aged 0-15, % aged 60+, residents per hectare; ONS mid-2015),'
\echo 'standardised as the CIPFA and DfE models do; breastfeeding at 6-8 weeks before the programme (2015-16 to'
\echo '2020-21) and in 2024-25, the ward against the average of its neighbours'
\echo
SELECT ward, neighbours, before, neighbours_before, gap_before, "2024-25", "neighbours_2024-25", gap_now
  FROM (SELECT 0 AS ord, ward, neighbours, round(ward_before::numeric, 1) AS before,
               round(neighbours_before::numeric, 1) AS neighbours_before,
               round((ward_before - neighbours_before)::numeric, 1) AS gap_before,
               round(ward_2024_25::numeric, 1) AS "2024-25", round(neighbours_2024_25::numeric, 1) AS "neighbours_2024-25",
               round((ward_2024_25 - neighbours_2024_25)::numeric, 1) AS gap_now
          FROM demo.neighbour_comparison
        UNION ALL
        SELECT 1, 'the six (mean)', NULL, round(avg(ward_before)::numeric, 1), round(avg(neighbours_before)::numeric, 1),
               round(avg(ward_before - neighbours_before)::numeric, 1),
               round(avg(ward_2024_25)::numeric, 1), round(avg(neighbours_2024_25)::numeric, 1),
               round(avg(ward_2024_25 - neighbours_2024_25)::numeric, 1)
          FROM demo.neighbour_comparison) t
 ORDER BY ord, ward;
\echo
\echo '== 9. Inequality: breastfeeding at 6-8 weeks across deciles of need, before the programme and in 2024-25'
\echo 'Deciles of the 639 LSOAs by the demo''s need index (demo.lsoa_profile.need: a stand-in for deprivation'
\echo 'from the share of children in each LSOA''s real population, not the IMD), 1 = most in need; % breastfed,'
\echo 'Wilson 95% intervals (oba.proportion). SYNTHETIC records: the generator draws a 30-point gradient'
\echo 'across the need index, and the six programme wards are among the most in need.'
\echo
SELECT b.decile, b.lsoas, round(b.mean_need::numeric, 2) AS mean_need, round(b.recorded::numeric) AS "babies_2020-21",
       round(100 * b.value::numeric, 1) || ' (' || round(100 * b.lower::numeric, 1) || '-'
         || round(100 * b.upper::numeric, 1) || ')' AS "2020-21 (95% CI)",
       round(a.recorded::numeric) AS "babies_2024-25",
       round(100 * a.value::numeric, 1) || ' (' || round(100 * a.lower::numeric, 1) || '-'
         || round(100 * a.upper::numeric, 1) || ')' AS "2024-25 (95% CI)"
  FROM demo.need_decile_bf b JOIN demo.need_decile_bf a ON a.decile = b.decile AND a.period = '2024-25'
 WHERE b.period = '2020-21'
 ORDER BY b.decile;
\echo 'The slope index of inequality (SII: the fitted gap between the least and the most in need, percentage'
\echo 'points) and the relative index (RII: their ratio) of oba.sii_agg, as PHEindicatormethods phe_sii:'
\echo 'each decile at the midpoint of its share of the babies, 95% limits from 100,000 seeded simulations'
\echo
SELECT period, quantiles AS deciles, round(population::numeric) AS babies,
       round((intercept)::numeric, 1) AS most_in_need_fitted,
       round(sii::numeric, 1) || ' (' || round(sii_lower::numeric, 1) || ' to ' || round(sii_upper::numeric, 1) || ')'
         AS "SII, points (95% CI)",
       round(rii::numeric, 2) || ' (' || round(rii_lower::numeric, 2) || ' to ' || round(rii_upper::numeric, 2) || ')'
         AS "RII (95% CI)"
  FROM demo.need_inequality
 ORDER BY period;
SELECT round((y.sii - x.sii)::numeric, 1) AS sii_change, round((y.rii - x.rii)::numeric, 2) AS rii_change,
       CASE WHEN x.sii IS NULL OR y.sii IS NULL THEN 'no SII: a decile with no baby breastfed, or all'
            WHEN y.sii_upper < x.sii_lower THEN 'narrowed: the 95% intervals do not overlap'
            WHEN y.sii_lower > x.sii_upper THEN 'widened: the 95% intervals do not overlap'
            ELSE 'the 95% intervals overlap: no clear change' END AS "the gap, 2020-21 to 2024-25"
  FROM demo.need_inequality x, demo.need_inequality y
 WHERE x.period = '2020-21' AND y.period = '2024-25';
RESET client_min_messages;

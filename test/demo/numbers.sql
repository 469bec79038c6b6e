-- The demo's numbers (run by test/run-demo-tests with pg_prove against the
-- database demo/run built on a reduced dataset, DEMO_SCALE 0.05): the
-- apportionment keeps totals, the programme wards' curve turned and the
-- others' did not, the report card's analysis as at each period agrees with
-- the aggregates over the whole series, suppression protects what is shared,
-- the charts are sound, the refresh is scheduled, each programme ward
-- has its statistical neighbours, the same as plain SQL finds them, and the
-- slope index of inequality across deciles of need is the weighted
-- least-squares line plain SQL fits.
BEGIN;
SELECT plan(42);

-- ---- the data ----
SELECT cmp_ok((SELECT count(*) FROM demo.births), '>', 5000::bigint, 'births at scale 0.05: about 750 a year for ten years');
SELECT is((SELECT count(*) FROM demo.ward), 69::bigint, 'Birmingham''s 69 wards');
SELECT is((SELECT count(*) FROM demo.lsoa), 639::bigint, 'and its 639 LSOAs');

-- ---- apportionment: totals kept under the covered denominator ----
SELECT is((SELECT count(*) FROM (SELECT lsoa_code FROM demo.lsoa_ward_weight GROUP BY 1
                                  HAVING abs(sum(weight) - 1) > 1e-12) x), 0::bigint,
          'every LSOA''s weights add up to 1 (covered denominator)');
SELECT is((SELECT count(DISTINCT lsoa_code) FROM demo.lsoa_ward_weight), 639::bigint, 'every LSOA is placed');
SELECT is(array(SELECT measure FROM (
                  SELECT c.measure, sum(c.numerator) AS n, sum(c.denominator) AS d FROM demo.lsoa_count c GROUP BY 1) l
                  JOIN (SELECT w.measure, sum(w.numerator) AS n, sum(w.denominator) AS d FROM demo.ward_count w GROUP BY 1) a
                 USING (measure)
                 WHERE abs(a.n - l.n) > 1e-9 * l.n OR abs(a.d - l.d) > 1e-9 * l.d ORDER BY 1),
          '{}'::text[], 'the apportioned ward totals equal the LSOA totals, numerators and denominators, every measure');
SELECT is((SELECT count(*) FROM (
             SELECT c.measure, c.period_start FROM demo.lsoa_count c GROUP BY 1, 2
             HAVING abs(sum(c.numerator) - (SELECT sum(w.numerator) FROM demo.ward_count w
                                             WHERE w.measure = c.measure AND w.period_start = c.period_start))
                    > 1e-9 * greatest(sum(c.numerator), 1)) x), 0::bigint,
          'and in every period');
SELECT is((SELECT count(*) FROM oba.observation o
            WHERE o.area_type = 'lad' AND o.indicator_code IN ('BF', 'LBW', 'SMK', 'GLD', 'FS_REACH')
              AND abs(o.numerator - (SELECT sum(w.numerator) FROM oba.observation w
                                      WHERE w.indicator_code = o.indicator_code AND w.period_start = o.period_start
                                        AND w.parent_area_code = o.area_code)) > 1e-9 * greatest(o.numerator, 1)),
          0::bigint, 'the city''s observations are the sums of its wards''');

-- ---- turning the curve: the programme wards turned, the others did not ----
CREATE TEMP TABLE curve AS
  SELECT grp, oba.turn_the_curve_agg(period_start, 100 * n / d, date '2021-04-01') AS t
    FROM (SELECT CASE WHEN w.programme THEN 'programme' ELSE 'others' END AS grp,
                 c.period_start, sum(c.numerator) AS n, sum(c.denominator) AS d
            FROM demo.ward_count c JOIN demo.ward w ON w.code = c.ward_code
           WHERE c.measure = 'BF' GROUP BY 1, 2) g
   GROUP BY grp;
SELECT is((SELECT (t).status FROM curve WHERE grp = 'programme'), 'turned_better',
          'breastfeeding in the six programme wards: the curve turned for the better');
SELECT cmp_ok((SELECT (t).effect_at_last FROM curve WHERE grp = 'programme'), '>', 10::float8,
              'by more than 10 points above the baseline forecast at the latest quarter');
SELECT is((SELECT (t).curve_shape FROM curve WHERE grp = 'programme'), 'reversed_to_improving',
          'from a falling baseline to a rising curve');
SELECT is((SELECT (t).status FROM curve WHERE grp = 'others'), 'on_baseline',
          'the other 63 wards: still on the baseline');
SELECT cmp_ok((SELECT abs((t).effect_at_last) FROM curve WHERE grp = 'others'), '<', 5::float8,
              'within 5 points of the forecast');
SELECT is((SELECT count(*) FROM demo.report_card_mv WHERE indicator_code = 'BF' AND area_type = 'ward'
              AND programme_ward AND period_start = '2025-01-01'), 6::bigint, 'the report card holds the six programme wards');

-- ---- the report card's analysis, as at each period ----
SELECT is((SELECT curve_status FROM demo.report_card_mv WHERE indicator_code = 'NBV' AND period_start = '2025-03-01'),
          (SELECT (oba.turn_the_curve_agg(period_start, 100 * numerator / denominator, date '2023-04-01')).status
             FROM oba.observation WHERE indicator_code = 'NBV'),
          'the curve status at the latest period is that of the whole series');
SELECT is((SELECT count(*) FROM demo.report_card_mv WHERE indicator_code = 'NBV' AND period_start < '2023-04-01'
              AND curve_status NOT IN ('no_post_data', 'insufficient_baseline')), 0::bigint,
          'new birth visits: before the new booking system there was nothing to turn');
SELECT is((SELECT spc_variation FROM demo.report_card_mv WHERE indicator_code = 'NBV' AND period_start = '2025-03-01'),
          (SELECT (oba.spc_agg(period_start, 100 * numerator / denominator, 'higher_is_better')).variation
             FROM oba.observation WHERE indicator_code = 'NBV'),
          'the SPC variation at the latest month is that of the whole chart');
CREATE TEMP TABLE nbv_spc AS
  SELECT p.* FROM (SELECT array_agg(period_start ORDER BY period_start) AS t, array_agg(value ORDER BY period_start) AS v
                     FROM demo.report_card_mv WHERE indicator_code = 'NBV') s,
                  LATERAL oba.spc_points(s.t, s.v, 'higher_is_better', rebase => ARRAY[date '2023-04-01']) p;
SELECT cmp_ok((SELECT max(mean) - min(mean) FROM nbv_spc), '>', 2::float8,
              'SPC rebased at the new booking system: the mean rises by more than 2 points');
SELECT ok((SELECT count(*) FILTER (WHERE p.point_type = 'special_cause_improvement' AND p.t < '2023-04-01') = 0
                  AND count(*) FILTER (WHERE p.point_type = 'special_cause_improvement' AND p.t >= '2023-04-01') > 0
             FROM (SELECT array_agg(period_start ORDER BY period_start) AS t, array_agg(value ORDER BY period_start) AS v
                     FROM demo.report_card_mv WHERE indicator_code = 'NBV') s,
                  LATERAL oba.spc_points(s.t, s.v, 'higher_is_better') p),
          'one chart over ten years: special cause improvement after the change, none before');
SELECT is((SELECT count(*) FROM demo.report_card_mv r
            WHERE r.compared_with_parent IS DISTINCT FROM
                  CASE WHEN r.suppressed IS NULL AND r.parent_value IS NOT NULL
                       THEN oba.compare(r.value, r.lower, r.upper, r.parent_value, r.polarity) END),
          0::bigint, 'every comparison with the city is oba.compare of the published interval');
SELECT cmp_ok((SELECT count(*) FROM demo.report_card_mv WHERE compared_with_parent IN ('better', 'worse')),
              '>', 0::bigint, 'some wards differ significantly from the city');

-- ---- materialised, refreshed concurrently, scheduled ----
SELECT is((SELECT count(*) FROM (SELECT * FROM demo.report_card EXCEPT SELECT * FROM demo.report_card_mv) x), 0::bigint,
          'the materialised view holds what the view computes');
SELECT lives_ok('REFRESH MATERIALIZED VIEW CONCURRENTLY demo.report_card_mv', 'and refreshes concurrently (unique index)');
SELECT is((SELECT schedule || ' ' || command FROM cron.job WHERE jobname = 'oba refresh demo.report_card_mv'),
          '0 6 * * * REFRESH MATERIALIZED VIEW CONCURRENTLY demo.report_card_mv',
          'pg_cron refreshes it every day at 06:00');

-- ---- what would be shared ----
SELECT is((SELECT count(*) FROM (
             SELECT indicator_code, period_start FROM demo.report_card_mv WHERE area_type = 'ward'
              GROUP BY 1, 2 HAVING count(suppressed) = 1) x), 0::bigint,
          'no table of wards has a single suppressed cell (the city''s total would reveal it)');
SELECT is((SELECT count(*) FROM demo.shared_extract WHERE note = 'suppressed' AND (numerator IS NOT NULL OR value IS NOT NULL)),
          0::bigint, 'a suppressed cell of the shared extract has no numerator and no value');

-- ---- the charts ----
SELECT is((SELECT count(*) FROM demo.chart WHERE NOT xml_is_well_formed_document(svg)
              OR svg !~ '^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 [0-9]+ [0-9]+"'
              OR svg !~ '<title id="oba-[0-9a-f]{12}-t">[^<]+</title>'),
          0::bigint, 'every chart is well-formed SVG that scales (viewBox) and has a title');
SELECT is((SELECT array_agg(cardinality(xpath('//s:g/s:path', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))
                            ORDER BY name)::int[] FROM demo.chart WHERE kind = 'map'),
          '{75,75,75,75,75}'::int[], 'each map draws the 69 wards and outlines the 6 programme wards');
-- ---- statistical neighbours of the programme wards ----
SELECT is((SELECT count(*) FROM demo.ward_profile
            WHERE pct_0_15 > 0 AND pct_0_15 < 100 AND pct_60plus > 0 AND pct_60plus < 100 AND residents_per_ha > 0),
          69::bigint, 'a profile for each of the 69 wards (% aged 0-15, % aged 60+, residents per hectare)');
SELECT is((SELECT count(*) FROM demo.programme_neighbour), 30::bigint, 'five neighbours for each of the six programme wards');
SELECT is((SELECT count(*) FROM demo.programme_neighbour pn JOIN demo.ward w ON w.code = pn.neighbour_code
            WHERE w.programme), 0::bigint, 'none of them a programme ward');
-- the same found in plain SQL: z-scores by window functions over the 69
-- wards, every programme ward against every other ward, ranked
CREATE TEMP TABLE nb_check AS
WITH z AS (
  SELECT code, programme,
         (pct_0_15 - avg(pct_0_15) OVER ()) / stddev_samp(pct_0_15) OVER () AS z1,
         (pct_60plus - avg(pct_60plus) OVER ()) / stddev_samp(pct_60plus) OVER () AS z2,
         (residents_per_ha - avg(residents_per_ha) OVER ()) / stddev_samp(residents_per_ha) OVER () AS z3
    FROM demo.ward_profile),
pair AS (
  SELECT a.code AS ward_code, b.code AS neighbour_code, a.programme AS from_programme, b.programme AS to_programme,
         sqrt((a.z1 - b.z1) ^ 2 + (a.z2 - b.z2) ^ 2 + (a.z3 - b.z3) ^ 2) AS distance
    FROM z a JOIN z b ON a.code <> b.code)
SELECT ward_code, neighbour_code, distance, distance / (SELECT max(distance) FROM pair) AS relative_distance,
       row_number() OVER (PARTITION BY ward_code ORDER BY distance, neighbour_code COLLATE "C") AS rank
  FROM pair WHERE from_programme AND NOT to_programme;
SELECT is((SELECT count(*) FROM demo.programme_neighbour p JOIN nb_check c USING (ward_code, rank)
            WHERE c.neighbour_code = p.neighbour_code AND abs(c.distance - p.distance) <= 1e-9 * c.distance
              AND abs(c.relative_distance - p.relative_distance) <= 1e-9 * c.relative_distance),
          30::bigint, 'the same neighbours, order, distances and relative distances as plain SQL finds them');
-- before the programme the wards were like their neighbours; by 2024-25
-- they are ahead of them (the generator adds 18 to 22 points in 2024-25;
-- at scale 0.05 a ward has about ten recorded babies a year, so the gaps
-- carry several points of noise)
SELECT cmp_ok((SELECT abs(avg(ward_before - neighbours_before)) FROM demo.neighbour_comparison), '<', 10::float8,
              'breastfeeding before the programme: the six within 10 points of their neighbours on average');
SELECT cmp_ok((SELECT avg(ward_2024_25 - neighbours_2024_25) - avg(ward_before - neighbours_before)
                 FROM demo.neighbour_comparison), '>', 5::float8,
              'in 2024-25 they gained more than 5 points on their neighbours');
-- ---- inequality across deciles of the need index ----
SELECT is((SELECT array_agg(n ORDER BY decile) FROM (SELECT decile, count(*)::int AS n FROM demo.lsoa_need_decile GROUP BY 1) d),
          '{63,64,64,64,64,64,64,64,64,64}'::int[], 'the 639 LSOAs in ten deciles of need, 63 or 64 each');
SELECT ok((SELECT bool_and(lo > hi) FROM (
             SELECT min(need) AS lo, lead(max(need)) OVER (ORDER BY decile) AS hi
               FROM demo.lsoa_need_decile GROUP BY decile) d WHERE hi IS NOT NULL),
          'decile 1 the most in need: every LSOA of a decile in more need than every LSOA of the next');
-- each decile's value recounted from the births themselves
SELECT is((SELECT count(*) FROM demo.need_decile_bf q
             JOIN (SELECT oba.fy(b.birth_date) AS period, d.decile,
                          count(*) FILTER (WHERE b.breastfed_6_8_weeks) AS n, count(b.breastfed_6_8_weeks) AS m
                     FROM demo.births b JOIN demo.lsoa_need_decile d USING (lsoa11_code)
                    GROUP BY 1, 2) r USING (period, decile)
            WHERE q.breastfed = r.n AND q.recorded = r.m AND abs(q.value - r.n::float8 / r.m) <= 1e-12
              AND q.lower < q.value AND q.value < q.upper),
          20::bigint, 'breastfeeding by decile, 2020-21 and 2024-25: the births recounted, a proportion within its interval');
-- the SII fitted again in plain SQL: each decile's share a of the babies,
-- its rank x the midpoint of its share of the cumulative population, the
-- line of the proportion on x weighted by a (METHODS.md 19.2); SII = 100 x
-- slope, intercept = 100 x the fitted value at x = 0, RII = fitted at 1 / at 0
CREATE TEMP TABLE sii_check AS
WITH d AS (
  SELECT period, decile, recorded / sum(recorded) OVER (PARTITION BY period) AS a, value AS y FROM demo.need_decile_bf),
r AS (
  SELECT period, decile, a, y, sum(a) OVER (PARTITION BY period ORDER BY decile) - a / 2 AS x FROM d),
m AS (
  SELECT period, sum(a * x) / sum(a) AS x_bar, sum(a * y) / sum(a) AS y_bar, count(*) AS deciles FROM r GROUP BY 1),
f AS (
  SELECT period, m.deciles, sum(r.a * (r.x - m.x_bar) * (r.y - m.y_bar)) / sum(r.a * (r.x - m.x_bar) ^ 2) AS slope,
         min(m.x_bar) AS x_bar, min(m.y_bar) AS y_bar
    FROM r JOIN m USING (period) GROUP BY period, m.deciles)
SELECT period, deciles, 100 * slope AS sii, 100 * (y_bar - slope * x_bar) AS intercept,
       (y_bar - slope * x_bar + slope) / (y_bar - slope * x_bar) AS rii
  FROM f;
SELECT is((SELECT count(*) FROM demo.need_inequality i JOIN sii_check c USING (period)
            WHERE i.quantiles = c.deciles AND c.deciles = 10 AND abs(i.sii - c.sii) <= 1e-9 * abs(c.sii)),
          2::bigint, 'the SII, 2020-21 and 2024-25, is the slope of the weighted least-squares line plain SQL fits');
SELECT is((SELECT count(*) FROM demo.need_inequality i JOIN sii_check c USING (period)
            WHERE abs(i.rii - c.rii) <= 1e-9 * abs(c.rii) AND abs(i.intercept - c.intercept) <= 1e-9 * abs(c.intercept)),
          2::bigint, 'and the RII and the fitted value at the most in need are that line''s');
SELECT is((SELECT count(*) FROM demo.need_inequality
            WHERE sii_lower < sii AND sii < sii_upper AND rii_lower < rii AND rii < rii_upper),
          2::bigint, 'the 95% limits of the SII and of the RII contain the point estimates');
SELECT is((SELECT array_agg(ROW(s.sii_lower, s.sii_upper, s.rii_lower, s.rii_upper)::text ORDER BY s.period)
             FROM (SELECT period, (oba.sii_agg(decile, recorded, value, lower, upper, 'proportion'::text, false, 100::float8,
                                               0.95::float8, 100000, 2021)).*
                     FROM demo.need_decile_bf GROUP BY period) s),
          (SELECT array_agg(ROW(sii_lower, sii_upper, rii_lower, rii_upper)::text ORDER BY period) FROM demo.need_inequality),
          'the simulated limits are the same again with the same seed');
-- the generator draws breastfeeding 30 points lower at need 1 than at need 0
SELECT cmp_ok((SELECT sii FROM demo.need_inequality WHERE period = '2020-21'), '>', 10::float8,
              'before the programme, breastfeeding falls with need: an SII above 10 points');
SELECT * FROM finish();
ROLLBACK;

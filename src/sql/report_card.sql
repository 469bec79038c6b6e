-- ---------------------------------------------------------------------------
-- report_card: indicators and performance measures, their observations, and
-- the view oba.report_card (one row per indicator, area and period, plain
-- columns for BI tools); a helper that schedules the refresh of a
-- materialised view with pg_cron.
--
-- The tables are extension configuration tables: pg_dump dumps their rows
-- (pg_extension_config_dump), so user data survives a dump and restore.
-- ---------------------------------------------------------------------------

-- Availability: 0.2
CREATE TABLE @extschema@.indicator (
    code               pg_catalog.text PRIMARY KEY CHECK (code <> ''),
    name               pg_catalog.text NOT NULL,
    question           pg_catalog.text NOT NULL
                       CHECK (question IN ('how_much', 'how_well', 'better_off', 'population')),
    service            pg_catalog.text,
    polarity           pg_catalog.text NOT NULL DEFAULT 'neutral'
                       CHECK (polarity IN ('higher_is_better', 'lower_is_better', 'neutral')),
    kind               pg_catalog.text NOT NULL CHECK (kind IN ('rate', 'proportion', 'count', 'mean')),
    multiplier         pg_catalog.float8 CHECK (multiplier > 0 AND multiplier < 'Infinity'),
    unit               pg_catalog.text,
    confidence         pg_catalog.float8 NOT NULL DEFAULT 0.95 CHECK (confidence > 0 AND confidence < 1),
    suppress_threshold pg_catalog.int4 CHECK (suppress_threshold >= 1),
    strategy_start     pg_catalog.date,
    description        pg_catalog.text,
    target             pg_catalog.float8 CHECK (target > '-Infinity' AND target < 'Infinity'),
    CONSTRAINT performance_measure_has_service CHECK (question = 'population' OR service IS NOT NULL),
    CONSTRAINT multiplier_for_rates_and_proportions CHECK (kind IN ('rate', 'proportion') OR multiplier IS NULL)
);

COMMENT ON TABLE @extschema@.indicator IS
'OBA population indicators (question ''population'') and a service''s performance measures (''how_much'': How much did we do?, ''how_well'': How well did we do it?, ''better_off'': Is anyone better off?), with polarity, kind (rate, proportion, count, mean), multiplier (NULL: 10,000 for a rate, 100 for a proportion), unit, confidence, the suppression threshold to apply in oba.report_card (NULL: none), the strategy start for turning the curve (the first period after the change; NULL: none) and a target on the scale of the value for the SPC assurance (NULL: none).';

-- Availability: 0.2
CREATE TABLE @extschema@.observation (
    indicator_code   pg_catalog.text NOT NULL
                     REFERENCES @extschema@.indicator (code) ON UPDATE CASCADE,
    area_code        pg_catalog.text NOT NULL CHECK (area_code <> ''),
    area_type        pg_catalog.text NOT NULL,
    period_start     pg_catalog.date NOT NULL CHECK (pg_catalog.isfinite(period_start)),
    numerator        pg_catalog.float8 CHECK (numerator >= 0 AND numerator < 'Infinity'),
    denominator      pg_catalog.float8 CHECK (denominator > 0 AND denominator < 'Infinity'),
    value            pg_catalog.float8 CHECK (value > '-Infinity' AND value < 'Infinity'),
    lower            pg_catalog.float8 CHECK (lower > '-Infinity' AND lower < 'Infinity'),
    upper            pg_catalog.float8 CHECK (upper > '-Infinity' AND upper < 'Infinity'),
    parent_area_code pg_catalog.text CHECK (parent_area_code <> area_code),
    PRIMARY KEY (indicator_code, area_code, period_start),
    CONSTRAINT limits_in_order CHECK (lower <= upper),
    CONSTRAINT value_within_limits CHECK (value BETWEEN lower AND upper)
);

COMMENT ON TABLE @extschema@.observation IS
'One value of an indicator for an area and a period: numerator and denominator for a rate or a proportion (numerator <= denominator for a proportion), numerator for a count, value (and optional lower, upper) for a mean; parent_area_code names the area it is benchmarked against (a ward''s city), the same indicator and period.';

CREATE INDEX observation_parent_idx
    ON @extschema@.observation (indicator_code, period_start, parent_area_code);

-- Availability: 0.2
CREATE FUNCTION @extschema@.observation_check()
RETURNS trigger LANGUAGE plpgsql VOLATILE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  k pg_catalog.text;
BEGIN
  SELECT i.kind INTO k FROM @extschema@.indicator i WHERE i.code = NEW.indicator_code;
  IF k IS NULL THEN
    RETURN NEW;                               -- the foreign key reports it
  ELSIF k IN ('rate', 'proportion') AND (NEW.numerator IS NULL OR NEW.denominator IS NULL) THEN
    RAISE EXCEPTION 'oba.observation: a % needs a numerator and a denominator', k
      USING ERRCODE = 'check_violation',
            DETAIL = format('Indicator %s, area %s, period %s.', NEW.indicator_code, NEW.area_code, NEW.period_start);
  ELSIF k = 'proportion' AND NEW.denominator > 0 AND NEW.numerator > NEW.denominator THEN
    RAISE EXCEPTION 'oba.observation: numerator % exceeds denominator % for a proportion', NEW.numerator, NEW.denominator
      USING ERRCODE = 'check_violation',
            DETAIL = format('Indicator %s, area %s, period %s.', NEW.indicator_code, NEW.area_code, NEW.period_start);
  ELSIF k = 'count' AND NEW.numerator IS NULL THEN
    RAISE EXCEPTION 'oba.observation: a count needs a numerator'
      USING ERRCODE = 'check_violation',
            DETAIL = format('Indicator %s, area %s, period %s.', NEW.indicator_code, NEW.area_code, NEW.period_start);
  ELSIF k = 'mean' AND NEW.value IS NULL THEN
    RAISE EXCEPTION 'oba.observation: a mean needs a value'
      USING ERRCODE = 'check_violation',
            DETAIL = format('Indicator %s, area %s, period %s.', NEW.indicator_code, NEW.area_code, NEW.period_start);
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION @extschema@.observation_check() IS
'Trigger function on oba.observation: refuses a row that its indicator''s kind cannot use (a proportion''s numerator above its denominator, a rate or proportion without both, a count without a numerator, a mean without a value), with SQLSTATE 23514.';

CREATE TRIGGER observation_check
    BEFORE INSERT OR UPDATE ON @extschema@.observation
    FOR EACH ROW EXECUTE FUNCTION @extschema@.observation_check();

-- Availability: 0.2
CREATE FUNCTION @extschema@.indicator_kind_check()
RETURNS trigger LANGUAGE plpgsql VOLATILE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM @extschema@.observation o
              WHERE o.indicator_code = NEW.code
                AND CASE NEW.kind
                      WHEN 'proportion' THEN o.numerator IS NULL OR o.denominator IS NULL OR o.numerator > o.denominator
                      WHEN 'rate' THEN o.numerator IS NULL OR o.denominator IS NULL
                      WHEN 'count' THEN o.numerator IS NULL
                      ELSE o.value IS NULL END) THEN
    RAISE EXCEPTION 'oba.indicator: indicator %''s observations do not fit kind %', NEW.code, NEW.kind
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
COMMENT ON FUNCTION @extschema@.indicator_kind_check() IS
'Trigger function on oba.indicator: refuses a change of kind that the indicator''s observations do not fit (SQLSTATE 23514).';

CREATE TRIGGER indicator_kind_check
    AFTER UPDATE OF kind ON @extschema@.indicator
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
    EXECUTE FUNCTION @extschema@.indicator_kind_check();

SELECT pg_catalog.pg_extension_config_dump('@extschema@.indicator', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.observation', '');

-- The view, in three layers.
--
-- card: one row per observation with what the card publishes. Suppression,
-- for indicators with a suppress_threshold, treats the areas of one type that
-- share a parent (wards of a city) in one period as a one-way table whose
-- total is the parent's count. For a proportion a cell is small when the
-- numerator or the denominator minus the numerator is (6 of 9 tells that 3
-- did not): the table is of the smaller of the two, which protects both,
-- since hiding one hides the other. card also carries the 95% limits the
-- recent trend needs, the 99.8% estimate of the two-level comparison, and k,
-- the period's place among the indicator's periods (every period any area
-- has), so that "the last five periods" is a frame of k and a period an area
-- lacks breaks its run.
--
-- series: the trend, curve and SPC of each row, as of its period, by window
-- aggregates over the rows of its series (indicator and area) up to it. They
-- read the published columns only, so a suppressed value is a missing point
-- and nothing derived from the card reveals it. The columns a card is cut by
-- and that are constant within a series (area_type, the indicator's service
-- and question) are in the PARTITION BY besides the series' key, so that a
-- filter on them is pushed down to the tables (each key costs sorting time);
-- a filter on the period, the parent or a value cannot be (a trend needs the
-- periods before it) and applies to the result.
--
-- The outer layer: the comparison with the parent, and the series results as
-- plain columns, NULL for a suppressed row.

-- Availability: 0.2
CREATE VIEW @extschema@.report_card WITH (security_invoker = true) AS
WITH suppressed AS (
    SELECT g.indicator_code, g.period_start, s.label AS area_code, s.flag
      FROM (SELECT o.indicator_code, o.period_start, o.area_type, o.parent_area_code,
                   i.suppress_threshold,
                   pg_catalog.array_agg(o.area_code) AS areas,
                   pg_catalog.array_agg(CASE WHEN i.kind = 'proportion'
                                             THEN LEAST(pg_catalog.round(o.numerator),
                                                        pg_catalog.round(o.denominator - o.numerator))
                                             ELSE pg_catalog.round(o.numerator) END::pg_catalog.int8) AS counts
              FROM @extschema@.observation o
              JOIN @extschema@.indicator i ON i.code = o.indicator_code
             WHERE i.suppress_threshold IS NOT NULL AND o.numerator IS NOT NULL
             GROUP BY o.indicator_code, o.period_start, o.area_type, o.parent_area_code, i.suppress_threshold) g
     CROSS JOIN LATERAL @extschema@.suppress_table(g.areas, g.counts, g.suppress_threshold, false) s
     WHERE NOT s.is_total AND s.flag IS NOT NULL
),
calendar AS (
    SELECT d.indicator_code, d.period_start,
           pg_catalog.row_number() OVER (PARTITION BY d.indicator_code ORDER BY d.period_start) AS k
      FROM (SELECT DISTINCT o.indicator_code, o.period_start FROM @extschema@.observation o) d
),
card AS (
    SELECT o.indicator_code,
           i.name AS indicator_name,
           i.question,
           i.service,
           i.polarity,
           i.kind,
           i.unit,
           m.multiplier,
           i.confidence,
           o.area_code,
           o.area_type,
           o.parent_area_code,
           o.period_start,
           CASE WHEN s.flag IS NULL THEN o.numerator END AS numerator,
           o.denominator,
           CASE WHEN s.flag IS NULL THEN (e.est).value END AS value,
           CASE WHEN s.flag IS NULL THEN (e.est).lower END AS lower,
           CASE WHEN s.flag IS NULL THEN (e.est).upper END AS upper,
           CASE WHEN ps.flag IS NULL THEN
             CASE i.kind WHEN 'rate' THEN p.numerator / p.denominator * m.multiplier
                         WHEN 'proportion' THEN p.numerator / p.denominator * m.multiplier
                         WHEN 'count' THEN p.numerator
                         ELSE p.value END
           END AS parent_value,
           s.flag AS suppressed,
           i.strategy_start,
           i.target,
           CASE WHEN s.flag IS NULL THEN (e.est95).lower END AS lower95,
           CASE WHEN s.flag IS NULL THEN (e.est95).upper END AS upper95,
           e.est998,
           cal.k
      FROM @extschema@.observation o
      JOIN @extschema@.indicator i ON i.code = o.indicator_code
      JOIN calendar cal ON cal.indicator_code = o.indicator_code AND cal.period_start = o.period_start
     CROSS JOIN LATERAL (SELECT COALESCE(i.multiplier,
                                  CASE i.kind WHEN 'rate' THEN 10000::pg_catalog.float8
                                              WHEN 'proportion' THEN 100::pg_catalog.float8 END) AS multiplier) m
     CROSS JOIN LATERAL (
            SELECT x.est,
                   -- 95% limits for the recent trend: a count's Poisson interval
                   -- (exact below 10, Byar's from 10); a mean's own limits only
                   -- if they are 95% ones
                   CASE WHEN i.kind = 'count' THEN @extschema@.rate(o.numerator, 1::pg_catalog.float8, 1::pg_catalog.float8, 0.95::pg_catalog.float8)
                        WHEN i.confidence = 0.95 THEN x.est
                        WHEN i.kind = 'rate' THEN @extschema@.rate(o.numerator, o.denominator, m.multiplier, 0.95::pg_catalog.float8)
                        WHEN i.kind = 'proportion' THEN @extschema@.proportion(o.numerator, o.denominator, m.multiplier, 0.95::pg_catalog.float8)
                   END AS est95,
                   -- the 99.8% estimate of the two-level comparison, for an area with a parent
                   CASE WHEN o.parent_area_code IS NULL OR i.kind NOT IN ('rate', 'proportion') THEN NULL
                        WHEN i.confidence = 0.998 THEN x.est
                        WHEN i.kind = 'rate' THEN @extschema@.rate(o.numerator, o.denominator, m.multiplier, 0.998::pg_catalog.float8)
                        ELSE @extschema@.proportion(o.numerator, o.denominator, m.multiplier, 0.998::pg_catalog.float8)
                   END AS est998
              FROM (SELECT CASE i.kind
                             WHEN 'rate' THEN @extschema@.rate(o.numerator, o.denominator, m.multiplier, i.confidence)
                             WHEN 'proportion' THEN @extschema@.proportion(o.numerator, o.denominator, m.multiplier, i.confidence)
                             WHEN 'count' THEN ROW(o.numerator, NULL, NULL, o.numerator, NULL)::@extschema@.estimate
                             ELSE ROW(o.value, o.lower, o.upper, NULL, o.denominator)::@extschema@.estimate
                           END AS est
                    OFFSET 0) x
            OFFSET 0) e
      LEFT JOIN @extschema@.observation p
             ON p.indicator_code = o.indicator_code AND p.area_code = o.parent_area_code
            AND p.period_start = o.period_start
      LEFT JOIN suppressed s
             ON s.indicator_code = o.indicator_code AND s.period_start = o.period_start AND s.area_code = o.area_code
      LEFT JOIN suppressed ps
             ON ps.indicator_code = o.indicator_code AND ps.period_start = o.period_start AND ps.area_code = o.parent_area_code
),
series AS (
    SELECT c.*,
           COALESCE(@extschema@.recent_trend_agg(c.period_start, c.numerator, c.denominator, c.polarity)
                      FILTER (WHERE c.kind = 'proportion') OVER recent,
                    @extschema@.recent_trend_ci_agg(c.period_start, c.value, c.lower95, c.upper95, c.polarity)
                      FILTER (WHERE c.kind <> 'proportion') OVER recent) AS trend,
           @extschema@.turn_the_curve_agg(c.period_start, c.value, c.strategy_start, c.polarity, (1 - c.confidence)::pg_catalog.float8)
             FILTER (WHERE c.strategy_start IS NOT NULL) OVER so_far AS curve,
           @extschema@.spc_agg(c.period_start, c.value, c.polarity, c.target) OVER so_far AS spc
      FROM card c
    WINDOW one_series AS (PARTITION BY c.indicator_code, c.area_code, c.area_type, c.service, c.question
                          ORDER BY c.k),
           recent AS (one_series RANGE BETWEEN 4 PRECEDING AND CURRENT ROW),
           so_far AS (one_series ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT r.indicator_code,
       r.indicator_name,
       r.question,
       r.service,
       r.polarity,
       r.kind,
       r.unit,
       r.multiplier,
       r.confidence,
       r.area_code,
       r.area_type,
       r.parent_area_code,
       r.period_start,
       r.numerator,
       r.denominator,
       r.value,
       r.lower,
       r.upper,
       r.parent_value,
       r.suppressed,
       CASE WHEN r.suppressed IS NULL AND r.parent_value IS NOT NULL
            THEN @extschema@.compare(r.value, r.lower, r.upper, r.parent_value, r.polarity) END AS comparison,
       CASE WHEN r.suppressed IS NULL AND r.parent_value IS NOT NULL AND r.est998 IS NOT NULL
            THEN @extschema@.compare(ROW(r.value, r.lower95, r.upper95, NULL, NULL)::@extschema@.estimate,
                                     r.est998, r.parent_value, r.polarity) END AS comparison_95_99_8,
       CASE WHEN r.suppressed IS NULL THEN (r.trend).trend END AS recent_trend,
       CASE WHEN r.suppressed IS NULL THEN (r.trend).marker END AS recent_trend_marker,
       r.strategy_start,
       CASE WHEN r.suppressed IS NULL THEN (r.curve).status END AS curve_status,
       CASE WHEN r.suppressed IS NULL THEN (r.curve).effect_at_last END AS curve_effect,
       CASE WHEN r.suppressed IS NULL THEN (r.curve).effect_p END AS curve_effect_p,
       r.target,
       CASE WHEN r.suppressed IS NULL AND NOT (r.spc).short_group_warning THEN (r.spc).variation END AS spc_variation,
       CASE WHEN r.suppressed IS NULL AND NOT (r.spc).short_group_warning THEN (r.spc).special_cause END AS spc_special_cause,
       CASE WHEN r.suppressed IS NULL AND NOT (r.spc).short_group_warning THEN (r.spc).mean END AS spc_mean,
       CASE WHEN r.suppressed IS NULL AND NOT (r.spc).short_group_warning THEN (r.spc).lpl END AS spc_lpl,
       CASE WHEN r.suppressed IS NULL AND NOT (r.spc).short_group_warning THEN (r.spc).upl END AS spc_upl,
       CASE WHEN r.suppressed IS NULL AND NOT (r.spc).short_group_warning THEN (r.spc).assurance END AS spc_assurance
  FROM series r;

COMMENT ON VIEW @extschema@.report_card IS
'One row per indicator, area and period (key: indicator_code, area_code, period_start), plain columns for BI tools: the indicator, the area, the published numerator, value and limits with suppression, the parent area''s value and the comparison with it, and, as of the row''s period, the Fingertips recent trend, the turn-the-curve status and the SPC variation of the area''s series. Everything derived (comparison, trend, curve, SPC) is computed from published values only, and is NULL on a suppressed row. Filters on indicator_code, service, question, area_code and area_type are pushed down to the tables; other columns (the period, the parent, the values) filter the computed rows (a trend needs the periods before it): materialise the view for dashboards. Runs with the caller''s privileges (security_invoker).';
COMMENT ON COLUMN @extschema@.report_card.indicator_code IS 'oba.indicator.code. Key, with area_code and period_start.';
COMMENT ON COLUMN @extschema@.report_card.indicator_name IS 'oba.indicator.name.';
COMMENT ON COLUMN @extschema@.report_card.question IS 'how_much, how_well, better_off (a service''s performance measure) or population (a population indicator).';
COMMENT ON COLUMN @extschema@.report_card.service IS 'The service of a performance measure; NULL for a population indicator.';
COMMENT ON COLUMN @extschema@.report_card.polarity IS 'higher_is_better, lower_is_better or neutral: the direction of the comparison, recent_trend_marker, curve_status and spc_variation.';
COMMENT ON COLUMN @extschema@.report_card.kind IS 'rate, proportion, count or mean: how value, lower and upper are computed.';
COMMENT ON COLUMN @extschema@.report_card.unit IS 'oba.indicator.unit, for labels.';
COMMENT ON COLUMN @extschema@.report_card.multiplier IS 'The multiplier of a rate (default 10,000) or a proportion (default 100); NULL for a count or a mean.';
COMMENT ON COLUMN @extschema@.report_card.confidence IS 'The confidence of lower and upper (default 0.95); 1 - confidence is the significance level of curve_status.';
COMMENT ON COLUMN @extschema@.report_card.area_code IS 'The area (or service). Key, with indicator_code and period_start.';
COMMENT ON COLUMN @extschema@.report_card.area_type IS 'ward, lad, service...; the areas of one type that share a parent form one table for suppression.';
COMMENT ON COLUMN @extschema@.report_card.parent_area_code IS 'The area this one is benchmarked against (a ward''s city); NULL: none.';
COMMENT ON COLUMN @extschema@.report_card.period_start IS 'The first day of the period (oba.fy_quarter_start, an academic year''s 1 September...). Key, with indicator_code and area_code.';
COMMENT ON COLUMN @extschema@.report_card.numerator IS 'The count (events, successes, a count); NULL when suppressed and for a mean.';
COMMENT ON COLUMN @extschema@.report_card.denominator IS 'The population or total of a rate or proportion, published even when the row is suppressed; the n of a mean if recorded.';
COMMENT ON COLUMN @extschema@.report_card.value IS 'The rate (oba.rate) or proportion (oba.proportion) times the multiplier, the count, or the mean as recorded; NULL when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.lower IS 'Lower confidence limit at the indicator''s confidence (oba.rate for a rate, Wilson for a proportion, as recorded for a mean); NULL for a count and when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.upper IS 'Upper confidence limit, as lower.';
COMMENT ON COLUMN @extschema@.report_card.parent_value IS 'The parent area''s value for the same indicator and period; NULL without a parent, when the parent has no row for the period, or when the parent is suppressed.';
COMMENT ON COLUMN @extschema@.report_card.suppressed IS 'primary or secondary when the indicator has a suppress_threshold and the row is suppressed (oba.suppress_table over the areas of one type sharing a parent, whose total is the parent); NULL: published.';
COMMENT ON COLUMN @extschema@.report_card.comparison IS 'oba.compare(value, lower, upper, parent_value, polarity), the Fingertips rule at the indicator''s confidence: similar, better, worse (higher, lower for neutral), or not_compared when the row has no limits (a count, a mean without them). NULL without a parent_value or when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.comparison_95_99_8 IS 'The two-level Fingertips comparison, oba.compare(95% estimate, 99.8% estimate, parent_value, polarity): similar, better_95, better_99_8, worse_95, worse_99_8 (higher_95 ... lower_99_8 for neutral). Rates and proportions only; NULL for a count or a mean, without a parent_value, or when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.recent_trend IS 'The Fingertips recent trend over the indicator''s five latest periods up to this one (oba.recent_trend_agg on the counts of a proportion; oba.recent_trend_ci_agg on the value and its 95% limits otherwise, a count''s from oba.rate(numerator, 1, 1, 0.95)): increasing, decreasing, no significant change, or cannot be calculated when one of the five periods is missing, suppressed or has no 95% interval (a mean recorded at another confidence), or there are fewer than five. NULL when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.recent_trend_marker IS 'recent_trend with the polarity: increasing and getting better, decreasing and getting worse... (increasing or decreasing for neutral). NULL when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.strategy_start IS 'oba.indicator.strategy_start, the first period after the change whose effect curve_status tests; NULL: none.';
COMMENT ON COLUMN @extschema@.report_card.curve_status IS 'Turning the curve as of this period (oba.turn_the_curve_agg over the area''s published values up to it, start strategy_start, direction polarity, alpha 1 - confidence): turned_better, turned_worse, on_baseline, changed_up, changed_down (neutral), insufficient_baseline (fewer than 3 periods before the start) or no_post_data (a period before the start). NULL without a strategy_start or when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.curve_effect IS 'The gap between this period''s value and the baseline forecast (effect_at_last of oba.turn_the_curve_agg: the residual with one period since the start, the segmented-regression gap with more), in the value''s units. NULL when curve_status is NULL, insufficient_baseline or no_post_data.';
COMMENT ON COLUMN @extschema@.report_card.curve_effect_p IS 'The two-sided p-value of curve_effect; curve_status is turned_better or turned_worse when it is below 1 - confidence. NULL as curve_effect.';
COMMENT ON COLUMN @extschema@.report_card.target IS 'oba.indicator.target, on the scale of value, for spc_assurance; NULL: none.';
COMMENT ON COLUMN @extschema@.report_card.spc_variation IS 'The NHS Making Data Count variation icon of this period on the XmR chart of the area''s published values up to it (oba.spc_agg, polarity): improvement_high, improvement_low, concern_high, concern_low, neutral_high, neutral_low or common_cause. NULL while the chart has fewer than 13 points (the NHSRplotthedots warning threshold), and when suppressed.';
COMMENT ON COLUMN @extschema@.report_card.spc_special_cause IS 'The special cause rule this period meets on the chart (Above UCL, Below LCL, 7 Point Trend (Increasing), 2 in 3 Above CL, 7 Points Below CL..., or Common Cause). NULL as spc_variation.';
COMMENT ON COLUMN @extschema@.report_card.spc_mean IS 'The chart''s centre line: the mean of the published values up to this period. NULL as spc_variation.';
COMMENT ON COLUMN @extschema@.report_card.spc_lpl IS 'The chart''s lower process limit, mean - 2.66 x the screened average moving range. NULL as spc_variation, or when undefined (a constant series).';
COMMENT ON COLUMN @extschema@.report_card.spc_upl IS 'The chart''s upper process limit, mean + 2.66 x the screened average moving range. NULL as spc_lpl.';
COMMENT ON COLUMN @extschema@.report_card.spc_assurance IS 'Whether the process will meet target: consistent_pass, consistent_fail (the target is beyond a process limit) or inconsistent. NULL without a target, for a neutral polarity, and as spc_variation.';

-- The tables belong to the bootstrap superuser in a trusted extension; the
-- role that created the extension may use and grant them.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES ON @extschema@.indicator, @extschema@.observation
    TO @extowner@ WITH GRANT OPTION;
GRANT SELECT ON @extschema@.report_card TO @extowner@ WITH GRANT OPTION;

-- Availability: 0.2
CREATE FUNCTION @extschema@.schedule_refresh(
    matview pg_catalog.regclass,
    schedule pg_catalog.text DEFAULT '0 6 * * *',
    concurrent pg_catalog.bool DEFAULT true)
RETURNS pg_catalog.int8 LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  rel record;
  job pg_catalog.int8;
  may pg_catalog.bool;
BEGIN
  IF matview IS NULL OR schedule IS NULL OR concurrent IS NULL THEN
    RAISE EXCEPTION 'oba.schedule_refresh: % must not be NULL',
      CASE WHEN matview IS NULL THEN 'matview' WHEN schedule IS NULL THEN 'schedule' ELSE 'concurrent' END
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT c.relkind, c.relowner, n.nspname, c.relname INTO rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = matview;
  IF rel.relkind IS DISTINCT FROM 'm' THEN
    RAISE EXCEPTION 'oba.schedule_refresh: matview must be a materialized view, got %', matview
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- pg_cron runs the job as the caller, who must be allowed to refresh the
  -- view: its owner (or a member of the owning role), or on PostgreSQL 17
  -- and later a role with the MAINTAIN privilege on it (a privilege earlier
  -- versions do not know, hence the dynamic query)
  may := pg_catalog.pg_has_role(rel.relowner, 'USAGE');
  IF NOT may AND pg_catalog.current_setting('server_version_num')::pg_catalog.int4 >= 170000 THEN
    EXECUTE 'SELECT pg_catalog.has_table_privilege($1, ''MAINTAIN'')' INTO may USING matview;
  END IF;
  IF NOT may THEN
    RAISE EXCEPTION 'oba.schedule_refresh: permission denied to refresh materialized view %', matview
      USING ERRCODE = 'insufficient_privilege',
            DETAIL = format('pg_cron would run the refresh as %I, which does not own %s%s.', current_user, matview,
                            CASE WHEN pg_catalog.current_setting('server_version_num')::pg_catalog.int4 >= 170000
                                 THEN ' and has no MAINTAIN privilege on it' ELSE '' END),
            HINT = 'Schedule it as the role that owns it.';
  END IF;
  IF concurrent AND NOT EXISTS (
       SELECT 1 FROM pg_catalog.pg_index x
        WHERE x.indrelid = matview AND x.indisunique AND x.indisvalid
          AND x.indpred IS NULL AND x.indexprs IS NULL) THEN
    RAISE EXCEPTION 'oba.schedule_refresh: matview % has no unique index, so it cannot be refreshed concurrently', matview
      USING ERRCODE = 'invalid_parameter_value',
            HINT = format('CREATE UNIQUE INDEX ON %s (indicator_code, area_code, period_start); or pass concurrent => false.', matview);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
    RAISE EXCEPTION 'oba.schedule_refresh: pg_cron is not installed in this database, so the refresh cannot be scheduled'
      USING ERRCODE = 'object_not_in_prerequisite_state',
            DETAIL = CASE WHEN pg_catalog.current_setting('cron.database_name', true) IS NULL
                          THEN 'pg_cron is not loaded: shared_preload_libraries does not include it.'
                          ELSE format('pg_cron runs jobs in database %s (cron.database_name).',
                                      pg_catalog.current_setting('cron.database_name', true)) END,
            HINT = format('Install postgresql-15-cron, add pg_cron to shared_preload_libraries, set cron.database_name to this database, restart and CREATE EXTENSION pg_cron; or run REFRESH MATERIALIZED VIEW %s%s from cron or a systemd timer.',
                          CASE WHEN concurrent THEN 'CONCURRENTLY ' ELSE '' END, matview);
  END IF;
  EXECUTE 'SELECT cron.schedule($1, $2, $3)' INTO job
    USING format('oba refresh %I.%I', rel.nspname, rel.relname), schedule,
          format('REFRESH MATERIALIZED VIEW %s%I.%I', CASE WHEN concurrent THEN 'CONCURRENTLY ' ELSE '' END,
                 rel.nspname, rel.relname);
  RETURN job;
END $$;
COMMENT ON FUNCTION @extschema@.schedule_refresh(pg_catalog.regclass, pg_catalog.text, pg_catalog.bool) IS
'Schedules REFRESH MATERIALIZED VIEW [CONCURRENTLY] (concurrent, default true) of matview with pg_cron (schedule in cron syntax, default 06:00 daily) as a job named ''oba refresh <schema>.<name>'' run as the calling role; scheduling again replaces the job. Returns the pg_cron job id. Without pg_cron in this database: an error (55000) saying so and how to install it. Not a materialized view, or no unique index for a concurrent refresh: 22023. A caller who may not refresh the view (not its owner or a member of the owning role; on PostgreSQL 17 and later, without the MAINTAIN privilege on it): 42501.';

-- Availability: 0.2
CREATE FUNCTION @extschema@.unschedule_refresh(matview pg_catalog.regclass)
RETURNS pg_catalog.bool LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  rel record;
  found pg_catalog.bool;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_cron') THEN
    RAISE EXCEPTION 'oba.unschedule_refresh: pg_cron is not installed in this database'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  SELECT n.nspname, c.relname INTO rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = matview;
  EXECUTE 'SELECT EXISTS (SELECT 1 FROM cron.job WHERE jobname = $1 AND username = current_user)'
    INTO found USING format('oba refresh %I.%I', rel.nspname, rel.relname);
  IF NOT found THEN
    RETURN false;
  END IF;
  EXECUTE 'SELECT cron.unschedule($1)' INTO found USING format('oba refresh %I.%I', rel.nspname, rel.relname);
  RETURN found;
END $$;
COMMENT ON FUNCTION @extschema@.unschedule_refresh(pg_catalog.regclass) IS
'Removes the pg_cron job that oba.schedule_refresh made for matview as the calling role; false when there is none (another role''s job for the same view is left alone). Without pg_cron in this database: an error (55000).';

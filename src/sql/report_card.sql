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
    CONSTRAINT performance_measure_has_service CHECK (question = 'population' OR service IS NOT NULL),
    CONSTRAINT multiplier_for_rates_and_proportions CHECK (kind IN ('rate', 'proportion') OR multiplier IS NULL)
);

COMMENT ON TABLE @extschema@.indicator IS
'OBA population indicators (question ''population'') and a service''s performance measures (''how_much'': How much did we do?, ''how_well'': How well did we do it?, ''better_off'': Is anyone better off?), with polarity, kind (rate, proportion, count, mean), multiplier (NULL: 10,000 for a rate, 100 for a proportion), unit, confidence, the suppression threshold to apply in oba.report_card (NULL: none) and the strategy start for turning the curve.';

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

-- The view. Suppression, for indicators with a suppress_threshold, treats the
-- areas of one type that share a parent (wards of a city) in one period as a
-- one-way table whose total is the parent's count. For a proportion a cell
-- is small when the numerator or the denominator minus the numerator is
-- (6 of 9 tells that 3 did not): the table is of the smaller of the two,
-- which protects both, since hiding one hides the other.
-- TODO (CHANGELOG): comparison, recent trend, turn-the-curve and SPC columns.

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
     CROSS JOIN LATERAL @extschema@.suppress_table(g.areas, g.counts, g.suppress_threshold) s
     WHERE NOT s.is_total AND s.flag IS NOT NULL
)
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
       s.flag AS suppressed
  FROM @extschema@.observation o
  JOIN @extschema@.indicator i ON i.code = o.indicator_code
 CROSS JOIN LATERAL (SELECT COALESCE(i.multiplier,
                              CASE i.kind WHEN 'rate' THEN 10000::pg_catalog.float8
                                          WHEN 'proportion' THEN 100::pg_catalog.float8 END) AS multiplier) m
 CROSS JOIN LATERAL (
        SELECT CASE i.kind
                 WHEN 'rate' THEN @extschema@.rate(o.numerator, o.denominator, m.multiplier, i.confidence)
                 WHEN 'proportion' THEN @extschema@.proportion(o.numerator, o.denominator, m.multiplier, i.confidence)
                 WHEN 'count' THEN ROW(o.numerator, NULL, NULL, o.numerator, NULL)::@extschema@.estimate
                 ELSE ROW(o.value, o.lower, o.upper, NULL, o.denominator)::@extschema@.estimate
               END AS est
        OFFSET 0) e
  LEFT JOIN @extschema@.observation p
         ON p.indicator_code = o.indicator_code AND p.area_code = o.parent_area_code
        AND p.period_start = o.period_start
  LEFT JOIN suppressed s
         ON s.indicator_code = o.indicator_code AND s.period_start = o.period_start AND s.area_code = o.area_code
  LEFT JOIN suppressed ps
         ON ps.indicator_code = o.indicator_code AND ps.period_start = o.period_start AND ps.area_code = o.parent_area_code;

COMMENT ON VIEW @extschema@.report_card IS
'One row per indicator, area and period, plain columns for BI tools: the indicator''s name, question, service, polarity, kind, unit, multiplier and confidence; the area, its type and parent; numerator, denominator; value with lower and upper limits (oba.rate or oba.proportion by kind; a count has no limits; a mean''s limits are as given); parent_value, the parent area''s value for the same period; suppressed, ''primary'' or ''secondary'' where the indicator has a suppress_threshold (value, limits and numerator are then NULL). Key: (indicator_code, area_code, period_start). Runs with the caller''s privileges (security_invoker).';

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
BEGIN
  IF matview IS NULL OR schedule IS NULL OR concurrent IS NULL THEN
    RAISE EXCEPTION 'oba.schedule_refresh: % must not be NULL',
      CASE WHEN matview IS NULL THEN 'matview' WHEN schedule IS NULL THEN 'schedule' ELSE 'concurrent' END
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT c.relkind, n.nspname, c.relname INTO rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = matview;
  IF rel.relkind IS DISTINCT FROM 'm' THEN
    RAISE EXCEPTION 'oba.schedule_refresh: matview must be a materialized view, got %', matview
      USING ERRCODE = 'invalid_parameter_value';
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
'Schedules REFRESH MATERIALIZED VIEW [CONCURRENTLY] (concurrent, default true) of matview with pg_cron (schedule in cron syntax, default 06:00 daily) as a job named ''oba refresh <schema>.<name>'' run as the calling role; scheduling again replaces the job. Returns the pg_cron job id. Without pg_cron in this database: an error (55000) saying so and how to install it. Not a materialized view, or no unique index for a concurrent refresh: 22023.';

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
'Removes the pg_cron job that oba.schedule_refresh made for matview; false when there is none. Without pg_cron in this database: an error (55000).';

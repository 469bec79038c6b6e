-- Every row of test/reference/spc_reference.csv (NHSRplotthedots 0.2.2
-- ptd_spc() and the documented variants) against oba.spc_points, and the
-- latest point of each chart against oba.spc_agg. Tolerances of the
-- reference README: mean, limits, two-sigma lines and AMR 1e-9 relative with
-- an absolute floor of 1e-12; flags, labels, point types, warnings and
-- assurance exactly.
\pset null '(null)'
CREATE TEMP TABLE ref (series_id text, params text, t float8, date date, value text,
  rebase_group int, mean text, lpl text, upl text, nlpl text, nupl text, amr text,
  outside_limits text, relative_to_mean text, close_to_limits text, special_cause_type text,
  point_type text, short_group_warning text, assurance_type text,
  variant_mdc2023_two_sigma_point_type text, variant_6point_rules_point_type text);
\copy ref FROM 'test/reference/spc_reference.csv' WITH (FORMAT csv, HEADER true)
CREATE FUNCTION pg_temp.num(t text) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN t IN ('NA', 'NaN', '') THEN NULL ELSE t::float8 END $$;
CREATE FUNCTION pg_temp.close(got float8, want text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN pg_temp.num(want) IS NULL THEN got IS NULL
                 ELSE abs(got - want::float8) <= greatest(1e-9 * abs(want::float8), 1e-12) END $$;
CREATE FUNCTION pg_temp.flag(b boolean) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT coalesce(upper(b::text), 'NA') $$;

-- one chart per series: its options, parsed from params
CREATE TEMP TABLE charts AS
  SELECT series_id,
         CASE substring(params FROM 'improvement_direction=([a-z]+)')
           WHEN 'increase' THEN 'higher_is_better' WHEN 'decrease' THEN 'lower_is_better'
           ELSE 'neutral' END AS polarity,
         substring(params FROM 'screen_outliers=([A-Z]+)')::boolean AS screen,
         CASE WHEN params LIKE '%rebase_t=none%' THEN NULL
              ELSE ARRAY[substring(params FROM 'rebase_t=([0-9.]+)')::float8] END AS rebase,
         substring(params FROM 'fix_after_n_points=([0-9]+)')::int AS fix_after,
         substring(params FROM 'target=([0-9.]+)')::float8 AS target,
         array_agg(t ORDER BY t) AS ts, array_agg(pg_temp.num(value) ORDER BY t) AS vs
    FROM ref GROUP BY series_id, params;

CREATE TEMP TABLE got AS
  SELECT c.series_id, p.*, v23.point_type AS v2023_type, v6.point_type AS v6_type
    FROM charts c,
   LATERAL oba.spc_points(c.ts, c.vs, c.polarity, c.target, c.rebase, c.fix_after, c.screen) p
    JOIN LATERAL oba.spc_points(c.ts, c.vs, c.polarity, c.target, c.rebase, c.fix_after, c.screen,
                                two_in_three_2023 => true) v23 ON v23.t = p.t
    JOIN LATERAL oba.spc_points(c.ts, c.vs, c.polarity, c.target, c.rebase, c.fix_after, c.screen,
                                run_length => 6) v6 ON v6.t = p.t;

CREATE TEMP TABLE checked AS
  SELECT r.series_id, r.t, g.t IS NOT NULL AS computed,
         pg_temp.close(g.mean, r.mean) AND pg_temp.close(g.lpl, r.lpl)
           AND pg_temp.close(g.upl, r.upl) AND pg_temp.close(g.nlpl, r.nlpl)
           AND pg_temp.close(g.nupl, r.nupl) AND pg_temp.close(g.amr, r.amr) AS numbers,
         g.rebase_group = r.rebase_group
           AND pg_temp.flag(g.outside_limits) = r.outside_limits
           AND coalesce(g.relative_to_mean::text, 'NA') = r.relative_to_mean
           AND pg_temp.flag(g.close_to_limits) = r.close_to_limits
           AND pg_temp.flag(g.short_group_warning) = r.short_group_warning AS flags,
         g.special_cause = r.special_cause_type AND g.point_type = r.point_type AS labels,
         coalesce(g.assurance, 'NA') = r.assurance_type AS assurance,
         g.v2023_type = r.variant_mdc2023_two_sigma_point_type
           AND g.v6_type = r.variant_6point_rules_point_type AS variants
    FROM ref r LEFT JOIN got g ON g.series_id = r.series_id AND g.t = r.t;

SELECT series_id, count(*) AS points,
       count(*) FILTER (WHERE computed AND numbers AND flags AND labels AND assurance AND variants) AS agree
  FROM checked GROUP BY series_id ORDER BY series_id;
SELECT count(*) AS reference_rows, count(*) FILTER (WHERE computed) AS computed,
       count(*) FILTER (WHERE numbers) AS numbers, count(*) FILTER (WHERE flags) AS flags,
       count(*) FILTER (WHERE labels) AS labels, count(*) FILTER (WHERE assurance) AS assurance,
       count(*) FILTER (WHERE variants) AS variants
  FROM checked;
-- any disagreement, listed
SELECT c.*, g.special_cause, g.point_type
  FROM checked c LEFT JOIN got g USING (series_id, t)
 WHERE NOT (c.computed AND c.numbers AND c.flags AND c.labels AND c.assurance AND c.variants)
    OR c.numbers IS NULL OR c.flags IS NULL OR c.labels IS NULL OR c.assurance IS NULL
    OR c.variants IS NULL;

-- the aggregate gives the latest point of the same chart
SELECT c.series_id, a.point_type = r.point_type AND a.special_cause = r.special_cause_type
         AND pg_temp.close(a.upl, r.upl) AND coalesce(a.assurance, 'NA') = r.assurance_type
         AND a.n = cardinality(c.ts) AS latest_agrees,
       a.point_type, a.variation, a.assurance
  FROM charts c
  JOIN LATERAL (SELECT (oba.spc_agg(u.t, u.v, c.polarity, c.target, c.rebase, c.fix_after,
                                    c.screen, 7, false)).*
                  FROM unnest(c.ts, c.vs) u(t, v)) a ON true
  JOIN ref r ON r.series_id = c.series_id AND r.t = c.ts[cardinality(c.ts)]
 ORDER BY 1;

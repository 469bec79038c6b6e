-- ---------------------------------------------------------------------------
-- apportion (geo): areal and population weights, best fit, apportionment and
-- overlay diagnostics over PostGIS layers (METHODS.md section 17). The
-- arithmetic that is not geometry (apportion_agg, apportion_mean_agg,
-- largest_remainder) is C in the oba extension.
--
-- Internal helpers carry the prefix _geo_; they are documented, but their
-- signatures may change between versions.
-- ---------------------------------------------------------------------------

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_postgis_schema()
RETURNS pg_catalog.text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT quote_ident(n.nspname)
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'postgis'
$$;
COMMENT ON FUNCTION @extschema@._geo_postgis_schema() IS
'Internal (oba_geo): the quoted name of the schema PostGIS is installed in, which qualifies every PostGIS reference in the dynamic SQL of oba_geo.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_overlap_area(a pg_catalog.bytea, b pg_catalog.bytea)
RETURNS pg_catalog.float8
AS 'MODULE_PATHNAME', 'oba_sql__geo_overlap_area'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._geo_overlap_area(pg_catalog.bytea, pg_catalog.bytea) IS
'Internal (oba_geo): the area of the intersection of two valid polygonal geometries given as WKB (ST_AsBinary), computed in C from the crossings of their edges and the vertices of each inside the other, without building the intersection (exact predicates; shared edges and vertices on the other boundary resolved by simulation of simplicity). A geometry inside the other gives its own area exactly as ST_Area computes it. NULL where boundaries touch and the area is within rounding of 0, where the work would pass its budget (pairs of long edges at an angle whose boxes meet without crossing: METHODS.md 17.9), and for curves and types other than Polygon and MultiPolygon: the caller then computes ST_Area(ST_Intersection(a, b)). Memory O(n); interruptible. Malformed WKB is an error (22023).';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_relname(tbl pg_catalog.regclass)
RETURNS pg_catalog.text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT CASE WHEN c.relnamespace = pg_my_temp_schema() THEN quote_ident(c.relname::text)
              ELSE tbl::text END
    FROM pg_class c WHERE c.oid = tbl
$$;
COMMENT ON FUNCTION @extschema@._geo_relname(pg_catalog.regclass) IS
'Internal (oba_geo): a table''s name for messages, schema-qualified (a temporary table by its bare name).';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_indexed(tbl pg_catalog.regclass, col pg_catalog.text)
RETURNS pg_catalog.bool
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM pg_index i
                   JOIN pg_class c ON c.oid = i.indexrelid
                   JOIN pg_am a ON a.oid = c.relam
                   JOIN pg_attribute att ON att.attrelid = i.indrelid AND att.attnum = ANY (i.indkey::int2[])
                  WHERE i.indrelid = tbl AND att.attname = col AND a.amname IN ('gist', 'spgist', 'brin')
                    AND i.indisvalid AND i.indpred IS NULL)
$$;
COMMENT ON FUNCTION @extschema@._geo_indexed(pg_catalog.regclass, pg_catalog.text) IS
'Internal (oba_geo): whether a table has a spatial (GiST, SP-GiST or BRIN) index on a column, so that the overlay joins through it.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_layer(
    fname pg_catalog.text, role pg_catalog.text, tbl pg_catalog.regclass,
    key pg_catalog.text, geom pg_catalog.text, make_valid pg_catalog.bool,
    extra pg_catalog.text[] DEFAULT '{}',
    OUT srid pg_catalog.int4, OUT n pg_catalog.int8, OUT invalid pg_catalog.text[])
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  p text := @extschema@._geo_postgis_schema();
  rel text := @extschema@._geo_relname(tbl);
  gtype oid;
  col text;
  r record;
  bad text;
  cnt bigint;
  crs text;
BEGIN
  IF p IS NULL THEN
    RAISE EXCEPTION '%: PostGIS is not installed in this database', fname
      USING ERRCODE = 'undefined_object';
  END IF;
  IF tbl IS NULL THEN
    RAISE EXCEPTION '%: the % table must not be NULL', fname, role
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  FOREACH col IN ARRAY ARRAY[key] || extra LOOP
    IF col IS NULL OR NOT EXISTS (SELECT 1 FROM pg_attribute a
                                   WHERE a.attrelid = tbl AND a.attname = col
                                     AND a.attnum > 0 AND NOT a.attisdropped) THEN
      IF col IS NOT DISTINCT FROM key THEN
        RAISE EXCEPTION '%: % table % has no column %', fname, role, rel, coalesce(quote_ident(col), 'NULL')
          USING ERRCODE = 'undefined_column', HINT = format('Name its key column with %s_key => ...', role);
      END IF;
      RAISE EXCEPTION '%: % table % has no column %', fname, role, rel, coalesce(quote_ident(col), 'NULL')
        USING ERRCODE = 'undefined_column';
    END IF;
  END LOOP;
  SELECT a.atttypid INTO gtype FROM pg_attribute a
   WHERE a.attrelid = tbl AND a.attname = geom AND a.attnum > 0 AND NOT a.attisdropped;
  IF NOT FOUND THEN
    RAISE EXCEPTION '%: % table % has no column %', fname, role, rel, coalesce(quote_ident(geom), 'NULL')
      USING ERRCODE = 'undefined_column',
            HINT = format('Name its geometry column with %s_geom => ...', role);
  END IF;
  IF gtype = to_regtype(p || '.geography') THEN
    RAISE EXCEPTION '%: % column %.% is of type geography: areas need planar coordinates in a projected CRS',
      fname, role, rel, quote_ident(geom)
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Use geometry in a projected CRS, e.g. ST_Transform(geom::geometry, 27700) for British National Grid.';
  END IF;
  IF gtype IS DISTINCT FROM to_regtype(p || '.geometry') THEN
    RAISE EXCEPTION '%: % column %.% is of type %, not geometry', fname, role, rel, quote_ident(geom),
      format_type(gtype, NULL)
      USING ERRCODE = 'datatype_mismatch';
  END IF;

  EXECUTE format($q$
    SELECT count(*) AS n,
           count(*) FILTER (WHERE %2$I IS NULL) AS null_keys,
           count(*) FILTER (WHERE %3$I IS NULL) AS null_geoms,
           count(DISTINCT %2$I::text) AS keys,
           min(%1$s.ST_SRID(%3$I)) AS srid_min, max(%1$s.ST_SRID(%3$I)) AS srid_max,
           count(*) FILTER (WHERE %1$s.ST_Dimension(%3$I) <> 2 AND NOT %1$s.ST_IsEmpty(%3$I)) AS non_polygonal,
           array_agg(%2$I::text ORDER BY %2$I::text COLLATE "C")
             FILTER (WHERE NOT (%1$s.ST_IsValidDetail(%3$I, 0)).valid) AS invalid
      FROM %4$s$q$, p, key, geom, tbl) INTO r;
  n := r.n;

  IF r.null_keys > 0 THEN
    RAISE EXCEPTION '%: % table % has % row(s) with a NULL key in column %', fname, role, rel,
      r.null_keys, quote_ident(key)
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF r.keys < r.n THEN
    EXECUTE format('SELECT %1$I::text, count(*) FROM %2$s GROUP BY 1 HAVING count(*) > 1 ORDER BY %1$I::text COLLATE "C" LIMIT 1',
                   key, tbl) INTO bad, cnt;
    RAISE EXCEPTION '%: % key % appears % times in % (column %); keys must be unique', fname, role,
      quote_literal(bad), cnt, rel, quote_ident(key)
      USING ERRCODE = 'unique_violation';
  END IF;
  IF r.null_geoms > 0 THEN
    EXECUTE format('SELECT min(%1$I::text COLLATE "C") FROM %2$s WHERE %3$I IS NULL', key, tbl, geom) INTO bad;
    RAISE EXCEPTION '%: % % in % has a NULL geometry (column %)', fname, role, quote_literal(bad), rel,
      quote_ident(geom)
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF r.srid_min <> r.srid_max THEN
    RAISE EXCEPTION '%: % table % mixes SRIDs % and % in column %', fname, role, rel, r.srid_min, r.srid_max,
      quote_ident(geom)
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Transform every geometry to one projected CRS with ST_Transform.';
  END IF;
  srid := r.srid_min;
  IF srid = 0 THEN
    RAISE EXCEPTION '%: % column %.% has no SRID (0): areas need to know the geometries are in a projected CRS',
      fname, role, rel, quote_ident(geom)
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Set the SRID the coordinates are in, e.g. ST_SetSRID(geom, 27700) for British National Grid.';
  END IF;
  IF srid IS NOT NULL THEN
    EXECUTE format('SELECT srtext || '' '' || proj4text FROM %s.spatial_ref_sys WHERE srid = $1', p)
      INTO crs USING srid;
    IF crs IS NULL THEN
      RAISE EXCEPTION '%: % column %.% has SRID %, which is not in spatial_ref_sys', fname, role, rel,
        quote_ident(geom), srid
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF crs ~ '^GEOG' OR crs ~ '\+proj=longlat' THEN
      RAISE EXCEPTION '%: % column %.% is in geographic coordinates (SRID %): areas in degrees are wrong',
        fname, role, rel, quote_ident(geom), srid
        USING ERRCODE = 'invalid_parameter_value',
              HINT = 'Transform both layers to a projected CRS, e.g. ST_Transform(geom, 27700) for British National Grid.';
    END IF;
  END IF;
  IF r.non_polygonal > 0 THEN
    EXECUTE format('SELECT %1$I::text, %2$s.GeometryType(%3$I) FROM %4$s WHERE %2$s.ST_Dimension(%3$I) <> 2 AND NOT %2$s.ST_IsEmpty(%3$I) ORDER BY %1$I::text COLLATE "C" LIMIT 1',
                   key, p, geom, tbl) INTO bad, col;
    RAISE EXCEPTION '%: % % in % has a % geometry; apportionment needs polygons', fname, role,
      quote_literal(bad), rel, col
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  invalid := coalesce(r.invalid, '{}');
  IF cardinality(invalid) > 0 AND NOT make_valid THEN
    EXECUTE format('SELECT (%1$s.ST_IsValidDetail(%2$I, 0)).reason FROM %3$s WHERE %4$I::text = $1', p, geom, tbl, key)
      INTO col USING invalid[1];
    RAISE EXCEPTION '%: % % in % has an invalid geometry (%)%', fname, role, quote_literal(invalid[1]), rel, col,
      CASE WHEN cardinality(invalid) > 1 THEN format(', and %s more', cardinality(invalid) - 1) ELSE '' END
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Repair the geometries with ST_MakeValid, or pass make_valid => true to repair them on the fly.';
  END IF;
  IF cardinality(invalid) > 0 THEN
    RAISE NOTICE '%: repaired % invalid % geometr% of % with ST_MakeValid: %', fname, cardinality(invalid), role,
      CASE WHEN cardinality(invalid) = 1 THEN 'y' ELSE 'ies' END, rel,
      array_to_string(invalid[1:10], ', ') || CASE WHEN cardinality(invalid) > 10 THEN ', ...' ELSE '' END;
  END IF;
END $$;
COMMENT ON FUNCTION @extschema@._geo_layer(pg_catalog.text, pg_catalog.text, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.bool, pg_catalog.text[]) IS
'Internal (oba_geo): checks one layer and returns its SRID, its row count and the keys of its invalid geometries. Errors name the function, the table, the column or the key: a missing column (42703), a column that is not geometry (42804), a NULL key or geometry (22004), a duplicate key (23505), mixed, unknown, 0 or geographic SRIDs, non-polygonal or (without make_valid) invalid geometries (22023).';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_same_srid(
    fname pg_catalog.text, role1 pg_catalog.text, tbl1 pg_catalog.regclass, srid1 pg_catalog.int4,
    role2 pg_catalog.text, tbl2 pg_catalog.regclass, srid2 pg_catalog.int4)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF srid1 <> srid2 THEN
    RAISE EXCEPTION '%: % % has SRID % but % % has SRID %; both layers must share one SRID', fname,
      role1, @extschema@._geo_relname(tbl1), srid1, role2, @extschema@._geo_relname(tbl2), srid2
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Transform one layer to the other''s projected CRS with ST_Transform.';
  END IF;
END $$;
COMMENT ON FUNCTION @extschema@._geo_same_srid(pg_catalog.text, pg_catalog.text, pg_catalog.regclass, pg_catalog.int4, pg_catalog.text, pg_catalog.regclass, pg_catalog.int4) IS
'Internal (oba_geo): an error (22023) naming both tables when two layers have different SRIDs.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_layer_sql(
    p pg_catalog.text, tbl pg_catalog.regclass, key pg_catalog.text, geom pg_catalog.text,
    invalid pg_catalog.text[])
RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT format('(SELECT %1$I::text AS k, %2$I AS g0, %3$s AS g FROM %4$s WHERE NOT %5$s.ST_IsEmpty(%2$I))',
                key, geom,
                CASE WHEN cardinality(invalid) > 0
                     THEN format('CASE WHEN %1$I::text = ANY (%3$L::text[]) THEN %2$s.ST_CollectionExtract(%2$s.ST_MakeValid(%4$I), 3) ELSE %4$I END',
                                 key, p, invalid, geom)
                     ELSE quote_ident(geom) END,
                tbl, p)
$$;
COMMENT ON FUNCTION @extschema@._geo_layer_sql(pg_catalog.text, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text[]) IS
'Internal (oba_geo): the SQL of a layer as (k text, g0 stored geometry, g geometry to use): keys as text, empty geometries left out, the listed invalid geometries repaired with ST_MakeValid. The join filters on g0 so that a GiST index on the column is used.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_area_arrays(
    fname pg_catalog.text, source_role pg_catalog.text, source pg_catalog.regclass, target pg_catalog.regclass,
    source_key pg_catalog.text, target_key pg_catalog.text,
    source_geom pg_catalog.text, target_geom pg_catalog.text, make_valid pg_catalog.bool,
    only_sources pg_catalog.text[] DEFAULT NULL,
    OUT sources pg_catalog.text[], OUT targets pg_catalog.text[],
    OUT a_st pg_catalog.float8[], OUT a_s pg_catalog.float8[], OUT unplaced pg_catalog.text[],
    OUT n pg_catalog.int8)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  p text := @extschema@._geo_postgis_schema();
  sl record;
  tl record;
  src text;
  tgt text;
  target_outer bool;
BEGIN
  sl := @extschema@._geo_layer(fname, source_role, source, source_key, source_geom, make_valid, '{}'::pg_catalog.text[]);
  tl := @extschema@._geo_layer(fname, 'target', target, target_key, target_geom, make_valid, '{}'::pg_catalog.text[]);
  PERFORM @extschema@._geo_same_srid(fname, source_role, source, sl.srid, 'target', target, tl.srid);
  n := sl.n;
  -- empty geometries stay in, to come back unplaced
  src := format('(SELECT %1$I::text AS k, %2$I AS g0, %3$s AS g FROM %4$s)', source_key, source_geom,
                CASE WHEN cardinality(sl.invalid) > 0
                     THEN format('CASE WHEN %1$I::text = ANY (%3$L::text[]) THEN %2$s.ST_CollectionExtract(%2$s.ST_MakeValid(%4$I), 3) ELSE %4$I END',
                                 source_key, p, sl.invalid, source_geom)
                     ELSE quote_ident(source_geom) END,
                source);
  -- Every pair whose boxes overlap, through a spatial index on one layer with
  -- the other outer: the source's index if it has one, else the target's. The
  -- outer layer is serialised once per row (OFFSET 0 keeps that in its scan)
  -- and _geo_overlap_area keeps it prepared while the inner rows pass. It
  -- computes the area in C without building the intersection (a source
  -- inside a target: its own area, exactly ST_Area); where boundaries touch
  -- and the area is within rounding of 0, or past its work budget (NULL),
  -- PostGIS overlays the pair.
  -- Pairs of area 0 only touch; a source left without a pair is unplaced.
  target_outer := @extschema@._geo_indexed(source, source_geom) OR NOT @extschema@._geo_indexed(target, target_geom);
  tgt := @extschema@._geo_layer_sql(p, target, target_key, target_geom, tl.invalid);
  EXECUTE format($q$
    WITH pairs AS MATERIALIZED (
      SELECT s.k, t.k AS tk,
             coalesce(@extschema@._geo_overlap_area(%3$s, %4$s),
                      %1$s.ST_Area(%1$s.ST_Intersection(s.g, t.g, -1::pg_catalog.float8))) AS a_st,
             %1$s.ST_Area(s.g) AS a_s
        FROM %5$s s JOIN %6$s t ON s.g0 OPERATOR(%1$s.&&) t.g0
       WHERE $1 IS NULL OR s.k = ANY ($1))
    SELECT array_agg(x.k), array_agg(x.tk), array_agg(x.a_st), array_agg(x.a_s),
           (SELECT array_agg(s.k ORDER BY s.k COLLATE "C") FROM %2$s s
             WHERE ($1 IS NULL OR s.k = ANY ($1))
               AND NOT EXISTS (SELECT 1 FROM pairs y WHERE y.k = s.k AND y.a_st > 0))
      FROM pairs x WHERE x.a_st > 0$q$,
    p, src,
    CASE WHEN target_outer THEN format('%s.ST_AsBinary(s.g)', p) ELSE 's.wkb' END,
    CASE WHEN target_outer THEN 't.wkb' ELSE format('%s.ST_AsBinary(t.g)', p) END,
    CASE WHEN target_outer THEN src
         ELSE format('(SELECT s0.k, s0.g0, s0.g, %s.ST_AsBinary(s0.g) AS wkb FROM %s s0 OFFSET 0)', p, src) END,
    CASE WHEN target_outer THEN format('(SELECT t0.k, t0.g0, t0.g, %s.ST_AsBinary(t0.g) AS wkb FROM %s t0 OFFSET 0)', p, tgt)
         ELSE tgt END)
    INTO sources, targets, a_st, a_s, unplaced USING only_sources;
  sources := coalesce(sources, '{}');
  targets := coalesce(targets, '{}');
  a_st := coalesce(a_st, '{}');
  a_s := coalesce(a_s, '{}');
  unplaced := coalesce(unplaced, '{}');
END $$;
COMMENT ON FUNCTION @extschema@._geo_area_arrays(pg_catalog.text, pg_catalog.text, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool, pg_catalog.text[]) IS
'Internal (oba_geo): checks both layers and returns, as parallel arrays, every (source, target) pair whose intersection has a positive area, with that area a_st and the source''s area a_s; also the sources that meet no target (unplaced) and the number of sources. Pairs that only touch are left out.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_warn_unplaced(fname pg_catalog.text, what pg_catalog.text,
                                              codes pg_catalog.text[], total pg_catalog.int8,
                                              consequence pg_catalog.text)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF cardinality(codes) > 0 THEN
    RAISE WARNING '%: % of % % %: %', fname, cardinality(codes), total, what, consequence,
      array_to_string(codes[1:10], ', ') || CASE WHEN cardinality(codes) > 10 THEN ', ...' ELSE '' END
      USING HINT = CASE WHEN what = 'sources' THEN 'oba.overlay_diagnostics shows how each source meets the targets.'
                        ELSE 'Check that the fine layer covers the same ground as the sources and targets.' END;
  END IF;
END $$;
COMMENT ON FUNCTION @extschema@._geo_warn_unplaced(pg_catalog.text, pg_catalog.text, pg_catalog.text[], pg_catalog.int8, pg_catalog.text) IS
'Internal (oba_geo): the WARNING that lists rows that could not be placed (at most 10 codes shown), so that nothing is dropped silently.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_fine(
    fname pg_catalog.text, source pg_catalog.regclass, target pg_catalog.regclass, fine pg_catalog.regclass,
    fine_population pg_catalog.text, fine_source pg_catalog.text, placement pg_catalog.text,
    source_key pg_catalog.text, target_key pg_catalog.text, fine_key pg_catalog.text,
    source_geom pg_catalog.text, target_geom pg_catalog.text, fine_geom pg_catalog.text,
    make_valid pg_catalog.bool,
    OUT sources pg_catalog.text[], OUT targets pg_catalog.text[], OUT p_st pg_catalog.float8[],
    OUT source_pop pg_catalog.text[], OUT p_s pg_catalog.float8[], OUT n pg_catalog.int8)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  p text := @extschema@._geo_postgis_schema();
  sl record;
  tl record;
  fl record;
  pa record;
  fsql text;
  parent text;
  orphans text[];
  outside text[];
  bad text;
  nfine bigint;
BEGIN
  IF placement IS NULL OR placement NOT IN ('point_on_surface', 'area') THEN
    RAISE EXCEPTION '%: placement must be ''point_on_surface'' or ''area'', got %', fname,
      coalesce(quote_literal(placement), 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  sl := @extschema@._geo_layer(fname, 'source', source, source_key, source_geom, make_valid, '{}'::pg_catalog.text[]);
  tl := @extschema@._geo_layer(fname, 'target', target, target_key, target_geom, make_valid, '{}'::pg_catalog.text[]);
  fl := @extschema@._geo_layer(fname, 'fine', fine, fine_key, fine_geom, make_valid,
                              ARRAY[fine_population] || CASE WHEN fine_source IS NULL THEN '{}'::text[]
                                                             ELSE ARRAY[fine_source] END);
  PERFORM @extschema@._geo_same_srid(fname, 'source', source, sl.srid, 'target', target, tl.srid);
  PERFORM @extschema@._geo_same_srid(fname, 'fine', fine, fl.srid, 'target', target, tl.srid);
  PERFORM @extschema@._geo_same_srid(fname, 'fine', fine, fl.srid, 'source', source, sl.srid);
  n := sl.n;
  nfine := fl.n;

  EXECUTE format('SELECT %1$I::text, %2$I::text FROM %3$s WHERE %2$I IS NULL OR NOT (%2$I::float8 >= 0 AND %2$I::float8 < ''Infinity'') ORDER BY %1$I::text COLLATE "C" LIMIT 1',
                 fine_key, fine_population, fine) INTO bad, parent;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION '%: fine % in % has population %; column % must hold finite numbers >= 0', fname,
      quote_literal(bad), @extschema@._geo_relname(fine), coalesce(parent, 'NULL'), quote_ident(fine_population)
      USING ERRCODE = CASE WHEN parent IS NULL THEN 'null_value_not_allowed' ELSE 'invalid_parameter_value' END;
  END IF;

  fsql := @extschema@._geo_layer_sql(p, fine, fine_key, fine_geom, fl.invalid);
  -- Each fine unit's parent source: by code, or the source holding its point
  -- on surface (the smallest code on a shared boundary).
  IF fine_source IS NOT NULL THEN
    parent := format($q$(SELECT f.%1$I::text AS k, f.%2$I::text AS parent, f.%3$I::float8 AS pop
                           FROM %4$s f WHERE EXISTS (SELECT 1 FROM %5$s s WHERE s.%6$I::text = f.%2$I::text))$q$,
                     fine_key, fine_source, fine_population, fine, source, source_key);
  ELSE
    parent := format($q$(SELECT DISTINCT ON (o.k) o.k, s.k AS parent, f.%3$I::float8 AS pop
                           FROM (SELECT k, %1$s.ST_PointOnSurface(g) AS pt FROM %4$s o0) o
                           JOIN %2$s s ON s.g0 OPERATOR(%1$s.&&) o.pt AND %1$s.ST_Intersects(s.g, o.pt)
                           JOIN %5$s f ON f.%6$I::text = o.k
                          ORDER BY o.k, s.k COLLATE "C")$q$,
                     p, @extschema@._geo_layer_sql(p, source, source_key, source_geom, sl.invalid),
                     fine_population, fsql, fine, fine_key);
  END IF;
  EXECUTE format('SELECT coalesce(array_agg(f.%1$I::text ORDER BY f.%1$I::text COLLATE "C"), ''{}'') FROM %2$s f WHERE NOT EXISTS (SELECT 1 FROM %3$s pa WHERE pa.k = f.%1$I::text)',
                 fine_key, fine, parent) INTO orphans;
  PERFORM @extschema@._geo_warn_unplaced(fname, 'fine units', orphans, nfine,
    CASE WHEN fine_source IS NULL THEN 'lie in no source and are left out'
         ELSE format('have a %s that is no source key and are left out', quote_ident(fine_source)) END);

  IF placement = 'point_on_surface' THEN
    -- all of a unit's population goes to the target holding its point on
    -- surface; the smallest code on a shared boundary
    EXECUTE format($q$
      WITH pa AS MATERIALIZED %3$s,
      place AS (SELECT DISTINCT ON (o.k) o.k, t.k AS tk, 1.0::float8 AS share
                  FROM (SELECT k, %1$s.ST_PointOnSurface(g) AS pt FROM %4$s o0) o
                  JOIN %2$s t ON t.g0 OPERATOR(%1$s.&&) o.pt AND %1$s.ST_Intersects(t.g, o.pt)
                 ORDER BY o.k, t.k COLLATE "C")
      SELECT (SELECT coalesce(array_agg(pa.k ORDER BY pa.k COLLATE "C"), '{}') FROM pa
               WHERE NOT EXISTS (SELECT 1 FROM place WHERE place.k = pa.k)),
             (SELECT array_agg(parent) FROM (SELECT parent, sum(pop) FROM pa GROUP BY 1) ps),
             (SELECT array_agg(sum) FROM (SELECT parent, sum(pop) FROM pa GROUP BY 1) ps),
             array_agg(parent), array_agg(tk), array_agg(pst)
        FROM (SELECT pa.parent, place.tk, sum(pa.pop * place.share) AS pst
                FROM pa JOIN place ON place.k = pa.k GROUP BY 1, 2) x$q$,
      p, @extschema@._geo_layer_sql(p, target, target_key, target_geom, tl.invalid), parent, fsql)
      INTO outside, source_pop, p_s, sources, targets, p_st;
    PERFORM @extschema@._geo_warn_unplaced(fname, 'fine units', outside, nfine,
      'have their point on surface in no target; their population is not placed');
  ELSE
    -- a unit's population spread by the share of its area in each target;
    -- the part outside every target is lost, as with denominator 'total'
    pa := @extschema@._geo_area_arrays(fname, 'fine', fine, target, fine_key, target_key, fine_geom,
                                      target_geom, make_valid, NULL::pg_catalog.text[]);
    EXECUTE format($q$
      WITH pa AS MATERIALIZED %1$s
      SELECT (SELECT array_agg(parent) FROM (SELECT parent, sum(pop) FROM pa GROUP BY 1) ps),
             (SELECT array_agg(sum) FROM (SELECT parent, sum(pop) FROM pa GROUP BY 1) ps),
             array_agg(parent), array_agg(tk), array_agg(pst)
        FROM (SELECT pa.parent, w.tk, sum(pa.pop * w.a_ot / w.a_o) AS pst
                FROM pa JOIN unnest($1, $2, $3, $4) w(k, tk, a_ot, a_o) ON w.k = pa.k
               GROUP BY 1, 2) x$q$, parent)
      INTO source_pop, p_s, sources, targets, p_st USING pa.sources, pa.targets, pa.a_st, pa.a_s;
    PERFORM @extschema@._geo_warn_unplaced(fname, 'fine units', pa.unplaced, nfine,
      'meet no target; their population is not placed');
  END IF;
  sources := coalesce(sources, '{}');
  targets := coalesce(targets, '{}');
  p_st := coalesce(p_st, '{}');
  source_pop := coalesce(source_pop, '{}');
  p_s := coalesce(p_s, '{}');
END $$;
COMMENT ON FUNCTION @extschema@._geo_fine(pg_catalog.text, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
'Internal (oba_geo): places a fine layer''s population (output areas with residents) in the targets, by each unit''s point on surface or by its area shares, and sums it by parent source: arrays of (source, target, population placed) and of (source, source population). Warns about fine units without a parent source or placed in no target.';

-- Availability: 0.1
CREATE FUNCTION @extschema@._geo_weights(
    fname pg_catalog.text, method pg_catalog.text, rule pg_catalog.text, denominator pg_catalog.text,
    source pg_catalog.regclass, target pg_catalog.regclass, fine pg_catalog.regclass,
    fine_population pg_catalog.text, fine_source pg_catalog.text, fallback pg_catalog.text,
    source_key pg_catalog.text, target_key pg_catalog.text, fine_key pg_catalog.text,
    source_geom pg_catalog.text, target_geom pg_catalog.text, fine_geom pg_catalog.text,
    make_valid pg_catalog.bool)
RETURNS TABLE (source_code pg_catalog.text, target_code pg_catalog.text,
               weight pg_catalog.float8, mass pg_catalog.float8, share pg_catalog.float8)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
DECLARE
  p text := @extschema@._geo_postgis_schema();
  a record;
  f record;
  sl record;
  tl record;
  empty text[];
  srcs text[];
  tgts text[];
  shares float8[];
  n bigint;
BEGIN
  IF method = 'area' THEN
    IF denominator IS NULL OR denominator NOT IN ('total', 'covered') THEN
      RAISE EXCEPTION '%: denominator must be ''total'' or ''covered'', got %', fname,
        coalesce(quote_literal(denominator), 'NULL')
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    a := @extschema@._geo_area_arrays(fname, 'source', source, target, source_key, target_key,
                                     source_geom, target_geom, make_valid, NULL::pg_catalog.text[]);
    PERFORM @extschema@._geo_warn_unplaced(fname, 'sources', a.unplaced, a.n,
                                          'meet no target and get no weights');
    RETURN QUERY
      SELECT w.s, w.t,
             CASE WHEN denominator = 'total' THEN w.a_st / w.a_s
                  ELSE w.a_st / sum(w.a_st) OVER (PARTITION BY w.s) END,
             w.a_st, w.a_st / w.a_s
        FROM unnest(a.sources, a.targets, a.a_st, a.a_s) w(s, t, a_st, a_s)
      UNION ALL
      SELECT u, NULL, NULL, NULL, NULL FROM unnest(a.unplaced) u;

  ELSIF method = 'population' THEN
    IF fine IS NULL THEN
      RAISE EXCEPTION '%: population weighting needs a fine layer with its population (fine => ...)', fname
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF fallback IS NULL OR fallback NOT IN ('area', 'none') THEN
      RAISE EXCEPTION '%: fallback must be ''area'' or ''none'', got %', fname,
        coalesce(quote_literal(fallback), 'NULL')
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    f := @extschema@._geo_fine(fname, source, target, fine, fine_population, fine_source, rule,
                              source_key, target_key, fine_key, source_geom, target_geom, fine_geom, make_valid);
    -- sources with no population to weight by: no fine unit, all at 0, or
    -- none of it placed in a target (P_s = 0 must never be divided by)
    EXECUTE format($q$SELECT coalesce(array_agg(s.%1$I::text ORDER BY s.%1$I::text COLLATE "C"), '{}') FROM %2$s s
                       WHERE NOT EXISTS (SELECT 1 FROM unnest($1, $2) w(k, pst) WHERE w.k = s.%1$I::text AND w.pst > 0)$q$,
                   source_key, source) INTO empty USING f.sources, f.p_st;
    IF cardinality(empty) > 0 AND fallback = 'area' THEN
      a := @extschema@._geo_area_arrays(fname, 'source', source, target, source_key, target_key,
                                       source_geom, target_geom, make_valid, empty);
      RAISE NOTICE '%: % source(s) without population placed from the fine layer are weighted by area instead: %', fname,
        cardinality(empty), array_to_string(empty[1:10], ', ') || CASE WHEN cardinality(empty) > 10 THEN ', ...' ELSE '' END;
    ELSE
      SELECT NULL::text[] AS sources, NULL::text[] AS targets, NULL::float8[] AS a_st, NULL::float8[] AS a_s,
             '{}'::text[] AS unplaced INTO a;
      PERFORM @extschema@._geo_warn_unplaced(fname, 'sources', empty, f.n,
                                            'have no population placed from the fine layer and get no weights');
    END IF;
    IF a.unplaced IS NOT NULL THEN
      PERFORM @extschema@._geo_warn_unplaced(fname, 'sources', a.unplaced, f.n,
                                            'have no population placed from the fine layer, meet no target and get no weights');
    END IF;
    RETURN QUERY
      SELECT w.s, w.t, w.pst / ps.pop, w.pst, w.pst / ps.pop
        FROM unnest(f.sources, f.targets, f.p_st) w(s, t, pst)
        JOIN unnest(f.source_pop, f.p_s) ps(k, pop) ON ps.k = w.s
       WHERE w.pst > 0
      UNION ALL
      -- the fallback: area shares, and no mass (no population) for means
      SELECT w.s, w.t, w.a_st / w.a_s, 0::float8, w.a_st / w.a_s
        FROM unnest(a.sources, a.targets, a.a_st, a.a_s) w(s, t, a_st, a_s)
      UNION ALL
      SELECT u, NULL, NULL, NULL, NULL FROM unnest(CASE WHEN fallback = 'area' THEN a.unplaced ELSE empty END) u;

  ELSIF method = 'best_fit' THEN
    IF rule IS NULL OR rule NOT IN ('point_on_surface', 'population', 'area') THEN
      RAISE EXCEPTION '%: best-fit rule must be ''point_on_surface'', ''population'' or ''area'', got %', fname,
        coalesce(quote_literal(rule), 'NULL')
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF rule = 'point_on_surface' THEN
      sl := @extschema@._geo_layer(fname, 'source', source, source_key, source_geom, make_valid, '{}'::pg_catalog.text[]);
      tl := @extschema@._geo_layer(fname, 'target', target, target_key, target_geom, make_valid, '{}'::pg_catalog.text[]);
      PERFORM @extschema@._geo_same_srid(fname, 'source', source, sl.srid, 'target', target, tl.srid);
      n := sl.n;
      -- the target holding the source's point on surface; the smallest code
      -- when the point is on a shared boundary
      EXECUTE format($q$
        SELECT array_agg(s.k), array_agg(b.tk)
          FROM (SELECT %3$I::text AS k FROM %4$s) s
          LEFT JOIN (SELECT DISTINCT ON (o.k) o.k, t.k AS tk
                       FROM (SELECT k, %1$s.ST_PointOnSurface(g) AS pt FROM %2$s s0) o
                       JOIN %5$s t ON t.g0 OPERATOR(%1$s.&&) o.pt AND %1$s.ST_Intersects(t.g, o.pt)
                      ORDER BY o.k, t.k COLLATE "C") b ON b.k = s.k$q$,
        p, @extschema@._geo_layer_sql(p, source, source_key, source_geom, sl.invalid), source_key, source,
        @extschema@._geo_layer_sql(p, target, target_key, target_geom, tl.invalid))
        INTO srcs, tgts;
      shares := NULL;
    ELSIF rule = 'population' THEN
      IF fine IS NULL THEN
        RAISE EXCEPTION '%: the population best-fit rule needs a fine layer with its population (fine => ...)', fname
          USING ERRCODE = 'invalid_parameter_value';
      END IF;
      f := @extschema@._geo_fine(fname, source, target, fine, fine_population, fine_source, 'point_on_surface',
                                source_key, target_key, fine_key, source_geom, target_geom, fine_geom, make_valid);
      n := f.n;
      -- the target receiving most of the source's population; the smallest
      -- code on a tie
      EXECUTE format($q$
        SELECT array_agg(s.k), array_agg(b.t), array_agg(b.share)
          FROM (SELECT %1$I::text AS k FROM %2$s) s
          LEFT JOIN (SELECT DISTINCT ON (w.s) w.s, w.t, w.pst / ps.pop AS share
                       FROM unnest($1, $2, $3) w(s, t, pst)
                       JOIN unnest($4, $5) ps(k, pop) ON ps.k = w.s
                      WHERE w.pst > 0
                      ORDER BY w.s, w.pst DESC, w.t COLLATE "C") b ON b.s = s.k$q$, source_key, source)
        INTO srcs, tgts, shares USING f.sources, f.targets, f.p_st, f.source_pop, f.p_s;
    ELSE
      -- the target holding the largest share of the source's area
      a := @extschema@._geo_area_arrays(fname, 'source', source, target, source_key, target_key,
                                       source_geom, target_geom, make_valid, NULL::pg_catalog.text[]);
      n := a.n;
      SELECT array_agg(b.s) || a.unplaced, array_agg(b.t) || array_fill(NULL::text, ARRAY[cardinality(a.unplaced)]),
             array_agg(b.share) || array_fill(NULL::float8, ARRAY[cardinality(a.unplaced)])
        INTO srcs, tgts, shares
        FROM (SELECT DISTINCT ON (w.s) w.s, w.t, w.a_st / w.a_s AS share
                FROM unnest(a.sources, a.targets, a.a_st, a.a_s) w(s, t, a_st, a_s)
               ORDER BY w.s, w.a_st DESC, w.t COLLATE "C") b;
    END IF;
    SELECT coalesce(array_agg(u.s ORDER BY u.s COLLATE "C"), '{}') INTO empty
      FROM unnest(srcs, tgts) u(s, t) WHERE u.t IS NULL;
    PERFORM @extschema@._geo_warn_unplaced(fname, 'sources', empty, n, 'have no best-fit target');
    RETURN QUERY
      SELECT u.s, u.t, CASE WHEN u.t IS NOT NULL THEN 1::float8 END, NULL::float8, u.share
        FROM unnest(srcs, tgts, shares) u(s, t, share);

  ELSE
    RAISE EXCEPTION '%: method must be ''area'', ''population'' or ''best_fit'', got %', fname,
      coalesce(quote_literal(method), 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
END $$;
COMMENT ON FUNCTION @extschema@._geo_weights(pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
'Internal (oba_geo): the weights of every method (area, population, best_fit) as rows of (source, target, weight, mass, share): weight multiplies extensive values, mass weights intensive ones (intersection area, or population placed), share is the area or population share. A source that cannot be placed comes back once with a NULL target.';

-- ---------------------------------------------------------------------------
-- The public functions.
-- ---------------------------------------------------------------------------


-- Availability: 0.1
CREATE FUNCTION @extschema@.areal_weights(
    source pg_catalog.regclass, target pg_catalog.regclass,
    source_key pg_catalog.text DEFAULT 'code', target_key pg_catalog.text DEFAULT 'code',
    source_geom pg_catalog.text DEFAULT 'geom', target_geom pg_catalog.text DEFAULT 'geom',
    denominator pg_catalog.text DEFAULT 'total', make_valid pg_catalog.bool DEFAULT false)
RETURNS TABLE (source_code pg_catalog.text, target_code pg_catalog.text, weight pg_catalog.float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT w.source_code, w.target_code, w.weight
    FROM @extschema@._geo_weights('oba.areal_weights'::pg_catalog.text, 'area'::pg_catalog.text, NULL::pg_catalog.text,
                                 denominator, source, target, NULL::pg_catalog.regclass,
                                 NULL::pg_catalog.text, NULL::pg_catalog.text, NULL::pg_catalog.text, source_key, target_key,
                                 NULL::pg_catalog.text, source_geom, target_geom, NULL::pg_catalog.text, make_valid) w
   WHERE w.target_code IS NOT NULL
   ORDER BY w.source_code COLLATE "C", w.target_code COLLATE "C";
END;
COMMENT ON FUNCTION @extschema@.areal_weights(pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
'Areal weights: for every source and target whose intersection has a positive area, the share of the source in the target. denominator ''total'' (default, R sf st_interpolate_aw) divides by the source''s area, so the part outside every target is lost; ''covered'' (R areal, PySAL tobler) divides by the part covered by targets, so totals are kept. Pairs that only touch are not returned; keys compare as text; ordered by source and target code. A source that meets no target gets no rows and is listed in a WARNING. Errors (naming table, column or key): a missing column (42703), NULL key or geometry (22004), duplicate key (23505), different, unknown, 0 or geographic SRIDs, invalid geometries unless make_valid => true repairs them with ST_MakeValid (22023).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.population_weights(
    source pg_catalog.regclass, target pg_catalog.regclass, fine pg_catalog.regclass,
    fine_population pg_catalog.text DEFAULT 'population', fine_source pg_catalog.text DEFAULT NULL,
    placement pg_catalog.text DEFAULT 'point_on_surface', fallback pg_catalog.text DEFAULT 'area',
    source_key pg_catalog.text DEFAULT 'code', target_key pg_catalog.text DEFAULT 'code',
    fine_key pg_catalog.text DEFAULT 'code',
    source_geom pg_catalog.text DEFAULT 'geom', target_geom pg_catalog.text DEFAULT 'geom',
    fine_geom pg_catalog.text DEFAULT 'geom', make_valid pg_catalog.bool DEFAULT false)
RETURNS TABLE (source_code pg_catalog.text, target_code pg_catalog.text, weight pg_catalog.float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT w.source_code, w.target_code, w.weight
    FROM @extschema@._geo_weights('oba.population_weights'::pg_catalog.text, 'population'::pg_catalog.text, placement,
                                 NULL::pg_catalog.text, source, target, fine,
                                 fine_population, fine_source, fallback, source_key, target_key, fine_key,
                                 source_geom, target_geom, fine_geom, make_valid) w
   WHERE w.target_code IS NOT NULL
   ORDER BY w.source_code COLLATE "C", w.target_code COLLATE "C";
END;
COMMENT ON FUNCTION @extschema@.population_weights(pg_catalog.regclass, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
'Population weights through a finer layer (output areas with residents): the share of each source''s fine-layer population placed in each target. Fine units belong to the source named in column fine_source, or (NULL) to the source holding their point on surface. placement ''point_on_surface'' (default) puts all of a unit''s population in the target holding its point on surface (the smallest code on a boundary; a point in no target is unplaced and reported); ''area'' spreads it by area share. A source with no population placed gets area weights (fallback ''area'', reported in a NOTICE) or none (''none'', reported in a WARNING). Errors as oba.areal_weights, and a NULL, negative or non-finite population (22004, 22023).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.best_fit(
    source pg_catalog.regclass, target pg_catalog.regclass,
    method pg_catalog.text DEFAULT 'point_on_surface',
    fine pg_catalog.regclass DEFAULT NULL, fine_population pg_catalog.text DEFAULT 'population',
    fine_source pg_catalog.text DEFAULT NULL,
    source_key pg_catalog.text DEFAULT 'code', target_key pg_catalog.text DEFAULT 'code',
    fine_key pg_catalog.text DEFAULT 'code',
    source_geom pg_catalog.text DEFAULT 'geom', target_geom pg_catalog.text DEFAULT 'geom',
    fine_geom pg_catalog.text DEFAULT 'geom', make_valid pg_catalog.bool DEFAULT false)
RETURNS TABLE (source_code pg_catalog.text, target_code pg_catalog.text, share pg_catalog.float8)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
  SELECT w.source_code, w.target_code, w.share
    FROM @extschema@._geo_weights('oba.best_fit'::pg_catalog.text, 'best_fit'::pg_catalog.text, method,
                                 NULL::pg_catalog.text, source, target, fine,
                                 fine_population, fine_source, NULL::pg_catalog.text, source_key, target_key, fine_key,
                                 source_geom, target_geom, fine_geom, make_valid) w
   ORDER BY w.source_code COLLATE "C";
END;
COMMENT ON FUNCTION @extschema@.best_fit(pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
'Best fit: one target per source, every source returned. method ''point_on_surface'' (default): the target holding the source''s ST_PointOnSurface; ''population'' (the ONS rule): the target receiving most of the population of the source''s fine units, each placed by its point on surface (needs fine => ...); ''area'': the target holding the largest share of the source''s area. A point on a shared boundary, or a tie, goes to the smallest target code (C collation). A source with no target comes back with target_code NULL and is listed in a WARNING. share is the population or area share of the chosen target (NULL for point_on_surface).';

-- Availability: 0.1
CREATE FUNCTION @extschema@.apportion(
    source pg_catalog.regclass, target pg_catalog.regclass, value_column pg_catalog.text,
    kind pg_catalog.text DEFAULT 'extensive', method pg_catalog.text DEFAULT 'area',
    denominator pg_catalog.text DEFAULT 'total',
    fine pg_catalog.regclass DEFAULT NULL, fine_population pg_catalog.text DEFAULT 'population',
    fine_source pg_catalog.text DEFAULT NULL, placement pg_catalog.text DEFAULT 'point_on_surface',
    fallback pg_catalog.text DEFAULT 'area',
    round_counts pg_catalog.bool DEFAULT false, skip_nulls pg_catalog.bool DEFAULT false,
    source_key pg_catalog.text DEFAULT 'code', target_key pg_catalog.text DEFAULT 'code',
    fine_key pg_catalog.text DEFAULT 'code',
    source_geom pg_catalog.text DEFAULT 'geom', target_geom pg_catalog.text DEFAULT 'geom',
    fine_geom pg_catalog.text DEFAULT 'geom', make_valid pg_catalog.bool DEFAULT false)
RETURNS TABLE (target_code pg_catalog.text, value pg_catalog.float8,
               sources pg_catalog.int4, null_sources pg_catalog.int4)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
  fname text := 'oba.apportion';
  rel text := @extschema@._geo_relname(source);
  bad text;
  badv float8;
BEGIN
  IF kind IS NULL OR kind NOT IN ('extensive', 'intensive') THEN
    RAISE EXCEPTION '%: kind must be ''extensive'' (counts) or ''intensive'' (rates, means), got %', fname,
      coalesce(quote_literal(kind), 'NULL') USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF method = 'best_fit' AND kind = 'intensive' THEN
    RAISE EXCEPTION '%: best fit apportions counts only', fname
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Apportion the rate''s numerator and denominator as counts and divide, or use method => ''area'' or ''population''.';
  END IF;
  IF round_counts IS NULL OR skip_nulls IS NULL THEN
    RAISE EXCEPTION '%: round_counts and skip_nulls must not be NULL', fname
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF round_counts AND kind = 'intensive' THEN
    RAISE EXCEPTION '%: round_counts rounds counts; it does not apply to intensive values', fname
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF source IS NULL OR target IS NULL THEN
    RAISE EXCEPTION '%: the % table must not be NULL', fname, CASE WHEN source IS NULL THEN 'source' ELSE 'target' END
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  IF value_column IS NULL OR NOT EXISTS (SELECT 1 FROM pg_attribute a
                                          WHERE a.attrelid = source AND a.attname = value_column
                                            AND a.attnum > 0 AND NOT a.attisdropped) THEN
    RAISE EXCEPTION '%: source table % has no column %', fname, rel, coalesce(quote_ident(value_column), 'NULL')
      USING ERRCODE = 'undefined_column';
  END IF;
  -- a number, or anything that casts to float8 (text holding numbers)
  IF NOT EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid
                  WHERE a.attrelid = source AND a.attname = value_column
                    AND (ty.typcategory IN ('N', 'S')
                         OR EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = a.atttypid
                                       AND c.casttarget = 'pg_catalog.float8'::pg_catalog.regtype))) THEN
    RAISE EXCEPTION '%: source column %.% is of type %, not a number', fname, rel, quote_ident(value_column),
      (SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
        WHERE a.attrelid = source AND a.attname = value_column)
      USING ERRCODE = 'datatype_mismatch';
  END IF;
  EXECUTE format($q$SELECT %1$I::text, %2$I::float8 FROM %3$s
                     WHERE %2$I IS NOT NULL
                       AND (%2$I::float8 IN ('NaN', 'Infinity', '-Infinity') OR ($1 AND %2$I::float8 < 0))
                     ORDER BY %1$I::text COLLATE "C" LIMIT 1$q$,
                 source_key, value_column, source) INTO bad, badv USING round_counts;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION '%: source % in % has % %; %', fname, quote_literal(bad), rel, quote_ident(value_column), badv,
      CASE WHEN badv IN ('NaN', 'Infinity', '-Infinity') THEN 'values must be finite'
           ELSE 'counts to round must not be negative' END
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- weights, joined to the values; every target, including those that
  -- receive nothing (NULL by area or population weighting, 0 by best fit)
  RETURN QUERY EXECUTE format($q$
    WITH w AS MATERIALIZED (
      SELECT w.source_code AS s, w.target_code AS t, w.weight, w.mass, v.v
        FROM @extschema@._geo_weights($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) w
        JOIN (SELECT %1$I::text AS k, %2$I::float8 AS v FROM %3$s) v ON v.k = w.source_code
       WHERE w.target_code IS NOT NULL),
    parts AS (
      -- with round_counts: each source's parts rounded by largest remainder,
      -- targets in code order so that ties go to the smallest code
      SELECT s, t, v, weight, mass,
             CASE WHEN $19 AND v IS NOT NULL
                  THEN (@extschema@.largest_remainder(array_agg(coalesce(v * weight, 0)) OVER src))[row_number() OVER src_rows]
                  ELSE v * weight END AS part
        FROM w
      WINDOW src AS (PARTITION BY s ORDER BY t COLLATE "C" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
             src_rows AS (PARTITION BY s ORDER BY t COLLATE "C")),
    agg AS (
      SELECT t,
             CASE WHEN $18 = 'intensive'
                  THEN @extschema@.apportion_mean_agg(v, mass) FILTER (WHERE v IS NOT NULL OR NOT $20)
                  ELSE @extschema@.apportion_agg(CASE WHEN v IS NOT NULL THEN part END, 1::pg_catalog.float8)
                         FILTER (WHERE v IS NOT NULL OR NOT $20) END AS value,
             count(*)::int AS sources, count(*) FILTER (WHERE v IS NULL)::int AS null_sources
        FROM parts GROUP BY t)
    SELECT tt.k, CASE WHEN agg.t IS NULL AND $2 = 'best_fit' THEN 0::float8 ELSE agg.value END,
           coalesce(agg.sources, 0), coalesce(agg.null_sources, 0)
      FROM (SELECT %4$I::text AS k FROM %5$s) tt LEFT JOIN agg ON agg.t = tt.k
     ORDER BY tt.k COLLATE "C"$q$,
    source_key, value_column, source, target_key, target)
    USING fname, method, placement, denominator, source, target, fine, fine_population, fine_source,
          fallback, source_key, target_key, fine_key, source_geom, target_geom, fine_geom, make_valid,
          kind, round_counts, skip_nulls;
END $$;
COMMENT ON FUNCTION @extschema@.apportion(pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool, pg_catalog.bool, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool) IS
'Apportions the source column value_column to every target, keyed by target code. kind ''extensive'' (counts): the sum of value x weight; ''intensive'' (rates, means): the mean weighted by intersection area or by population placed. method ''area'' (denominator ''total'' or ''covered'', as oba.areal_weights), ''population'' (fine layer, placement and fallback as oba.population_weights) or ''best_fit'' (placement is the rule of oba.best_fit; counts only). round_counts gives whole numbers keeping every source''s total (largest remainder). A NULL source value makes every target it touches NULL, or with skip_nulls is left out; null_sources counts them. A target that receives nothing is NULL (0 by best fit). Sources that cannot be placed are listed in a WARNING.';

-- Availability: 0.1
CREATE FUNCTION @extschema@.overlay_diagnostics(
    source pg_catalog.regclass, target pg_catalog.regclass,
    source_key pg_catalog.text DEFAULT 'code', target_key pg_catalog.text DEFAULT 'code',
    source_geom pg_catalog.text DEFAULT 'geom', target_geom pg_catalog.text DEFAULT 'geom',
    sliver pg_catalog.float8 DEFAULT 1e-6, tolerance pg_catalog.float8 DEFAULT 1e-9,
    make_valid pg_catalog.bool DEFAULT false)
RETURNS TABLE (source_code pg_catalog.text, targets pg_catalog.int4, covered_share pg_catalog.float8,
               largest_share pg_catalog.float8, largest_target pg_catalog.text,
               second_share pg_catalog.float8, slivers pg_catalog.int4,
               gap pg_catalog.bool, overlap pg_catalog.bool)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $$
#variable_conflict use_column
DECLARE
  fname text := 'oba.overlay_diagnostics';
  a record;
  empty text[];
  nt bigint;
BEGIN
  IF sliver IS NULL OR NOT (sliver >= 0 AND sliver < 1) THEN
    RAISE EXCEPTION '%: sliver must be between 0 (inclusive) and 1 (exclusive), got %', fname,
      coalesce(sliver::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF tolerance IS NULL OR NOT (tolerance >= 0 AND tolerance < 1) THEN
    RAISE EXCEPTION '%: tolerance must be between 0 (inclusive) and 1 (exclusive), got %', fname,
      coalesce(tolerance::text, 'NULL') USING ERRCODE = 'invalid_parameter_value';
  END IF;
  a := @extschema@._geo_area_arrays(fname, 'source', source, target, source_key, target_key,
                                   source_geom, target_geom, make_valid, NULL::pg_catalog.text[]);
  -- targets that meet no source: they receive nothing
  EXECUTE format($q$SELECT coalesce(array_agg(t.%1$I::text ORDER BY t.%1$I::text COLLATE "C")
                                   FILTER (WHERE NOT EXISTS (SELECT 1 FROM unnest($1) u(k) WHERE u.k = t.%1$I::text)), '{}'),
                          count(*)
                     FROM %2$s t$q$, target_key, target) INTO empty, nt USING a.targets;
  IF cardinality(empty) > 0 THEN
    RAISE NOTICE '%: % of % targets meet no source and receive nothing (NULL by area or population weighting, 0 by best fit): %',
      fname, cardinality(empty), nt,
      array_to_string(empty[1:10], ', ') || CASE WHEN cardinality(empty) > 10 THEN ', ...' ELSE '' END;
  END IF;
  RETURN QUERY
    SELECT x.s, x.n::int, x.covered, x.largest, x.largest_t, x.second, x.slivers::int,
           x.covered < 1 - tolerance, x.covered > 1 + tolerance
      FROM (SELECT w.s, count(*) AS n, sum(w.share) AS covered,
                   max(w.share) AS largest,
                   (array_agg(w.t ORDER BY w.share DESC, w.t COLLATE "C"))[1] AS largest_t,
                   coalesce((array_agg(w.share ORDER BY w.share DESC))[2], 0) AS second,
                   count(*) FILTER (WHERE w.share < sliver) AS slivers
              FROM (SELECT u.s, u.t, u.a_st / u.a_s AS share
                      FROM unnest(a.sources, a.targets, a.a_st, a.a_s) u(s, t, a_st, a_s)) w
             GROUP BY w.s
            UNION ALL
            SELECT u, 0, 0, NULL, NULL, NULL, 0 FROM unnest(a.unplaced) u) x
     ORDER BY x.s COLLATE "C";
END $$;
COMMENT ON FUNCTION @extschema@.overlay_diagnostics(pg_catalog.regclass, pg_catalog.regclass, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.float8, pg_catalog.float8, pg_catalog.bool) IS
'Why totals move, per source: the number of targets it meets, the covered share (sum of area shares), the largest share and its target, the second-largest share (a source that touches two targets is split only if this is large), the number of slivers (shares below sliver, default 1e-6), gap (covered share below 1 - tolerance: coast, river, generalisation; areal weights with denominator ''total'' lose that part) and overlap (covered share above 1 + tolerance: overlapping targets double-count). A source that meets no target has targets 0. Targets that meet no source are listed in a NOTICE.';

-- Small-number suppression and rounding, and the disclosure test: for every
-- published table here an attacker tries to work out each suppressed cell
-- from the published cells and totals (any sum or difference of rows and
-- columns, by exact Gaussian elimination) and must fail.
\pset null '(null)'
CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- oba.suppress and oba.round_to: worked examples
SELECT oba.suppress(3) AS three, oba.suppress(0) AS zero, oba.suppress(0, suppress_zero => true) AS zero_asked,
       oba.suppress(5) AS five, oba.suppress(5, threshold => 10) AS five_under_10, oba.suppress(1, threshold => 1) AS threshold_1;
SELECT oba.round_to(12) AS r12, oba.round_to(13) AS r13, oba.round_to(2) AS r2, oba.round_to(15, 10) AS r15_10,
       oba.round_to(0) AS r0, oba.round_to(7, 1) AS r7_1;
SELECT oba.suppress(NULL) IS NULL AS null_count, oba.round_to(NULL) IS NULL AS null_round;
SELECT pg_temp.err($$SELECT oba.suppress(-1)$$);
SELECT pg_temp.err($$SELECT oba.suppress(3, 0)$$);
SELECT pg_temp.err($$SELECT oba.round_to(-5)$$);
SELECT pg_temp.err($$SELECT oba.round_to(12, 0)$$);
SELECT pg_temp.err($$SELECT oba.round_to(9223372036854775807, 10)$$);

-- a one-way table: children with a speech delay by ward, within the city
CREATE TABLE ward_counts (ward text, children int);
INSERT INTO ward_counts VALUES ('Bargate', 23), ('Bassett', 3), ('Bevois', 41), ('Bitterne', 17),
  ('Coxford', 0), ('Freemantle', 12), ('Harefield', 9), ('Millbrook', 2), ('Peartree', 28);
SELECT s.*
  FROM (SELECT array_agg(ward ORDER BY ward) AS wards, array_agg(children ORDER BY ward) AS n FROM ward_counts) t,
       LATERAL oba.suppress_table(t.wards, t.n) s;
-- one small cell alone: the next smallest non-zero cell goes with it
SELECT * FROM oba.suppress_table('{A,B,C,D}'::text[], '{3,120,40,0}'::bigint[]);
-- two small cells whose sum would be small: a third goes too
SELECT * FROM oba.suppress_table('{A,B,C}'::text[], '{1,1,50}'::bigint[]);
-- a small total: suppressed with its cells
SELECT * FROM oba.suppress_table('{A,B}'::text[], '{2,1}'::bigint[]);
-- zero suppressed when asked, and a higher threshold
SELECT * FROM oba.suppress_table('{A,B,C}'::text[], '{0,30,40}'::bigint[], suppress_zero => true);
SELECT * FROM oba.suppress_table('{A,B,C}'::text[], '{7,30,40}'::bigint[], threshold => 10);
-- empty input: no table, no rows
SELECT count(*) AS rows FROM oba.suppress_table('{}'::text[], '{}'::bigint[]);

-- a two-way table: ward by age band, in long form
CREATE TABLE ward_age (ward text, band text, children int);
INSERT INTO ward_age VALUES
  ('Bargate', '0-1', 12), ('Bargate', '2-3', 3), ('Bargate', '4-5', 25),
  ('Bassett', '0-1', 2), ('Bassett', '2-3', 18), ('Bassett', '4-5', 30),
  ('Bevois', '0-1', 40), ('Bevois', '2-3', 35), ('Bevois', '4-5', 1),
  ('Bitterne', '0-1', 22), ('Bitterne', '2-3', 27);          -- (Bitterne, 4-5) absent: 0
SELECT s.*
  FROM (SELECT array_agg(ward) AS w, array_agg(band) AS b, array_agg(children) AS n FROM ward_age) t,
       LATERAL oba.suppress_table(t.w, t.b, t.n) s;
-- one table per quarter: GROUP BY in the subquery, LATERAL per group
SELECT q, count(*) AS cells, count(*) FILTER (WHERE flag = 'primary') AS primary_cells,
       count(*) FILTER (WHERE flag = 'secondary') AS secondary_cells
  FROM (SELECT q, array_agg(ward) AS w, array_agg(band) AS b, array_agg(children + q) AS n
          FROM ward_age, generate_series(0, 2) q GROUP BY q) t,
       LATERAL oba.suppress_table(t.w, t.b, t.n) s
 GROUP BY q ORDER BY q;

-- bad input
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,B}'::text[], '{1,-2}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,B}'::text[], '{1,2}'::bigint[], 0)$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,A}'::text[], '{1,2}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,NULL}'::text[], '{1,2}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,B}'::text[], '{1,NULL}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,B}'::text[], '{1}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,B}'::text[], '{9223372036854775807,1}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,A}'::text[], '{x,x}'::text[], '{1,2}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A,B}'::text[], '{x}'::text[], '{1,2}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A}'::text[], '{x}'::text[], '{-1}'::bigint[])$$);
SELECT pg_temp.err($$SELECT * FROM oba.suppress_table('{A}'::text[], '{x}'::text[], '{1}'::bigint[], -3)$$);

-- ---------------------------------------------------------------------------
-- The disclosure test.
--
-- pub(tab, two_way, r, c, published, truth) holds the published tables; a
-- NULL label marks a total. A one-way table is the single row r = 'all'
-- whose total is (r 'all', c NULL), with no column equations. The attacker
-- writes one equation per line (every row and, for a two-way table, every
-- column, the totals' row and column included): the line's cells minus its
-- total = 0. It reduces [A | b] over the suppressed cells to reduced row
-- echelon form in exact numeric arithmetic; a cell is recovered when some
-- row has it as its only unknown.
-- ---------------------------------------------------------------------------
CREATE TABLE pub (tab text, two_way boolean, r text, c text, published bigint, truth bigint);

CREATE FUNCTION pg_temp.attack(t text)
RETURNS TABLE (r text, c text, recovered numeric, truth bigint) LANGUAGE plpgsql AS $$
DECLARE
  cells record;
  unk_r text[] := '{}'; unk_c text[] := '{}'; unk_t bigint[] := '{}';
  n int; neq int; m numeric[]; i int; j int; k int; p int; row_i int := 1; piv numeric; f numeric;
  two boolean;
  line record;
BEGIN
  SELECT bool_and(two_way) INTO two FROM pub WHERE tab = t;
  FOR cells IN SELECT * FROM pub WHERE tab = t AND published IS NULL ORDER BY r NULLS LAST, c NULLS LAST LOOP
    unk_r := unk_r || cells.r; unk_c := unk_c || cells.c; unk_t := unk_t || cells.truth;
  END LOOP;
  n := coalesce(array_length(unk_r, 1), 0);
  IF n = 0 THEN RETURN; END IF;
  SELECT count(DISTINCT pub.r) + CASE WHEN two THEN count(DISTINCT coalesce(pub.c, E'\x01total')) ELSE 0 END
    INTO neq FROM pub WHERE tab = t;
  neq := neq + 1;   -- the NULL row (column totals), if any, counted below as a row line
  m := array_fill(0::numeric, ARRAY[neq, n + 1]);
  -- row lines: every distinct r (NULL included), and for two-way tables column lines
  FOR line IN
    SELECT 'r' AS kind, x.r AS key FROM (SELECT DISTINCT pub.r FROM pub WHERE tab = t) x
    UNION ALL
    SELECT 'c', y.c FROM (SELECT DISTINCT pub.c FROM pub WHERE tab = t) y WHERE two
  LOOP
    FOR cells IN
      SELECT * FROM pub
       WHERE tab = t AND CASE WHEN line.kind = 'r' THEN pub.r IS NOT DISTINCT FROM line.key
                              ELSE pub.c IS NOT DISTINCT FROM line.key END
    LOOP
      -- coefficient: +1 for a cell, -1 for the line's total
      f := CASE WHEN (line.kind = 'r' AND cells.c IS NULL) OR (line.kind = 'c' AND cells.r IS NULL)
                THEN -1 ELSE 1 END;
      IF cells.published IS NULL THEN
        FOR k IN 1 .. n LOOP
          IF unk_r[k] IS NOT DISTINCT FROM cells.r AND unk_c[k] IS NOT DISTINCT FROM cells.c THEN
            m[row_i][k] := m[row_i][k] + f;
          END IF;
        END LOOP;
      ELSE
        m[row_i][n + 1] := m[row_i][n + 1] - f * cells.published;
      END IF;
    END LOOP;
    row_i := row_i + 1;
  END LOOP;
  neq := row_i - 1;
  -- reduced row echelon form
  p := 1;
  FOR j IN 1 .. n LOOP
    EXIT WHEN p > neq;
    k := NULL;
    FOR i IN p .. neq LOOP
      IF m[i][j] <> 0 THEN k := i; EXIT; END IF;
    END LOOP;
    CONTINUE WHEN k IS NULL;
    IF k <> p THEN
      FOR i IN 1 .. n + 1 LOOP
        f := m[p][i]; m[p][i] := m[k][i]; m[k][i] := f;
      END LOOP;
    END IF;
    piv := m[p][j];
    FOR i IN 1 .. n + 1 LOOP m[p][i] := m[p][i] / piv; END LOOP;
    FOR k IN 1 .. neq LOOP
      IF k <> p AND m[k][j] <> 0 THEN
        f := m[k][j];
        FOR i IN 1 .. n + 1 LOOP m[k][i] := m[k][i] - f * m[p][i]; END LOOP;
      END IF;
    END LOOP;
    p := p + 1;
  END LOOP;
  -- a row with a single unknown gives that cell away
  FOR i IN 1 .. neq LOOP
    k := NULL; j := 0;
    FOR p IN 1 .. n LOOP
      IF m[i][p] <> 0 THEN j := j + 1; k := p; END IF;
    END LOOP;
    IF j = 1 THEN
      r := unk_r[k]; c := unk_c[k]; recovered := m[i][n + 1] / m[i][k]; truth := unk_t[k];
      RETURN NEXT;
    END IF;
  END LOOP;
END $$;

-- the tables published above, and random ones: 40 two-way tables (2..7 rows
-- x 2..6 columns) and 20 one-way tables (3..15 cells), counts drawn from a
-- deterministic hash, most of them small
CREATE TABLE raw (tab text, two_way boolean, r text, c text, n bigint);
INSERT INTO raw SELECT 'wards', false, 'all', ward, children FROM ward_counts;
INSERT INTO raw SELECT 'ward_age', true, ward, band, children FROM ward_age;
INSERT INTO raw SELECT 'bridge', true, 'r' || i, 'c' || j, (ARRAY[2,3,100,90, 4,2,1,80, 70,60,3,2, 50,40,4,3])[(i - 1) * 4 + j]
  FROM generate_series(1, 4) i, generate_series(1, 4) j;
CREATE FUNCTION pg_temp.draw(seed text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN h % 10 < 2 THEN 0 WHEN h % 10 < 6 THEN 1 + (h / 10) % 6 ELSE 1 + (h / 10) % 150 END
    FROM (SELECT abs(hashtext(seed))::bigint AS h) x $$;
INSERT INTO raw
  SELECT 'random2_' || t, true, 'r' || i, 'c' || j, pg_temp.draw(t || ':' || i || ':' || j)
    FROM generate_series(1, 40) t,
         LATERAL generate_series(1, 2 + t % 6) i, LATERAL generate_series(1, 2 + (t / 6) % 5) j;
INSERT INTO raw
  SELECT 'random1_' || t, false, 'all', 'c' || j, pg_temp.draw('one' || t || ':' || j)
    FROM generate_series(1, 20) t, LATERAL generate_series(1, 3 + t % 13) j;

-- published by oba.suppress_table; truth joined back by label
INSERT INTO pub
  SELECT g.tab, g.two_way, CASE WHEN g.two_way THEN s.row_label ELSE 'all' END, s.col_label, s.published,
         coalesce((SELECT sum(n) FROM raw x WHERE x.tab = g.tab
                      AND (s.row_label IS NULL OR NOT g.two_way OR x.r = s.row_label)
                      AND (s.col_label IS NULL OR x.c = s.col_label)), 0)
    FROM (SELECT tab, bool_and(two_way) AS two_way, array_agg(r) AS r, array_agg(c) AS c, array_agg(n) AS n
            FROM raw GROUP BY tab) g,
         LATERAL (SELECT o.row_label, o.col_label, o.published FROM oba.suppress_table(g.r, g.c, g.n) o WHERE g.two_way
                  UNION ALL
                  SELECT NULL, o.label, o.published FROM oba.suppress_table(g.c, g.n) o WHERE NOT g.two_way) s;

-- published cells are the true counts, totals included; suppressed cells are
-- exactly the primary ones (1..4) plus secondary ones
SELECT count(DISTINCT tab) AS tables, count(*) AS cells, count(*) FILTER (WHERE published IS NULL) AS suppressed,
       count(*) FILTER (WHERE published IS NOT NULL AND published <> truth) AS published_wrong,
       count(*) FILTER (WHERE truth BETWEEN 1 AND 4 AND published IS NOT NULL) AS small_published
  FROM pub;
-- in every line with a published total, the suppressed cells add up to 5 or more
SELECT count(*) AS lines_revealing_a_small_sum
  FROM (SELECT p.tab, k.kind, k.key,
               sum(p.truth) FILTER (WHERE p.published IS NULL AND NOT k.is_total) AS hidden,
               count(*) FILTER (WHERE p.published IS NULL AND NOT k.is_total) AS n_hidden,
               bool_or(k.is_total AND p.published IS NOT NULL) AS total_published
          FROM pub p,
               LATERAL (SELECT 'r' AS kind, p.r AS key, p.c IS NULL AS is_total
                        UNION ALL SELECT 'c', p.c, p.r IS NULL WHERE p.two_way) k
         GROUP BY 1, 2, 3) l
 WHERE total_published AND n_hidden > 0 AND hidden < 5;
-- the attack: nothing recovered from any table
SELECT count(*) AS tables_attacked, coalesce(sum(n), 0) AS cells_recovered
  FROM (SELECT tab, (SELECT count(*) FROM pg_temp.attack(tab)) AS n FROM (SELECT DISTINCT tab FROM pub) t) a;

-- the attacker works: with primary suppression alone (oba.suppress on every
-- cell and total) it recovers cells in most tables, and every value it
-- recovers is the true count
UPDATE pub SET published = oba.suppress(truth);
SELECT count(*) AS tables_giving_cells_away, sum(n) AS cells_recovered, bool_and(all_true) AS recovered_values_true
  FROM (SELECT tab, count(*) AS n, bool_and(recovered = truth) AS all_true
          FROM (SELECT DISTINCT tab FROM pub) t, LATERAL pg_temp.attack(tab) a GROUP BY tab) x;
-- for example, the ward by age-band table: each small cell is alone in its row
SELECT r, c, recovered, truth FROM pg_temp.attack('ward_age') ORDER BY r, c;

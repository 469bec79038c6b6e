-- test/clients/setup.sql: what the client recipes read. The report card of
-- the README's tour (one service, three indicators, twelve quarters), its
-- materialised view as the README recommends, and the plain view over it
-- that BI tools list (docs/clients.md, "Objects a BI tool can see").
CREATE EXTENSION IF NOT EXISTS oba;
INSERT INTO oba.indicator (code, name, question, service, polarity, kind) VALUES
  ('FS_SEEN', 'Families supported', 'how_much', 'Family support', 'neutral', 'count'),
  ('FS_REVIEW', 'Reviewed within 12 weeks', 'how_well', 'Family support', 'higher_is_better', 'proportion'),
  ('FS_BETTER', 'Score improved at review', 'better_off', 'Family support', 'higher_is_better', 'proportion');
INSERT INTO oba.observation (indicator_code, area_code, area_type, period_start, numerator, denominator)
SELECT m.code, 'FS', 'service', (date '2022-04-01' + (q - 1) * interval '3 months')::date, x, n
  FROM (VALUES ('FS_SEEN', '{38,40,39,42,41,44,40,47,52,50,55,58}'::float8[], NULL::float8[]),
               ('FS_REVIEW', '{18,19,18,21,20,22,21,24,26,31,37,44}', '{38,40,39,42,41,44,40,47,52,50,55,58}'),
               ('FS_BETTER', '{14,14,15,16,15,16,15,18,22,22,26,27}', '{22,23,22,25,24,25,25,28,35,36,40,44}')) AS m(code, xs, ns),
       unnest(xs, ns) WITH ORDINALITY AS u(x, n, q);
CREATE MATERIALIZED VIEW public.report_card_mv AS SELECT * FROM oba.report_card;
CREATE UNIQUE INDEX ON public.report_card_mv (indicator_code, area_code, period_start);
-- BI tools list tables and views (information_schema, JDBC getTables,
-- DBI dbListTables), not materialised views: a plain view over it
CREATE VIEW public.report_card_bi AS SELECT * FROM public.report_card_mv;

-- docs/reference/period.md's examples, run verbatim. Each block between "-- example >>>"
-- and "-- <<< example" is a ```sql block of that page, in page order;
-- test/check-docs checks that the page's blocks are here and that the
-- output they show as comments is what this suite prints. Change a block
-- here and in the page together. Outside the blocks: only the setup an
-- example needs and what keeps the suite independent of the others.
\pset null NULL
SET datestyle = 'ISO, MDY';

-- example >>>
SELECT oba.fy('2024-07-15'), oba.fy_quarter('2024-07-15'),
       oba.fy_quarter_start('2024-07-15'), oba.academic_year('2024-07-15');
-- 2024-25 | 2024-25 Q2 | 2024-07-01 | 2023/24
SELECT oba.age_at('2020-02-29', '2025-02-28'), oba.age_at('2020-02-29', '2025-03-01');     -- 4 | 5
SELECT oba.age_months_at('2024-01-31', '2024-02-29'), oba.age_months_at('2024-01-31', '2024-03-01');  -- 0 | 1
SELECT oba.age_band(7, '{0,5,10,15}'), oba.age_band(17, '{0,5,10,15}');                     -- 5-9 | 15+
SELECT oba.age_band(70, '{{0,4},{16,24},{65,NULL}}'), oba.age_band(10, '{{0,4},{16,24},{65,NULL}}');  -- 65+ | NULL
-- <<< example

// node-postgres (npm: pg), as Node dashboards and Metabase's node tools use
// it. Connection from the libpq environment (PGHOST, PGPORT, PGUSER,
// PGPASSWORD, PGDATABASE), which pg reads too.
import pg from 'pg';

// A DATE arrives by default as a JavaScript Date at local midnight, which a
// time zone west of UTC turns into the day before when printed as UTC: keep
// dates as 'YYYY-MM-DD' strings (type 1082 is date)
pg.types.setTypeParser(1082, (text) => text);

let n = 0, failed = 0;
const check = (ok, what) => { n++; if (!ok) failed++; console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${what}`); };

const client = new pg.Client();
await client.connect();

// SELECT * FROM the function: plain columns, float8 as a JavaScript number
let r = await client.query('SELECT * FROM oba.rate($1, $2)', [12, 4310]);
check(r.rows[0].value === 27.842227378190252 && r.rows[0].lower === 14.370092443338814
      && r.rows[0].upper === 48.63772170212691, 'node-postgres: oba.rate, every bit');

// without .* a composite arrives as one string: avoid
r = await client.query('SELECT oba.rate(12, 4310) AS e');
check(typeof r.rows[0].e === 'string', 'node-postgres: a composite without * is a string');

r = await client.query('SELECT oba.fy_quarter($1) AS q, oba.fy_quarter_start($2) AS s', ['2024-05-01', '2024-08-15']);
check(r.rows[0].q === '2024-25 Q1' && r.rows[0].s === '2024-07-01', 'node-postgres: dates as strings, no time zone shift');

r = await client.query(`SELECT p.outside_limits FROM oba.spc_points(
    ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::float8[],
    ARRAY[10,11,9,10,12,10,9,11,10,10,11,9,10,12,10,9,11,10,10,30]::float8[]) AS p
  ORDER BY p.t DESC LIMIT 1`);
check(r.rows[0].outside_limits === true, 'node-postgres: a boolean as boolean');

r = await client.query('SELECT count(*)::int AS n FROM report_card_bi WHERE service = $1', ['Family support']);
check(r.rows[0].n === 36, 'node-postgres: the report card view, 36 rows');

await client.end();
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);

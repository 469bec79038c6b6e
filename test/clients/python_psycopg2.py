# psycopg2 (Debian: python3-psycopg2). Connection from the usual libpq
# environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) or a DSN.
import datetime
import psycopg2
from common import RATE, check, same_float, done

conn = psycopg2.connect("")          # e.g. "host=db.example user=analyst dbname=cyp"
cur = conn.cursor()

# Composite results: SELECT * FROM the function gives plain columns
cur.execute("SELECT * FROM oba.rate(%s, %s)", (12, 4310))
value, lower, upper, numerator, denominator = cur.fetchone()
check(all(same_float(g, w) for g, w in zip((value, lower, upper), RATE)),
      "psycopg2: oba.rate as float8 columns, every bit")

# One estimate per row of a table: LATERAL
cur.execute("""
    SELECT w.ward, r.value, r.lower, r.upper
      FROM (VALUES ('Bevois', 12, 4310), ('Coxford', 30, 5120)) AS w(ward, events, children)
     CROSS JOIN LATERAL oba.rate(w.events, w.children) AS r
     ORDER BY w.ward""")
rows = cur.fetchall()
check([r[0] for r in rows] == ["Bevois", "Coxford"] and same_float(rows[0][1], RATE[0]),
      "psycopg2: LATERAL, one estimate per row")

# Dates go in and come out as datetime.date
cur.execute("SELECT oba.fy_quarter(%s), oba.fy_quarter_start(%s)",
            (datetime.date(2024, 5, 1), datetime.date(2024, 8, 15)))
quarter, start = cur.fetchone()
check(quarter == "2024-25 Q1" and start == datetime.date(2024, 7, 1),
      "psycopg2: dates in and out")

# Booleans come out as bool
cur.execute("""SELECT p.outside_limits FROM oba.spc_points(
                 ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::float8[],
                 ARRAY[10,11,9,10,12,10,9,11,10,10,11,9,10,12,10,9,11,10,10,30]::float8[]) AS p
               ORDER BY p.t DESC LIMIT 2""")
check([r[0] for r in cur.fetchall()] == [True, False], "psycopg2: booleans as bool")

# The report card, from the plain view over the materialised view; BI tools
# that list information_schema.tables see the view, not the materialised one
cur.execute("SELECT count(*) FROM report_card_bi WHERE service = %s", ("Family support",))
check(cur.fetchone()[0] == 36, "psycopg2: the report card view, 36 rows")
cur.execute("""SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_name LIKE 'report_card%' ORDER BY 1""")
check([r[0] for r in cur.fetchall()] == ["report_card_bi"],
      "information_schema.tables lists report_card_bi, not the materialised view")
conn.close()
done()

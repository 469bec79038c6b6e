# ODBC with psqlODBC (Debian: odbc-postgresql, unixodbc) as Power BI, Excel
# and LibreOffice use it, here through pyodbc (python3-pyodbc). The options
# that matter, in the connection string or the DSN:
#   BoolsAsChar=0   booleans as SQL_BIT (the default 1 sends them as '1'/'0' text)
#   float8 and date arrive whole (checked below: every bit, datetime.date)
import datetime
import os
import pyodbc
from common import RATE, check, same_float, done

conn_str = ("Driver=PostgreSQL Unicode;Servername={h};Port={p};Database={d};"
            "Username={u};Password={pw};BoolsAsChar=0").format(
    h=os.environ.get("PGHOST", "localhost"), p=os.environ.get("PGPORT", "5432"),
    d=os.environ.get("PGDATABASE", "postgres"), u=os.environ.get("PGUSER", "postgres"),
    pw=os.environ.get("PGPASSWORD", ""))
conn = pyodbc.connect(conn_str)
cur = conn.cursor()

cur.execute("SELECT * FROM oba.rate(?, ?)", 12.0, 4310.0)
row = cur.fetchone()
check(all(same_float(g, w) for g, w in zip((row.value, row.lower, row.upper), RATE)),
      "psqlODBC: oba.rate, every bit of the float8 columns")

# a date parameter as a Python date; a date result as datetime.date
cur.execute("SELECT oba.fy_quarter(?), oba.fy_quarter_start(?)", datetime.date(2024, 5, 1), datetime.date(2024, 8, 15))
quarter, start = cur.fetchone()
check(quarter == "2024-25 Q1" and start == datetime.date(2024, 7, 1), "psqlODBC: dates in and out")

cur.execute("""SELECT p.outside_limits FROM oba.spc_points(
                 ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::float8[],
                 ARRAY[10,11,9,10,12,10,9,11,10,10,11,9,10,12,10,9,11,10,10,30]::float8[]) AS p
               ORDER BY p.t DESC LIMIT 1""")
check(cur.fetchone()[0] is True, "psqlODBC with BoolsAsChar=0: a boolean as bool")

# the table list (SQLTables): psqlODBC lists a materialised view with the
# type MATVIEW, which tools that ask for tables and views may leave out;
# the plain view over it is a VIEW
listed = {t.table_name: t.table_type for t in cur.tables(schema="public")}
check(listed.get("report_card_bi") == "VIEW" and listed.get("report_card_mv") == "MATVIEW",
      "psqlODBC: SQLTables lists report_card_bi as a VIEW (the materialised view as MATVIEW)")
conn.close()

# with the driver's default BoolsAsChar=1 the same boolean is text
conn = pyodbc.connect(conn_str.replace("BoolsAsChar=0", "BoolsAsChar=1"))
v = conn.cursor().execute("SELECT true").fetchone()[0]
check(v == "1", "psqlODBC default BoolsAsChar=1: a boolean arrives as the text '1'")
conn.close()
done()

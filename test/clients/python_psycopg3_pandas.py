# psycopg 3 (python3-psycopg), pandas (python3-pandas) and SQLAlchemy
# (python3-sqlalchemy). pandas reads through an SQLAlchemy engine; SQLAlchemy
# 1.4 speaks to PostgreSQL through psycopg2 ("postgresql+psycopg2://"), 2.0
# also through psycopg 3 ("postgresql+psycopg://").
import datetime
import psycopg
import pandas as pd
import sqlalchemy as sa
from common import RATE, check, same_float, done

with psycopg.connect("") as conn:    # libpq environment, or "host=... dbname=..."
    # psycopg 3 sends parameters typed (an int as a number, a date as a
    # date); PostgreSQL casts numbers to oba's float8 arguments itself
    row = conn.execute("SELECT * FROM oba.rate(%s, %s)", (12, 4310)).fetchone()
    check(all(same_float(g, w) for g, w in zip(row[:3], RATE)), "psycopg 3: oba.rate, every bit")
    start = conn.execute("SELECT oba.fy_quarter_start(%s)", (datetime.date(2024, 8, 15),)).fetchone()[0]
    check(start == datetime.date(2024, 7, 1), "psycopg 3: a date in and out")

# pandas: a data frame of plain columns (LATERAL, not (f(...)).*)
engine = sa.create_engine("postgresql+psycopg2://")   # the same libpq environment
df = pd.read_sql_query(sa.text("""
        SELECT w.ward, r.*
          FROM (VALUES ('Bevois', 12, 4310), ('Coxford', 30, 5120)) AS w(ward, events, children)
         CROSS JOIN LATERAL oba.rate(w.events, w.children) AS r
         ORDER BY w.ward"""), engine)
check(list(df.columns) == ["ward", "value", "lower", "upper", "numerator", "denominator"]
      and str(df["value"].dtype) == "float64" and df["value"][0] == RATE[0],
      "pandas: one float64 column per field")

card = pd.read_sql_query(sa.text("SELECT * FROM report_card_bi WHERE question = :q"), engine,
                         params={"q": "how_well"}, parse_dates=["period_start"])
check(len(card) == 12 and str(card["period_start"].dtype).startswith("datetime64"),
      "pandas: the report card view, dates parsed")

# SQLAlchemy's inspector lists the plain view (not the materialised one)
check("report_card_bi" in sa.inspect(engine).get_view_names(), "SQLAlchemy: the view is listed")
done()

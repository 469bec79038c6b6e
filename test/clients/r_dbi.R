# R: DBI with RPostgreSQL (Debian: r-cran-dbi, r-cran-rpostgresql), as
# analysts' R scripts and R Markdown reports use it. Connection from the
# libpq environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE).
suppressMessages({ library(DBI); library(RPostgreSQL) })
n <- 0; failed <- 0
check <- function(ok, what) {
  n <<- n + 1; if (!isTRUE(ok)) failed <<- failed + 1
  cat(if (isTRUE(ok)) "ok" else "not ok", n, "-", what, "\n")
}
env <- function(k, d) { v <- Sys.getenv(k); if (v == "") d else v }
con <- dbConnect(PostgreSQL(), host = env("PGHOST", "localhost"), port = as.integer(env("PGPORT", "5432")),
                 user = env("PGUSER", "postgres"), password = env("PGPASSWORD", ""),
                 dbname = env("PGDATABASE", "postgres"))

# SELECT * FROM the function: a data frame of plain columns, float8 as double
r <- dbGetQuery(con, "SELECT * FROM oba.rate(12, 4310)")
check(identical(r$value, 27.842227378190252) && identical(r$lower, 14.370092443338814) &&
      identical(r$upper, 48.63772170212691), "R DBI: oba.rate, every bit")

# RPostgreSQL has no bound parameters for dbGetQuery: quote values into SQL
# with dbQuoteString (or use RPostgres, not packaged for Debian 12)
q <- dbGetQuery(con, paste0("SELECT oba.fy_quarter(", dbQuoteString(con, "2024-05-01"), ") AS quarter, ",
                            "oba.fy_quarter_start(", dbQuoteString(con, "2024-08-15"), ") AS start"))
check(q$quarter == "2024-25 Q1" && inherits(q$start, "Date") && q$start == as.Date("2024-07-01"),
      "R DBI: a date as Date")

b <- dbGetQuery(con, paste("SELECT p.outside_limits FROM oba.spc_points(",
                           "ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]::float8[],",
                           "ARRAY[10,11,9,10,12,10,9,11,10,10,11,9,10,12,10,9,11,10,10,30]::float8[]) AS p",
                           "ORDER BY p.t DESC LIMIT 1"))
check(identical(b$outside_limits, TRUE), "R DBI: a boolean as logical")

# RPostgreSQL's dbListTables and dbExistsTable see tables only (pg_tables):
# no view, materialised or not. Read the report card by name all the same
tabs <- dbListTables(con)
check(!("report_card_bi" %in% tabs) && !("report_card_mv" %in% tabs),
      "R DBI: RPostgreSQL's dbListTables lists no views (read them by name)")
card <- dbReadTable(con, "report_card_bi")
check(nrow(card) == 36, "R DBI: dbReadTable of the report card view, 36 rows")
invisible(dbDisconnect(con))
cat("1..", n, "\n", sep = "")
quit(status = if (failed == 0) 0 else 1)

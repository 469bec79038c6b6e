# derive_trend_chisq_score_reference.R: expected values of
# oba.trend_chisq_score_agg, the chi-squared test for trend in proportions
# with a score on every row, computed by base R 4.2.2 prop.trend.test(x, n,
# score) independently of oba:
#   Rscript test/reference/derive_trend_chisq_score_reference.R > test/reference/trend_chisq_score_reference.csv
# One CSV row per input row (case_id, row, score, x, n); the case's k, x2
# and p_value are repeated on each. NA: R's NA (every score the same, one
# row) or R's error (every proportion 0 or 1: the weights n / (p (1 - p))
# are infinite and lm.wfit stops), both undefined. Every statistic is
# cross-checked against
# Armitage's formula written out, [sum s (x - n p)]^2 / (p (1 - p) sum n (s
# - sbar)^2), to 1e-10 relative.
set.seed(20260315)
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
cases <- list()
add <- function(id, score, x, n, what) cases[[length(cases) + 1]] <<-
  list(id = id, score = score, x = x, n = n, what = what)

add("S01", 1:5, c(48, 41, 37, 30, 22), c(400, 410, 395, 405, 398),
    "deprivation quintiles 1 to 5, one row each")
q <- sample(1:5, 40, replace = TRUE)
nn <- sample(80:400, 40, replace = TRUE)
add("S02", q, rbinom(40, nn, 0.05 + 0.02 * q), nn,
    "40 LSOAs scored by their quintile: tied scores")
add("S03", c(2015, 2016, 2018, 2021), c(120, 131, 150, 171), c(1000, 1010, 1020, 1015),
    "years with gaps")
add("S04", c(2.5, 7.5, 12.5, 17.5), c(12, 20, 31, 45), c(250, 260, 240, 255),
    "age-band midpoints")
add("S05", 1:6, c(10.5, 12, 14.25, 13, 17.5, 19), c(100.5, 101.25, 99.75, 103, 98.5, 100),
    "fractional counts and totals")
yr <- 2001:2024
add("S06", yr, rbinom(24, 100000, 0.1 + 0.0001 * (yr - 2001)), rep(100000, 24),
    "24 years, totals of 100,000, a small trend")
add("S07", c(-2, -1, 0, 1, 2, -2, 1), c(5, 8, 9, 14, 15, 6, 12), c(50, 52, 49, 51, 50, 48, 47),
    "negative scores, ties")
add("S08", c(3, 3, 3), c(15, 10, 12), c(40, 38, 45), "every score the same: NA")
add("S09", 1:4, c(0, 0, 0, 0), c(40, 38, 45, 50), "no successes: R stops (infinite weights), NA")
add("S10", 7, 5, 20, "one row: NA")
sc <- round(runif(500, 0, 10), 1)
n5 <- sample(20:200, 500, replace = TRUE)
add("S11", sc, rbinom(500, n5, plogis(-2 + 0.08 * sc)), n5,
    "500 rows, scores 0 to 10 in tenths (many ties)")
add("S12", c(4, 1, 3, 2, 5), c(30, 48, 37, 41, 22), c(405, 400, 395, 410, 398),
    "S01's rows in another order")
add("S13", 1:8, c(40, 45, 43, 50, 52, 55, 61, 60), c(100, 100, 101, 99, 100, 102, 100, 98),
    "scores 1..8 in time order: trend_chisq_agg's default")
add("S14", c(1, 1, 2, 2), c(10, 10, 30, 30), c(100, 100, 100, 100),
    "two scores, each row pair the same")
add("S15", c(1e6 + 1, 1e6 + 2, 1e6 + 3, 1e6 + 2), c(11, 19, 30, 21), c(100, 100, 100, 100),
    "scores near 1e6")
add("S16", c(1, 2, 3), c(10, 20, 40), c(10, 20, 40), "every proportion 1: R stops (infinite weights), NA")

rows <- list()
for (cs in cases) {
  k <- length(cs$x)
  r <- tryCatch(suppressWarnings(prop.trend.test(cs$x, cs$n, cs$score)),
                error = function(e) NULL)
  x2 <- if (is.null(r)) NA else unname(r$statistic)
  p <- if (is.null(r)) NA else r$p.value
  pb <- sum(cs$x) / sum(cs$n)
  sbar <- sum(cs$n * cs$score) / sum(cs$n)
  d <- pb * (1 - pb) * sum(cs$n * (cs$score - sbar)^2)
  direct <- if (!is.na(d) && d > 0) sum(cs$score * (cs$x - cs$n * pb))^2 / d else NA
  stopifnot(identical(is.na(x2), is.na(direct)),
            is.na(x2) || abs(x2 - direct) <= 1e-10 * max(abs(x2), 1e-300))
  rows[[length(rows) + 1]] <- data.frame(
    case_id = cs$id, row = seq_len(k), score = fmt(cs$score), x = fmt(cs$x), n = fmt(cs$n),
    k = k, x2 = fmt(x2), p_value = fmt(p), description = cs$what)
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE)

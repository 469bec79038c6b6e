# derive_mean_reference.R: expected values of oba.mean_agg and oba.mean beyond
# the package's own examples (phe_mean_reference.csv), computed with base R
# 4.2.2 (stats) independently of oba:
#   Rscript test/reference/derive_mean_reference.R > test/reference/mean_reference.csv
# The method is PHEindicatormethods phe_mean's (METHODS.md 7): value =
# sum / count, stdev = sd() (divisor n - 1), limits value -/+
# |qt((1 - conf)/2, n - 1)| * sd / sqrt(n). Every row is cross-checked
# against t.test()'s one-sample interval, which must agree to 1e-12.
# The cases stress what a one-pass state can get wrong: values far from 0
# with a small spread (a naive sum of squares loses every digit), many
# values, mixed signs, constant values (sd 0) and NULLs (skipped; R's
# na.rm = TRUE, where the package would return NA).
set.seed(20260314)
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
cases <- list(
  list(id = "W01", x = round(1e9 + rnorm(1000, 0, 3), 6),
       what = "1000 values near 1e9, sd about 3"),
  list(id = "W02", x = round(rexp(2000, 1 / 250), 4),
       what = "2000 skewed values (exponential, mean 250)"),
  list(id = "W03", x = c(-40.5, 12.25, -3, 88, 0, -0.125, 17, -61.75, 5, 2.5, -19, 44.125),
       what = "mixed signs"),
  list(id = "W04", x = c(7, 7, 7, 7, 7), what = "constant values: sd 0, limits at the value"),
  list(id = "W05", x = round(5e7 + runif(300, -0.5, 0.5), 9),
       what = "300 values near 5e7, spread under 1"),
  list(id = "W06", x = c(3.5, NA, 8.25, 1, NA, 12, 6.5), what = "NULLs are skipped"),
  list(id = "W07", x = c(-1e6, 1e6), what = "two values far apart"),
  list(id = "W08", x = round(rnorm(50, 100, 15), 2), what = "50 values, normal(100, 15)")
)
levels <- c(0.95, 0.998, 0.9, 0.99)
rows <- list()
for (cs in cases) {
  v <- cs$x[!is.na(cs$x)]
  n <- length(v)
  s <- sum(v)
  value <- s / n
  sdv <- if (n > 1) sd(v) else NA
  for (conf in levels) {
    half <- if (n > 1) abs(qt((1 - conf) / 2, n - 1)) * sdv / sqrt(n) else NA
    lower <- value - half
    upper <- value + half
    if (n > 1 && sdv > 0) {
      tt <- t.test(v, conf.level = conf)$conf.int
      stopifnot(abs(tt[1] - lower) <= 1e-12 * max(1, abs(lower)),
                abs(tt[2] - upper) <= 1e-12 * max(1, abs(upper)))
    }
    rows[[length(rows) + 1]] <- data.frame(
      group_id = cs$id, confidence = conf, value_count = n, value_sum = fmt(s),
      stdev = fmt(sdv), value = fmt(value), lower = fmt(lower), upper = fmt(upper),
      values = paste(fmt(cs$x), collapse = ";"), description = cs$what)
  }
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE)

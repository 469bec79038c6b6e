# derive_funnel_points_reference.R: expected values of oba.funnel_points,
# computed in base R 4.2.2 by an independent implementation of
# PHEindicatormethods 2.1.0 calculate_funnel_points, written from its
# documentation ("For rate-based funnels: derive rate and annual population
# values for charting. Process removes rates where the rate type is dsr and
# the number of observed events are below 10."; it returns the rate as
# <rate>_chart and the annual population as denominator_derived) and from
# the package's derived denominator of calculate_funnel_limits (METHODS.md
# 6.1: multiplier x numerator / rate; for a crude rate with no events the
# denominator):
#   Rscript test/reference/derive_funnel_points_reference.R > test/reference/funnel_points_reference.csv
# Per record:
#   dsr:   numerator < 10: both NA; else rate at multiplier x numerator / rate / years_of_data;
#   crude: rate at (numerator == 0 ? denominator : multiplier x numerator / rate) / years_of_data.
# The package has no points function for proportions and ratios; oba draws
# them at (denominator, numerator / denominator x multiplier), which this
# script computes too (multiplier 100 for proportions, 1 for ratios), so
# that every statistic oba.funnel_points accepts is checked. The inputs are
# the records of phe_funnel_significance_reference.csv (the package's test
# data) with years_of_data 1 and 3 for rates, and a few synthetic records
# at the dsr boundary (9 and 10 events).
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
recs <- read.csv("test/reference/phe_funnel_significance_reference.csv", colClasses = "character")
recs <- recs[, c("dataset_id", "statistic", "subtype", "multiplier", "numerator", "denominator", "rate")]
for (col in c("multiplier", "numerator", "denominator", "rate"))
  recs[[col]] <- suppressWarnings(as.numeric(recs[[col]]))   # "NA" -> NA
synthetic <- data.frame(
  dataset_id = "FPT_synthetic_dsr_boundary", statistic = "rate", subtype = "dsr", multiplier = 1e5,
  numerator = c(9, 10, 11, 0, 150, 9.5),
  denominator = c(5000, 5000, 5200, 4800, 90000, 6000),
  rate = c(171.2, 195.37, 210.004, NA, 160.25, 150.5))
synthetic_crude <- data.frame(
  dataset_id = "FPT_synthetic_crude", statistic = "rate", subtype = "crude", multiplier = 1e4,
  numerator = c(0, 3, 9, 10, 250),
  denominator = c(1200, 1500, 2000, 2500, 61000),
  rate = c(0, 20, 45, 40, 40.983606557377051))
recs <- rbind(recs, synthetic, synthetic_crude)
rows <- list()
for (i in seq_len(nrow(recs))) {
  r <- recs[i, ]
  years <- if (r$statistic == "rate") c(1, 3) else 1
  for (y in years) {
    if (r$statistic == "proportion") {
      m <- 100; d <- r$denominator; v <- r$numerator / r$denominator * m
    } else if (r$statistic == "ratio") {
      m <- 1; d <- r$denominator; v <- r$numerator / r$denominator * m
    } else if (r$subtype == "dsr") {
      m <- r$multiplier
      if (r$numerator < 10) { d <- NA; v <- NA } else {
        d <- m * r$numerator / r$rate / y; v <- r$rate }
    } else {
      m <- r$multiplier
      d <- (if (r$numerator == 0) r$denominator else m * r$numerator / r$rate) / y
      v <- r$rate
    }
    rows[[length(rows) + 1]] <- data.frame(
      dataset_id = r$dataset_id, statistic = r$statistic, subtype = r$subtype, multiplier = m,
      years_of_data = y, numerator = fmt(r$numerator), denominator = fmt(r$denominator),
      rate = fmt(r$rate), chart_denominator = fmt(d), chart_value = fmt(v))
  }
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE)

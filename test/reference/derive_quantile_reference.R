# derive_quantile_reference.R: expected groups of oba.quantile_group(...,
# 'phe') (and oba.decile / oba.quintile), computed in base R 4.2.2 by an
# independent implementation of PHEindicatormethods phe_quantile's rule,
# written from the package's documentation and OHID's technical guidance
# "Assigning deprivation categories" (Fingertips):
#   Rscript test/reference/derive_quantile_reference.R > test/reference/quantile_reference.csv
# The rule, for each grouping set, with the missing values left out:
#   n = number of values; none is assigned when n < nquantiles;
#   adj = max(value) - value when invert (the default: the highest value in
#         quantile 1), else value;
#   rank = rank(adj, ties.method = "min");
#   quantile = floor((nquantiles + 1) - ceiling(((n + 1) - rank) / (n / nquantiles))),
#   and 1 where that is 0.
# So the groups are filled from the last rank back, and a tie takes the
# group of its first rank. One CSV row per value and (nquantiles, invert);
# the data sets are described below (dataset_id). Numbers are written with
# the fewest digits (15 or 17) that read back as the same float8.
set.seed(20260316)
fmt <- function(v) ifelse(is.na(v), "NA",
                          ifelse(suppressWarnings(as.numeric(sprintf("%.15g", v))) == v, sprintf("%.15g", v), sprintf("%.17g", v)))
phe_rule <- function(value, nq, invert) {
  out <- rep(NA_real_, length(value))
  ok <- !is.na(value)
  n <- sum(ok)
  if (n < nq) return(out)
  v <- value[ok]
  adj <- if (invert) max(v) - v else v
  rk <- rank(adj, ties.method = "min")
  q <- floor((nq + 1) - ceiling(((n + 1) - rk) / (n / nq)))
  q[q == 0] <- 1
  out[ok] <- q
  out
}
sets <- list()
add <- function(id, grp, value, what) sets[[length(sets) + 1]] <<-
  list(id = id, grp = grp, value = value, what = what)
# the package's example: 1,000 small areas in 4 regions, values 1..200 with ties
v <- as.numeric(sample(200, 1000, replace = TRUE))
reg <- rep(c("Region1", "Region2", "Region3", "Region4"), each = 250)
add("Q01", rep("all", 1000), v, "1,000 areas, values 1..200 (ties), one set")
add("Q02", reg, v, "the same in 4 regions of 250")
for (n in c(11, 23, 28, 56, 69, 101))
  add(sprintf("Q%02d", 3 + which(c(11, 23, 28, 56, 69, 101) == n)),
      rep("all", n), round(rnorm(n, 30, 8), 1), sprintf("%d areas (n not a multiple of 5 or 10)", n))
add("Q10", rep("all", 7), c(5, 3, 9, 1, 7, 2, 8), "7 areas: fewer than 10, no deciles")
add("Q11", rep("all", 30), c(NA, round(runif(25, 0, 50)), NA, NA, 12, NA), "30 rows, 5 missing")
add("Q12", rep("all", 100), as.numeric(sample(5, 100, replace = TRUE)), "100 areas, values 1..5: heavy ties")
add("Q13", rep("all", 20), as.numeric(20:1), "20 distinct values")
add("Q14", rep("all", 12), c(3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1), "12 areas, three tied blocks")
rows <- list()
for (s in sets) for (nq in c(10, 5, 4, 20, 3)) for (inv in c(TRUE, FALSE)) {
  if (length(s$value) >= 1000 && !(nq %in% c(10, 5))) next   # the large sets: deciles and quintiles
  q <- rep(NA_real_, length(s$value))
  for (g in unique(s$grp)) {
    i <- s$grp == g
    q[i] <- phe_rule(s$value[i], nq, inv)
  }
  rows[[length(rows) + 1]] <- data.frame(
    dataset_id = s$id, grp = s$grp, area = seq_along(s$value), value = fmt(s$value),
    nquantiles = nq, invert = inv, quantile = fmt(q))
}
write.csv(do.call(rbind, rows), stdout(), row.names = FALSE)

# derive_compare_reference.R: the expected values of oba.proportion_difference
# and oba.rate_ratio, computed with base R (stats), independently of oba:
#   Rscript test/reference/derive_compare_reference.R > test/reference/compare_reference.csv
# Proportion difference: Newcombe's hybrid score interval (method 10) from the
# Wilson intervals that prop.test(correct = FALSE) gives for each group; the
# p-value from fisher.test when the smallest expected count is under 5, from
# prop.test(correct = FALSE) otherwise. Rate ratio: poisson.test (exact
# conditional estimate and interval); its p-value is the central one, twice
# the smaller binomial tail, from pbinom.
cases <- read.table(header = TRUE, text = "
case x1 n1 x2 n2 confidence note
C01 56 70 48 80 0.95 Newcombe_1998_example_a
C02 9 10 3 10 0.95 Newcombe_1998_example_b
C03 6 7 2 7 0.95 Newcombe_1998_example_c
C04 5 56 0 29 0.95 Newcombe_1998_example_d
C05 0 10 0 20 0.95 Newcombe_1998_example_e
C06 0 10 0 10 0.95 Newcombe_1998_example_f
C07 10 10 0 20 0.95 Newcombe_1998_example_g
C08 10 10 0 10 0.95 Newcombe_1998_example_h
C09 231 402 198 410 0.95 this_year_against_last
C10 231 402 198 410 0.998 the_same_at_99.8
C11 3 120 9 130 0.95 small_counts_fisher
C12 2715 4937 3308 4937 0.95 large_groups
C13 12 4310 30 5120 0.95 rates_small
C14 0 2000 7 2100 0.95 rate_zero_first
C15 7 2100 0 2000 0.95 rate_zero_second
C16 1520 250000 1710 260000 0.95 rates_large
C17 4 900 4 900 0.95 equal
C18 30 100 5 100 0.998 different_at_99.8
")
wilson <- function(x, n, conf) {
  ci <- suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = conf)$conf.int)
  as.numeric(ci)
}
out <- do.call(rbind, lapply(seq_len(nrow(cases)), function(i) {
  r <- cases[i, ]
  x1 <- r$x1; n1 <- r$n1; x2 <- r$x2; n2 <- r$n2; conf <- r$confidence
  p1 <- x1 / n1; p2 <- x2 / n2
  w1 <- wilson(x1, n1, conf); w2 <- wilson(x2, n2, conf)
  d <- p1 - p2
  lo <- d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2)
  hi <- d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)
  tab <- matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE)
  emin <- min(outer(rowSums(tab), colSums(tab)) / sum(tab))
  if (emin < 5) {
    pd_p <- fisher.test(tab)$p.value; pd_method <- "newcombe_wilson; fisher_exact"
  } else {
    pd_p <- prop.test(c(x1, x2), c(n1, n2), correct = FALSE)$p.value
    pd_method <- "newcombe_wilson; z_test"
  }
  tot <- x1 + x2
  if (tot > 0) {
    pt <- poisson.test(c(x1, x2), c(n1, n2), conf.level = conf)
    rr <- if (x2 == 0) NA else unname(pt$estimate)
    rr_lo <- pt$conf.int[1]; rr_hi <- if (is.finite(pt$conf.int[2])) pt$conf.int[2] else NA
    p0 <- n1 / (n1 + n2)
    rr_p <- min(1, 2 * min(pbinom(x1, tot, p0), pbinom(x1 - 1, tot, p0, lower.tail = FALSE)))
  } else {
    rr <- NA; rr_lo <- NA; rr_hi <- NA; rr_p <- NA
  }
  data.frame(case = r$case, x1 = x1, n1 = n1, x2 = x2, n2 = n2, confidence = conf,
             pd_value = d, pd_lower = lo, pd_upper = hi, pd_p_value = pd_p,
             pd_method = pd_method, rr_value = rr, rr_lower = rr_lo,
             rr_upper = rr_hi, rr_p_value = rr_p, note = r$note)
}))
fmt <- function(v) if (is.numeric(v)) ifelse(is.na(v), "NA", sprintf("%.17g", v)) else v
out[] <- lapply(out, fmt)
write.csv(out, stdout(), row.names = FALSE, quote = FALSE)

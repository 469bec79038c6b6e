# derive_value_for_money_reference.R: cost per outcome, return on investment
# and present values computed with base R (stats), independently of oba:
#   Rscript test/reference/derive_value_for_money_reference.R
# writes test/reference/value_for_money_reference.csv and
# test/reference/present_value_reference.csv (17 significant digits).
#
# The method (METHODS.md 22): the outcome count x is Poisson, with exact
# limits qchisq((1 - c) / 2, 2x) / 2 and qchisq((1 + c) / 2, 2x + 2) / 2
# below 10 (checked here against poisson.test) and Byar's approximation from
# 10 (Breslow & Day 1987, as PHEindicatormethods phe_rate); the cost and the
# unit benefit are known. Cost per outcome cost / x with interval
# (cost / upper, cost / lower); return on investment x * unit_benefit / cost
# with interval (lower * unit_benefit / cost, upper * unit_benefit / cost).
# NA where undefined: no outcomes (value and the upper cost per outcome),
# the return of a cost of 0. Present value: amount / (1 + rate)^years.
# The inputs include the Enfield FASH figures of the DfE Innovation
# Programme's thematic report 5 (121 cases, 2,075 a case, an average benefit
# of 6,218; 246 cases a year for 769,735).
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

exact <- function(x, conf) c(qchisq((1 - conf) / 2, 2 * x) / 2, qchisq(conf + (1 - conf) / 2, 2 * x + 2) / 2)
byar <- function(x, conf) {
  z <- qnorm(conf + (1 - conf) / 2)
  c(x * (1 - 1 / (9 * x) - z / (3 * sqrt(x)))^3,
    (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * sqrt(x + 1)))^3)
}
limits <- function(x, conf) if (x < 10) exact(x, conf) else byar(x, conf)
for (x in 0:9) for (conf in c(0.8, 0.95, 0.998))
  stopifnot(isTRUE(all.equal(exact(x, conf), as.numeric(poisson.test(x, conf.level = conf)$conf.int),
                             tolerance = 1e-12)))

grid <- expand.grid(cost = c(0, 1500, 251075, 769735), outcomes = c(0, 1, 2.5, 3, 9, 10, 11, 121, 246, 5000),
                    unit_benefit = c(0, 250, 6218), confidence = c(0.8, 0.95, 0.998))
rows <- lapply(seq_len(nrow(grid)), function(i) {
  g <- grid[i, ]
  l <- limits(g$outcomes, g$confidence)
  cpo <- c(if (g$outcomes > 0) g$cost / g$outcomes else NA, g$cost / l[2], if (l[1] > 0) g$cost / l[1] else NA)
  roi <- if (g$cost > 0) c(g$outcomes, l[1], l[2]) * g$unit_benefit / g$cost else c(NA, NA, NA)
  data.frame(case = sprintf("V%03d", i), g, count_lower = l[1], count_upper = l[2],
             cpo_value = cpo[1], cpo_lower = cpo[2], cpo_upper = cpo[3],
             roi_value = roi[1], roi_lower = roi[2], roi_upper = roi[3])
})
vfm <- do.call(rbind, rows)

pv <- expand.grid(amount = c(-769735, -1500, 0, 1000, 750378), years = c(0, 0.5, 1, 2, 10, 30, 60),
                  discount_rate = c(0, 0.015, 0.035, 1))
pv$present_value <- pv$amount / (1 + pv$discount_rate)^pv$years
pv <- cbind(case = sprintf("P%03d", seq_len(nrow(pv))), pv)

num17 <- function(df) {
  for (j in seq_along(df))
    if (is.double(df[[j]])) df[[j]] <- ifelse(is.na(df[[j]]), NA, sprintf("%.17g", df[[j]]))
  df
}
write.csv(num17(vfm), file.path(here, "value_for_money_reference.csv"), row.names = FALSE, quote = FALSE)
write.csv(num17(pv), file.path(here, "present_value_reference.csv"), row.names = FALSE, quote = FALSE)
cat(nrow(vfm), "value-for-money rows,", nrow(pv), "present values\n")

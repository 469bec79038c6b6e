# derive_sii_reference.R: reference values for oba.sii_agg and oba.sii_se_agg
# (slope and relative index of inequality, METHODS.md 19), in base R 4.2.2,
# written from the method's description (Low & Low 2004; the documentation of
# PHEindicatormethods phe_sii), independently of oba:
#   Rscript test/reference/derive_sii_reference.R test/reference
# writes sii_reference_input.csv (the quantile rows of every case) and
# sii_reference.csv (one row per case) into the folder named.
#
# Point estimates (sii, rii, intercept) come from lm() on the square-root
# population-share weighted model y*sqrt(a) ~ sqrt(a) + b*sqrt(a) - 1, so they
# are exact (tested at 1e-9 relative).
#
# Confidence limits are simulated: each quantile's value is drawn from a
# normal distribution (mean the value, or its log / logit, sd the standard
# error), the model is refitted for every draw, and the limits are order
# statistics of the simulated slopes at positions round(R(1 - c)) and
# round(Rc), c = confidence + (1 - confidence)/2, R repetitions. R's own
# generator (Mersenne-Twister, inversion) makes the draws here; oba has its own
# (xoshiro256**), so a limit can only agree within Monte-Carlo error. Each case
# is simulated in BATCHES independent batches of R = 100,000 repetitions (oba's
# default); the reference limit is the mean of the batch limits and *_sd is
# their standard deviation: the Monte-Carlo error of one run of 100,000.
# For a value that is not a rate or proportion the slope of a draw is exactly
# normal, so *_analytic gives the limit of an infinite simulation,
# sii +- z sd(sii); the batch means are checked against it here.
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "."
BATCHES <- 20
REPS <- 100000
set.seed(20260614)

z95 <- qnorm(0.975)
logit <- function(p) log(p / (1 - p))
expit <- function(x) exp(x) / (1 + exp(x))
fwd <- function(v, type) switch(type, normal = v, rate = log(v), proportion = logit(v))
inv <- function(v, type) switch(type, normal = v, rate = exp(v), proportion = expit(v))

# Byar (x >= 10) or exact Poisson limits of a count, and Wilson's of a proportion
count_limits <- function(x) {
  if (x < 10) c(qchisq(0.025, 2 * x) / 2, qchisq(0.975, 2 * x + 2) / 2)
  else c(x * (1 - 1 / (9 * x) - z95 / (3 * sqrt(x)))^3,
         (x + 1) * (1 - 1 / (9 * (x + 1)) + z95 / (3 * sqrt(x + 1)))^3)
}
wilson <- function(x, n) {
  r <- z95 * sqrt(z95^2 + 4 * x * (1 - x / n))
  c((2 * x + z95^2 - r) / 2 / (n + z95^2), (2 * x + z95^2 + r) / 2 / (n + z95^2))
}

cases <- list()
add_case <- function(id, description, rows, input, type, transform = FALSE,
                     multiplier = 1, confidence = 0.95) {
  cases[[length(cases) + 1]] <<- list(id = id, description = description, rows = rows,
                                      input = input, type = type, transform = transform,
                                      multiplier = multiplier, confidence = confidence)
}

# 1. the example of the package's documentation (phe_sii, @examples): two areas
ex_pop <- list(c(7291, 7997, 6105, 7666, 5790, 6934, 5918, 5974, 7147, 7534),
               c(21675, 20065, 19750, 24713, 20112, 19618, 22408, 19752, 18939, 19312))
ex_val <- list(c(75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3),
               c(70.5, 71.6, 72.5, 73.5, 73.1, 76.2, 78.7, 80.6, 80.9, 80))
ex_lo <- list(c(72.7, 75.3, 80.9, 80.2, 77.1, 78, 79, 81.4, 75.8, 83.2),
              c(70.1, 71.1, 72, 73.1, 72.7, 75.7, 78.2, 80.1, 80.4, 79.5))
ex_hi <- list(c(79.1, 81.4, 86.8, 87.1, 83.8, 84.2, 84.4, 86.9, 85.4, 89.4),
              c(71, 72.1, 73.2, 73.7, 75.8, 78.8, 79.8, 81.2, 81.3, 80.9))
ex_se <- list(c(1.64, 1.58, 1.51, 1.78, 1.7, 1.56, 1.37, 1.4, 2.43, 1.57),
              c(0.23, 0.26, 0.3, 0.16, 0.79, 0.78, 0.4, 0.28, 0.23, 0.35))
for (a in 1:2) {
  rows <- data.frame(quantile = 1:10, population = ex_pop[[a]], value = ex_val[[a]],
                     lower = ex_lo[[a]], upper = ex_hi[[a]], se = ex_se[[a]])
  add_case(sprintf("doc_area%d_limits", a), "phe_sii example, value_type 0, limits", rows, "limits", "normal")
  add_case(sprintf("doc_area%d_se", a), "phe_sii example, value_type 0, se", rows, "se", "normal")
  add_case(sprintf("doc_area%d_rate_log", a), "phe_sii example as rates, transform", rows, "limits", "rate", TRUE)
  add_case(sprintf("doc_area%d_rate_log_998", a), "phe_sii example as rates, transform, 99.8%",
           rows, "limits", "rate", TRUE, 1, 0.998)
  add_case(sprintf("doc_area%d_rate", a), "phe_sii example as rates, no transform", rows, "limits", "rate")
}

# 2. rates per 100,000 by decile: Poisson counts, exact or Byar limits
rate_rows <- function(k, base, gradient, popmin, popmax) {
  pop <- round(runif(k, popmin, popmax))
  rate <- base * exp(gradient * (k:1 - 1) / (k - 1))
  x <- rpois(k, pop * rate / 1e5)
  x[x < 3] <- 3
  lim <- t(sapply(x, count_limits))
  data.frame(quantile = 1:k, population = pop, value = x / pop * 1e5,
             lower = lim[, 1] / pop * 1e5, upper = lim[, 2] / pop * 1e5, se = 1 / sqrt(x))
}
r1 <- rate_rows(10, 180, 0.9, 8000, 30000)
add_case("rate_dec", "rates, deciles, no transform", r1, "limits", "rate")
add_case("rate_dec_log", "rates, deciles, log transform", r1, "limits", "rate", TRUE)
add_case("rate_dec_log_neg", "rates, deciles, log transform, multiplier -1", r1, "limits", "rate", TRUE, -1)
add_case("rate_dec_neg", "rates, deciles, no transform, multiplier -1", r1, "limits", "rate", FALSE, -1)
add_case("rate_dec_se", "rates, deciles, se of log(rate)", r1, "se", "rate")
add_case("rate_dec_998", "rates, deciles, 99.8%", r1, "limits", "rate", FALSE, 1, 0.998)
r2 <- rate_rows(5, 40, 1.4, 2000, 6000)
add_case("rate_quin_small", "rates, quintiles, small counts", r2, "limits", "rate")
add_case("rate_quin_small_log", "rates, quintiles, small counts, log transform", r2, "limits", "rate", TRUE)
add_case("rate_quin_small_log_m", "rates, quintiles, log transform, multiplier 1000", r2, "limits", "rate", TRUE, 1000)

# 3. proportions by decile: binomial counts, Wilson limits
prop_rows <- function(k, p0, p1, nmin, nmax) {
  n <- round(runif(k, nmin, nmax))
  p <- seq(p0, p1, length.out = k)
  x <- rbinom(k, n, p)
  lim <- t(mapply(wilson, x, n))
  data.frame(quantile = 1:k, population = n, value = x / n, lower = lim[, 1], upper = lim[, 2],
             se = 1 / sqrt(n * (x / n) * (1 - x / n)))
}
p1 <- prop_rows(10, 0.32, 0.12, 900, 2500)
add_case("prop_dec", "proportions, deciles, no transform, multiplier 100", p1, "limits", "proportion", FALSE, 100)
add_case("prop_dec_logit", "proportions, deciles, logit transform, multiplier 100", p1, "limits", "proportion", TRUE, 100)
add_case("prop_dec_logit_neg", "proportions, deciles, logit transform, multiplier -100", p1, "limits", "proportion", TRUE, -100)
add_case("prop_dec_se", "proportions, deciles, se of logit(p)", p1, "se", "proportion")
add_case("prop_dec_99", "proportions, deciles, 99%", p1, "limits", "proportion", FALSE, 1, 0.99)
p2 <- prop_rows(5, 0.55, 0.85, 300, 800)
add_case("prop_quin", "proportions, quintiles, rising", p2, "limits", "proportion")
add_case("prop_quin_logit", "proportions, quintiles, rising, logit transform", p2, "limits", "proportion", TRUE)

# 4. other values (value_type 0): quintiles, 20 and 100 quantiles, negative
#    multiplier, 90% and 99.8%, an almost flat gradient, labels not 1..k
norm_rows <- function(k, v0, v1, sdmin, sdmax, popmin, popmax) {
  pop <- round(runif(k, popmin, popmax))
  v <- seq(v0, v1, length.out = k) + rnorm(k, 0, (sdmin + sdmax) / 4)
  se <- runif(k, sdmin, sdmax)
  data.frame(quantile = 1:k, population = pop, value = v, lower = v - z95 * se,
             upper = v + z95 * se, se = se)
}
n5 <- norm_rows(5, 58, 66, 0.8, 1.6, 20000, 60000)
add_case("norm_quin", "value_type 0, quintiles", n5, "limits", "normal")
add_case("norm_quin_neg", "value_type 0, quintiles, multiplier -1", n5, "limits", "normal", FALSE, -1)
add_case("norm_quin_90", "value_type 0, quintiles, 90%", n5, "se", "normal", FALSE, 1, 0.9)
n20 <- norm_rows(20, 12.5, 7.5, 0.3, 0.9, 3000, 9000)
add_case("norm_20", "value_type 0, 20 quantiles", n20, "se", "normal")
add_case("norm_20_998", "value_type 0, 20 quantiles, 99.8%", n20, "limits", "normal", FALSE, 1, 0.998)
n100 <- norm_rows(100, 200, 260, 4, 12, 500, 1500)
add_case("norm_100", "value_type 0, 100 quantiles", n100, "se", "normal")
flat <- norm_rows(10, 50, 50.05, 0.5, 1, 10000, 12000)
add_case("norm_flat", "value_type 0, no gradient", flat, "limits", "normal")
odd <- norm_rows(7, 30, 24, 0.4, 0.7, 4000, 16000)
odd$quantile <- c(3, 7, 11, 20, 21, 40, 99)
odd <- odd[c(4, 1, 7, 2, 6, 3, 5), ]
add_case("norm_labels", "value_type 0, 7 quantiles labelled 3..99, rows shuffled", odd, "limits", "normal")

# ---- the method -------------------------------------------------------------

position <- function(conf, reps) {
  cv <- conf + (1 - conf) / 2
  c(round(reps * (1 - cv)), round(reps * cv))
}

fit <- function(cs) {
  r <- cs$rows[order(cs$rows$quantile), ]
  a <- r$population / sum(r$population)
  b <- cumsum(a) - a / 2
  t <- fwd(r$value, cs$type)
  se <- if (cs$input == "se") r$se else (fwd(r$upper, cs$type) - fwd(r$lower, cs$type)) / (2 * z95)
  y <- if (cs$transform) t else r$value
  d <- data.frame(yv = sqrt(a) * y, sa = sqrt(a), bsa = b * sqrt(a))
  co <- coef(lm(yv ~ sa + bsa - 1, data = d))
  X <- cbind(sqrt(a), b * sqrt(a))
  list(r = r, a = a, b = b, t = t, se = se, b0 = unname(co[1]), b1 = unname(co[2]),
       X = X, W = solve(crossprod(X), t(X)))
}

point <- function(cs, f) {
  m <- cs$multiplier
  if (!cs$transform) {
    rii <- (f$b0 + f$b1) / f$b0
    c(intercept = f$b0 * abs(m), sii = m * f$b1, rii = if (m < 0) 1 / rii else rii)
  } else {
    y0 <- inv(f$b0, cs$type); y1 <- inv(f$b0 + f$b1, cs$type)
    c(intercept = y0 * abs(m), sii = (y1 - y0) * m, rii = if (m < 0) y0 / y1 else y1 / y0)
  }
}

# one batch of REPS draws: the limits as oba computes them
batch <- function(cs, f) {
  k <- length(f$t)
  draws <- f$t + f$se * matrix(rnorm(k * REPS), nrow = k)
  if (!cs$transform) draws <- inv(draws, cs$type)
  co <- f$W %*% (sqrt(f$a) * draws)
  pos <- position(cs$confidence, REPS)
  m <- cs$multiplier
  if (!cs$transform) {
    s <- sort(m * co[2, ])
    ri <- (co[1, ] + co[2, ]) / co[1, ]
    if (m < 0) ri <- 1 / ri
    ri <- sort(ri)
    c(s[pos], ri[pos])
  } else {
    sl <- sort(co[2, ])[pos]
    h <- f$b0 + f$b1 / 2
    g <- function(s) inv(h + s / 2, cs$type) - inv(h - s / 2, cs$type)
    r <- function(s) inv(h + s / 2, cs$type) / inv(h - s / 2, cs$type)
    if (m >= 0) c(m * g(sl[1]), m * g(sl[2]), r(sl[1]), r(sl[2]))
    else c(m * g(sl[2]), m * g(sl[1]), 1 / r(sl[2]), 1 / r(sl[1]))
  }
}

input_rows <- list()
out <- list()
for (cs in cases) {
  f <- fit(cs)
  p <- point(cs, f)
  lims <- t(replicate(BATCHES, batch(cs, f)))
  ref <- colMeans(lims)
  sds <- apply(lims, 2, sd)
  an <- c(NA, NA)
  if (cs$type == "normal" && !cs$transform) {
    cv <- cs$confidence + (1 - cs$confidence) / 2
    sd_slope <- abs(cs$multiplier) * sqrt(sum((f$W[2, ] * sqrt(f$a) * f$se)^2))
    an <- c(p[["sii"]] - qnorm(cv) * sd_slope, p[["sii"]] + qnorm(cv) * sd_slope)
    off <- abs(ref[1:2] - an) / (sds[1:2] / sqrt(BATCHES))
    if (any(off > 5))
      message(sprintf("%s: batch means %.6g %.6g, analytic %.6g %.6g", cs$id, ref[1], ref[2], an[1], an[2]))
  }
  ir <- cs$rows
  if (cs$input == "se") ir$lower <- ir$upper <- NA else ir$se <- NA
  input_rows[[length(input_rows) + 1]] <- data.frame(group_id = cs$id, ir)
  out[[length(out) + 1]] <- data.frame(
    group_id = cs$id, description = cs$description, input = cs$input, value_type = cs$type,
    transform = cs$transform, multiplier = cs$multiplier, confidence = cs$confidence,
    repetitions = REPS, quantiles = nrow(cs$rows), population = sum(cs$rows$population),
    intercept = p[["intercept"]], sii = p[["sii"]], rii = p[["rii"]],
    sii_lower = ref[1], sii_upper = ref[2], rii_lower = ref[3], rii_upper = ref[4],
    sii_lower_sd = sds[1], sii_upper_sd = sds[2], rii_lower_sd = sds[3], rii_upper_sd = sds[4],
    sii_lower_analytic = an[1], sii_upper_analytic = an[2], batches = BATCHES)
}
inp <- do.call(rbind, input_rows)
res <- do.call(rbind, out)
num <- function(d) {
  for (n in names(d)) if (is.double(d[[n]])) d[[n]] <- ifelse(is.na(d[[n]]), NA, sprintf("%.17g", d[[n]]))
  d
}
write.csv(num(inp), file.path(outdir, "sii_reference_input.csv"), row.names = FALSE, na = "NA")
write.csv(num(res), file.path(outdir, "sii_reference.csv"), row.names = FALSE, na = "NA")

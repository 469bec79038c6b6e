# derive_trend_tests_reference.R: expected values of the trend tests added in
# issue 14 (METHODS.md 10.1-10.3, 14.1, 14.2), computed in base R 4.2.2
# independently of oba, from the papers:
#   Hamed and Rao (1998), J. Hydrol. 204: the Mann-Kendall variance corrected
#     for autocorrelation of the ranks of the detrended series;
#   Yue and Wang (2002), Water Resour. Res. 38(6): trend-free pre-whitening;
#   Hirsch, Slack and Smith (1982), Water Resour. Res. 18(1): the seasonal
#     Kendall test and the seasonal Kendall slope estimator;
#   Pettitt (1979), Appl. Statist. 28(2): the change-point statistic U;
#   Muggeo (2003) Stat. Med. 22 and Davies (1987, 2002): the continuous broken
#     line with an estimated breakpoint, and Davies' test. The breakpoint is
#     found here by an exact search (every data interval's stationary point and
#     every knot), not by segmented's iteration; segmented 1.6.2 (Debian
#     r-cran-segmented) is run from that estimate as a cross-check, and its
#     davies.test too, and the differences are printed to stderr.
# Run from the repository root:
#   Rscript test/reference/derive_trend_tests_reference.R
# writes test/reference/trend_tests_series.csv (the generated series) and
# test/reference/trend_tests_reference.csv (every method on the T series of
# trend_series.csv and on the generated series).
suppressPackageStartupMessages(library(segmented))
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20260214)

# ---- the inputs --------------------------------------------------------------

given <- read.csv("test/reference/trend_series.csv", stringsAsFactors = FALSE)
given <- given[grepl("^T", given$series_id), c("series_id", "t", "value")]
given$date <- NA_character_
given$season <- NA_integer_

ar1 <- function(n, phi, sd = 1) {
  e <- rnorm(n + 50, sd = sd)
  x <- numeric(n + 50)
  for (i in 2:(n + 50)) x[i] <- phi * x[i - 1] + e[i]
  x[-(1:50)]
}
years <- function(y, m) y + (m - 1) / 12     # oba.date_to_years of the first of a month
monthly <- function(y0, n) {
  m <- (0:(n - 1)) %% 12 + 1
  y <- y0 + (0:(n - 1)) %/% 12
  data.frame(t = years(y, m), date = sprintf("%04d-%02d-01", y, m), month = m)
}
make <- function(id, t, value, date = NA_character_, season = NA_integer_)
  data.frame(series_id = id, t = t, value = value, date = date, season = season,
             stringsAsFactors = FALSE)

gen <- list()
# A: autocorrelated series
gen$A01 <- make("A01", 1:60, 10 + 0.05 * (1:60) + ar1(60, 0.7))
m <- monthly(2015, 60)
gen$A02 <- make("A02", m$t, round(50 + ar1(60, 0.5, 2), 1), m$date, m$month)
x <- 100 - 0.03 * (1:48) + ar1(48, -0.4)
x[c(7, 20, 33)] <- NA
gen$A03 <- make("A03", 1970 + 1:48, x)
gen$A04 <- make("A04", 1:30, round(5 + 0.1 * (1:30) + rnorm(30, sd = 1.5)))
gen$A05 <- make("A05", 1:100, 0.02 * (1:100) + ar1(100, 0.9))
# S: seasonal series (monthly, quarterly, seasons given)
m <- monthly(2012, 120)
x <- round(20 + 0.3 * (m$t - 2012) + 5 * sin(2 * pi * m$month / 12) + rnorm(120), 1)
x[c(5, 17, 58, 59, 101)] <- NA
gen$S01 <- make("S01", m$t, x, m$date, m$month)
q <- data.frame(y = rep(2010:2022, each = 4), m = rep(c(1, 4, 7, 10), 13))
x <- rpois(52, 60 - 0.8 * (q$y - 2010) + 10 * (q$m == 1) - 6 * (q$m == 7))
gen$S02 <- make("S02", years(q$y, q$m), x, sprintf("%04d-%02d-01", q$y, q$m), q$m)
tt <- 1:40
x <- round(3 + 0.05 * tt + c(0, 2, -1, 1)[(tt - 1) %% 4 + 1] + rnorm(40, sd = 0.5), 1)
x[c(3, 22)] <- NA
gen$S03 <- make("S03", tt * 0.25, x, NA_character_, c(2L, 7L, 9L, 11L)[(tt - 1) %% 4 + 1])
# C: change points
gen$C01 <- make("C01", 1:50, round(c(rnorm(25, 10), rnorm(25, 12)), 2))
gen$C02 <- make("C02", 1:40, rnorm(40, 5))
gen$C03 <- make("C03", 2001:2030, c(rpois(12, 8), rpois(18, 4)))
# B: broken lines
tt <- 1:30
gen$B01 <- make("B01", tt, 5 + ifelse(tt < 12.5, tt, 12.5 - 0.5 * (tt - 12.5)) + rnorm(30, sd = 0.6))
m <- monthly(2018, 48)
gen$B02 <- make("B02", m$t, round(70 - 0.5 * (m$t - 2018) - 3 * pmax(m$t - 2020.3, 0) + rnorm(48, sd = 0.4), 2),
                m$date, m$month)
gen$B03 <- make("B03", 1:25, 3 + 0.4 * (1:25) + rnorm(25, sd = 0.5))
gen <- do.call(rbind, gen)
rownames(gen) <- NULL

out_series <- gen
out_series$t <- sprintf("%.17g", out_series$t)
out_series$value <- ifelse(is.na(gen$value), NA, sprintf("%.17g", gen$value))
write.csv(out_series, "test/reference/trend_tests_series.csv", row.names = FALSE, na = "NA")

all_series <- rbind(given, gen)

# ---- the methods, from the papers -------------------------------------------

mk_S <- function(x) {
  n <- length(x); s <- 0
  for (i in seq_len(n - 1)) s <- s + sum(sign(x[(i + 1):n] - x[i]))
  s
}
mk_var18 <- function(x) {         # 18 Var(S): an integer
  n <- length(x); g <- table(x); g <- g[g > 1]
  n * (n - 1) * (2 * n + 5) - sum(g * (g - 1) * (2 * g + 5))
}
mk_var <- function(x) mk_var18(x) / 18
z_cc <- function(S, v) if (S > 0) (S - 1) / sqrt(v) else if (S < 0) (S + 1) / sqrt(v) else 0
p_two <- function(z) 2 * pnorm(-abs(z))
pair_slopes <- function(t, x) {
  n <- length(x); d <- c()
  for (i in seq_len(n - 1)) d <- c(d, (x[(i + 1):n] - x[i]) / (t[(i + 1):n] - t[i]))
  d
}
med <- function(d) {      # the middle one, or the two middle ones' mean in float8
  d <- sort(d); N <- length(d)
  if (N %% 2 == 1) d[(N + 1) / 2] else (d[N / 2] + d[N / 2 + 1]) / 2
}
sen <- function(t, x) med(pair_slopes(t, x))

# Hamed and Rao (1998): detrend by the Sen slope on the actual times (as
# x - b (t - t1)), rank (mean ranks for ties), autocorrelations of the ranks
# r_k = sum_{i<=n-k} z_i z_{i+k} / sum z_i^2 (z the centred ranks, as R's
# acf), lags 1..L (L = n - 1, or max_lag), counted when |r_k| exceeds
# qnorm(1 - alpha/2)/sqrt(n); n/n* = 1 + 2/(n(n-1)(n-2)) sum (n-k)(n-k-1)(n-k-2) r_k.
hamed_rao <- function(t, x, alpha = 0.05, max_lag = NA) {
  n <- length(x)
  r <- list(n_used = n)
  if (n < 3) return(r)
  S <- mk_S(x); v <- mk_var(x); b <- sen(t, x)
  r$S <- S; r$varS <- v; r$sen_slope <- b
  L <- if (is.na(max_lag)) n - 1 else min(max_lag, n - 1)
  r$lags <- L
  e <- x - b * (t - t[1])
  z <- rank(e) - (n + 1) / 2
  c0 <- sum(z^2)
  if (c0 == 0) {
    r$lags_significant <- NA; r$correction <- NA; r$n_effective <- NA; r$varS_corrected <- NA
    if (v == 0) { r$z <- 0; r$p <- 1 } else { r$z <- NA; r$p <- NA }
    return(r)
  }
  k <- 1:L
  rk <- sapply(k, function(j) sum(z[1:(n - j)] * z[(j + 1):n]) / c0)
  sig <- abs(rk) > qnorm(1 - alpha / 2) / sqrt(n)
  corr <- 1 + 2 / (n * (n - 1) * (n - 2)) * sum(((n - k) * (n - k - 1) * (n - k - 2) * rk)[sig])
  r$lags_significant <- sum(sig)
  r$correction <- corr
  r$n_effective <- if (corr > 0) n / corr else NA
  r$varS_corrected <- v * corr
  if (v == 0) { r$z <- 0; r$p <- 1 }
  else if (corr > 0) { r$z <- z_cc(S, v * corr); r$p <- p_two(r$z) }
  else { r$z <- NA; r$p <- NA }
  r
}

# Yue and Wang (2002), trend-free pre-whitening: e = x - b (t - t1) with the
# Sen slope b; r1 the lag-1 autocorrelation of e (as R's acf); the
# pre-whitened e_{i+1} - r1 e_i with the trend put back, + b (t_{i+1} - t1);
# Mann-Kendall on those n - 1 values.
tfpw <- function(t, x) {
  n <- length(x)
  r <- list(n_used = n)
  if (n < 4) return(r)
  b <- sen(t, x)
  e <- x - b * (t - t[1])
  d <- e - mean(e)
  den <- sum(d^2)
  r1 <- if (den > 0) sum(d[-n] * d[-1]) / den else NA
  w <- (e[-1] - (if (is.na(r1)) 0 else r1) * e[-n]) + b * (t[-1] - t[1])
  S <- mk_S(w); v <- mk_var(w)
  r$lag1 <- r1; r$n_prewhitened <- n - 1; r$S <- S; r$varS <- v
  if (v > 0) { r$z <- z_cc(S, v); r$p <- p_two(r$z) } else { r$z <- 0; r$p <- 1 }
  r$sen_slope <- b
  r
}

# Hirsch, Slack and Smith (1982): S and Var(S) (ties within a season) summed
# over the seasons (the numerators 18 Var(S), then / 18); z with the continuity correction; the seasonal Kendall
# slope, the median of every within-season pairwise slope (actual times).
seasonal <- function(t, x, season) {
  n <- length(x)
  r <- list(n_used = n)
  S <- 0; v <- 0; d <- c(); N <- 0; used <- 0
  for (g in sort(unique(season))) {
    i <- which(season == g); i <- i[order(t[i])]
    if (length(i) < 2) next
    used <- used + 1
    S <- S + mk_S(x[i]); v <- v + mk_var18(x[i])
    d <- c(d, pair_slopes(t[i], x[i])); N <- N + length(i) * (length(i) - 1) / 2
  }
  r$seasons <- used
  if (N == 0) return(r)
  v <- v / 18
  r$S <- S; r$varS <- v; r$n_pairs <- N
  if (v > 0) { r$z <- z_cc(S, v); r$p <- p_two(r$z) } else { r$z <- 0; r$p <- 1 }
  r$tau <- S / N
  r$sen_slope <- med(d)
  r
}

# Pettitt (1979): U_t = sum_{i<=t} sum_{j>t} sign(x_i - x_j), t = 1..n-1,
# K = max |U_t| (the first t reaching it; none when K = 0), p = min(1, 2 exp(-6 K^2/(n^3 + n^2))).
pettitt <- function(t, x) {
  n <- length(x)
  r <- list(n_used = n)
  if (n < 3) return(r)
  U <- sapply(1:(n - 1), function(k) sum(sign(outer(x[1:k], x[(k + 1):n], "-"))))
  k <- which.max(abs(U))
  r$U <- U[k]; r$K <- abs(U[k])
  r$p <- min(1, 2 * exp(-6 * r$K^2 / (n^3 + n^2)))
  if (r$K == 0) { r$break_index <- NA; r$t_last_before <- NA; r$t_first_after <- NA; return(r) }
  r$break_index <- k; r$t_last_before <- t[k]; r$t_first_after <- t[k + 1]
  r
}

# The continuous broken line y = b0 + b1 t + b2 (t - psi)+ with psi the
# least-squares breakpoint over [t_(h), t_(n-h+1)]: on each data interval
# [t_k, t_(k+1)] the best psi is where the separate least-squares lines of
# points 1..k and k+1..n cross, when they cross inside it, else an end; so
# every such crossing and every knot is a candidate, each refitted as a
# broken line by lm.fit, and the least residual sum of squares wins (the
# first, the smallest psi, on a tie). Inference as segmented: the covariance
# s^2 (X'X)^-1 of X = [1, t, (t - psi)+, -b2 1(t > psi)], s^2 = RSS/(n - 4);
# psi's standard error is that of the last coefficient; psi +- qt(0.975, n - 4) se.
# Davies' test (Davies 2002 for the linear model, as segmented's davies.test
# with k = 10): at 10 equally spaced psi from t_(2) to t_(n-1) the t of b2,
# M = max |t|, V = sum |diff(asin(sqrt(Z^2/(Z^2 + RSS))))|, Z^2 = b2^2/(X'X)^-1_33,
# p = min(1, 2 [P(T_{n-3} > M) + V (1 - u)^((n-4)/2) G((n-2)/2) / (2 G((n-3)/2) sqrt(pi))]),
# u = M^2/(n - 3 + M^2).
rss_of <- function(X, y) { f <- lm.fit(X, y); sum(f$residuals^2) }
line_fit <- function(t, y) { f <- lm.fit(cbind(1, t), y); f$coefficients }
davies <- function(t, y, k = 10) {
  n <- length(y); ts <- sort(t); df <- n - 3
  vals <- seq(ts[2], ts[n - 1], length.out = k)
  stat <- w <- rep(NA, k)
  for (i in 1:k) {
    X <- cbind(pmax(t - vals[i], 0), 1, t - vals[i])   # centred: the hinge's t is the same, the inverse accurate
    XtXi <- chol2inv(qr.R(qr(X)))
    b <- drop(XtXi %*% crossprod(X, y))
    rss <- sum((y - X %*% b)^2)
    stat[i] <- b[1] / (sqrt(rss / df) * sqrt(XtXi[1, 1]))
    Z2 <- b[1]^2 / XtXi[1, 1]
    w[i] <- Z2 / (Z2 + rss)
  }
  V <- sum(abs(diff(asin(sqrt(w)))))
  M <- max(abs(stat))
  if (is.infinite(M)) return(list(p = 0, best = vals[which.max(abs(stat))]))  # a hinge fits exactly
  u <- M^2 / (df + M^2)
  a <- V * (1 - u)^((df - 1) / 2) * gamma(df / 2 + 0.5) / (2 * gamma(df / 2) * sqrt(pi))
  list(p = min(1, 2 * (pt(M, df, lower.tail = FALSE) + a)), best = vals[which.max(abs(stat))])
}
broken_line <- function(t, y, h = 3) {
  n <- length(y)
  r <- list(n_used = n)
  if (n >= 5) {
    rss0 <- rss_of(cbind(1, t), y)
    if (rss0 > 1e-20 * sum((y - mean(y))^2)) r$davies_p <- davies(t, y)$p
    else return(r)
  }
  if (n < max(5, 2 * h)) return(r)
  cand <- c()
  for (k in h:(n - h)) {
    L <- line_fit(t[1:k], y[1:k]); R <- line_fit(t[(k + 1):n], y[(k + 1):n])
    cand <- c(cand, t[k])
    if (L[2] != R[2]) {
      psi <- unname((R[1] - L[1]) / (L[2] - R[2]))
      if (psi > t[k] && psi < t[k + 1]) cand <- c(cand, psi)
    }
  }
  cand <- c(cand, t[n - h + 1])
  rss <- sapply(cand, function(p) rss_of(cbind(1, t, pmax(t - p, 0)), y))
  psi <- cand[which.min(rss)]
  U <- pmax(t - psi, 0)
  b <- lm.fit(cbind(1, t, U), y)$coefficients
  res <- y - cbind(1, t, U) %*% b
  df <- n - 4; s2 <- sum(res^2) / df
  X <- cbind(1, t, U, -b[3] * (t > psi))
  Vc <- s2 * chol2inv(qr.R(qr(X)))
  se <- sqrt(diag(Vc))
  q <- qt(0.975, df)
  r$df <- df
  r$n_before <- sum(t <= psi); r$n_after <- sum(t > psi)
  r$psi <- psi; r$psi_se <- se[4]; r$psi_lower <- psi - q * se[4]; r$psi_upper <- psi + q * se[4]
  r$intercept <- b[1]; r$intercept_se <- se[1]
  r$slope_before <- b[2]; r$slope_before_se <- se[2]
  r$slope_after <- b[2] + b[3]; r$slope_after_se <- sqrt(Vc[2, 2] + Vc[3, 3] + 2 * Vc[2, 3])
  r$slope_change <- b[3]; r$slope_change_se <- se[3]
  r$sigma <- sqrt(s2)
  # cross-check: segmented 1.6.2 from the estimate, and its davies.test
  fit0 <- lm(y ~ t)
  sg <- tryCatch(segmented(fit0, seg.Z = ~t, psi = psi, control = seg.control(n.boot = 0)),
                 error = function(e) NULL)
  if (!is.null(sg) && !is.null(sg$psi)) {
    rss_sg <- rss_of(cbind(1, t, pmax(t - sg$psi[1, 2], 0)), y)
    message(sprintf("  segmented 1.6.2: psi %.12g (own %.12g), RSS %.12g (own %.12g), se %.12g (own %.12g), davies %.12g (own %.12g)",
                    sg$psi[1, 2], psi, rss_sg, sum(res^2), sg$psi[1, 3], se[4],
                    tryCatch(davies.test(fit0, seg.Z = ~t, k = 10)$p.value, error = function(e) NA), r$davies_p))
  } else message("  segmented 1.6.2: no breakpoint from the estimate")
  r
}

# ---- run every method on every series ---------------------------------------

rows <- list()
emit <- function(id, method, params, res, authority) {
  for (nm in names(res)) {
    v <- res[[nm]]
    rows[[length(rows) + 1]] <<- data.frame(
      series_id = id, method = method, params = params, output = nm,
      value = if (is.na(v)) "NA" else sprintf("%.17g", unname(v)),
      authority = authority, note = "", stringsAsFactors = FALSE)
  }
}
for (id in unique(all_series$series_id)) {
  s <- all_series[all_series$series_id == id & !is.na(all_series$value), ]
  s <- s[order(s$t), ]
  t <- s$t; x <- s$value
  message(id)
  emit(id, "hamed_rao", "alpha = 0.05, every lag", hamed_rao(t, x),
       "base R from Hamed and Rao (1998)")
  if (id %in% c("A01", "A03", "A05", "T26", "S01"))
    emit(id, "hamed_rao", "alpha = 0.1, lags 1..3", hamed_rao(t, x, 0.1, 3),
         "base R from Hamed and Rao (1998)")
  emit(id, "tfpw", "trend-free pre-whitening", tfpw(t, x), "base R from Yue and Wang (2002)")
  emit(id, "pettitt", "", pettitt(t, x), "base R from Pettitt (1979)")
  emit(id, "broken_line", "min_segment = 3", broken_line(t, x),
       "base R: exact least squares search; Davies (2002); cross-checked with segmented 1.6.2")
  if (id %in% c("B01", "T26"))
    emit(id, "broken_line", "min_segment = 8", broken_line(t, x, 8),
         "base R: exact least squares search; Davies (2002)")
  if (!all(is.na(s$season)))
    emit(id, "seasonal_mann_kendall", "season", seasonal(t, x, s$season),
         "base R from Hirsch, Slack and Smith (1982)")
}
out <- do.call(rbind, rows)
write.csv(out, "test/reference/trend_tests_reference.csv", row.names = FALSE)
message(nrow(out), " rows")

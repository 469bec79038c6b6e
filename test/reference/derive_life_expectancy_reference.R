# derive_life_expectancy_reference.R: reference values for
# oba.life_expectancy_agg (METHODS.md 20), in base R 4.2.2, written from the
# method's description (Chiang 1968/1984, abridged life table, method II;
# Silcocks, Jenner & Reza 2001 for the variance of the last, open band; the PHE
# life expectancy calculator and the documentation of PHEindicatormethods
# phe_life_expectancy for the age bands, a0 = 0.1 and the rules of
# suppression), independently of oba:
#   Rscript test/reference/derive_life_expectancy_reference.R test/reference
# writes life_expectancy_reference_input.csv (the band rows of every case)
# and life_expectancy_reference.csv (one row per case, starting age and
# confidence) into the folder named.
#
# Before writing, the implementation is checked against the worked numbers of
# the package's own tests (tests/testthat/testLifeExpectancy.R: answer1, from
# the PHE calculator with z = 1.96, and answer_widecis), which it must
# reproduce to 1e-8.
args <- commandArgs(trailingOnly = TRUE)
outdir <- if (length(args) >= 1) args[1] else "."
set.seed(20260615)

AGES <- c(0, 1, seq(5, 90, 5))
K <- length(AGES)

# One group's life table: value, se, lower, upper at every starting age, and
# why a value is missing (note). D, P: deaths and population in AGES order.
life_table <- function(D, P, confidence) {
  out <- data.frame(start_age = AGES, value = NA_real_, se = NA_real_, lower = NA_real_,
                    upper = NA_real_, population = rev(cumsum(rev(P))),
                    deaths = rev(cumsum(rev(D))), note = NA_character_)
  group_note <- if (any(P <= 0)) "population of an age band is 0"
                else if (any(D > P)) "deaths exceed population in an age band"
                else if (sum(P) <= 5000) "total population 5000 or less"
                else if (D[K] == 0) "no deaths in the 90+ band"
                else NA
  if (!is.na(group_note)) {
    out$note <- group_note
    return(out)
  }
  z <- qnorm(confidence + (1 - confidence) / 2)
  n <- diff(AGES)                           # widths of the closed bands
  a <- c(0.1, rep(0.5, K - 2))              # fraction of the band lived by those who die in it
  M <- D / P
  q <- numeric(K)
  for (i in 1:(K - 1)) {
    # Chiang's q = nM / (1 + (1 - a) nM), at most 1: reached when a nM = 1
    q[i] <- if (D[i] * n[i] * a[i] <= P[i]) n[i] * M[i] / (1 + (1 - a[i]) * n[i] * M[i]) else 1
  }
  q[K] <- 1
  l <- numeric(K)
  l[1] <- 100000
  for (i in 2:K) l[i] <- l[i - 1] * (1 - q[i - 1])
  Lx <- numeric(K)
  for (i in 1:(K - 1)) Lx[i] <- n[i] * (l[i + 1] + a[i] * (l[i] - l[i + 1]))
  Lx[K] <- l[K] / M[K]
  e <- numeric(K)
  for (i in 1:K) e[i] <- if (l[i] == 0) 0 else sum(Lx[i:K]) / l[i]
  # variance of q (Chiang), and of the open band's 1/M (Silcocks et al.)
  vq <- ifelse(D > 0, q^2 * (1 - q) / D, 0)
  w <- numeric(K)
  for (i in 1:(K - 1)) w[i] <- l[i]^2 * vq[i] * ((1 - a[i]) * n[i] + e[i + 1])^2
  w[K] <- (l[K] / 2)^2 * 4 / (D[K] * M[K]^2)
  for (i in 1:K) {
    if (l[i] == 0) {
      out$value[i] <- 0
      out$note[i] <- "no survivors to this age"
      next
    }
    se <- sqrt(sum(w[i:K]) / l[i]^2)
    out$se[i] <- se
    out$lower[i] <- e[i] - z * se
    out$upper[i] <- e[i] + z * se
    if (qnorm(0.975) * se > 10) out$note[i] <- "confidence interval wider than 20 years"
    else out$value[i] <- e[i]
  }
  out
}

# ---- the package's worked numbers ------------------------------------------
df1_pop <- c(7060, 35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601, 50209,
             56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936)
df1_deaths <- c(17, 9, 4, 8, 20, 15, 24, 33, 50, 71, 100, 163, 263, 304, 536, 872, 1390,
                1605, 1936, 1937)
answer1 <- list(
  value = c(80.16960813, 79.36245674, 75.44193645, 70.47299936, 65.52909542, 60.67510088,
            55.78835987, 50.92752727, 46.06740425, 41.24505636, 36.49322717, 31.83343842,
            27.26027992, 22.9719144, 18.76856852, 14.95858336, 11.51684445, 8.618849241,
            6.163942934, 6.16210635),
  lower = c(79.88268548, 79.0898816, 75.17407307, 70.20675732, 65.26548673, 60.41876577,
            55.53801579, 50.68279939, 45.82666794, 41.00842831, 36.26223216, 31.60996318,
            27.04337271, 22.76653134, 18.57570352, 14.77985004, 11.34831778, 8.451134045,
            5.978358351, 5.887683386),
  upper = c(80.45653078, 79.63503188, 75.70979983, 70.7392414, 65.79270412, 60.931436,
            56.03870395, 51.17225516, 46.30814055, 41.48168441, 36.72422219, 32.05691365,
            27.47718713, 23.17729746, 18.96143352, 15.13731667, 11.68537112, 8.786564437,
            6.349527517, 6.436529314))
# The tests' limits were made with a rounded z (1.96 in the PHE calculator's
# answer1, 1.959964 in answer_widecis) where the package has qnorm(0.975):
# compare the values, and the half-widths with z times our standard error,
# z being the ratio the answer implies (printed).
check_answer <- function(name, chk, ans) {
  ok <- !is.na(ans$value)
  stopifnot(identical(is.na(chk$value), !ok))
  stopifnot(max(abs(chk$value[ok] - ans$value[ok])) < 1e-8)
  half <- (ans$upper - ans$lower) / 2
  zhat <- median(half / chk$se)
  stopifnot(max(abs(half - zhat * chk$se)) < 1e-8)
  stopifnot(max(abs((ans$upper + ans$lower) / 2 - (chk$lower + chk$upper) / 2)) < 1e-8)
  message(sprintf("%s: values to 1e-8, limits to 1e-8 with z = %.7f", name, zhat))
}
check_answer("answer1", life_table(df1_deaths, df1_pop, 0.95), answer1)

wide_pop <- c(270, 235, 246, 248, 243, 238, 246, 257, 261, 355, 350, 356, 346, 339, 337, 337,
              333, 323, 311, 311)
wide_deaths <- c(17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1)
answer_wide <- list(
  value = c(19.22914685, 19.44120610, 18.33467808, 14.67659995, 11.81284556, 11.63815414,
            10.05641628, 9.93152356, 11.95846561, rep(NA, 11)),
  lower = c(16.43900644, 16.53437505, 15.62922550, 12.08108630, 9.21823373, 8.68414661,
            6.54020385, 4.71570153, 2.37762283, -1.60695210, -10.33328815, -17.16409724,
            -26.91715103, -45.04820928, -76.27067271, -137.12203187, -195.39453664,
            -242.37480291, -266.74198466, -298.54880400),
  upper = c(22.01928726, 22.34803716, 21.04013066, 17.27211361, 14.40745738, 14.59216167,
            13.57262872, 15.14734559, 21.53930839, 50.29765396, 97.99598549, 107.54413263,
            128.91238524, 181.91668353, 278.06441642, 472.32822039, 649.40455756,
            783.50845564, 841.04259816, 920.54880400))
check_answer("answer_widecis", life_table(wide_deaths, wide_pop, 0.95), answer_wide)

# ---- cases -------------------------------------------------------------------
cases <- list()
add_case <- function(id, description, D, P, confidence = c(0.95)) {
  cases[[length(cases) + 1]] <<- list(id = id, description = description, D = D, P = P,
                                      confidence = confidence)
}
add_case("pkg_df1", "phe_life_expectancy example and test df1 (answer1)", df1_deaths, df1_pop,
         c(0.95, 0.998, 0.9))
add_case("pkg_widecis_area2", "test df_widecis_plus, Area 2 (answer_widecis)", wide_deaths, wide_pop,
         c(0.95, 0.998))
wide1 <- wide_deaths; wide1[20] <- 312
add_case("pkg_widecis_area1", "test df_widecis_plus, Area 1: 312 deaths in 311 people", wide1, wide_pop)
add_case("pkg_low_pops", "test df_low_pops",
         c(58, 93, 78, 94, 59, 71, 80, 73, 69, 72, 91, 69, 78, 71, 54, 91, 82, 53, 50, 84),
         c(128, 152, 120, 176, 194, 180, 145, 149, 107, 185, 165, 109, 100, 122, 133, 189, 123,
           121, 147, 138))
zp <- df1_pop; zp[6] <- 0
add_case("pkg_zero_pop", "test df_zero_pop", df1_deaths, zp)
gp <- df1_pop; gp[19] <- 119
add_case("pkg_deaths_greater_pops", "test df_deaths_greater_pops", df1_deaths, gp)

# synthetic areas: Gompertz mortality, Poisson deaths, populations of 6,000 to 300,000
mortality <- function(level) {
  m <- exp(-10.2 + 0.092 * (AGES + c(0.5, 2.5, rep(2.5, K - 2)))) * level
  m[1] <- 0.0042 * level
  m[2] <- 0.00022 * level
  m
}
shape <- c(1, 4, rep(5, 16), 4.4, 2.1)
shape <- shape * exp(-pmax(AGES - 55, 0) / 28)
for (j in 1:30) {
  total <- round(exp(runif(1, log(6000), log(300000))))
  P <- round(total * shape / sum(shape))
  level <- exp(runif(1, -0.4, 0.5))
  D <- rpois(K, P * mortality(level))
  D[K] <- max(D[K], 1)
  conf <- if (j %% 3 == 0) c(0.95, 0.998) else 0.95
  add_case(sprintf("area%02d", j), sprintf("Gompertz level %.3f, population %d", level, sum(P)), D, P, conf)
}
# three-year averages: fractional deaths and population
P <- round(60000 * shape / sum(shape)) + c(1 / 3, 2 / 3)
D <- rpois(K, 3 * P * mortality(1.1)) / 3
add_case("average3", "three-year averages (fractional deaths and population)", D, P)
# no deaths in several young bands, one death in 90+
P <- round(9000 * shape / sum(shape))
D <- rpois(K, P * mortality(0.8)); D[1:6] <- 0; D[K] <- 1
add_case("young_zero", "no deaths under 25, one at 90+", D, P)
D2 <- D; D2[K] <- 0
add_case("old_zero", "no deaths at 90+", D2, P)
# total population exactly 5000 (suppressed) and 5001 (computed)
P <- round(5000 * shape / sum(shape)); P[8] <- P[8] + 5000 - sum(P)
D <- rpois(K, P * mortality(1)); D[K] <- max(D[K], 1)
add_case("total_5000", "total population exactly 5000", D, P)
P[8] <- P[8] + 1
add_case("total_5001", "total population 5001", D, P)
# nobody survives the 85-89 band: deaths over 40% of its population
P <- round(40000 * shape / sum(shape))
D <- rpois(K, P * mortality(1)); D[19] <- ceiling(0.45 * P[19])
add_case("none_survive", "45% of the 85-89 band die: l(90) = 0", D, P)

# ---- write -------------------------------------------------------------------
inp <- list(); res <- list()
for (cs in cases) {
  inp[[length(inp) + 1]] <- data.frame(group_id = cs$id, start_age = AGES, deaths = cs$D,
                                       population = cs$P)
  for (conf in cs$confidence) {
    lt <- life_table(cs$D, cs$P, conf)
    res[[length(res) + 1]] <- data.frame(group_id = cs$id, description = cs$description,
                                         confidence = conf, lt)
  }
}
num <- function(d) {
  for (n in names(d)) if (is.double(d[[n]])) d[[n]] <- ifelse(is.na(d[[n]]), NA, sprintf("%.17g", d[[n]]))
  d
}
write.csv(num(do.call(rbind, inp)), file.path(outdir, "life_expectancy_reference_input.csv"),
          row.names = FALSE, na = "NA")
write.csv(num(do.call(rbind, res)), file.path(outdir, "life_expectancy_reference.csv"),
          row.names = FALSE, na = "NA")

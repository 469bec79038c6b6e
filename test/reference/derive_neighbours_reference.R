# derive_neighbours_reference.R: statistical neighbours computed with base R,
# independently of oba, from the real populations in data/geo/ (ONS, OGL v3.0):
#   Rscript test/reference/derive_neighbours_reference.R
# writes test/reference/neighbours_input.csv (the data sets: one row per area),
# neighbours_cases.csv (data set, k and weights of each case) and
# neighbours_reference.csv (one row per case, area and neighbour). Numbers
# with 17 significant digits, so the inputs read back are the values used.
#
# The method (METHODS.md 21; CIPFA Nearest Neighbours Model, DfE children's
# services statistical neighbours): each variable standardised over the
# areas that have every variable, z = (x - mean(x)) / sd(x) with R's sd
# (n - 1), a variable with sd 0 counting nothing; distance(i, j) =
# sqrt(sum over variables of weight * (z_i - z_j)^2), with z_i - z_j taken
# as (x_i - x_j) / sd(x) (the mean cancels; equal differences of values then
# give equal distances, which tie); each area's k nearest other areas in
# order of distance, ties by area code in byte order (order(method =
# "radix")); relative_distance = distance / the largest distance between
# any two areas. An area with a missing variable has one row with NA
# neighbour. Written from the definition (no package).
options(digits = 17)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", ".."))

lsoa <- read.csv(file.path(root, "data/geo/lsoa11_population.csv"), stringsAsFactors = FALSE)
bestfit <- read.csv(file.path(root, "data/geo/ons_lsoa11_to_wd19_bestfit.csv"), stringsAsFactors = FALSE)
oa <- read.csv(file.path(root, "data/geo/oa11_population.csv"), stringsAsFactors = FALSE)

profile <- function(code, total, age0_15, age60plus) {
  data.frame(area = code, v1 = 100 * age0_15 / total, v2 = 100 * age60plus / total,
             v3 = total, v4 = NA_real_, stringsAsFactors = FALSE)
}

# LSOAs of Birmingham and Southampton: % aged 0-15, % aged 60+, residents (mid-2015)
d_lsoa <- with(lsoa, profile(lsoa11_code, pop_total_mid2015, pop_0_15_mid2015, pop_60plus_mid2015))

# wards (Dec 2019) of both: the LSOAs summed by ONS's best-fit lookup
m <- merge(lsoa, bestfit, by = "lsoa11_code")
w <- aggregate(cbind(pop_total_mid2015, pop_0_15_mid2015, pop_60plus_mid2015) ~ wd19_code + lad19_code,
               data = m, FUN = sum)
d_wards <- with(w, profile(wd19_code, pop_total_mid2015, pop_0_15_mid2015, pop_60plus_mid2015))
d_soton <- d_wards[w$lad19_code == "E06000045", ]

# the wards again, with a constant fourth variable and three wards missing one
d_missing <- d_wards
d_missing$v4 <- 1
miss <- sort(d_missing$area, method = "radix")[c(2, 40, 85)]
d_missing$v2[d_missing$area %in% miss] <- NA

# Southampton's output areas by one variable, Census 2011 residents: many ties
o <- oa[oa$lad_code == "E06000045", ]
d_oa <- data.frame(area = o$oa11_code, v1 = as.numeric(o$usual_residents_census2011),
                   v2 = NA_real_, v3 = NA_real_, v4 = NA_real_, stringsAsFactors = FALSE)

datasets <- list(lsoa = list(d = d_lsoa, vars = 1:3), wards = list(d = d_wards, vars = 1:3),
                 wards_southampton = list(d = d_soton, vars = 1:3),
                 wards_missing = list(d = d_missing, vars = 1:4), oa_southampton = list(d = d_oa, vars = 1))
cases <- list(
  list(case = "lsoa_k3", data = "lsoa", k = 3, w = NULL),
  list(case = "lsoa_weighted_k2", data = "lsoa", k = 2, w = c(2, 1, 0.5)),
  list(case = "wards_k10", data = "wards", k = 10, w = NULL),
  list(case = "wards_southampton_all", data = "wards_southampton", k = 15, w = NULL),
  list(case = "wards_missing_k5", data = "wards_missing", k = 5, w = c(1, 1, 1, 3)),
  list(case = "oa_southampton_k2", data = "oa_southampton", k = 2, w = NULL))

neighbours <- function(d, vars, k, w) {
  X <- as.matrix(d[, paste0("v", vars), drop = FALSE])
  if (is.null(w)) w <- rep(1, length(vars))
  ok <- complete.cases(X)
  X <- X[ok, , drop = FALSE]
  s <- apply(X, 2, sd)
  keep <- s > 0
  X <- X[, keep, drop = FALSE]; s <- s[keep]; w <- w[keep]
  codes <- d$area[ok]
  n <- nrow(X)
  D <- matrix(0, n, n)
  for (i in seq_len(n))
    D[i, ] <- sqrt(colSums(w * ((t(X) - X[i, ]) / s)^2))
  dmax <- max(D)
  out <- list()
  for (i in seq_len(n)) {
    others <- setdiff(seq_len(n), i)
    o <- others[order(D[i, others], codes[others], method = "radix")]
    o <- o[seq_len(min(k, length(o)))]
    out[[length(out) + 1]] <- data.frame(area = codes[i], neighbour = codes[o], rank = seq_along(o),
                                         distance = D[i, o], relative_distance = D[i, o] / dmax,
                                         stringsAsFactors = FALSE)
  }
  for (a in d$area[!ok])
    out[[length(out) + 1]] <- data.frame(area = a, neighbour = NA, rank = NA, distance = NA,
                                         relative_distance = NA)
  r <- do.call(rbind, out)
  r[order(r$area, r$rank, method = "radix"), ]
}

num17 <- function(df) {
  for (j in seq_along(df))
    if (is.double(df[[j]])) df[[j]] <- ifelse(is.na(df[[j]]), NA, sprintf("%.17g", df[[j]]))
  df
}
inputs <- do.call(rbind, lapply(names(datasets), function(nm) cbind(dataset = nm, datasets[[nm]]$d)))
inputs <- inputs[order(inputs$dataset, inputs$area, method = "radix"), ]
write.csv(num17(inputs), file.path(here, "neighbours_input.csv"), row.names = FALSE, quote = FALSE)

case_table <- do.call(rbind, lapply(cases, function(cs)
  data.frame(case = cs$case, dataset = cs$data, k = cs$k, variables = length(datasets[[cs$data]]$vars),
             weights = if (is.null(cs$w)) NA else paste0("{", paste(cs$w, collapse = ";"), "}"))))
write.csv(case_table, file.path(here, "neighbours_cases.csv"), row.names = FALSE, quote = FALSE)

ref <- do.call(rbind, lapply(cases, function(cs) {
  ds <- datasets[[cs$data]]
  cbind(case = cs$case, neighbours(ds$d, ds$vars, cs$k, cs$w))
}))
write.csv(num17(ref), file.path(here, "neighbours_reference.csv"), row.names = FALSE, quote = FALSE)
cat(nrow(inputs), "input rows,", nrow(case_table), "cases,", nrow(ref), "reference rows\n")

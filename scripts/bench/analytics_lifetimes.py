#!/usr/bin/env python3
"""The work of `flywheel report --input FILE --clv --format json`, in Python: pandas for the retention
figures, lifetimes for BG/NBD and Gamma-Gamma. The peer in scripts/bench-analytics.

    analytics_lifetimes.py FILE cdnow|csv [--time-zone Europe/Berlin] > summary.json

One process, from the file to the figures, as Flywheel's report does them (docs/metrics.md):
- read the file; a plain-CSV row is a line item, adjacent rows with one order_id are one order; a CDNOW row
  is an order on its calendar day; days and months are the shop's (Europe/Berlin);
- purchase occasions (customer-days); all-time buyers, repeat and loyal buyers, RPR, purchase frequency,
  AOV, historical LTV; gaps between occasions with their percentiles and the learned lapse window (75th /
  90th percentile, rounded up); the 24 months up to the last order: customers, new and returning customers,
  orders, revenue, RPR, LTV of the month's new customers, churn against the lost window;
- monthly acquisition cohorts (active customers, orders, revenue by months since the first purchase);
- lifecycle stages, RFM scores (1 + ⌊5·L/N⌋, L = buyers with a strictly worse value) and named segments,
  VIPs (top 10 % by spend); the funnel's counts;
- lifetimes 0.11.3: the calibration summary at the last order's day in weeks, BG/NBD and Gamma-Gamma fits,
  and for every customer P(alive), expected purchases over 52 weeks and the 12-month CLV at 1 % a month.

Flywheel's report also computes the gaps per product and category and the CAC per channel; this script
leaves those out, so it does slightly less work. Phase times go to standard error, figures to standard
output (to check both tools agree). Needs lifetimes, pandas, numpy, scipy (scripts/bench-analytics
installs pinned versions into a virtual environment).
"""

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd

STARTED = time.time()


def phase(name):
    print(f"{time.time() - STARTED:8.1f} s  {name}", file=sys.stderr, flush=True)


def read_orders(path, fmt, zone):
    """Orders as columns: customer code, local day number, month number, amount in cents."""
    if fmt == "cdnow":
        rows = pd.read_csv(
            path, delim_whitespace=True, skiprows=1, header=None, names=["customer", "date", "cds", "amount"],
            dtype={"customer": "category", "date": str, "cds": "int32", "amount": "float64"})
        day = pd.to_datetime(rows["date"], format="%Y%m%d").values.astype("datetime64[D]")
        cents = np.rint(rows["amount"].values * 100).astype(np.int64)
        customer = rows["customer"].cat.codes.values.astype(np.int64)
        ids = rows["customer"].cat.categories
    else:
        rows = pd.read_csv(
            path, usecols=["customer_id", "datetime", "amount", "order_id"],
            dtype={"customer_id": "category", "datetime": str, "amount": "float64", "order_id": str})
        # Adjacent rows with the same order_id are one order (as the importer reads the format).
        order_id = rows["order_id"].values
        starts = np.ones(len(rows), dtype=bool)
        starts[1:] = order_id[1:] != order_id[:-1]
        order_index = np.cumsum(starts) - 1
        cents = np.bincount(order_index, weights=np.rint(rows["amount"].values * 100)).astype(np.int64)
        first = np.flatnonzero(starts)
        instants = pd.to_datetime(rows["datetime"].values[first], format="%Y-%m-%dT%H:%M:%SZ", utc=True)
        day = instants.tz_convert(zone).tz_localize(None).values.astype("datetime64[D]")
        customer = rows["customer_id"].cat.codes.values[first].astype(np.int64)
        ids = rows["customer_id"].cat.categories
        del rows, order_id
    day_number = day.astype(np.int64)
    month = day.astype("datetime64[M]").astype(np.int64)
    return pd.DataFrame({"c": customer, "day": day_number, "month": month, "cents": cents}), ids


def percentile(values, q):
    return float(np.percentile(values, q * 100)) if len(values) else None  # linear: type 7, as Flywheel


def figures(orders, as_of_day):
    out = {}
    n_customers = int(orders["c"].max()) + 1
    occ = orders[["c", "day"]].drop_duplicates().sort_values(["c", "day"], kind="stable")
    occ_c = occ["c"].values
    occ_day = occ["day"].values
    per_c = orders.groupby("c").agg(orders=("cents", "size"), spent=("cents", "sum"), first=("day", "min"),
                                    last=("day", "max"), first_month=("month", "min"))
    per_c["occasions"] = np.bincount(occ_c, minlength=n_customers)
    buyers = len(per_c)
    out["buyers"] = buyers
    out["orders"] = int(len(orders))
    out["net_revenue_minor"] = int(orders["cents"].sum())
    out["repeat_buyers"] = int((per_c["occasions"] >= 2).sum())
    out["loyal_buyers"] = int((per_c["occasions"] >= 3).sum())
    out["repeat_purchase_rate"] = out["repeat_buyers"] / buyers
    out["purchase_frequency"] = len(occ) / buyers
    out["average_order_value_minor"] = round(out["net_revenue_minor"] / out["orders"])
    out["ltv_exact_minor"] = round(out["net_revenue_minor"] / buyers)
    phase("all-time figures")

    # Gaps between occasions and the learned windows.
    same = occ_c[1:] == occ_c[:-1]
    gaps = (occ_day[1:] - occ_day[:-1])[same]
    out["gaps"] = {q: percentile(gaps, p) for q, p in
                   [("p25", .25), ("median", .5), ("p75", .75), ("p90", .9), ("p95", .95)]}
    out["gaps"]["count"] = int(len(gaps))
    active = max(1, int(np.ceil(percentile(gaps, .75)))) if len(gaps) >= 30 else 60
    lost = max(active, int(np.ceil(percentile(gaps, .9)))) if len(gaps) >= 30 else 90
    out["lapse_window"] = {"active_days": active, "lost_days": lost}
    phase("gaps and lapse window")

    # The 24 months up to the as-of month.
    as_of_month = int(np.datetime64(int(as_of_day), "D").astype("datetime64[M]").astype(np.int64))
    months = np.arange(as_of_month - 23, as_of_month + 1)
    months = months[months >= per_c["first_month"].min()]
    first_day_of = per_c["first"].reindex(range(n_customers)).values
    ord_month = orders["month"].values
    in_range = (ord_month >= months[0]) & (ord_month <= months[-1])
    sub = orders[in_range]
    customers = sub.groupby("month")["c"].nunique()
    returning_mask = sub["day"].values > first_day_of[sub["c"].values]
    returning = sub[returning_mask].groupby("month")["c"].nunique()
    new = per_c.groupby("first_month").size()
    acquired_spent = per_c.groupby("first_month")["spent"].sum()
    month_orders = sub.groupby("month").size()
    month_revenue = sub.groupby("month")["cents"].sum()

    # Churn: runs of occasions with gaps of at most `lost` days keep a customer alive; see OccasionPass.
    first_of_run = np.ones(len(occ), dtype=bool)
    first_of_run[1:] = ~same | ((occ_day[1:] - occ_day[:-1]) > lost)
    last_of_run = np.ones(len(occ), dtype=bool)
    last_of_run[:-1] = first_of_run[1:]
    run_start = occ_day[first_of_run]
    run_end = occ_day[last_of_run]
    lost_day = run_end + lost + 1
    to_month = lambda d: d.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    first_period = to_month(run_start) + 1
    last_period = to_month(lost_day)
    base = months[0]
    diff = np.zeros(len(months) + 1, dtype=np.int64)
    low = np.clip(first_period, months[0], months[-1] + 1) - base
    high = np.clip(last_period, months[0] - 1, months[-1]) - base
    ok = (first_period <= last_period) & (low <= high)
    np.add.at(diff, low[ok], 1)
    np.add.at(diff, high[ok] + 1, -1)
    at_start = np.cumsum(diff)[:-1]
    churn_mask = (first_period <= last_period) & (lost_day <= as_of_day) & (last_period >= months[0]) & (
        last_period <= months[-1])
    churned = np.bincount(last_period[churn_mask] - base, minlength=len(months))
    monthly = []
    for i, m in enumerate(months):
        cust = int(customers.get(m, 0))
        monthly.append({
            "month": str(np.datetime64(int(m), "M")), "customers": cust, "new_customers": int(new.get(m, 0)),
            "returning_customers": int(returning.get(m, 0)), "orders": int(month_orders.get(m, 0)),
            "net_revenue_minor": int(month_revenue.get(m, 0)),
            "repeat_purchase_rate": int(returning.get(m, 0)) / cust if cust else None,
            "ltv_minor": round(acquired_spent.get(m, 0) / new.get(m, 1)) if new.get(m, 0) else None,
            "churn_rate": int(churned[i]) / int(at_start[i]) if at_start[i] else None})
    out["monthly"] = monthly
    phase("monthly figures and churn")

    # Cohorts.
    cohort = per_c["first_month"].reindex(range(n_customers)).values[orders["c"].values]
    cells = pd.DataFrame({"cohort": cohort, "offset": ord_month - cohort, "c": orders["c"].values,
                          "cents": orders["cents"].values})
    matrix = cells.groupby(["cohort", "offset"]).agg(active=("c", "nunique"), orders=("c", "size"),
                                                     revenue=("cents", "sum"))
    sizes = per_c.groupby("first_month").size()
    retention = (matrix["active"] / sizes.reindex(matrix.index.get_level_values(0)).values).unstack(fill_value=0)
    out["cohorts"] = {"cohorts": int(len(sizes)), "cells": int(len(matrix)),
                      "first_cohort_m1_retention": float(retention.iloc[0, 1]) if retention.shape[1] > 1 else None}
    phase("cohorts")

    # Lifecycle, RFM, VIP, funnel.
    r_days = as_of_day - per_c["last"].values
    occasions = per_c["occasions"].values
    stage = np.where(r_days > lost, "lost", np.where(r_days > active, "lapsing", np.where(
        occasions == 1, "new", np.where(occasions >= 3, "loyal", "active"))))
    out["lifecycle"] = {k: int(v) for k, v in zip(*np.unique(stage, return_counts=True))}
    n = buyers

    def score(values):
        below = pd.Series(values).rank(method="min").values.astype(np.int64) - 1
        return np.minimum(5, 1 + (5 * below) // n)

    r, f, m = score(per_c["last"].values), score(occasions), score(per_c["spent"].values)
    fm = (f + m + 1) // 2
    grid = np.array([
        ["new", "potential_loyalist", "potential_loyalist", "champions", "champions"],
        ["promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"],
        ["about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
        ["hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"],
        ["lost", "hibernating", "at_risk", "at_risk", "cant_lose"]])
    segment = grid[5 - r, fm - 1]
    out["rfm"] = {k: int(v) for k, v in zip(*np.unique(segment, return_counts=True))}
    spent = per_c["spent"].values
    above = n - pd.Series(spent).rank(method="max").values.astype(np.int64)
    out["vip"] = int((above * 10_000 < n * 1_000).sum())
    out["funnel"] = [buyers, out["repeat_buyers"], out["loyal_buyers"]]
    phase("lifecycle, RFM, VIP, funnel")
    return out


def clv(orders, ids, as_of_day):
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    from lifetimes.utils import summary_data_from_transaction_data

    transactions = pd.DataFrame({
        "customer": orders["c"].values, "date": orders["day"].values.astype("datetime64[D]"),
        "value": orders["cents"].values / 100.0})
    summary = summary_data_from_transaction_data(
        transactions, "customer", "date", monetary_value_col="value",
        observation_period_end=np.datetime64(int(as_of_day), "D"), freq="D", freq_multiplier=7)
    phase("lifetimes summary")
    x, tx, T = summary["frequency"], summary["recency"], summary["T"]
    bgf = BetaGeoFitter().fit(x, tx, T)
    phase("BG/NBD fit")
    repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    ggf = GammaGammaFitter().fit(repeat["frequency"], repeat["monetary_value"])
    phase("Gamma-Gamma fit")
    alive = bgf.conditional_probability_alive(x, tx, T)
    expected = bgf.conditional_expected_number_of_purchases_up_to_time(52, x, tx, T)
    value = ggf.customer_lifetime_value(bgf, x, tx, T, summary["monetary_value"], time=12, discount_rate=0.01,
                                        freq="W")
    phase("predictions for every customer")
    top = value.nlargest(10)
    return {
        "bgnbd": {k: float(v) for k, v in bgf.params_.items()},
        "gamma_gamma": {k: float(v) for k, v in ggf.params_.items()},
        "fitted_customers": int(len(summary)), "expected_purchases": float(expected.sum()),
        "mean_probability_alive": float(alive.mean()), "total_clv": float(value.sum()),
        "top_customers": [str(ids[int(c)]) for c in top.index]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("format", choices=["cdnow", "csv"])
    parser.add_argument("--time-zone", default="Europe/Berlin")
    args = parser.parse_args()
    orders, ids = read_orders(args.file, args.format, args.time_zone)
    phase(f"read {len(orders):,} orders")
    as_of_day = int(orders["day"].max())
    result = figures(orders, as_of_day)
    result["clv"] = clv(orders, ids, as_of_day)
    result["as_of"] = str(np.datetime64(as_of_day, "D"))
    json.dump(result, sys.stdout, indent=1, default=str)
    print()


if __name__ == "__main__":
    main()

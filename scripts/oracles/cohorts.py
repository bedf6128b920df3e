#!/usr/bin/env python3
"""The CDNOW_master cohort matrix, computed twice (pandas and DuckDB) from one definition.

Definition (the same as FlywheelAnalytics' cohorts, docs/metrics.md):
- every row of CDNOW_master.txt is one order (several rows of a customer on one day stay separate orders);
  its amount is the dollar value in cents; there are no cancellations or refunds in the file;
- dates are calendar days (no time-zone shift): an order's month is the month of its date;
- a customer's cohort is the month of the first order;
- months since first order = (year * 12 + month of the order) - (year * 12 + month of the cohort);
- per (cohort, months since first order): the customers of the cohort, the distinct customers with an order
  in that month (active), the number of orders and their revenue in cents.

Both engines must agree exactly; the result is written to Tests/Fixtures/analytics/cdnow_master_cohorts.csv.

Usage: python3 scripts/oracles/cohorts.py [CDNOW_master.txt] [output.csv]
Needs: pip install pandas duckdb
"""

import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "Tests/Fixtures/cdnow/CDNOW_master.txt"
OUTPUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "Tests/Fixtures/analytics/cdnow_master_cohorts.csv"
COLUMNS = ["cohort", "months_since_first", "cohort_customers", "active_customers", "orders", "revenue_minor"]


def read_orders() -> pd.DataFrame:
    """customer, date and amount in integer cents (parsed exactly from the decimal text, no float)."""
    frame = pd.read_csv(
        SOURCE, sep=r"\s+", skiprows=1, header=None, names=["customer", "date", "cds", "dollars"],
        dtype={"customer": str, "date": str, "cds": int, "dollars": str}, engine="python")
    frame["cents"] = frame["dollars"].map(lambda text: int(Decimal(text) * 100)).astype("int64")
    frame["date"] = pd.to_datetime(frame["date"], format="%Y%m%d")
    return frame[["customer", "date", "cents"]]


def with_pandas(orders: pd.DataFrame) -> pd.DataFrame:
    month = orders["date"].dt.year * 12 + orders["date"].dt.month - 1
    orders = orders.assign(month=month)
    orders["cohort_month"] = orders.groupby("customer")["month"].transform("min")
    orders["months_since_first"] = orders["month"] - orders["cohort_month"]
    sizes = orders.groupby("cohort_month")["customer"].nunique().rename("cohort_customers")
    cells = orders.groupby(["cohort_month", "months_since_first"]).agg(
        active_customers=("customer", "nunique"), orders=("customer", "size"), revenue_minor=("cents", "sum"))
    cells = cells.reset_index().join(sizes, on="cohort_month")
    cells["cohort"] = cells["cohort_month"].map(lambda m: f"{m // 12:04d}-{m % 12 + 1:02d}")
    return cells[COLUMNS].sort_values(["cohort", "months_since_first"]).reset_index(drop=True)


def with_duckdb(orders: pd.DataFrame) -> pd.DataFrame:
    con = duckdb.connect()
    con.register("raw", orders)
    query = """
        WITH o AS (
            SELECT customer, cents, year(date) * 12 + month(date) - 1 AS month FROM raw
        ), c AS (
            SELECT customer, min(month) AS cohort_month FROM o GROUP BY customer
        ), sizes AS (
            SELECT cohort_month, count(*) AS cohort_customers FROM c GROUP BY cohort_month
        )
        SELECT printf('%04d-%02d', c.cohort_month // 12, c.cohort_month % 12 + 1) AS cohort,
               o.month - c.cohort_month AS months_since_first,
               any_value(sizes.cohort_customers) AS cohort_customers,
               count(DISTINCT o.customer) AS active_customers,
               count(*) AS orders,
               sum(o.cents) AS revenue_minor
        FROM o JOIN c USING (customer) JOIN sizes USING (cohort_month)
        GROUP BY c.cohort_month, o.month - c.cohort_month
        ORDER BY cohort, months_since_first
    """
    result = con.execute(query).df()
    for column in COLUMNS[1:]:
        result[column] = result[column].astype("int64")
    return result[COLUMNS].reset_index(drop=True)


def main() -> None:
    orders = read_orders()
    by_pandas = with_pandas(orders)
    by_duckdb = with_duckdb(orders)
    for column in COLUMNS[1:]:
        by_pandas[column] = by_pandas[column].astype("int64")
    pd.testing.assert_frame_equal(by_pandas, by_duckdb, check_dtype=False)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    by_pandas.to_csv(OUTPUT, index=False, lineterminator="\n")
    print(
        f"{len(orders)} orders, {orders['customer'].nunique()} customers, {len(by_pandas)} cells: "
        f"pandas {pd.__version__} and duckdb {duckdb.__version__} agree; wrote {OUTPUT}")


if __name__ == "__main__":
    main()

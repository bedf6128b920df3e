#!/usr/bin/env python3
"""Cohorts and RFM in DuckDB SQL straight over the order-history file: the peer of
`flywheel report --input FILE --sections cohorts,segments` in scripts/bench-analytics.

    analytics_duckdb.py FILE cdnow|csv [--time-zone Europe/Berlin] > summary.json

The same definitions as Flywheel (docs/metrics.md): a plain-CSV row is a line item and rows with one
order_id are one order (grouped by order_id); a CDNOW row is an order on its calendar day; the day and
month of an order are the shop's (Europe/Berlin). Cohorts: the month of a customer's first order × months
since, with active customers, orders and revenue per cell. RFM: recency = last order day, frequency = order
days, monetary = spend; each score 1 + ⌊5·L/N⌋ with L the buyers with a strictly worse value; the named
segments from the R × FM grid. DuckDB uses every core (two here); Flywheel's report uses one.
"""

import argparse
import json
import sys
import time

import duckdb

STARTED = time.time()


def phase(name):
    print(f"{time.time() - STARTED:8.1f} s  {name}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("format", choices=["cdnow", "csv"])
    parser.add_argument("--time-zone", default="Europe/Berlin")
    args = parser.parse_args()
    con = duckdb.connect()
    con.execute(f"SET TimeZone = '{args.time_zone}'")
    path = args.file.replace("'", "''")
    if args.format == "cdnow":
        # Whitespace-separated with a header line: one column per line, split by SQL.
        con.execute(f"""
            CREATE TABLE orders AS
            SELECT parts[1] AS customer, strptime(parts[2], '%Y%m%d')::DATE AS day,
                   CAST(round(CAST(parts[4] AS DOUBLE) * 100) AS BIGINT) AS cents
            FROM (SELECT string_split_regex(trim(line), '\\s+') AS parts
                  FROM read_csv('{path}', columns = {{'line': 'VARCHAR'}}, delim = '\\t', header = false,
                                skip = 1, quote = '', escape = ''))
            WHERE len(parts) = 4""")
    else:
        con.execute(f"""
            CREATE TABLE orders AS
            SELECT any_value(customer_id) AS customer,
                   CAST(min(datetime)::TIMESTAMPTZ AS DATE) AS day,
                   sum(CAST(round(amount * 100) AS BIGINT)) AS cents
            FROM read_csv('{path}', header = true,
                          columns = {{'customer_id': 'VARCHAR', 'datetime': 'VARCHAR', 'amount': 'DOUBLE',
                                      'order_id': 'VARCHAR', 'currency': 'VARCHAR', 'email': 'VARCHAR',
                                      'sku': 'VARCHAR', 'quantity': 'INTEGER', 'channel': 'VARCHAR'}})
            GROUP BY order_id""")
    orders = con.execute("SELECT count(*) FROM orders").fetchone()[0]
    phase(f"read {orders:,} orders")

    cohorts = con.execute("""
        WITH o AS (SELECT customer, cents, year(day) * 12 + month(day) - 1 AS month FROM orders),
        c AS (SELECT customer, min(month) AS cohort FROM o GROUP BY customer),
        sizes AS (SELECT cohort, count(*) AS customers FROM c GROUP BY cohort)
        SELECT c.cohort, o.month - c.cohort AS offset, any_value(sizes.customers) AS customers,
               count(DISTINCT o.customer) AS active, count(*) AS orders, sum(o.cents) AS revenue
        FROM o JOIN c USING (customer) JOIN sizes USING (cohort)
        GROUP BY c.cohort, o.month - c.cohort
        ORDER BY 1, 2""").fetchall()
    phase(f"cohorts: {len(cohorts):,} cells")

    rfm = con.execute("""
        WITH c AS (
            SELECT customer, max(day) AS last_day, count(DISTINCT day) AS occasions, sum(cents) AS spent
            FROM orders GROUP BY customer),
        ranked AS (
            SELECT *, count(*) OVER () AS n,
                   rank() OVER (ORDER BY last_day) - 1 AS lr, rank() OVER (ORDER BY occasions) - 1 AS lf,
                   rank() OVER (ORDER BY spent) - 1 AS lm
            FROM c),
        scored AS (
            SELECT least(5, 1 + (5 * lr) // n) AS r, least(5, 1 + (5 * lf) // n) AS f,
                   least(5, 1 + (5 * lm) // n) AS m, spent FROM ranked),
        named AS (
            SELECT CASE
                WHEN r = 5 THEN CASE WHEN fm = 1 THEN 'new' WHEN fm <= 3 THEN 'potential_loyalist' ELSE 'champions' END
                WHEN r = 4 THEN CASE WHEN fm = 1 THEN 'promising' WHEN fm <= 3 THEN 'potential_loyalist' ELSE 'loyal' END
                WHEN r = 3 THEN CASE WHEN fm <= 2 THEN 'about_to_sleep' WHEN fm = 3 THEN 'need_attention' ELSE 'loyal' END
                WHEN r = 2 THEN CASE WHEN fm <= 2 THEN 'hibernating' WHEN fm <= 4 THEN 'at_risk' ELSE 'cant_lose' END
                ELSE CASE WHEN fm = 1 THEN 'lost' WHEN fm = 2 THEN 'hibernating' WHEN fm <= 4 THEN 'at_risk'
                          ELSE 'cant_lose' END
            END AS segment, spent
            FROM (SELECT *, (f + m + 1) // 2 AS fm FROM scored))
        SELECT segment, count(*), sum(spent) FROM named GROUP BY segment ORDER BY segment""").fetchall()
    phase("RFM")
    json.dump({
        "duckdb": duckdb.__version__, "orders": orders, "cohort_cells": len(cohorts),
        "rfm": {segment: count for segment, count, _ in rfm}}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the Shopify orders-export fixtures (see ../README.md). Deterministic; run from anywhere."""
import csv, io, os

HEADER = ("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,"
          "Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,"
          "Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,"
          "Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,"
          "Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,"
          "Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,"
          "Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,"
          "Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,"
          "Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,"
          "Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,"
          "Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,"
          "Payment ID,Payment Terms Name,Next Payment Due At,Payment References").split(",")
assert len(HEADER) == 79


def order(name, oid, email, status, created, lines, subtotal, shipping, taxes, total, currency="EUR",
          paid=None, fulfilled=None, accepts="yes", code="", discount="0.00", billing="", city="Berlin",
          zip_="10115", country="DE", notes="", cancelled="", refunded="0.00", source="web", tax_name="DE MwSt 19%"):
    rows = []
    for i, (qty, title, price, sku, vendor) in enumerate(lines):
        r = dict.fromkeys(HEADER, "")
        r.update({"Name": name, "Lineitem quantity": str(qty), "Lineitem name": title, "Lineitem price": price,
                  "Lineitem sku": sku, "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                  "Lineitem fulfillment status": "fulfilled" if fulfilled else "pending", "Vendor": vendor,
                  "Lineitem discount": "0.00"})
        if i == 0:
            r.update({"Email": email, "Financial Status": status, "Paid at": paid or "",
                      "Fulfillment Status": "fulfilled" if fulfilled else "unfulfilled",
                      "Fulfilled at": fulfilled or "", "Accepts Marketing": accepts, "Currency": currency,
                      "Subtotal": subtotal, "Shipping": shipping, "Taxes": taxes, "Total": total,
                      "Discount Code": code, "Discount Amount": discount, "Shipping Method": "Standard",
                      "Created at": created, "Billing Name": billing, "Billing Street": "Musterstraße 1",
                      "Billing Address1": "Musterstraße 1", "Billing City": city, "Billing Zip": zip_,
                      "Billing Country": country, "Shipping Name": billing, "Shipping City": city,
                      "Shipping Zip": zip_, "Shipping Country": country, "Notes": notes, "Cancelled at": cancelled,
                      "Payment Method": "Shopify Payments", "Payment Reference": "c" + oid + ".1",
                      "Refunded Amount": refunded, "Outstanding Balance": "0.00", "Id": oid,
                      "Risk Level": "Low", "Source": source, "Tax 1 Name": tax_name, "Tax 1 Value": taxes,
                      "Payment ID": "c" + oid + ".1", "Payment References": "c" + oid + ".1"})
        rows.append(r)
    return rows


def write(path, rows, bom):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=HEADER, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue())


here = os.path.dirname(os.path.abspath(__file__))
eu = []
# 1001: two lines, 10 % code, prices incl. 19 % VAT; total = subtotal + shipping.
eu += order("#1001", "5612345678901", "anna.mueller@example.com", "paid", "2024-03-05 14:30:00 +0100",
            [(1, "Kaffeebohnen Äthiopien 500 g", "14.90", "KAF-ETH-500", "Rösterei Nord"),
             (2, "Filterpapier Gr. 4", "3.50", "FIL-4", "Papierwerk Süd")],
            "19.71", "4.90", "3.93", "24.61", code="WILLKOMMEN10", discount="2.19", billing="Anna Müller",
            paid="2024-03-05 14:30:05 +0100", fulfilled="2024-03-06 09:12:00 +0100",
            notes='Bitte beim Nachbarn abgeben, falls nicht da.\nDanke, "Anna"')
# 1002: Anna again (repeat buyer), one line, free shipping.
eu += order("#1002", "5612345678902", "Anna.Mueller@example.com", "paid", "2024-04-11 08:05:00 +0200",
            [(1, "Kaffeebohnen Äthiopien 500 g", "14.90", "KAF-ETH-500", "Rösterei Nord")],
            "14.90", "0.00", "2.38", "14.90", billing="Anna Müller", paid="2024-04-11 08:05:02 +0200",
            fulfilled="2024-04-12 10:00:00 +0200")
# 1003: partially refunded.
eu += order("#1003", "5612345678903", "jonas.schmidt@example.com", "partially_refunded",
            "2024-04-20 19:45:00 +0200",
            [(1, "Handmühle Edelstahl", "49.00", "MUE-HAND", "Mahlwerk GmbH"),
             (1, "Kaffeebohnen Brasilien 500 g", "12.90", "KAF-BRA-500", "Rösterei Nord")],
            "61.90", "4.90", "10.67", "66.80", billing="Jonas Schmidt", city="München", zip_="80331",
            paid="2024-04-20 19:45:03 +0200", fulfilled="2024-04-22 08:30:00 +0200", refunded="12.90",
            accepts="no")
# 1004: cancelled and fully refunded, never fulfilled.
eu += order("#1004", "5612345678904", "lea.weber@example.com", "refunded", "2024-05-02 10:00:00 +0200",
            [(3, "Kaffeebohnen Brasilien 500 g", "12.90", "KAF-BRA-500", "Rösterei Nord")],
            "38.70", "4.90", "6.96", "43.60", billing="Lea Weber", city="Köln", zip_="50667",
            paid="2024-05-02 10:00:04 +0200", cancelled="2024-05-02 12:00:00 +0200", refunded="43.60")
# 1005: guest order at the POS, no e-mail.
eu += order("#1005", "5612345678905", "", "paid", "2024-05-03 16:20:00 +0200",
            [(1, "Espressotasse 2er-Set", "19.90", "TAS-ESP-2", "Porzellan & Co")],
            "19.90", "0.00", "3.18", "19.90", accepts="", source="pos", paid="2024-05-03 16:20:00 +0200")
# 1006: Jonas again, three lines, one without SKU.
eu += order("#1006", "5612345678906", "jonas.schmidt@example.com", "paid", "2024-06-14 07:59:59 +0200",
            [(2, "Kaffeebohnen Äthiopien 500 g", "14.90", "KAF-ETH-500", "Rösterei Nord"),
             (1, "Geschenkverpackung", "2.50", "", "Eigenmarke"),
             (1, "Filterpapier Gr. 4", "3.50", "FIL-4", "Papierwerk Süd")],
            "35.80", "4.90", "6.50", "40.70", billing="Jonas Schmidt", city="München", zip_="80331",
            paid="2024-06-14 08:00:01 +0200", fulfilled="2024-06-15 11:00:00 +0200", accepts="no")
write(os.path.join(here, "orders_export_eu.csv"), eu, bom=True)

us = []
us += order("#2001", "4400000000001", "mike@example.com", "paid", "2024-07-01 09:00:00 -0400",
            [(2, "Cold Brew Kit", "24.00", "CB-KIT", "Brew Supply"), (1, "Mug", "12.00", "MUG-1", "Brew Supply")],
            "55.00", "5.00", "4.40", "64.40", currency="USD", code="", discount="5.00", billing="Mike Doe",
            city="Boston", zip_="02110", country="US", paid="2024-07-01 09:00:01 -0400",
            fulfilled="2024-07-02 15:00:00 -0400", tax_name="MA State Tax 6.25%")
us += order("#2002", "4400000000002", "mike@example.com", "paid", "2024-08-15 18:30:00 -0400",
            [(1, "Cold Brew Kit", "24.00", "CB-KIT", "Brew Supply")],
            "24.00", "0.00", "1.50", "25.50", currency="USD", billing="Mike Doe", city="Boston", zip_="02110",
            country="US", paid="2024-08-15 18:30:01 -0400", tax_name="MA State Tax 6.25%")
write(os.path.join(here, "orders_export_us.csv"), us, bom=False)

bad = []
bad += order("#3001", "7700000000001", "ok@example.com", "paid", "2024-03-01 10:00:00 +0100",
             [(1, "Kaffeebohnen Äthiopien 500 g", "14.90", "KAF-ETH-500", "Rösterei Nord")],
             "14.90", "0.00", "2.38", "14.90")                       # good
bad += order("#3002", "7700000000002", "sum@example.com", "paid", "2024-03-02 10:00:00 +0100",
             [(1, "Handmühle Edelstahl", "49.00", "MUE-HAND", "Mahlwerk GmbH")],
             "49.00", "4.90", "8.61", "99.99")                       # total does not add up
bad += order("#3003", "7700000000003", "neg@example.com", "paid", "2024-03-03 10:00:00 +0100",
             [(1, "Filterpapier Gr. 4", "-3.50", "FIL-4", "Papierwerk Süd")],
             "0.00", "0.00", "0.00", "0.00")                         # negative line price
bad += order("#3004", "7700000000004", "date@example.com", "paid", "2024-02-30 10:00:00 +0100",
             [(1, "Filterpapier Gr. 4", "3.50", "FIL-4", "Papierwerk Süd")],
             "3.50", "0.00", "0.56", "3.50")                         # 30 February
bad += order("#3005", "7700000000005", "cur@example.com", "paid", "2024-03-05 10:00:00 +0100",
             [(1, "Filterpapier Gr. 4", "3.50", "FIL-4", "Papierwerk Süd")],
             "3.50", "0.00", "0.56", "3.50", currency="EURO")        # unknown currency
bad += order("#3006", "7700000000006", "qty@example.com", "paid", "2024-03-06 10:00:00 +0100",
             [(1, "Filterpapier Gr. 4", "3.50", "FIL-4", "Papierwerk Süd"),
              ("zwei", "Kaffeebohnen Brasilien 500 g", "12.90", "KAF-BRA-500", "Rösterei Nord")],
             "29.30", "0.00", "4.68", "29.30")                       # non-numeric quantity on 2nd line
bad += order("#3007", "7700000000007", "ok2@example.com", "paid", "2024-03-07 10:00:00 +0100",
             [(1, "Espressotasse 2er-Set", "19.90", "TAS-ESP-2", "Porzellan & Co")],
             "19.90", "0.00", "3.18", "19.90")                       # good
write(os.path.join(here, "orders_export_bad.csv"), bad, bom=True)

#!/usr/bin/env python3
"""Computes expected import totals for BillImportTests, independently of spendtop.

Reads every bill with Python's csv module and sums costs with decimal.Decimal (each amount
rounded half-to-even to 10 decimals, as spendtop's Money stores it), following the rules in
../../../../../shared/docs/formats.md (sections 2-5):

* day = first 10 characters of the usage start (CUR) / ChargePeriodStart (FOCUS) / row label (CE)
* service = product code, else product name (CUR 2.0: product['product_name']);
  FOCUS: x_ServiceCode, else ServiceName; Cost Explorer: the column label
* line item type = lineItem/LineItemType, FOCUS ChargeCategory
* unblended = lineItem/UnblendedCost (FOCUS BilledCost); amortized = the CASE of formats.md §5
  (FOCUS EffectiveCost); net twins where columns exist, else the non-net value
* empty costs and FOCUS NULL count as 0; Cost Explorer empty cells are no record

Run from this folder:  python3 make_expected.py  (writes bills.json)
"""
import csv
import gzip
import io
import json
import os
import re
from decimal import Decimal, ROUND_HALF_EVEN

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))  # package root
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bills"))
FIXTURES = os.path.normpath(os.path.join(HERE, ".."))
STEP = Decimal("1e-10")


def money(text):
    text = (text or "").strip()
    if text == "" or text.upper() == "NULL":
        return Decimal(0)
    return Decimal(text).quantize(STEP, rounding=ROUND_HALF_EVEN)


def read_rows(path):
    raw = open(path, "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text, newline="")) if r]
    return rows[0], rows[1:]


def canon(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


class Row:
    def __init__(self, header, values, null_text=False):
        self.index = {}
        for i, name in enumerate(header):
            self.index.setdefault(canon(name), i)
        self.values = values
        self.null_text = null_text

    def has(self, name):
        return canon(name) in self.index

    def get(self, *names):
        for name in names:
            i = self.index.get(canon(name))
            if i is None or i >= len(self.values):
                continue
            value = self.values[i]
            if self.null_text and value == "NULL":
                value = ""
            if value != "":
                return value
        return ""


def cur_costs(row):
    unblended = money(row.get("lineItem/UnblendedCost"))
    net = money(row.get("lineItem/NetUnblendedCost")) if row.get("lineItem/NetUnblendedCost") else unblended
    kind = row.get("lineItem/LineItemType").lower()

    def twin(name, fallback):
        return money(row.get(name)) if row.get(name) else fallback

    if kind == "savingsplancoveredusage" and row.has("savingsPlan/SavingsPlanEffectiveCost"):
        a = money(row.get("savingsPlan/SavingsPlanEffectiveCost"))
        return unblended, a, net, twin("savingsPlan/NetSavingsPlanEffectiveCost", a)
    if kind == "savingsplanrecurringfee" and row.has("savingsPlan/TotalCommitmentToDate"):
        a = money(row.get("savingsPlan/TotalCommitmentToDate")) - money(row.get("savingsPlan/UsedCommitment"))
        return unblended, a, net, a
    if kind in ("savingsplannegation", "savingsplanupfrontfee"):
        return unblended, Decimal(0), net, Decimal(0)
    if kind == "discountedusage" and row.has("reservation/EffectiveCost"):
        a = money(row.get("reservation/EffectiveCost"))
        return unblended, a, net, twin("reservation/NetEffectiveCost", a)
    if kind == "rifee" and row.has("reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"):
        up = money(row.get("reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"))
        rec = money(row.get("reservation/UnusedRecurringFee"))
        n = twin("reservation/NetUnusedAmortizedUpfrontFeeForBillingPeriod", up) + twin(
            "reservation/NetUnusedRecurringFee", rec)
        return unblended, up + rec, net, n
    if kind == "fee" and row.get("reservation/ReservationARN"):
        return unblended, Decimal(0), net, Decimal(0)
    return unblended, unblended, net, net


def line_items(header, rows):
    """Yields (day, service, line item type, (unblended, amortized, net unblended, net amortized))."""
    names = {canon(h) for h in header}
    if "billedcost" in names and "chargeperiodstart" in names:
        for values in rows:
            row = Row(header, values, null_text=True)
            billed = money(row.get("BilledCost"))
            effective = money(row.get("EffectiveCost")) if row.has("EffectiveCost") else billed
            yield (row.get("ChargePeriodStart")[:10], row.get("x_ServiceCode", "ServiceName"),
                   row.get("ChargeCategory"), (billed, effective, billed, effective))
        return
    product_col = next((i for i, h in enumerate(header) if h.lower() == "product"), None)
    for values in rows:
        row = Row(header, values)
        service = row.get("lineItem/ProductCode", "product/ProductName")
        if service == "" and product_col is not None and values[product_col]:
            service = json.loads(values[product_col]).get("product_name", "")
        yield (row.get("lineItem/UsageStartDate")[:10], service, row.get("lineItem/LineItemType"), cur_costs(row))


def cost_explorer(header, rows):
    label = header[0].strip().lower()
    groups = list(range(1, len(header) - 1)) if len(header) > 2 else [len(header) - 1]
    for values in rows:
        first = values[0]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", first):
            continue  # 'Service total' / 'Total'
        for i in groups:
            if values[i] == "":
                continue  # no record
            name = re.sub(r"\s*\([^()]*\)$", "", header[i]).strip() if len(header) > 2 else ""
            service = name if label == "service" else ""
            cost = money(values[i])
            yield (first, service, "", (cost, cost, cost, cost))


def expected(path):
    header, rows = read_rows(path)
    items = cost_explorer(header, rows) if re.match(r"^total costs ?\(.*\)$", header[-1].lower()) \
        else line_items(header, rows)
    by_day_service, by_type, count = {}, {}, 0
    for day, service, kind, costs in items:
        count += 1
        key = day + "|" + service
        by_day_service[key] = by_day_service.get(key, Decimal(0)) + costs[0]
        sums = by_type.setdefault(kind, [Decimal(0)] * 4)
        for i in range(4):
            sums[i] += costs[i]
    fmt = lambda d: format(d.normalize(), "f") if d != 0 else "0"
    return {
        "cells": count,
        "byDayService": {k: fmt(v) for k, v in sorted(by_day_service.items())},
        "byLineItemType": {k: [fmt(x) for x in v] for k, v in sorted(by_type.items())},
    }


def bills():
    bases = ((SHARED, "../shared/bills"), (FIXTURES, "Tests/BillImportTests/Fixtures"),
             (os.path.join(ROOT, "sample-bills"), "sample-bills"))
    for base, prefix in bases:
        for folder, _, files in sorted(os.walk(base)):
            for name in sorted(files):
                if name.endswith(".csv") or name.endswith(".csv.gz"):
                    full = os.path.join(folder, name)
                    yield prefix + "/" + os.path.relpath(full, base), full


def main():
    out = {}
    for key, full in bills():
        out[key] = expected(full)
    with open(os.path.join(HERE, "bills.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", len(out), "bills")


if __name__ == "__main__":
    main()

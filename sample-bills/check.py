#!/usr/bin/env python3
"""Independent check of the bundled sample bills (does not import generate.py).

Reads every manifest under sample-bills/incident-127k and sample-bills/quiet-quarter, opens the
parts it lists, checks the delivery format, sums lineItem/UnblendedCost per billing period with
decimal.Decimal and asserts the story the README tells. Exit status 1 on any failure.

    python3 sample-bills/check.py            # from the repository root
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import os
import re
import sys
from collections import defaultdict
from decimal import Decimal

ROOT = os.path.dirname(os.path.abspath(__file__))
D = Decimal
failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def within(x: Decimal, target: Decimal, pct: Decimal) -> bool:
    return abs(x - target) <= target * pct / 100


def load(dataset: str):
    rows, manifests = [], []
    for dirpath, _, files in sorted(os.walk(os.path.join(ROOT, dataset))):
        for f in sorted(files):
            if f.endswith("-Manifest.json"):
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    man = json.load(fh)
                manifests.append((os.path.relpath(dirpath, ROOT), man))
    for folder, man in manifests:
        header_expected = [f"{c['category']}/{c['name']}" for c in man["columns"]]
        for key in man["reportKeys"]:
            path = os.path.join(ROOT, key)
            raw = open(path, "rb").read()
            check(raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0", f"{key}: gzip with mtime 0")
            text = gzip.decompress(raw)
            check(not text.startswith(b"\xef\xbb\xbf") and b"\r" not in text, f"{key}: no BOM, LF only")
            reader = csv.reader(text.decode("utf-8").splitlines())
            header = next(reader)
            check(header == header_expected, f"{key}: header matches manifest columns ({len(header)})")
            ragged = 0
            for rec in reader:
                ragged += len(rec) != len(header)
                r = dict(zip(header, rec))
                r["_cost"] = D(r["lineItem/UnblendedCost"])
                rows.append(r)
            check(ragged == 0, f"{key}: every row has {len(header)} fields")
        rng = os.path.basename(folder)
        start = dt.datetime.strptime(rng[:8], "%Y%m%d").date()
        end = dt.datetime.strptime(rng[9:], "%Y%m%d").date()
        check(man["billingPeriod"] == {"start": f"{start:%Y%m%d}T000000.000Z", "end": f"{end:%Y%m%d}T000000.000Z"}
              and end == (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
              and all(k.startswith(f"{folder}/") for k in man["reportKeys"])
              and man["compression"] == "GZIP" and man["contentType"] == "text/csv",
              f"{folder}: manifest billingPeriod, range end = 1st of next month, reportKeys under the range")
    return rows


def period_sums(rows, where=lambda r: True):
    out = defaultdict(D)
    for r in rows:
        if where(r):
            out[r["bill/BillingPeriodStartDate"][:7]] += r["_cost"]
    return out


def daily(rows, where):
    out = defaultdict(D)
    for r in rows:
        if where(r):
            out[r["identity/TimeInterval"][:10]] += r["_cost"]
    return out


def main() -> int:
    labels = json.load(open(os.path.join(ROOT, "labels.json"), encoding="utf-8"))

    # ------------------------------------------------------------------ incident-127k
    print("== incident-127k")
    rows = load("incident-127k")
    tot = period_sums(rows)
    aug, sep, oct_, nov = (tot[m] for m in ("2026-08", "2026-09", "2026-10", "2026-11"))
    base = (aug + sep) / 2
    over = oct_ - base
    for m in sorted(tot):
        print(f"      total {m}: {tot[m]}")
    print(f"      baseline (mean Aug, Sep): {base}")
    print(f"      October - baseline: {over}")
    check(within(aug, D(4200), D(5)) and within(sep, D(4200), D(5)), "Aug and Sep within 5% of $4,200")
    check(within(oct_, D(51000), D(3)), "Oct within 3% of $51,000")
    check(within(over, D(47000), D(3)), "Oct - baseline within 3% of $47,000")
    ec = daily(rows, lambda r: r["lineItem/ProductCode"] == "AmazonElastiCache" and r["lineItem/LineItemType"] == "Usage")
    ec_sep = sum((v for k, v in ec.items() if k.startswith("2026-09")), D(0)) / 30
    ec_nov = sum((v for k, v in ec.items() if k.startswith("2026-11")), D(0)) / 28
    delta_month = (ec_nov - ec_sep) * 730 / 24
    print(f"      ElastiCache $/day Sep {ec_sep}, Nov 1-28 {ec_nov}; delta per 730 h month {delta_month}")
    check(within(delta_month, D(2100), D(3)), "ElastiCache run-rate delta within 3% of $2,100/month")
    inv = defaultdict(set)
    for r in rows:
        inv[r["bill/BillingPeriodStartDate"][:7]].add(r["bill/InvoiceId"])
    check(inv["2026-11"] == {""} and all(len(inv[m]) == 1 and "" not in inv[m] for m in ("2026-08", "2026-09", "2026-10")),
          "InvoiceId empty for November only, one invoice per final month")
    days = sorted({r["identity/TimeInterval"][:10] for r in rows})
    check(days[0] == "2026-08-01" and days[-1] == "2026-11-28", f"data from {days[0]} to {days[-1]}")
    onsets = {}
    for lab in labels["incidents"]:
        if lab["dataset"] != "incident-127k":
            continue
        s = daily(rows, lambda r, lab=lab: r["lineItem/ProductCode"] == lab["service"] and r["lineItem/UsageType"] == lab["usage_type"]
                  and r["lineItem/LineItemType"] == "Usage")
        b = sum((v for k, v in s.items() if k < "2026-10-01"), D(0)) / 61
        first_up = min((k for k, v in s.items() if k >= "2026-10-01" and v > b * D("1.5") + 1), default=None)
        onsets[lab["usage_type"]] = first_up
        check(first_up == lab["start"], f"{lab['service']} {lab['usage_type']}: first day > 1.5x baseline + $1 is {first_up} (label {lab['start']})")
    check(len(set(onsets.values())) >= 3 and all(v and v <= "2026-10-07" for k, v in onsets.items() if "4xlarge" not in k),
          "onsets in the first week of October, on several different days")
    lab_tot = labels["datasets"]["incident-127k"]["monthly_totals"]
    check(all(D(lab_tot[m]) == tot[m] for m in tot), "labels.json monthly totals equal the CSV sums")

    # ------------------------------------------------------------------ quiet-quarter
    print("== quiet-quarter")
    q = load("quiet-quarter")
    qt = period_sums(q)
    for m in sorted(qt):
        print(f"      total {m}: {qt[m]}")
    accts = {r["lineItem/UsageAccountId"] for r in q}
    services = {r["lineItem/ProductCode"] for r in q if r["lineItem/LineItemType"] == "Usage"}
    check(len(accts - {q[0]["bill/PayerAccountId"]}) >= 3, f"{len(accts)} accounts incl. payer")
    check(len(services) >= 10, f"{len(services)} services with usage")
    tagged = sum(1 for r in q if r["lineItem/LineItemType"] == "Usage" and r["resourceTags/user:team"] and r["resourceTags/user:env"])
    usage = sum(1 for r in q if r["lineItem/LineItemType"] == "Usage")
    check(tagged / usage > 0.8, f"team and env tags on {tagged / usage:.0%} of usage lines")
    eu = daily(q, lambda r: r["product/region"] == "eu-west-1")
    first_eu = min(k for k, v in eu.items() if v > 0)
    eu_oct = sum((v for k, v in eu.items() if k.startswith("2026-10")), D(0)) / 31
    print(f"      eu-west-1 first day {first_eu}, October mean {eu_oct}/day")
    check(first_eu == "2026-09-15" and D(60) <= eu_oct <= D(120), "eu-west-1 appears Sep 15 at $60-120/day")
    logs = daily(q, lambda r: r["lineItem/UsageType"] == "CAN1-DataProcessing-Bytes" and r["lineItem/UsageAccountId"] == "357924681035")
    last7 = sum(logs[f"2026-10-{d:02d}"] for d in range(25, 32))
    prior = sum((logs[k] for k in ("2026-09-27", "2026-09-28", "2026-09-29", "2026-09-30", "2026-10-01", "2026-10-02", "2026-10-03")), D(0))
    g = last7 / prior - 1
    print(f"      log ingestion ramp: last 7 days vs 4 weeks earlier {g:.4f}")
    check(D("0.5") <= g <= D("0.8"), "slow ramp +50-80% over about 4 weeks")
    lab_tot = labels["datasets"]["quiet-quarter"]["monthly_totals"]
    check(all(D(lab_tot[m]) == qt[m] for m in qt), "labels.json monthly totals equal the CSV sums")

    # ------------------------------------------------------------------ both
    allrows = rows + q
    ids = [r["lineItem/UsageAccountId"] for r in allrows] + [r["bill/PayerAccountId"] for r in allrows]
    check(all(re.fullmatch(r"\d{12}", a) for a in ids) and any(a.startswith("0") for a in ids),
          "account ids are 12-digit strings, some with a leading zero")
    check(any("E-" in r["lineItem/UnblendedCost"] for r in allrows), "some costs in E-notation")
    check(any(r["_cost"] < 0 and r["lineItem/LineItemType"] == "Credit" for r in allrows), "negative Credit lines present")
    check(all(r["lineItem/UsageStartDate"][:10] == r["identity/TimeInterval"][:10] for r in allrows),
          "usage start is inside the day of the TimeInterval")
    size = sum(os.path.getsize(os.path.join(dp, f)) for ds in ("incident-127k", "quiet-quarter")
               for dp, _, fs in os.walk(os.path.join(ROOT, ds)) for f in fs)
    check(size < 4_000_000, f"total size {size:,} bytes")
    print(f"\n{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

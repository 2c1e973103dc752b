#!/usr/bin/env python3
"""Independent expected numbers for the Reports tests, from the sample bills' CSV files.

Reads every .csv.gz under sample-bills/<dataset>/ with the csv module and sums
lineItem/UnblendedCost with decimal.Decimal: no spendtop code involved. Writes
Tests/ReportsTests/Fixtures/expected-weekly.json (decimal strings).

    python3 Tests/ReportsTests/Fixtures/independent_sums.py      # from the package root
"""
import csv, datetime as dt, decimal, glob, gzip, io, json, math, os, sys

decimal.getcontext().prec = 60
D = decimal.Decimal
TEN = D("0.0000000001")
USAGE = {"usage", "discountedusage", "savingsplancoveredusage", ""}
CASES = {
    "incident-127k": ["2026-10-11", "2026-10-28", "2026-11-28"],
    "quiet-quarter": ["2026-09-21", "2026-10-18", "2026-10-31"],
}
COMPARE = [("quiet-quarter", ("2026-10-01", "2026-10-31"), ("2026-09-01", "2026-09-30"))]


def load(dataset):
    """(day, service, usage type, line item type) -> Decimal."""
    cells = {}
    for path in sorted(glob.glob(f"sample-bills/{dataset}/**/*.csv.gz", recursive=True)):
        with gzip.open(path, "rt", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = (dt.date.fromisoformat(row["lineItem/UsageStartDate"][:10]), row["lineItem/ProductCode"],
                       row["lineItem/UsageType"], row["lineItem/LineItemType"])
                cells[key] = cells.get(key, D(0)) + D(row["lineItem/UnblendedCost"])
    return cells


def total(cells, start, end, keep=lambda key: True):
    return sum((v for k, v in cells.items() if start <= k[0] <= end and keep(k)), D(0))


def text(value):
    return str(value.quantize(TEN, rounding=decimal.ROUND_HALF_EVEN))


def weekly(cells, end):
    end = dt.date.fromisoformat(end)
    day = dt.timedelta(days=1)
    start = end - 6 * day
    first = min(k[0] for k in cells)
    usage = lambda k: k[3].lower() in USAGE
    month_start = end.replace(day=1)
    next_month = (month_start + 32 * day).replace(day=1)
    remaining = (next_month - day - end).days
    daily_usage = [total(cells, d, d, usage) for d in (end - i * day for i in range(13, -1, -1)) if d >= first]
    rate = (sum(daily_usage[-7:], D(0)) / len(daily_usage[-7:])).quantize(TEN, rounding=decimal.ROUND_HALF_EVEN)
    mtd = total(cells, month_start, end)
    month_end = mtd + rate * remaining
    squares = sum((float(x) - float(rate)) ** 2 for x in daily_usage)
    s = math.sqrt(squares / (len(daily_usage) - 1))
    half = 1.645 * s * math.sqrt(remaining + remaining * remaining / len(daily_usage[-7:]))
    groups = {}
    for (d, service, usage_type, item_type), value in cells.items():
        if item_type.lower() not in USAGE:
            continue
        entry = groups.setdefault((service, usage_type), [D(0), D(0)])
        if start <= d <= end:
            entry[0] += value
        elif start - 7 * day <= d < start:
            entry[1] += value
    calendar = {}
    for (d, _, _, item_type), value in cells.items():
        if item_type.lower() in USAGE:
            continue
        entry = calendar.setdefault(item_type.lower(), [D(0), D(0)])
        if start <= d <= end:
            entry[0] += value
        elif start - 7 * day <= d < start:
            entry[1] += value
    average_start = start - 28 * day
    return {
        "end": str(end),
        "total": text(total(cells, start, end)),
        "previousTotal": text(total(cells, start - 7 * day, start - day)),
        "fourWeekAverage": text(total(cells, average_start, start - day) / 4) if average_start >= first else None,
        "usageTotal": text(total(cells, start, end, usage)),
        "usagePreviousTotal": text(total(cells, start - 7 * day, start - day, usage)),
        "usageFourWeekAverage": text(total(cells, average_start, start - day, usage) / 4) if average_start >= first else None,
        "monthToDate": text(mtd),
        "usageRunRate": text(rate),
        "remainingDays": remaining,
        "monthEnd": text(month_end),
        "lowApprox": f"{max(float(mtd), float(month_end) - half):.2f}",
        "highApprox": f"{float(month_end) + half:.2f}",
        "usageGroups": sorted(
            ([service, usage_type, text(now), text(before)] for (service, usage_type), (now, before) in groups.items()
             if now != 0 or before != 0)),
        "calendarCharges": {kind: [text(now), text(before)] for kind, (now, before) in sorted(calendar.items())},
    }


def compare(cells, period, against):
    p = [dt.date.fromisoformat(x) for x in period]
    a = [dt.date.fromisoformat(x) for x in against]
    services = sorted({k[1] for k in cells})
    rows = {s: [text(total(cells, p[0], p[1], lambda k: k[1] == s)), text(total(cells, a[0], a[1], lambda k: k[1] == s))]
            for s in services}
    return {"period": list(period), "against": list(against), "byService": rows,
            "total": [text(total(cells, *p)), text(total(cells, *a))]}


def main():
    out = {"about": "Written by Tests/ReportsTests/Fixtures/independent_sums.py from the sample bills' CSV "
                    "(csv + decimal, no spendtop code). Amounts are unblended USD decimal strings.",
           "weekly": {}, "compare": []}
    loaded = {name: load(name) for name in CASES}
    for name, ends in CASES.items():
        out["weekly"][name] = [weekly(loaded[name], end) for end in ends]
    for name, period, against in COMPARE:
        entry = compare(loaded[name], period, against)
        entry["dataset"] = name
        out["compare"].append(entry)
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected-weekly.json")
    with open(target, "w") as handle:
        json.dump(out, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    sys.exit(main())

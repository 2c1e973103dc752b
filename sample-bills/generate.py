#!/usr/bin/env python3
"""Deterministic generator for spendtop's bundled sample bills.

Writes legacy AWS Cost and Usage Report (CUR) CSV exactly as AWS delivers it to S3 in
overwrite mode, one folder per billing period:

    sample-bills/<dataset>/<report>/YYYYMMDD-YYYYMMDD/<report>-<n>.csv.gz
    sample-bills/<dataset>/<report>/YYYYMMDD-YYYYMMDD/<report>-Manifest.json

then reads the CSV back (csv + decimal, never floats for sums) and writes
sample-bills/README.md and sample-bills/labels.json from what is actually in the files.

Python 3.11 standard library only. Everything is derived from fixed seeds and SHA-256 of
fixed strings; gzip is written with mtime=0 and no file name, so two runs produce
byte-identical files.

    python3 sample-bills/generate.py            # from the repository root
    python3 sample-bills/generate.py --out DIR  # write somewhere else (determinism checks)
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import os
import random
import shutil
import sys
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Callable, Optional

SEED = "spendtop-sample-bills-v1"
Q10 = Decimal("1E-10")
CENT = Decimal("0.01")
DATASETS = ("incident-127k", "quiet-quarter")
# Pricing units that count discrete things: usage amounts are whole numbers.
COUNT_UNITS = {"Requests", "Queries", "Events", "WriteRequestUnits", "ReadRequestUnits"}

# --------------------------------------------------------------------------------------------
# Legacy CUR columns (category, name, manifest type). Types as in real 2019+ manifests.
# --------------------------------------------------------------------------------------------
COLUMNS = [
    ("identity", "LineItemId", "String"),
    ("identity", "TimeInterval", "Interval"),
    ("bill", "InvoiceId", "String"),
    ("bill", "InvoicingEntity", "String"),
    ("bill", "BillingEntity", "String"),
    ("bill", "BillType", "String"),
    ("bill", "PayerAccountId", "String"),
    ("bill", "BillingPeriodStartDate", "DateTime"),
    ("bill", "BillingPeriodEndDate", "DateTime"),
    ("lineItem", "UsageAccountId", "String"),
    ("lineItem", "LineItemType", "String"),
    ("lineItem", "UsageStartDate", "DateTime"),
    ("lineItem", "UsageEndDate", "DateTime"),
    ("lineItem", "ProductCode", "String"),
    ("lineItem", "UsageType", "String"),
    ("lineItem", "Operation", "String"),
    ("lineItem", "AvailabilityZone", "String"),
    ("lineItem", "ResourceId", "String"),
    ("lineItem", "UsageAmount", "BigDecimal"),
    ("lineItem", "NormalizationFactor", "OptionalBigDecimal"),
    ("lineItem", "NormalizedUsageAmount", "OptionalBigDecimal"),
    ("lineItem", "CurrencyCode", "String"),
    ("lineItem", "UnblendedRate", "String"),
    ("lineItem", "UnblendedCost", "BigDecimal"),
    ("lineItem", "BlendedRate", "String"),
    ("lineItem", "BlendedCost", "BigDecimal"),
    ("lineItem", "LineItemDescription", "String"),
    ("lineItem", "TaxType", "String"),
    ("lineItem", "LegalEntity", "String"),
    ("product", "ProductName", "String"),
    ("product", "servicecode", "String"),
    ("product", "region", "String"),
    ("product", "regionCode", "String"),
    ("product", "location", "String"),
    ("product", "instanceType", "String"),
    ("product", "productFamily", "String"),
    ("product", "usagetype", "String"),
    ("product", "operation", "String"),
    ("pricing", "publicOnDemandCost", "BigDecimal"),
    ("pricing", "publicOnDemandRate", "String"),
    ("pricing", "term", "String"),
    ("pricing", "unit", "String"),
    ("resourceTags", "user:team", "String"),
    ("resourceTags", "user:env", "String"),
    ("resourceTags", "user:service", "String"),
]
HEADER = [f"{c}/{n}" for c, n, _ in COLUMNS]

PRODUCT_NAMES = {
    "AmazonEC2": "Amazon Elastic Compute Cloud",
    "AmazonRDS": "Amazon Relational Database Service",
    "AmazonElastiCache": "Amazon ElastiCache",
    "AmazonS3": "Amazon Simple Storage Service",
    "AWSLambda": "AWS Lambda",
    "AmazonCloudWatch": "AmazonCloudWatch",
    "AWSDeveloperSupport": "AWS Support (Developer)",
    "AWSSupportBusiness": "AWS Support (Business)",
    "AmazonDynamoDB": "Amazon DynamoDB",
    "AmazonEKS": "Amazon Elastic Container Service for Kubernetes",
    "AWSQueueService": "Amazon Simple Queue Service",
    "AmazonSNS": "Amazon Simple Notification Service",
    "AmazonCloudFront": "Amazon CloudFront",
    "awskms": "AWS Key Management Service",
    "AmazonRoute53": "Amazon Route 53",
    "AWSSecretsManager": "AWS Secrets Manager",
    "AmazonVPC": "Amazon Virtual Private Cloud",
    "AmazonAthena": "Amazon Athena",
    "AWSGlue": "AWS Glue",
    "AmazonGuardDuty": "Amazon GuardDuty",
    "AWSCloudTrail": "AWS CloudTrail",
    "AmazonECR": "Amazon EC2 Container Registry (ECR)",
}

# Location names as in the AWS price list / product/location; LOC_DESC as in descriptions.
LOCATION = {"us-east-1": "US East (N. Virginia)", "ca-central-1": "Canada (Central)",
            "eu-west-1": "EU (Ireland)"}
LOC_DESC = {"us-east-1": "US East (Northern Virginia)", "ca-central-1": "Canada (Central)",
            "eu-west-1": "EU (Ireland)"}
# Usage type prefixes. us-east-1 has none for most services; eu-west-1 is the legacy "EU-".
PREFIX = {"us-east-1": "", "ca-central-1": "CAN1-", "eu-west-1": "EU-"}
# CloudWatch Logs ingestion carries USE1- even in us-east-1 (seen in real CUR data).
LOGS_PREFIX = {"us-east-1": "USE1-", "ca-central-1": "CAN1-", "eu-west-1": "EU-"}
NORM = {"nano": "0.25", "micro": "0.5", "small": "1", "medium": "2", "large": "4",
        "xlarge": "8", "2xlarge": "16", "4xlarge": "32", "8xlarge": "64"}


# --------------------------------------------------------------------------------------------
# Small deterministic helpers
# --------------------------------------------------------------------------------------------
def h(*parts: object) -> bytes:
    return hashlib.sha256("|".join([SEED, *map(str, parts)]).encode()).digest()


def hexid(*parts: object, n: int = 16) -> str:
    return h(*parts).hex()[:n]


def noise(key: str, day: dt.date, sigma: float) -> float:
    """Gaussian noise that depends only on (key, day): no global RNG state."""
    if sigma == 0:
        return 0.0
    rng = random.Random(int.from_bytes(h("noise", key, day.isoformat())[:8], "big"))
    return rng.gauss(0.0, sigma)


def line_item_id(*parts: object) -> str:
    return base64.b32encode(h("lineitem", *parts)).decode().lower().rstrip("=")[:52]


def days_in_month(day: dt.date) -> int:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (nxt - day.replace(day=1)).days


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def iso(t: dt.datetime | dt.date) -> str:
    if isinstance(t, dt.datetime):
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{t.isoformat()}T00:00:00Z"


def at(y: int, m: int, d: int, hour: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hour)


def dec(x: float | int | str | Decimal) -> Decimal:
    if isinstance(x, Decimal):
        return x
    if isinstance(x, str):
        return Decimal(x)
    if isinstance(x, int):
        return Decimal(x)
    return Decimal(f"{x:.10f}")


def fmt(d: Decimal) -> str:
    """A CUR number: up to 10 decimals, E-notation (Java style, 9.984E-7) below 0.001."""
    d = d.quantize(Q10, rounding=ROUND_HALF_EVEN)
    if d == 0:
        return "0.0"
    if abs(d) < Decimal("0.001"):
        sign, digits, exp = d.normalize().as_tuple()
        ds = "".join(map(str, digits))
        mant = ds[0] + "." + (ds[1:] or "0")
        return ("-" if sign else "") + f"{mant}E{len(ds) - 1 + exp}"
    s = format(d.normalize(), "f")
    return s if "." in s else s + ".0"


def fmt_rate(d: Decimal) -> str:
    """Rates are strings in the manifest; written plainly, never in E-notation."""
    s = format(d.normalize(), "f")
    return s if "." in s else s + ".0"


def usd(d: Decimal) -> str:
    q = d.quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "−" if q < 0 else ""
    return f"{sign}${abs(q):,.2f}"


# --------------------------------------------------------------------------------------------
# Usage-amount building blocks
# --------------------------------------------------------------------------------------------
Amount = tuple[float, Optional[dt.datetime], Optional[dt.datetime]]
Interval = tuple[dt.datetime, Optional[dt.datetime]]


def hours_on(day: dt.date, intervals: list[Interval]) -> Optional[Amount]:
    """Hours a resource ran on `day` (intervals are hour-aligned, end exclusive, None = open)."""
    d0 = dt.datetime.combine(day, dt.time())
    d1 = d0 + dt.timedelta(days=1)
    total, first, last = 0.0, None, None
    for s, e in intervals:
        a, b = max(s, d0), min(e or d1, d1)
        if b > a:
            total += (b - a).total_seconds() / 3600
            first = a if first is None else min(first, a)
            last = b if last is None else max(last, b)
    return (total, first, last) if total > 0 else None


def weekly_hours(day: dt.date, weekdays_only: bool, h0: int, h1: int) -> Optional[Amount]:
    """A burst node that runs h0..h1 UTC (on weekdays only, if asked): autoscaling schedule."""
    if weekdays_only and day.weekday() >= 5:
        return None
    d0 = dt.datetime.combine(day, dt.time())
    return hours_on(day, [(d0 + dt.timedelta(hours=h0), d0 + dt.timedelta(hours=h1))])


def hourly_mean(day: dt.date, factor: Callable[[dt.datetime], float]) -> float:
    d0 = dt.datetime.combine(day, dt.time())
    return sum(factor(d0 + dt.timedelta(hours=i)) for i in range(24)) / 24


def window(onset: dt.datetime, fix: dt.datetime, k: float) -> Callable[[dt.datetime], float]:
    """Factor k from onset (inclusive) to fix (exclusive), 1 outside."""
    return lambda t: k if onset <= t < fix else 1.0


@dataclass
class Traffic:
    """Request-driven daily amount: base x weekday seasonality x growth x noise x incidents."""
    key: str
    base: float
    weekend: float = 0.8
    sigma: float = 0.04
    growth: float = 0.0          # per 30 days, compounding
    start: dt.date = dt.date(2026, 8, 1)
    begin: Optional[dt.date] = None
    factors: list[Callable[[dt.datetime], float]] = field(default_factory=list)
    daily: list[Callable[[dt.date], float]] = field(default_factory=list)

    def __call__(self, day: dt.date) -> Optional[Amount]:
        if self.begin and day < self.begin:
            return None
        x = self.base
        if day.weekday() >= 5:
            x *= self.weekend
        x *= (1 + self.growth) ** ((day - self.start).days / 30)
        x *= max(0.3, 1 + noise(self.key, day, self.sigma))
        for f in self.factors:
            x *= hourly_mean(day, f)
        for f in self.daily:
            x *= f(day)
        return (x, None, None)


def storage(key: str, gb0: float, growth: float = 0.0, sigma: float = 0.0,
            begin: Optional[dt.date] = None, start: dt.date = dt.date(2026, 8, 1),
            extra: Optional[Callable[[dt.date], float]] = None) -> Callable[[dt.date], Optional[Amount]]:
    """GB-Mo accrued per day: GB(day) / days in month (AWS prorates storage by the hour)."""
    def f(day: dt.date) -> Optional[Amount]:
        if begin and day < begin:
            return None
        gb = gb0 * (1 + growth) ** ((day - start).days / 30)
        gb *= 1 + noise(key, day, sigma)
        if extra:
            gb += extra(day)
        return (gb / days_in_month(day), None, None)
    return f


def monthly_units(units: float, begin: Optional[dt.datetime] = None) -> Callable[[dt.date], Optional[Amount]]:
    """Per-month quantities prorated hourly (CloudWatch metrics, KMS keys, secrets)."""
    def f(day: dt.date) -> Optional[Amount]:
        hrs = hours_on(day, [(begin or dt.datetime(2000, 1, 1), None)])
        if not hrs:
            return None
        return (units * hrs[0] / 24 / days_in_month(day), hrs[1], hrs[2])
    return f


# --------------------------------------------------------------------------------------------
# Meters: one line item per meter per day
# --------------------------------------------------------------------------------------------
@dataclass
class Meter:
    account: str
    product_code: str
    usage_type: str
    operation: str
    rate: str
    unit: str
    description: str
    family: str
    amount: Callable[[dt.date], Optional[Amount]]
    resource: str = ""
    az: str = ""
    region: str = "us-east-1"
    instance_type: str = ""
    norm: str = ""
    tags: dict = field(default_factory=dict)
    servicecode: Optional[str] = None
    product_name: Optional[str] = None
    product_operation: Optional[str] = None
    region_code: Optional[str] = None
    location: Optional[str] = None


class Org:
    """Builds meters for one organisation (fixed payer, legal entity, region defaults)."""

    def __init__(self, name: str):
        self.name = name
        self.meters: list[Meter] = []

    def add(self, m: Meter) -> Meter:
        self.meters.append(m)
        return m

    # ---- EC2 and friends ------------------------------------------------------------------
    def instance(self, acct, name, itype, rate, az, intervals=None, tags=None, region="us-east-1",
                 amount=None):
        iid = f"i-0{hexid(self.name, acct, name)}"
        return self.add(Meter(
            acct, "AmazonEC2", f"{PREFIX[region]}BoxUsage:{itype}", "RunInstances", rate, "Hrs",
            f"${rate} per On Demand Linux {itype} Instance Hour", "Compute Instance",
            amount or (lambda d, iv=intervals: hours_on(d, iv)), resource=iid, az=az,
            region=region, instance_type=itype, norm=NORM[itype.split(".")[1]], tags=tags or {}))

    def ebs(self, acct, name, gb, rate="0.08", az="", tags=None, region="us-east-1", begin=None,
            start_hour=None):
        vid = f"vol-0{hexid(self.name, acct, 'vol', name)}"
        amt = storage(vid, gb, begin=begin)
        if start_hour is not None:
            base = amt

            def amt(d, base=base):
                a = base(d)
                if a and d == start_hour.date():
                    frac = (24 - start_hour.hour) / 24
                    return (a[0] * frac, start_hour, None)
                return a
        return self.add(Meter(
            acct, "AmazonEC2", f"{PREFIX[region]}EBS:VolumeUsage.gp3", "CreateVolume-Gp3", rate,
            "GB-Mo",
            f"${rate} per GB-month of General Purpose (gp3) provisioned storage - {LOC_DESC[region]}",
            "Storage", amt, resource=vid, az=az, region=region, tags=tags or {}))

    def snapshots(self, acct, name, gb, growth, rate="0.05", tags=None, region="us-east-1"):
        sid = f"arn:aws:ec2:{region}:{acct}:snapshot/snap-0{hexid(self.name, acct, 'snap', name)}"
        return self.add(Meter(
            acct, "AmazonEC2", f"{PREFIX[region]}EBS:SnapshotUsage", "CreateSnapshot", rate, "GB-Mo",
            f"${rate} per GB-Month of snapshot data stored - {LOC_DESC[region]}", "Storage Snapshot",
            storage(sid, gb, growth), resource=sid, region=region, tags=tags or {}))

    def nat(self, acct, name, rate, gb_traffic: Traffic, tags=None, region="us-east-1"):
        arn = f"arn:aws:ec2:{region}:{acct}:natgateway/nat-0{hexid(self.name, acct, 'nat', name)}"
        p = PREFIX[region]
        self.add(Meter(acct, "AmazonEC2", f"{p}NatGateway-Hours", "NatGateway", rate, "Hrs",
                       f"${rate} per NAT Gateway Hour", "NAT Gateway",
                       lambda d: hours_on(d, [(dt.datetime(2026, 1, 1), None)]), resource=arn,
                       region=region, tags=tags or {}))
        self.add(Meter(acct, "AmazonEC2", f"{p}NatGateway-Bytes", "NatGateway", rate, "GB",
                       f"${rate} per GB Data Processed by NAT Gateways", "NAT Gateway", gb_traffic,
                       resource=arn, region=region, tags=tags or {}))

    def data_out(self, acct, resource, traffic, rate="0.09", region="us-east-1", tags=None):
        return self.add(Meter(
            acct, "AmazonEC2", f"{PREFIX[region]}DataTransfer-Out-Bytes", "RunInstances", rate, "GB",
            f"${Decimal(rate):.3f} per GB - first 10 TB / month data transfer out beyond the global free tier",
            "Data Transfer", traffic, resource=resource, region=region, tags=tags or {},
            servicecode="AWSDataTransfer", product_operation="", region_code="", location=""))

    def data_regional(self, acct, resource, direction, traffic, region="us-east-1", tags=None):
        return self.add(Meter(
            acct, "AmazonEC2", f"{PREFIX[region]}DataTransfer-Regional-Bytes", f"InterZone-{direction}",
            "0.01", "GB",
            "$0.010 per GB - regional data transfer - in/out/between EC2 AZs or using elastic IPs or ELB",
            "Data Transfer", traffic, resource=resource, region=region, tags=tags or {},
            servicecode="AWSDataTransfer", product_operation="", region_code="", location=""))

    # ---- Databases and caches -------------------------------------------------------------
    def rds(self, acct, name, cls, rate, multi_az=False, intervals=None, tags=None,
            region="us-east-1"):
        ut = "Multi-AZUsage" if multi_az else "InstanceUsage"
        az_text = "Multi-AZ" if multi_az else "Single-AZ"
        return self.add(Meter(
            acct, "AmazonRDS", f"{PREFIX[region]}{ut}:{cls}", "CreateDBInstance:0014", rate, "Hrs",
            f"${rate} per RDS {cls} {az_text} instance hour (or partial hour) running PostgreSQL",
            "Database Instance",
            lambda d, iv=intervals or [(dt.datetime(2026, 1, 1), None)]: hours_on(d, iv),
            resource=f"arn:aws:rds:{region}:{acct}:db:{name}", region=region, instance_type=cls,
            norm=NORM[cls.split(".")[2]], tags=tags or {}))

    def rds_storage(self, acct, name, gb, rate="0.115", multi_az=False, tags=None, region="us-east-1"):
        ut = "RDS:Multi-AZ-GP3-Storage" if multi_az else "RDS:GP3-Storage"
        arn = f"arn:aws:rds:{region}:{acct}:db:{name}"
        return self.add(Meter(
            acct, "AmazonRDS", f"{PREFIX[region]}{ut}", "CreateDBInstance:0014", rate, "GB-Mo",
            f"${rate} per GB-month of provisioned GP3 storage{' (Multi-AZ)' if multi_az else ''} running PostgreSQL",
            "Database Storage", storage(arn + ut, gb), resource=arn, region=region, tags=tags or {}))

    def rds_backup(self, acct, name, gb, growth, rate="0.095", tags=None, region="us-east-1"):
        arn = f"arn:aws:rds:{region}:{acct}:db:{name}"
        return self.add(Meter(
            acct, "AmazonRDS", f"{PREFIX[region]}RDS:ChargedBackupUsage", "Not Applicable", rate,
            "GB-Mo", f"${rate} per RDS additional GB-month of backup storage exceeding free allocation",
            "Storage Snapshot", storage(arn + "backup", gb, growth), resource=arn, region=region,
            tags=tags or {}))

    def cache_node(self, acct, node_id, ntype, rate, intervals, tags=None, region="us-east-1"):
        return self.add(Meter(
            acct, "AmazonElastiCache", f"{PREFIX[region]}NodeUsage:{ntype}", "CreateCacheCluster:0002",
            rate, "Hrs", f"${rate} per Redis {ntype} node-hour (or partial hour)", "Cache Instance",
            lambda d, iv=intervals: hours_on(d, iv),
            resource=f"arn:aws:elasticache:{region}:{acct}:cluster:{node_id}", region=region,
            instance_type=ntype, norm=NORM[ntype.split(".")[2]], tags=tags or {}))

    # ---- S3 ---------------------------------------------------------------------------------
    def bucket(self, acct, bucket, gb, growth, put: Traffic, get: Traffic, rate_gb="0.023",
               tags=None, region="us-east-1", begin=None):
        p = PREFIX[region]
        self.add(Meter(acct, "AmazonS3", f"{p}TimedStorage-ByteHrs", "StandardStorage", rate_gb,
                       "GB-Mo", f"${rate_gb} per GB - first 50 TB / month of storage used", "Storage",
                       storage(bucket, gb, growth, sigma=0.002, begin=begin), resource=bucket,
                       region=region, tags=tags or {}))
        t1 = self.add(Meter(acct, "AmazonS3", f"{p}Requests-Tier1", "PutObject", "0.000005",
                            "Requests", "$0.005 per 1,000 PUT, COPY, POST, or LIST requests",
                            "API Request", put, resource=bucket, region=region, tags=tags or {}))
        self.add(Meter(acct, "AmazonS3", f"{p}Requests-Tier2", "GetObject", "0.0000004", "Requests",
                       "$0.004 per 10,000 GET and all other requests", "API Request", get,
                       resource=bucket, region=region, tags=tags or {}))
        return t1

    # ---- Lambda -------------------------------------------------------------------------------
    def function(self, acct, name, gbs: Traffic, req: Traffic, tags=None, region="us-east-1"):
        p = PREFIX[region]
        arn = f"arn:aws:lambda:{region}:{acct}:function:{name}"
        self.add(Meter(acct, "AWSLambda", f"{p}Lambda-GB-Second", "Invoke", "0.0000166667",
                       "Lambda-GB-Second", f"AWS Lambda - Total Compute - {LOC_DESC[region]}",
                       "Serverless", gbs, resource=arn, region=region, tags=tags or {}))
        self.add(Meter(acct, "AWSLambda", f"{p}Request", "Invoke", "0.0000002", "Requests",
                       f"AWS Lambda - Total Requests - {LOC_DESC[region]}", "Serverless", req,
                       resource=arn, region=region, tags=tags or {}))

    # ---- CloudWatch ---------------------------------------------------------------------------
    def metrics(self, acct, n, rate="0.30", region="us-east-1", tags=None):
        return self.add(Meter(
            acct, "AmazonCloudWatch", f"{PREFIX[region]}CW:MetricMonitorUsage", "MetricStorage", rate,
            "Metrics",
            f"${rate} per metric-month for the first 10,000 metrics - {LOC_DESC[region]}", "Metric",
            monthly_units(n), region=region, tags=tags or {}))

    def log_group(self, acct, group, traffic, rate="0.50", region="us-east-1", tags=None):
        return self.add(Meter(
            acct, "AmazonCloudWatch", f"{LOGS_PREFIX[region]}DataProcessing-Bytes", "PutLogEvents", rate,
            "GB", f"${rate} per GB custom log data ingested - {LOC_DESC[region]}", "Data Payload",
            traffic, resource=f"arn:aws:logs:{region}:{acct}:log-group:{group}", region=region,
            tags=tags or {}))

    def log_storage(self, acct, gb, growth, rate="0.03", region="us-east-1", tags=None):
        return self.add(Meter(
            acct, "AmazonCloudWatch", f"{PREFIX[region]}TimedStorage-ByteHrs", "HourlyStorageMetering",
            rate, "GB-Mo", f"${rate} per GB-mo of log storage - {LOC_DESC[region]}",
            "Storage Snapshot", storage(f"logs{acct}", gb, growth), region=region, tags=tags or {}))

    def generic(self, acct, product, usage_type, operation, rate, unit, description, family, amount,
                resource="", region="ca-central-1", tags=None, **kw):
        return self.add(Meter(acct, product, usage_type, operation, rate, unit, description, family,
                              amount, resource=resource, region=region, tags=tags or {}, **kw))


# --------------------------------------------------------------------------------------------
# Report writer: rows per billing period, calendar charges, gzip parts, manifests
# --------------------------------------------------------------------------------------------
@dataclass
class Calendar:
    """Support plan, tax and credits of one organisation."""
    support: str                 # "developer" or "business"
    tax_rate: Decimal
    tax_type: str
    credits: list[dict] = field(default_factory=list)


@dataclass
class ReportSpec:
    dataset: str
    report: str
    bucket: str
    payer: str
    invoicing_entity: str
    legal_entity: str
    first_day: dt.date
    last_day: dt.date            # inclusive: data delivered up to this day
    final_months: set
    calendar: Calendar
    rows_per_part: int


def tags_of(m: Meter) -> list[str]:
    return [m.tags.get("team", ""), m.tags.get("env", ""), m.tags.get("service", "")]


def build_rows(spec: ReportSpec, org: Org) -> dict[dt.date, list[list[str]]]:
    """Rows per billing period (keyed by the 1st of the month)."""
    periods: dict[dt.date, list[list[str]]] = defaultdict(list)
    # per period: (account, product code) -> cost, for tax; usage total for support.
    per_acct_product: dict[dt.date, dict[tuple[str, str], Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    usage_total: dict[dt.date, Decimal] = defaultdict(Decimal)

    def bill_cols(period: dt.date) -> list[str]:
        inv = ""
        if period in spec.final_months:
            inv = str(1_000_000_000 + int.from_bytes(h("invoice", spec.dataset, period)[:6], "big") % 8_999_999_999)
        return [inv, spec.invoicing_entity, "AWS", "Anniversary", spec.payer, iso(period),
                iso(next_month(period))]

    day = spec.first_day
    while day <= spec.last_day:
        period = month_start(day)
        interval = f"{iso(day)}/{iso(day + dt.timedelta(days=1))}"
        for m in org.meters:
            a = m.amount(day)
            if not a:
                continue
            amount = dec(round(a[0]) if m.unit in COUNT_UNITS else a[0]).quantize(Q10)
            if amount <= 0:
                continue
            start = a[1] or dt.datetime.combine(day, dt.time())
            end = a[2] or dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
            rate = Decimal(m.rate)
            cost = (rate * amount).quantize(Q10, rounding=ROUND_HALF_EVEN)
            norm_amount = fmt(amount * Decimal(m.norm)) if m.norm else ""
            lid = line_item_id(spec.dataset, day, m.account, m.usage_type, m.operation, m.resource)
            per_acct_product[period][(m.account, m.product_code)] += cost
            usage_total[period] += cost
            periods[period].append([
                lid, interval, *bill_cols(period),
                m.account, "Usage", iso(start), iso(end), m.product_code, m.usage_type, m.operation,
                m.az, m.resource, fmt(amount), m.norm, norm_amount, "USD", fmt_rate(rate), fmt(cost),
                fmt_rate(rate), fmt(cost), m.description, "", spec.legal_entity,
                m.product_name or PRODUCT_NAMES[m.product_code], m.servicecode or m.product_code,
                m.region, m.region if m.region_code is None else m.region_code,
                LOCATION[m.region] if m.location is None else m.location, m.instance_type, m.family,
                m.usage_type, m.operation if m.product_operation is None else m.product_operation,
                fmt(cost), fmt_rate(rate), "OnDemand", m.unit, *tags_of(m),
            ])
        day += dt.timedelta(days=1)

    # Month-level charges: dated day 1 (daily TimeInterval of day 1), usage window = whole month.
    cal = spec.calendar
    for period in sorted(periods):
        interval = f"{iso(period)}/{iso(period + dt.timedelta(days=1))}"
        month_window = (iso(period), iso(next_month(period)))

        def calendar_row(acct, kind, product, usage_type, amount, rate, cost, description, tax_type=""):
            lid = line_item_id(spec.dataset, period, acct, kind, product, usage_type, description)
            return [lid, interval, *bill_cols(period), acct, kind, *month_window, product, usage_type,
                    "", "", "", fmt(amount), "", "", "USD", rate, fmt(cost), rate, fmt(cost),
                    description, tax_type, spec.legal_entity, PRODUCT_NAMES[product],
                    product if kind == "Fee" else "", "", "", "", "", "", "", "", "0.0", "", "", "",
                    "", "", ""]

        # Credits (negative), applied to one account and product code.
        for c in cal.credits:
            if c["period"] != period:
                continue
            cost = -Decimal(c["amount"])
            per_acct_product[period][(c["account"], c["product"])] += cost
            periods[period].append(calendar_row(c["account"], "Credit", c["product"], "",
                                                Decimal(1), "", cost, c["description"]))

        # Support: a percentage of the month's usage charges, billed to the payer on day 1.
        usage = usage_total[period]
        if cal.support == "developer":
            tiers = [(Decimal("0"), None, Decimal("0.03"), "3% of monthly AWS usage (minimum $29)")]
            product = "AWSDeveloperSupport"
        else:
            tiers = [(Decimal("0"), Decimal("10000"), Decimal("0.10"), "10% of monthly AWS usage for the first $0-$10K"),
                     (Decimal("10000"), Decimal("80000"), Decimal("0.07"), "7% of monthly AWS usage from $10K-$80K"),
                     (Decimal("80000"), Decimal("250000"), Decimal("0.05"), "5% of monthly AWS usage from $80K-$250K")]
            product = "AWSSupportBusiness"
        for lo, hi, rate, text in tiers:
            slab = max(Decimal(0), (usage if hi is None else min(usage, hi)) - lo)
            if slab <= 0:
                continue
            slab = slab.quantize(Q10)
            cost = (slab * rate).quantize(Q10)
            per_acct_product[period][(spec.payer, product)] += cost
            periods[period].append(calendar_row(spec.payer, "Fee", product, "Dollar", slab,
                                                fmt_rate(rate), cost, text))

        # Tax: one line per (usage account, product code), cents, on the month so far.
        for (acct, product), base in sorted(per_acct_product[period].items()):
            tax = (base * cal.tax_rate).quantize(CENT, rounding=ROUND_HALF_UP)
            if tax == 0:
                continue
            periods[period].append(calendar_row(acct, "Tax", product, "", Decimal(1), "", tax,
                                                f"Tax for product code {product}", cal.tax_type))
    return periods


def write_report(spec: ReportSpec, org: Org, root: str) -> list[str]:
    periods = build_rows(spec, org)
    written = []
    for period, rows in sorted(periods.items()):
        rng = f"{period:%Y%m%d}-{next_month(period):%Y%m%d}"
        folder = os.path.join(root, spec.dataset, spec.report, rng)
        os.makedirs(folder, exist_ok=True)
        keys = []
        parts = [rows[i:i + spec.rows_per_part] for i in range(0, len(rows), spec.rows_per_part)]
        for n, part in enumerate(parts, 1):
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(HEADER)
            w.writerows(part)
            name = f"{spec.report}-{n}.csv.gz"
            with open(os.path.join(folder, name), "wb") as fh:
                fh.write(gzip.compress(buf.getvalue().encode("utf-8"), compresslevel=9, mtime=0))
            keys.append(f"{spec.dataset}/{spec.report}/{rng}/{name}")
            written.append(os.path.join(folder, name))
        manifest = {
            "assemblyId": str(uuid.uuid5(uuid.NAMESPACE_URL,
                                         f"spendtop-samples:{spec.dataset}/{spec.report}/{rng}")),
            "account": spec.payer,
            "columns": [{"category": c, "name": n, "type": t} for c, n, t in COLUMNS],
            "charset": "UTF-8",
            "compression": "GZIP",
            "contentType": "text/csv",
            "reportId": hashlib.sha256(f"{spec.payer}:{spec.report}".encode()).hexdigest(),
            "reportName": spec.report,
            "billingPeriod": {"start": f"{period:%Y%m%d}T000000.000Z",
                              "end": f"{next_month(period):%Y%m%d}T000000.000Z"},
            "bucket": spec.bucket,
            "reportKeys": keys,
            "additionalArtifactKeys": [],
        }
        mpath = os.path.join(folder, f"{spec.report}-Manifest.json")
        with open(mpath, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(manifest, fh, indent=2)
            fh.write("\n")
        written.append(mpath)
    return written


# --------------------------------------------------------------------------------------------
# Dataset 1: incident-127k (pixelbox, us-east-1, $4.2k/month baseline, $51k October)
# --------------------------------------------------------------------------------------------
I_PAYER, I_PROD, I_STAGING = "091827364510", "408517293640", "062719384451"

# Incident timeline (UTC). Onsets in the first week of October, fixes near the end.
T_DT_ON = at(2026, 10, 2, 16)      # release 4.12: listing endpoint does SELECT * (Fri)
T_DT_FIX = at(2026, 10, 29, 20)    # explicit column list deployed (Thu evening)
T_EC_OOM = at(2026, 10, 3, 6)      # Redis evictions / OOM: scale out 1 -> 3 shards (Sat)
T_EC_OUT2 = at(2026, 10, 6, 11)    # still evicting: 3 -> 5 shards (Tue)
T_EC_UP = at(2026, 10, 22, 13)     # new replication group on cache.r6g.4xlarge (Thu)
T_EC_OLD_OFF = at(2026, 10, 22, 15)  # old cache.r6g.large group deleted after cut-over
T_LAMBDA_ON = at(2026, 10, 5, 9)   # image pipeline made synchronous: 30 s timeouts + retries (Mon)
T_LAMBDA_FIX = at(2026, 10, 28, 12)  # back to async via SQS (Wed)
T_S3_ON = at(2026, 10, 6, 14)      # upload client retries failed PUTs without backoff (Tue)
T_S3_FIX = at(2026, 10, 27, 17)    # client 7.3 with exponential backoff (Tue)

K_DT_OUT = 38.5
K_DT_REGIONAL = 42.0
K_LAMBDA_GBS = 42.5
K_LAMBDA_REQ = 1.8
K_LOGS = 36.0
K_S3_PUT = 212.0

EC_LARGE_RATE = "0.206"
EC_4XL_RATE = "1.646"


def dt_tail(day: dt.date) -> float:
    """Old mobile clients keep hitting the v1 endpoint for a few days after the fix."""
    tail = {dt.date(2026, 10, 30): 4.0, dt.date(2026, 10, 31): 3.0, dt.date(2026, 11, 1): 2.2,
            dt.date(2026, 11, 2): 1.6, dt.date(2026, 11, 3): 1.3}
    return tail.get(day, 1.0)


def incident_org() -> Org:
    o = Org("pixelbox")
    P, S = I_PROD, I_STAGING
    t_api = {"team": "platform", "env": "prod", "service": "api"}
    t_media = {"team": "media", "env": "prod", "service": "image-pipeline"}
    t_data = {"team": "platform", "env": "prod", "service": "orders-db"}
    t_cache = {"team": "platform", "env": "prod", "service": "sessions"}
    t_stg = {"team": "platform", "env": "staging", "service": "api"}
    always = [(dt.datetime(2026, 1, 1), None)]
    dt_window = window(T_DT_ON, T_DT_FIX, K_DT_OUT)
    rg_window = window(T_DT_ON, T_DT_FIX, K_DT_REGIONAL)

    # EC2: API fleet, image workers, bastion (untagged, as real fleets always have one).
    azs = ["us-east-1a", "us-east-1b", "us-east-1c"]
    api_ids = []
    for i in range(6):
        m = o.instance(P, f"api-{i + 1}", "m6i.large", "0.096", azs[i % 3], always, t_api)
        api_ids.append((m.resource, azs[i % 3]))
    for i in range(2):
        o.instance(P, f"worker-{i + 1}", "c6i.xlarge", "0.17", azs[i], always, t_media)
    o.instance(P, "bastion", "t3.micro", "0.0104", "us-east-1a", always, {})
    # EBS
    for i, (_, az) in enumerate(api_ids):
        o.ebs(P, f"api-{i + 1}-root", 100, az=az, tags=t_api)
    o.ebs(P, "worker-1-root", 200, az="us-east-1a", tags=t_media)
    o.ebs(P, "worker-2-root", 200, az="us-east-1b", tags=t_media)
    o.ebs(P, "worker-scratch", 400, az="us-east-1a", tags=t_media)
    o.ebs(P, "bastion-root", 8, az="us-east-1a")
    o.snapshots(P, "daily-backups", 1200, 0.015, tags={"team": "platform", "env": "prod"})
    # NAT gateway
    o.nat(P, "prod-nat-a", "0.045", Traffic("nat-bytes", 85, weekend=0.8), tags={"team": "platform", "env": "prod"})
    # Data transfer from the API fleet (SELECT * incident)
    for i, (iid, az) in enumerate(api_ids):
        o.data_out(P, iid, Traffic(f"dto-{i}", 160 / 6, factors=[dt_window], daily=[dt_tail]), tags=t_api)
        o.data_regional(P, iid, "Out", Traffic(f"rgo-{i}", 110 / 6, factors=[rg_window]), tags=t_api)
        o.data_regional(P, iid, "In", Traffic(f"rgi-{i}", 95 / 6, factors=[rg_window]), tags=t_api)

    # RDS PostgreSQL primary + read replica
    for name in ("orders-db", "orders-db-replica-1"):
        o.rds(P, name, "db.r6g.large", "0.225", tags=t_data)
        o.rds_storage(P, name, 400, tags=t_data)
    o.rds_backup(P, "orders-db", 300, 0.02, tags=t_data)

    # ElastiCache Redis: 1 shard (primary + replica) -> 3 -> 5 shards -> 1 shard of r6g.4xlarge
    until_up = [(dt.datetime(2026, 1, 1), T_EC_OLD_OFF)]
    for node in ("session-cache-0001-001", "session-cache-0001-002"):
        o.cache_node(P, node, "cache.r6g.large", EC_LARGE_RATE, until_up, t_cache)
    for shard in (2, 3):
        for r in (1, 2):
            o.cache_node(P, f"session-cache-000{shard}-00{r}", "cache.r6g.large", EC_LARGE_RATE,
                         [(T_EC_OOM, T_EC_OLD_OFF)], t_cache)
    for shard in (4, 5):
        for r in (1, 2):
            o.cache_node(P, f"session-cache-000{shard}-00{r}", "cache.r6g.large", EC_LARGE_RATE,
                         [(T_EC_OUT2, T_EC_OLD_OFF)], t_cache)
    for r in (1, 2):
        o.cache_node(P, f"session-cache-v2-0001-00{r}", "cache.r6g.4xlarge", EC_4XL_RATE,
                     [(T_EC_UP, None)], t_cache)

    # S3
    s3_window = window(T_S3_ON, T_S3_FIX, K_S3_PUT)
    o.bucket(P, "pixelbox-uploads-prod", 6000, 0.015,
             Traffic("put-uploads", 450_000, factors=[s3_window]),
             Traffic("get-uploads", 2_500_000), tags=t_media)
    o.bucket(P, "pixelbox-thumbs-prod", 2500, 0.02, Traffic("put-thumbs", 900_000),
             Traffic("get-thumbs", 10_000_000), tags=t_media)
    o.bucket(P, "pixelbox-logs-prod", 3400, 0.025, Traffic("put-logs", 200_000, weekend=0.95),
             Traffic("get-logs", 4_000, weekend=0.5, sigma=0.2), tags={"team": "platform", "env": "prod"})
    o.bucket(P, "pixelbox-static-site", 40, 0.0, Traffic("put-static", 35, weekend=0.3, sigma=0.3),
             Traffic("get-static", 60_000), tags={"team": "web", "env": "prod", "service": "website"})

    # Lambda
    lam = window(T_LAMBDA_ON, T_LAMBDA_FIX, K_LAMBDA_GBS)
    lam_req = window(T_LAMBDA_ON, T_LAMBDA_FIX, K_LAMBDA_REQ)
    o.function(P, "image-resize", Traffic("gbs-resize", 1_000_000, factors=[lam]),
               Traffic("req-resize", 420_000, factors=[lam_req]), t_media)
    o.function(P, "thumbnail-generate", Traffic("gbs-thumb", 250_000), Traffic("req-thumb", 1_260_000), t_media)
    o.function(P, "webhook-handler", Traffic("gbs-webhook", 40_000), Traffic("req-webhook", 900_000),
               {"team": "platform", "env": "prod", "service": "webhooks"})
    o.function(P, "nightly-report", Traffic("gbs-nightly", 3_600, weekend=1.0, sigma=0.02),
               Traffic("req-nightly", 1, weekend=1.0, sigma=0.0), {"team": "platform", "env": "prod"})

    # CloudWatch
    o.metrics(P, 320)
    o.log_group(P, "/pixelbox/api", Traffic("logs-api", 4.0), tags=t_api)
    o.log_group(P, "/aws/lambda/image-resize",
                Traffic("logs-resize", 2.5, factors=[window(T_LAMBDA_ON, T_LAMBDA_FIX, K_LOGS)]),
                tags=t_media)
    o.log_group(P, "/aws/lambda/webhook-handler", Traffic("logs-webhook", 1.0),
                tags={"team": "platform", "env": "prod", "service": "webhooks"})
    o.log_storage(P, 600, 0.03)

    # Staging account: small copies of the stack; tiny request counts give E-notation costs.
    o.instance(S, "stg-api-1", "t3.medium", "0.0416", "us-east-1a", always, t_stg)
    o.instance(S, "stg-api-2", "t3.medium", "0.0416", "us-east-1b", always, t_stg)
    o.ebs(S, "stg-api-1-root", 50, az="us-east-1a", tags=t_stg)
    o.ebs(S, "stg-api-2-root", 50, az="us-east-1b", tags=t_stg)
    o.rds(S, "orders-db-staging", "db.t4g.medium", "0.065", tags={"team": "platform", "env": "staging"})
    o.rds_storage(S, "orders-db-staging", 100, tags={"team": "platform", "env": "staging"})
    o.bucket(S, "pixelbox-uploads-staging", 200, 0.01, Traffic("put-stg", 2_000, weekend=0.2, sigma=0.3),
             Traffic("get-stg", 9_000, weekend=0.2, sigma=0.3), tags={"team": "media", "env": "staging"})
    o.function(S, "image-resize-staging", Traffic("gbs-stg", 1_800, weekend=0.1, sigma=0.3),
               Traffic("req-stg", 1_200, weekend=0.1, sigma=0.3), {"team": "media", "env": "staging"})
    o.metrics(S, 40)
    return o


def incident_spec() -> ReportSpec:
    return ReportSpec(
        dataset="incident-127k", report="spendtop-cur", bucket="pixelbox-cur-exports",
        payer=I_PAYER, invoicing_entity="Amazon Web Services, Inc.",
        legal_entity="Amazon Web Services, Inc.",
        first_day=dt.date(2026, 8, 1), last_day=dt.date(2026, 11, 28),
        final_months={dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)},
        calendar=Calendar(
            support="developer", tax_rate=Decimal("0.0625"), tax_type="US Sales Tax",
            credits=[{"period": dt.date(2026, 9, 1), "account": I_PROD, "product": "AmazonRDS",
                      "amount": "48.60",
                      "description": "AWS Service Level Agreement credit - Amazon RDS (August 2026)"}]),
        rows_per_part=100_000)


INCIDENT_LABELS = [
    # incident, product, usage type, account, kind, start, end (last affected day), fix time, what
    ("select-star", "AmazonEC2", "DataTransfer-Out-Bytes", I_PROD, "spike", T_DT_ON, dt.date(2026, 11, 3), T_DT_FIX,
     "release 4.12: listing endpoint runs SELECT * and ships whole rows to clients; old mobile clients keep a small tail to Nov 3"),
    ("select-star", "AmazonEC2", "DataTransfer-Regional-Bytes", I_PROD, "spike", T_DT_ON, dt.date(2026, 10, 29), T_DT_FIX,
     "the same queries pull full rows from the RDS replica across AZs"),
    ("redis-memory", "AmazonElastiCache", "NodeUsage:cache.r6g.large", I_PROD, "step", T_EC_OOM, dt.date(2026, 10, 22), T_EC_OLD_OFF,
     "memory exhaustion from over-caching: scaled out 1 -> 3 shards (Oct 3), 3 -> 5 shards (Oct 6); old group deleted Oct 22 15:00"),
    ("redis-memory", "AmazonElastiCache", "NodeUsage:cache.r6g.4xlarge", I_PROD, "new", T_EC_UP, None, None,
     "permanent fix: 1 shard (primary + replica) of cache.r6g.4xlarge from Oct 22 13:00; stays"),
    ("lambda-sync-timeouts", "AWSLambda", "Lambda-GB-Second", I_PROD, "spike", T_LAMBDA_ON, dt.date(2026, 10, 28), T_LAMBDA_FIX,
     "image-resize made synchronous: invocations run into the 30 s timeout and are retried"),
    ("lambda-sync-timeouts", "AmazonCloudWatch", "USE1-DataProcessing-Bytes", I_PROD, "spike", T_LAMBDA_ON, dt.date(2026, 10, 28), T_LAMBDA_FIX,
     "timeout stack traces flood /aws/lambda/image-resize"),
    ("s3-put-retries", "AmazonS3", "Requests-Tier1", I_PROD, "spike", T_S3_ON, dt.date(2026, 10, 27), T_S3_FIX,
     "upload client retries failed PutObject calls without backoff (pixelbox-uploads-prod)"),
]


# --------------------------------------------------------------------------------------------
# Dataset 2: quiet-quarter (larkspur, multi-account, ca-central-1, Aug-Oct 2026)
# --------------------------------------------------------------------------------------------
Q_PAYER, Q_PROD, Q_STAGING, Q_DATA, Q_SHARED = (
    "731904826615", "018273645590", "246813579024", "357924681035", "469135792046")
T_EU_ON = at(2026, 9, 15, 10)      # eu-west-1 frontend fleet launched (Tue)
T_EU_ALL = at(2026, 9, 16, 9)      # second half of the fleet
RAMP_START, RAMP_END, RAMP_GAIN = dt.date(2026, 10, 5), dt.date(2026, 10, 31), 0.75


def ramp(day: dt.date) -> float:
    if day < RAMP_START:
        return 1.0
    return 1.0 + RAMP_GAIN * min(1.0, (day - RAMP_START).days / (RAMP_END - RAMP_START).days)


def quiet_org() -> Org:
    o = Org("larkspur")
    R = "ca-central-1"
    p = PREFIX[R]
    always = [(dt.datetime(2026, 1, 1), None)]

    def tg(team, env, service=""):
        return {"team": team, "env": env, "service": service}

    growth = 0.015  # traffic, per 30 days

    # ---------------- prod ----------------
    A = Q_PROD
    o.generic(A, "AmazonEKS", f"{p}AmazonEKS-Hours:perCluster", "CreateOperation", "0.10", "Hours",
              "Amazon EKS cluster usage in Canada (Central)", "Compute",
              lambda d: hours_on(d, always), resource=f"arn:aws:eks:{R}:{A}:cluster/prod-main",
              tags=tg("platform", "prod", "k8s"))
    azs = [f"{R}a", f"{R}b", f"{R}d"]
    for i in range(8):
        o.instance(A, f"prod-node-{i}", "m6i.xlarge", "0.214", azs[i % 3], always,
                   tg("platform", "prod", "k8s-nodes"), region=R)
        o.ebs(A, f"prod-node-{i}", 100, rate="0.088", az=azs[i % 3], tags=tg("platform", "prod", "k8s-nodes"), region=R)
    for i in range(4):   # autoscaled weekday capacity 07:00-23:00 UTC
        o.instance(A, f"prod-burst-{i}", "m6i.xlarge", "0.214", azs[i % 3], tags=tg("platform", "prod", "k8s-nodes"),
                   region=R, amount=lambda d: weekly_hours(d, True, 7, 23))
    o.instance(A, "prod-bastion", "t3.micro", "0.0116", azs[0], always, {}, region=R)
    o.rds(A, "core-db", "db.r6g.xlarge", "0.984", multi_az=True, tags=tg("payments", "prod", "core-db"), region=R)
    o.rds_storage(A, "core-db", 800, rate="0.254", multi_az=True, tags=tg("payments", "prod", "core-db"), region=R)
    o.rds_backup(A, "core-db", 400, 0.03, rate="0.105", tags=tg("payments", "prod", "core-db"), region=R)
    for r in (1, 2):
        o.cache_node(A, f"prod-cache-0001-00{r}", "cache.r6g.large", "0.228", always,
                     tg("platform", "prod", "cache"), region=R)
    for tbl, w, rd, gb in (("orders", 28e6, 140e6, 120), ("sessions", 60e6, 220e6, 35), ("audit-events", 22e6, 4e6, 300)):
        arn = f"arn:aws:dynamodb:{R}:{A}:table/{tbl}"
        t = tg("payments" if tbl != "sessions" else "web", "prod", tbl)
        o.generic(A, "AmazonDynamoDB", f"{p}WriteRequestUnits", "PayPerRequestThroughput", "0.000000688",
                  "WriteRequestUnits", "$0.688 per million write request units (Canada (Central))", "Amazon DynamoDB PayPerRequest Throughput",
                  Traffic(f"ddbw-{tbl}", w, growth=growth), resource=arn, tags=t)
        o.generic(A, "AmazonDynamoDB", f"{p}ReadRequestUnits", "PayPerRequestThroughput", "0.0000001375",
                  "ReadRequestUnits", "$0.1375 per million read request units (Canada (Central))", "Amazon DynamoDB PayPerRequest Throughput",
                  Traffic(f"ddbr-{tbl}", rd, growth=growth), resource=arn, tags=t)
        o.generic(A, "AmazonDynamoDB", f"{p}TimedStorage-ByteHrs", "StandardStorage", "0.275", "GB-Mo",
                  "$0.275 per GB-Month of storage used beyond first 25 free GB-Months", "Database Storage",
                  storage(arn, gb, 0.04), resource=arn, tags=t)
    o.bucket(A, "larkspur-prod-assets", 3500, 0.02, Traffic("q-put-assets", 300_000, growth=growth),
             Traffic("q-get-assets", 9_000_000, growth=growth), rate_gb="0.025", tags=tg("web", "prod", "assets"), region=R)
    o.bucket(A, "larkspur-prod-backups", 9000, 0.03, Traffic("q-put-backups", 60_000, weekend=1.0),
             Traffic("q-get-backups", 2_000, weekend=1.0, sigma=0.2), rate_gb="0.025",
             tags=tg("platform", "prod", "backups"), region=R)
    for fn, gbs, req in (("payments-webhook", 900_000, 2_400_000), ("email-sender", 300_000, 800_000),
                         ("pdf-render", 1_400_000, 150_000)):
        o.function(A, fn, Traffic(f"q-gbs-{fn}", gbs, growth=growth), Traffic(f"q-req-{fn}", req, growth=growth),
                   tg("payments" if fn != "email-sender" else "web", "prod", fn), region=R)
    q = f"arn:aws:sqs:{R}:{A}:"
    for queue, n in (("payments-events", 35e6), ("email-outbox", 6e6)):
        o.generic(A, "AWSQueueService", f"{p}Requests-Tier1", "SendMessage", "0.0000004", "Requests",
                  "$0.40 per 1,000,000 Amazon SQS Requests (Canada (Central))", "API Request",
                  Traffic(f"sqs-{queue}", n, growth=growth), resource=q + queue, tags=tg("payments", "prod", queue))
    o.generic(A, "AmazonSNS", f"{p}Requests-Tier1", "Publish", "0.0000005", "Requests",
              "$0.50 per 1 million Amazon SNS API Requests", "API Request",
              Traffic("sns-alerts", 4e6, growth=growth), resource=f"arn:aws:sns:{R}:{A}:order-events",
              tags=tg("payments", "prod", "order-events"))
    dist = f"arn:aws:cloudfront::{A}:distribution/E{hexid('cf', n=13).upper()}"
    o.generic(A, "AmazonCloudFront", "CA-DataTransfer-Out-Bytes", "GET", "0.085", "GB",
              "$0.085 per GB - first 10 TB / month data transfer out (Canada)", "Data Transfer",
              Traffic("cf-bytes", 1_100, growth=growth), resource=dist, region="",
              tags=tg("web", "prod", "cdn"), region_code="", location="Canada", servicecode="AmazonCloudFront")
    o.generic(A, "AmazonCloudFront", "CA-Requests-Tier2-HTTPS", "GET", "0.000001", "Requests",
              "$0.010 per 10,000 HTTPS Requests (Canada)", "Request",
              Traffic("cf-req", 40e6, growth=growth), resource=dist, region="",
              tags=tg("web", "prod", "cdn"), region_code="", location="Canada")
    o.nat(A, "prod-nat", "0.05", Traffic("q-nat", 900, growth=growth), tags=tg("platform", "prod"), region=R)
    o.data_out(A, f"arn:aws:elasticloadbalancing:{R}:{A}:loadbalancer/app/prod-web/{hexid('alb', n=16)}",
               Traffic("q-dto", 420, growth=growth), rate="0.09", region=R, tags=tg("web", "prod", "alb"))
    o.generic(A, "AmazonVPC", f"{p}PublicIPv4:InUseAddress", "AssociateAddressVPC", "0.005", "Hrs",
              "$0.005 per In-use public IPv4 address per hour", "VPC Public IPv4 Address",
              lambda d: (24 * 9, None, None), tags=tg("platform", "prod"))
    o.metrics(A, 1800, rate="0.30", region=R)
    o.log_group(A, "/aws/eks/prod-main/cluster", Traffic("q-logs-eks", 45, growth=growth), rate="0.55", region=R,
                tags=tg("platform", "prod", "k8s"))
    o.log_storage(A, 2500, 0.04, rate="0.033", region=R)
    o.generic(A, "awskms", f"{R}-KMS-Keys", "CurrentKeys", "1.0", "Keys",
              "$1 per customer managed KMS key version in Canada (Central)", "Encryption Key",
              monthly_units(14), tags=tg("platform", "prod"))
    o.generic(A, "awskms", f"{R}-KMS-Requests", "Decrypt", "0.000003", "Requests",
              "$0.03 per 10,000 requests in Canada (Central)", "API Request",
              Traffic("q-kms", 3.5e6, growth=growth), tags=tg("platform", "prod"))
    o.generic(A, "AWSSecretsManager", f"{p}AWSSecretsManager-Secrets", "StorageSecret", "0.40", "Secrets",
              "$0.40 per secret per month", "Secret", monthly_units(60), tags=tg("platform", "prod"))
    o.generic(A, "AmazonECR", f"{p}TimedStorage-ByteHrs", "StorageOperation", "0.10", "GB-Mo",
              "$0.10 per GB-month of data storage", "EC2 Container Registry",
              storage("ecr-prod", 450, 0.05), tags=tg("platform", "prod", "images"))

    # eu-west-1 expansion (new region, mid-September): EC2 + EBS in the prod account.
    EU = "eu-west-1"
    eu_tags = tg("web", "prod", "eu-frontend")
    eu_azs = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    for i in range(8):
        start = T_EU_ON if i < 4 else T_EU_ALL
        o.instance(A, f"eu-web-{i}", "m6i.xlarge", "0.214", eu_azs[i % 3], [(start, None)], eu_tags, region=EU)
        o.ebs(A, f"eu-web-{i}", 150, rate="0.088", az=eu_azs[i % 3], tags=eu_tags, region=EU,
              begin=start.date(), start_hour=start)
    for i in range(4):
        start = T_EU_ON if i < 2 else T_EU_ALL
        o.instance(A, f"eu-api-{i}", "m6i.2xlarge", "0.428", eu_azs[i % 3], [(start, None)], eu_tags, region=EU)
        o.ebs(A, f"eu-api-{i}", 400, rate="0.088", az=eu_azs[i % 3], tags=eu_tags, region=EU,
              begin=start.date(), start_hour=start)

    # ---------------- staging ----------------
    B = Q_STAGING
    o.generic(B, "AmazonEKS", f"{p}AmazonEKS-Hours:perCluster", "CreateOperation", "0.10", "Hours",
              "Amazon EKS cluster usage in Canada (Central)", "Compute",
              lambda d: hours_on(d, always), resource=f"arn:aws:eks:{R}:{B}:cluster/staging",
              tags=tg("platform", "staging", "k8s"))
    for i in range(3):
        o.instance(B, f"stg-node-{i}", "m6i.large", "0.107", azs[i % 3], always,
                   tg("platform", "staging", "k8s-nodes"), region=R)
        o.ebs(B, f"stg-node-{i}", 80, rate="0.088", az=azs[i % 3], tags=tg("platform", "staging"), region=R)
    for i in range(2):   # developer test capacity, weekdays 12:00-24:00 UTC
        o.instance(B, f"stg-burst-{i}", "m6i.large", "0.107", azs[i], tags=tg("platform", "staging", "k8s-nodes"),
                   region=R, amount=lambda d: weekly_hours(d, True, 12, 24))
    o.rds(B, "core-db-staging", "db.t4g.large", "0.145", tags=tg("payments", "staging", "core-db"), region=R)
    o.rds_storage(B, "core-db-staging", 200, rate="0.127", tags=tg("payments", "staging", "core-db"), region=R)
    o.bucket(B, "larkspur-staging-assets", 400, 0.01, Traffic("q-put-stg", 40_000, weekend=0.2, sigma=0.15),
             Traffic("q-get-stg", 300_000, weekend=0.2, sigma=0.15), rate_gb="0.025",
             tags=tg("web", "staging", "assets"), region=R)
    o.function(B, "payments-webhook-staging", Traffic("q-gbs-stg", 20_000, weekend=0.2, sigma=0.2),
               Traffic("q-req-stg", 40_000, weekend=0.2, sigma=0.2), tg("payments", "staging"), region=R)
    o.generic(B, "AmazonDynamoDB", f"{p}WriteRequestUnits", "PayPerRequestThroughput", "0.000000688",
              "WriteRequestUnits", "$0.688 per million write request units (Canada (Central))",
              "Amazon DynamoDB PayPerRequest Throughput", Traffic("q-ddb-stg", 900_000, weekend=0.15, sigma=0.2),
              resource=f"arn:aws:dynamodb:{R}:{B}:table/orders", tags=tg("payments", "staging"))
    o.nat(B, "staging-nat", "0.05", Traffic("q-nat-stg", 40, weekend=0.3), tags=tg("platform", "staging"), region=R)
    o.metrics(B, 300, rate="0.30", region=R)
    o.log_group(B, "/aws/eks/staging/cluster", Traffic("q-logs-stg", 6, weekend=0.4), rate="0.55", region=R,
                tags=tg("platform", "staging"))

    # ---------------- data ----------------
    C = Q_DATA
    o.bucket(C, "larkspur-datalake", 52_000, 0.04, Traffic("q-put-lake", 2_500_000, weekend=0.9, growth=growth),
             Traffic("q-get-lake", 30_000_000, weekend=0.6, growth=growth), rate_gb="0.025",
             tags=tg("data", "prod", "datalake"), region=R)
    o.generic(C, "AmazonAthena", f"{p}DataScannedInTB", "RunQuery", "5.0", "Terabytes",
              "$5.00 per TB scanned", "Athena Queries", Traffic("q-athena", 1.6, weekend=0.25, sigma=0.12),
              resource=f"arn:aws:athena:{R}:{C}:workgroup/analytics", tags=tg("data", "prod", "analytics"))
    o.generic(C, "AWSGlue", f"{p}ETL-DPU-Hour", "Jobrun", "0.44", "DPU-Hour",
              "$0.44 per DPU-Hour for each Apache Spark or Spark Streaming job", "AWS Glue",
              Traffic("q-glue", 46, weekend=0.9, sigma=0.06), resource=f"arn:aws:glue:{R}:{C}:job/nightly-etl",
              tags=tg("data", "prod", "etl"))
    for i in range(2):
        o.instance(C, f"airflow-{i}", "r6i.xlarge", "0.277", azs[i], always, tg("data", "prod", "airflow"), region=R)
        o.ebs(C, f"airflow-{i}", 200, rate="0.088", az=azs[i], tags=tg("data", "prod", "airflow"), region=R)
    o.rds(C, "warehouse-meta", "db.r6g.large", "0.247", tags=tg("data", "prod", "metastore"), region=R)
    o.rds_storage(C, "warehouse-meta", 300, rate="0.127", tags=tg("data", "prod", "metastore"), region=R)
    # The slow ramp: ingestion pipeline logs grow ~+75% over four weeks of October.
    o.log_group(C, "/data/ingest-pipeline", Traffic("q-logs-ingest", 52, weekend=0.85, sigma=0.03, daily=[ramp]),
                rate="0.55", region=R, tags=tg("data", "prod", "ingest"))
    o.log_storage(C, 900, 0.05, rate="0.033", region=R)
    o.metrics(C, 250, rate="0.30", region=R)

    # ---------------- shared / security ----------------
    D = Q_SHARED
    o.generic(D, "AmazonGuardDuty", f"{p}PaidEventsAnalyzed", "None", "0.000004", "Events",
              "0.000004 per CloudTrail event analyzed in Canada (Central) region", "Security Services",
              Traffic("q-gd", 6e6, weekend=0.7), tags=tg("security", "shared", "guardduty"))
    o.generic(D, "AWSCloudTrail", f"{p}PaidEventsRecorded", "None", "0.00002", "Events",
              "$2.00 per 100,000 events recorded in Canada (Central) region", "Management Tools - AWS CloudTrail Paid Events Recorded",
              Traffic("q-ct", 700_000, weekend=0.6), tags=tg("security", "shared", "cloudtrail"))
    o.bucket(D, "larkspur-org-cloudtrail", 1800, 0.05, Traffic("q-put-ct", 250_000, weekend=0.7),
             Traffic("q-get-ct", 20_000, weekend=0.7, sigma=0.2), rate_gb="0.025",
             tags=tg("security", "shared", "cloudtrail"), region=R)
    o.generic(D, "awskms", f"{R}-KMS-Keys", "CurrentKeys", "1.0", "Keys",
              "$1 per customer managed KMS key version in Canada (Central)", "Encryption Key",
              monthly_units(6), tags=tg("security", "shared"))
    # Route 53 on the payer: DNS queries daily; hosted zones are billed on day 1 (see calendar).
    o.generic(Q_PAYER, "AmazonRoute53", "DNS-Queries", "", "0.0000004", "Queries",
              "$0.40 per 1,000,000 queries for the first 1 Billion queries", "DNS Query",
              Traffic("q-dns", 9e6, growth=growth), resource=f"arn:aws:route53:::hostedzone/Z{hexid('zone', n=20).upper()}",
              region="", region_code="", location="Global", product_operation="")
    o.generic(Q_PAYER, "AmazonRoute53", "HostedZone", "", "0.50", "HostedZone",
              "$0.50 per Hosted Zone for the first 25 Hosted Zones", "DNS Zone",
              lambda d: (12, None, dt.datetime.combine(next_month(d), dt.time())) if d.day == 1 else None,
              region="", region_code="", location="Global", product_operation="")
    return o


def quiet_spec() -> ReportSpec:
    return ReportSpec(
        dataset="quiet-quarter", report="larkspur-cur-daily", bucket="larkspur-billing-exports",
        payer=Q_PAYER, invoicing_entity="Amazon Web Services Canada, Inc.",
        legal_entity="Amazon Web Services Canada, Inc.",
        first_day=dt.date(2026, 8, 1), last_day=dt.date(2026, 10, 31),
        final_months={dt.date(2026, 8, 1), dt.date(2026, 9, 1), dt.date(2026, 10, 1)},
        calendar=Calendar(
            support="business", tax_rate=Decimal("0.13"), tax_type="Canada Tax",
            credits=[{"period": dt.date(2026, 9, 1), "account": Q_DATA, "product": "AWSGlue",
                      "amount": "250.00",
                      "description": "AWS Promotional Credit - Analytics Migration Program"}]),
        rows_per_part=2_500)


QUIET_LABELS = [
    ("new-region-eu-west-1", "AmazonEC2", "EU-BoxUsage:m6i.xlarge", Q_PROD, "eu-west-1", "new", T_EU_ON, None,
     "eu-frontend fleet: 4 x m6i.xlarge from Sep 15 10:00, 8 from Sep 16 09:00"),
    ("new-region-eu-west-1", "AmazonEC2", "EU-BoxUsage:m6i.2xlarge", Q_PROD, "eu-west-1", "new", T_EU_ON, None,
     "eu-frontend API: 2 x m6i.2xlarge from Sep 15 10:00, 4 from Sep 16 09:00"),
    ("new-region-eu-west-1", "AmazonEC2", "EU-EBS:VolumeUsage.gp3", Q_PROD, "eu-west-1", "new", T_EU_ON, None,
     "gp3 root/data volumes of the new fleet (2.8 TB)"),
    ("log-ingest-ramp", "AmazonCloudWatch", "CAN1-DataProcessing-Bytes", Q_DATA, "ca-central-1", "drift",
     dt.datetime.combine(RAMP_START, dt.time()), None,
     "/data/ingest-pipeline log ingestion grows linearly by +75% from Oct 5 to Oct 31 (verbose logging left on)"),
]


# --------------------------------------------------------------------------------------------
# Read-back: parse what was written (csv + Decimal) and compute the README / labels numbers
# --------------------------------------------------------------------------------------------
def read_dataset(root: str, dataset: str) -> list[dict]:
    rows = []
    base = os.path.join(root, dataset)
    for dirpath, _, files in sorted(os.walk(base)):
        for f in sorted(files):
            if not f.endswith("-Manifest.json"):
                continue
            with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                man = json.load(fh)
            for key in man["reportKeys"]:
                with gzip.open(os.path.join(root, key), "rt", encoding="utf-8", newline="") as fh:
                    for r in csv.DictReader(fh):
                        r["_cost"] = Decimal(r["lineItem/UnblendedCost"])
                        r["_day"] = dt.date.fromisoformat(r["lineItem/UsageStartDate"][:10])
                        r["_bucket"] = dt.date.fromisoformat(r["identity/TimeInterval"][:10])
                        r["_period"] = dt.date.fromisoformat(r["bill/BillingPeriodStartDate"][:10])
                        rows.append(r)
    return rows


def sums(rows, key, where=lambda r: True) -> dict:
    out: dict = defaultdict(Decimal)
    for r in rows:
        if where(r):
            out[key(r)] += r["_cost"]
    return out


def service_key(r) -> str:
    t = r["lineItem/LineItemType"]
    if t == "Tax":
        return "Tax (all product codes)"
    if t == "Credit":
        return f"Credit ({r['lineItem/ProductCode']})"
    return r["lineItem/ProductCode"]


def md_table(header: list[str], rows: list[list[str]], align: str) -> str:
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def month_label(p: dt.date, final: bool, last_day: dt.date) -> str:
    s = f"{p:%b %Y}"
    if not final:
        s += f" (1–{last_day.day}, not final)"
    return s


def service_table(rows, periods, spec) -> tuple[str, dict]:
    by = sums(rows, lambda r: (service_key(r), r["_period"]))
    keys = sorted({k for k, _ in by}, key=lambda k: (k.startswith(("Credit", "Tax")), -sum(
        by.get((k, p), Decimal(0)) for p in periods), k))
    totals = {p: sum((v for (k, pp), v in by.items() if pp == p), Decimal(0)) for p in periods}
    body = [[f"`{k}`" if not k.startswith(("Tax", "Credit")) else k] + [usd(by.get((k, p), Decimal(0))) for p in periods]
            for k in keys]
    body.append(["**Total**"] + [f"**{usd(totals[p])}**" for p in periods])
    hdr = ["Service (product code)"] + [month_label(p, p in spec.final_months, spec.last_day) for p in periods]
    return md_table(hdr, body, "l" + "r" * len(periods)), {
        "by_service": {k: {f"{p:%Y-%m}": str(by.get((k, p), Decimal(0))) for p in periods} for k in keys},
        "totals": {f"{p:%Y-%m}": str(totals[p]) for p in periods}}


def usage_key(r) -> tuple[str, str]:
    t = r["lineItem/LineItemType"]
    if t == "Usage":
        return (r["lineItem/ProductCode"], r["lineItem/UsageType"])
    if t == "Fee":
        return (r["lineItem/ProductCode"], f"{t}: {r['lineItem/UsageType']}")
    return (t, "(all product codes)")


def report_incident(root: str) -> tuple[str, dict]:
    spec = incident_spec()
    rows = read_dataset(root, spec.dataset)
    aug, sep, oct_, nov = (dt.date(2026, m, 1) for m in (8, 9, 10, 11))
    periods = [aug, sep, oct_, nov]
    svc_md, svc = service_table(rows, periods, spec)
    totals = {p: Decimal(svc["totals"][f"{p:%Y-%m}"]) for p in periods}
    baseline = (totals[aug] + totals[sep]) / 2
    overage = totals[oct_] - baseline

    by_ut = sums(rows, lambda r: (usage_key(r), r["_period"]))
    uts = {k for k, _ in by_ut}
    ov_rows = []
    for k in uts:
        b = (by_ut.get((k, aug), Decimal(0)) + by_ut.get((k, sep), Decimal(0))) / 2
        o = by_ut.get((k, oct_), Decimal(0))
        ov_rows.append((o - b, k, b, o))
    ov_rows.sort(key=lambda x: (-x[0], x[1]))
    shown, rest = [r for r in ov_rows if abs(r[0]) >= 5], [r for r in ov_rows if abs(r[0]) < 5]
    body = []
    for d, (prod, ut), b, o in shown:
        share = d / overage * 100
        body.append([f"`{prod}`" if prod not in ("Tax", "Credit") else prod, f"`{ut}`" if not ut.startswith("(") else ut,
                     usd(b), usd(o), usd(d), f"{share:.1f}%"])
    rest_d = sum((r[0] for r in rest), Decimal(0))
    body.append([f"{len(rest)} other usage types", "(each under $5)", usd(sum((r[2] for r in rest), Decimal(0))),
                 usd(sum((r[3] for r in rest), Decimal(0))), usd(rest_d), f"{rest_d / overage * 100:.1f}%"])
    body.append(["**Total**", "", f"**{usd(baseline)}**", f"**{usd(totals[oct_])}**", f"**{usd(overage)}**", "100.0%"])
    ov_md = md_table(["Service", "Usage type", "Baseline (mean Aug, Sep)", "October", "Overage", "Share"], body, "llrrrr")

    # Daily series per usage type (Usage lines only, by TimeInterval day).
    daily = sums(rows, lambda r: (r["lineItem/ProductCode"], r["lineItem/UsageType"], r["_bucket"]),
                 lambda r: r["lineItem/LineItemType"] == "Usage")
    base_days = [aug + dt.timedelta(days=i) for i in range(61)]

    def base_daily(prod, ut):
        return sum((daily.get((prod, ut, d), Decimal(0)) for d in base_days), Decimal(0)) / len(base_days)

    def span_days(a: dt.date, b: dt.date):
        return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]

    tl_body, labels = [], []
    for inc, prod, ut, acct, kind, start, end, fix, what in INCIDENT_LABELS:
        s = start.date()
        e = end or spec.last_day
        days = span_days(s, e)
        bd = base_daily(prod, ut)
        mean = sum((daily.get((prod, ut, d), Decimal(0)) for d in days), Decimal(0)) / len(days)
        peak_day = max(days, key=lambda d: daily.get((prod, ut, d), Decimal(0)))
        peak = daily.get((prod, ut, peak_day), Decimal(0))
        impact = sum((daily.get((prod, ut, d), Decimal(0)) - bd for d in days), Decimal(0))
        oct_imp = sum((daily.get((prod, ut, d), Decimal(0)) - bd for d in days if d.month == 10), Decimal(0))
        tl_body.append([f"{start:%b %-d %H:%M}", f"{end:%b %-d}" if end else "open (permanent)",
                        f"{fix:%b %-d %H:%M}" if fix else "—", f"`{prod}`", f"`{ut}`", kind,
                        usd(bd), usd(mean), f"{usd(peak)} ({peak_day:%b %-d})", usd(impact)])
        labels.append({
            "dataset": spec.dataset, "incident": inc, "service": prod, "usage_type": ut,
            "region": "us-east-1", "account": acct, "kind": kind,
            "start": s.isoformat(), "start_time": iso(start), "end": end.isoformat() if end else None,
            "fix_time": iso(fix) if fix else None, "description": what,
            "baseline_daily": str(bd.quantize(Q10)), "mean_daily_in_window": str(mean.quantize(Q10)),
            "impact_in_window": str(impact.quantize(Q10)), "impact_in_october": str(oct_imp.quantize(Q10)),
        })
    tl_md = md_table(["Onset (UTC)", "Last affected day", "Fix (UTC)", "Service", "Usage type", "Kind",
                      "Baseline $/day (Aug–Sep)", "Mean $/day in window", "Peak day", "Impact in window"],
                     tl_body, "lllllrrrrr")

    # ElastiCache run rate: September daily mean vs November 1-28 daily mean (all node types).
    ec = sums(rows, lambda r: r["_bucket"], lambda r: r["lineItem/ProductCode"] == "AmazonElastiCache"
              and r["lineItem/LineItemType"] == "Usage")
    sep_days = span_days(sep, dt.date(2026, 9, 30))
    nov_days = span_days(nov, spec.last_day)
    ec_sep = sum((ec.get(d, Decimal(0)) for d in sep_days), Decimal(0)) / len(sep_days)
    ec_nov = sum((ec.get(d, Decimal(0)) for d in nov_days), Decimal(0)) / len(nov_days)
    ec_delta = ec_nov - ec_sep
    ec_month = ec_delta * Decimal(730) / Decimal(24)

    # Early-November tail of the transient incidents (Nov 1-7 against the Aug-Sep daily baseline).
    tail_days = span_days(nov, dt.date(2026, 11, 7))
    tail_rows, tail_total = [], Decimal(0)
    seen = set()
    for inc, prod, ut, *_ in INCIDENT_LABELS:
        if prod == "AmazonElastiCache" or (prod, ut) in seen:
            continue
        seen.add((prod, ut))
        bd = base_daily(prod, ut)
        t = sum((daily.get((prod, ut, d), Decimal(0)) - bd for d in tail_days), Decimal(0))
        tail_total += t
        tail_rows.append([f"`{prod}`", f"`{ut}`", usd(t)])
    tail_rows.append(["**Total**", "", f"**{usd(tail_total)}**"])
    tail_md = md_table(["Service", "Usage type", "Nov 1–7 minus baseline"], tail_rows, "llr")

    n_rows = len(rows)
    facts = {
        "rows": n_rows,
        "monthly_totals": svc["totals"],
        "monthly_by_service": svc["by_service"],
        "baseline_month": str(baseline),
        "october_overage": str(overage),
        "early_november_tail": str(tail_total.quantize(Q10)),
        "elasticache_daily_september": str(ec_sep.quantize(Q10)),
        "elasticache_daily_november": str(ec_nov.quantize(Q10)),
        "elasticache_run_rate_delta_daily": str(ec_delta.quantize(Q10)),
        "elasticache_run_rate_delta_month_730h": str(ec_month.quantize(CENT)),
    }
    md = f"""### incident-127k: monthly totals by service (unblended, USD)

{svc_md}

Baseline = mean of August and September = **{usd(baseline)}** a month. October = **{usd(totals[oct_])}**,
so the October overage is **{usd(overage)}**; the early-November tail of the transient incidents adds
**{usd(tail_total)}** (Nov 1–7), together **{usd(overage + tail_total)}**. November is the not-final
month: data up to and including Nov {spec.last_day.day}, empty `bill/InvoiceId`, and its tax and support
lines are computed on the month so far.

### incident-127k: October overage against baseline, by usage type

Overage = October − mean(August, September) per (service, usage type). Calendar charges (Fee, Tax,
Credit) are listed as their own rows: support and tax scale with usage, so the incident inflates them too.

{ov_md}

### incident-127k: incident timeline

Baseline $/day is the mean over Aug 1 – Sep 30 of the usage type's daily cost (all accounts and resources
of that usage type); "impact in window" = Σ(daily cost − baseline $/day) from onset day to last affected
day (up to Nov {spec.last_day.day} for the permanent change). Lambda `Request` (image-resize retries,
about ×1.8 invocations in the same window) rises too but only by about $0.07/day, so it is not labelled.

{tl_md}

### incident-127k: permanent ElastiCache run-rate change

ElastiCache (all node types) cost **{usd(ec_sep)}/day** in September (2 × `cache.r6g.large`) and
**{usd(ec_nov)}/day** in November 1–{spec.last_day.day} (2 × `cache.r6g.4xlarge`): **+{usd(ec_delta)}/day**,
i.e. **+{usd(ec_month)} per 730-hour month**, from Oct 22 on. Tax (6.25%) and Developer support (3%)
add about 9.4% on top of that.

### incident-127k: early-November tail

{tail_md}
"""
    return md, {"facts": facts, "labels": labels}


def report_quiet(root: str) -> tuple[str, dict]:
    spec = quiet_spec()
    rows = read_dataset(root, spec.dataset)
    periods = [dt.date(2026, m, 1) for m in (8, 9, 10)]
    svc_md, svc = service_table(rows, periods, spec)

    acct = sums(rows, lambda r: (r["lineItem/UsageAccountId"], r["_period"]))
    names = {Q_PAYER: "management (payer)", Q_PROD: "prod", Q_STAGING: "staging", Q_DATA: "data",
             Q_SHARED: "shared-security"}
    acct_md = md_table(["Account", "Role"] + [f"{p:%b %Y}" for p in periods],
                       [[f"`{a}`", names[a]] + [usd(acct.get((a, p), Decimal(0))) for p in periods]
                        for a in sorted(names)], "llrrr")

    region = sums(rows, lambda r: (r["product/region"] or "(none)", r["_period"]))
    reg_md = md_table(["product/region"] + [f"{p:%b %Y}" for p in periods],
                      [[f"`{k}`"] + [usd(region.get((k, p), Decimal(0))) for p in periods]
                       for k in sorted({k for k, _ in region})], "lrrr")

    daily = sums(rows, lambda r: (r["lineItem/ProductCode"], r["lineItem/UsageType"], r["lineItem/UsageAccountId"], r["_bucket"]),
                 lambda r: r["lineItem/LineItemType"] == "Usage")
    eu = sums(rows, lambda r: r["_bucket"], lambda r: r["product/region"] == "eu-west-1")
    eu_days = [dt.date(2026, 9, 14) + dt.timedelta(days=i) for i in range(5)]
    eu_md = md_table(["Day"] + [f"{d:%b %-d}" for d in eu_days] + ["Oct mean/day"],
                     [["eu-west-1 $/day"] + [usd(eu.get(d, Decimal(0))) for d in eu_days] +
                      [usd(sum((v for d, v in eu.items() if d.month == 10), Decimal(0)) / 31)]], "lrrrrrr")

    def week_mean(prod, ut, a, start):
        days = [start + dt.timedelta(days=i) for i in range(7)]
        return sum((daily.get((prod, ut, a, d), Decimal(0)) for d in days), Decimal(0)) / 7

    weeks = [dt.date(2026, 9, 6) + dt.timedelta(days=7 * i) for i in range(8)]
    ramp_vals = [week_mean("AmazonCloudWatch", "CAN1-DataProcessing-Bytes", Q_DATA, w) for w in weeks]
    ramp_md = md_table(["Week starting (Sun)"] + [f"{w:%b %-d}" for w in weeks],
                       [["data account `CAN1-DataProcessing-Bytes` mean $/day"] + [usd(v) for v in ramp_vals]],
                       "l" + "r" * len(weeks))
    last7 = [dt.date(2026, 10, 25) + dt.timedelta(days=i) for i in range(7)]
    prior7 = [d - dt.timedelta(days=28) for d in last7]
    s_last = sum((daily.get(("AmazonCloudWatch", "CAN1-DataProcessing-Bytes", Q_DATA, d), Decimal(0)) for d in last7), Decimal(0))
    s_prior = sum((daily.get(("AmazonCloudWatch", "CAN1-DataProcessing-Bytes", Q_DATA, d), Decimal(0)) for d in prior7), Decimal(0))
    g = s_last / s_prior - 1

    labels = []
    for inc, prod, ut, a, reg, kind, start, end, what in QUIET_LABELS:
        days = [d for (p_, u_, a_, d) in daily if (p_, u_, a_) == (prod, ut, a)]
        first_day = min(days)
        if kind == "new":
            win = [d for d in days if d >= start.date()]
            impact = sum((daily[(prod, ut, a, d)] for d in win), Decimal(0))
            base = Decimal(0)
        else:
            base_days = [dt.date(2026, 9, 7) + dt.timedelta(days=i) for i in range(28)]
            base = sum((daily.get((prod, ut, a, d), Decimal(0)) for d in base_days), Decimal(0)) / 28
            win = [start.date() + dt.timedelta(days=i) for i in range((spec.last_day - start.date()).days + 1)]
            impact = sum((daily.get((prod, ut, a, d), Decimal(0)) - base for d in win), Decimal(0))
        labels.append({
            "dataset": spec.dataset, "incident": inc, "service": prod, "usage_type": ut, "region": reg,
            "account": a, "kind": kind, "start": start.date().isoformat(), "start_time": iso(start),
            "end": end.isoformat() if end else None, "fix_time": None, "description": what,
            "first_day_in_data": first_day.isoformat(),
            "baseline_daily": str(base.quantize(Q10)),
            "impact_in_window": str(impact.quantize(Q10)),
        })

    facts = {
        "rows": len(rows),
        "monthly_totals": svc["totals"],
        "monthly_by_service": svc["by_service"],
        "monthly_by_account": {a: {f"{p:%Y-%m}": str(acct.get((a, p), Decimal(0))) for p in periods} for a in names},
        "eu_west_1_october_mean_daily": str((sum((v for d, v in eu.items() if d.month == 10), Decimal(0)) / 31).quantize(Q10)),
        "log_ramp_growth_last7_vs_4_weeks_earlier": str(g.quantize(Decimal("0.0001"))),
    }
    services = len([k for k in svc["by_service"] if not k.startswith(("Tax", "Credit"))])
    md = f"""### quiet-quarter: monthly totals by service (unblended, USD)

{services} product codes (including the support plan), 4 usage accounts + the payer.

{svc_md}

### quiet-quarter: by account

{acct_md}

### quiet-quarter: by region (`product/region`; tax, fees, credits, CloudFront and Route 53 have none)

{reg_md}

### quiet-quarter: incident (a), a new region

`eu-west-1` (usage types prefixed `EU-`) appears on Sep 15 10:00 UTC in the prod account: EC2
(`EU-BoxUsage:m6i.xlarge`, `EU-BoxUsage:m6i.2xlarge`) and gp3 volumes (`EU-EBS:VolumeUsage.gp3`).

{eu_md}

### quiet-quarter: incident (b), a slow ramp

CloudWatch Logs ingestion of `/data/ingest-pipeline` in the data account grows linearly from Oct 5 to
Oct 31 (+75% by design, plus weekday seasonality and noise). The detector's drift statistic
g = mean(Oct 25–31) / mean(Sep 27–Oct 3) − 1 = **{g * 100:.1f}%**.

{ramp_md}
"""
    return md, {"facts": facts, "labels": labels}


README_HEAD = """# Sample bills

Synthetic but realistic AWS bills for spendtop's importer, detector, ledger and demos. Everything in
`incident-127k/` and `quiet-quarter/` is written by `generate.py`, and this README and `labels.json`
are computed from the generated CSV files, so the numbers below are always what is in the files.

```sh
python3 sample-bills/generate.py     # from the repository root; Python 3.11 standard library only
```

The generator is deterministic: fixed seeds, SHA-256-derived ids, gzip with `mtime=0` and no file
name. Running it twice gives byte-identical files (`--out DIR` writes a copy elsewhere to compare).
It deletes and rewrites only `incident-127k/`, `quiet-quarter/`, `README.md` and `labels.json`; the
`ledger/` folder is not touched. `check.py` is an independent re-check of the story (decimal sums).

## Format

Legacy Cost and Usage Report CSV exactly as AWS delivers it to S3 in overwrite mode
(see ../shared/docs/formats.md §3.1, §9):

```
<dataset>/<report>/YYYYMMDD-YYYYMMDD/<report>-<n>.csv.gz
<dataset>/<report>/YYYYMMDD-YYYYMMDD/<report>-Manifest.json
```

* Range end is the 1st of the next month (exclusive). Manifest keys: `assemblyId` (UUIDv5 of the
  dataset/report/range), `account` (payer), `columns` (`category`, `name`, `type`), `charset`,
  `compression` `GZIP`, `contentType` `text/csv`, `reportId`, `reportName`, `billingPeriod`
  (`20261001T000000.000Z`), `bucket`, `reportKeys`, `additionalArtifactKeys`. `reportKeys` are relative
  to the bucket and use the dataset folder name as the report prefix (`incident-127k/spendtop-cur/...`),
  so they resolve relative to `sample-bills/`.
* 45 columns, header `category/Name`, LF, RFC 4180 quoting only where needed (descriptions with commas,
  `"Amazon Web Services, Inc."`, `"Amazon Web Services Canada, Inc."`), no BOM, UTF-8. Every part
  repeats the header.
* Daily granularity: one line per resource × usage type × operation × day, `identity/TimeInterval`
  `2026-10-01T00:00:00Z/2026-10-02T00:00:00Z`; usage dates narrower than the day for resources that
  start or stop mid-day. Dates `2026-10-01T00:00:00Z`.
* Costs have up to 10 decimals; values below 0.001 are written in E-notation (`4.8E-5`), as in real
  files. `lineItem/UnblendedCost` = `BlendedCost` = `pricing/publicOnDemandCost` (on-demand only, no
  RIs or Savings Plans). Rates are plain decimal strings.
* Month-start charges sit on day 1 with a month-long usage window (`2026-10-01T00:00:00Z` →
  `2026-11-01T00:00:00Z`): the support plan (`Fee`, usage type `Dollar`, amount = usage dollars in the
  tier), `Tax` per usage account and product code (rounded to cents), and `Credit` lines (negative).
  Route 53 hosted zones (quiet-quarter) are billed on day 1 as `Usage`.
* Accounts are 12-digit strings, several with a leading zero. Tag columns `resourceTags/user:team`,
  `user:env`, `user:service`; empty where a resource is untagged.
* Region quirks on purpose: us-east-1 usage types have no prefix except CloudWatch Logs ingestion
  (`USE1-DataProcessing-Bytes`, as AWS writes it); ca-central-1 uses `CAN1-`; eu-west-1 uses the legacy
  `EU-`; KMS uses `ca-central-1-KMS-Keys`. Data-transfer lines have `product/servicecode`
  `AWSDataTransfer`, an empty `product/regionCode` and `product/location` (fall back to `product/region`).
  `TimedStorage-ByteHrs` exists under S3, CloudWatch and DynamoDB/ECR: key usage types by service.
* Not modelled: tiered prices (data transfer out is a flat $0.09/GB), free tiers, RIs and Savings Plans,
  hourly granularity, restatements of final months. Tax types (`US Sales Tax`, `Canada Tax`) and the
  support line layout follow public samples but are not verified against a real invoice.

## Folders

| Folder | What | Months | Report / payer |
|---|---|---|---|
| `incident-127k/` | pixelbox, a small image-hosting product in us-east-1: payer + prod + staging. Baseline ~$4.2k/month, an October incident (~$51k), November after the fixes | Aug, Sep, Oct 2026 final; Nov 1–28 not final | `spendtop-cur` / `091827364510` |
| `quiet-quarter/` | larkspur, a Canadian SaaS org: payer + prod, staging, data, shared-security accounts, ca-central-1, 20 services, tags; a new region in September and a slow ramp in October | Aug, Sep, Oct 2026, all final; each month split into parts of 2,500 rows | `larkspur-cur-daily` / `731904826615` |
| `labels.json` | machine-readable truth for tests: incident windows (dataset, service, usage type, region, account, kind, start, end) and monthly totals | | |
| `ledger/` | owned by the ledger work, not generated here | | |

## The story in numbers

All amounts are sums of `lineItem/UnblendedCost` read back from the CSV with `decimal.Decimal`,
rounded to cents only for display.
"""


def write_docs(root: str) -> dict:
    inc_md, inc = report_incident(root)
    q_md, q = report_quiet(root)
    sizes = []
    total = 0
    for ds in DATASETS:
        for dirpath, _, files in sorted(os.walk(os.path.join(root, ds))):
            for f in sorted(files):
                pth = os.path.join(dirpath, f)
                sz = os.path.getsize(pth)
                total += sz
                sizes.append([f"`{os.path.relpath(pth, root)}`", f"{sz:,}"])
    sizes.append(["**Total**", f"**{total:,}**"])
    files_md = md_table(["File", "Bytes"], sizes, "lr")
    readme = (README_HEAD + "\n" + inc_md + "\n" + q_md +
              f"\n## Files\n\nincident-127k: {inc['facts']['rows']:,} line items; quiet-quarter: "
              f"{q['facts']['rows']:,} line items.\n\n{files_md}\n")
    with open(os.path.join(root, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme)
    labels = {
        "about": "Ground truth for the bundled sample bills; written by sample-bills/generate.py from the "
                 "generated CSV. Money values are decimal strings (USD, unblended). 'end' is the last "
                 "affected day (inclusive) or null for a permanent change or one still open at the end of the data.",
        "datasets": {
            "incident-127k": {"report": "spendtop-cur", "payer": I_PAYER, "accounts": [I_PAYER, I_PROD, I_STAGING],
                              "first_day": "2026-08-01", "last_day": "2026-11-28",
                              "final_periods": ["2026-08", "2026-09", "2026-10"], **inc["facts"]},
            "quiet-quarter": {"report": "larkspur-cur-daily", "payer": Q_PAYER,
                              "accounts": [Q_PAYER, Q_PROD, Q_STAGING, Q_DATA, Q_SHARED],
                              "first_day": "2026-08-01", "last_day": "2026-10-31",
                              "final_periods": ["2026-08", "2026-09", "2026-10"], **q["facts"]},
        },
        "incidents": inc["labels"] + q["labels"],
    }
    with open(os.path.join(root, "labels.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(labels, fh, indent=2)
        fh.write("\n")
    return {"incident": inc_md, "quiet": q_md, "sizes": files_md}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                    help="output folder (default: the folder of this script, sample-bills/)")
    ap.add_argument("--quiet", action="store_true", help="do not print the tables")
    args = ap.parse_args()
    root = os.path.abspath(args.out)
    os.makedirs(root, exist_ok=True)
    for ds in DATASETS:   # only our own two folders; never ledger/
        shutil.rmtree(os.path.join(root, ds), ignore_errors=True)
    write_report(incident_spec(), incident_org(), root)
    write_report(quiet_spec(), quiet_org(), root)
    docs = write_docs(root)
    if not args.quiet:
        print(docs["incident"])
        print(docs["quiet"])
        print(docs["sizes"])
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate 12 months of daily legacy-CUR CSV for a 10-account org: the store benchmark's input.

3,000 leaf series (10 accounts x 12 services x 5 usage types x 5 resources, each tagged team/env),
one line item per series per day: 365 x 3,000 = 1,095,000 rows, about 1.1 million daily cube cells.
One CSV per month under OUT (default Benchmarks/data/org-2025), about 30 MB each. Deterministic.

    python3 Benchmarks/make-org-bills.py [OUT]
"""
import calendar
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data", "org-2025")
PAYER = "999999999999"
ACCOUNTS = [str(100000000000 + index * 1111) for index in range(10)]
SERVICES = ["AmazonEC2", "AmazonS3", "AWSLambda", "AmazonElastiCache", "AmazonRDS", "AmazonCloudWatch",
            "AmazonDynamoDB", "AmazonSQS", "AmazonSNS", "AWSDataTransfer", "AmazonECR", "AmazonEKS"]
REGIONS = ["us-east-1", "eu-west-1"]
HEADER = ["identity/LineItemId", "bill/PayerAccountId", "bill/BillingPeriodStartDate", "lineItem/UsageAccountId",
          "lineItem/LineItemType", "lineItem/UsageStartDate", "lineItem/UsageEndDate", "lineItem/ProductCode",
          "lineItem/UsageType", "lineItem/Operation", "product/region", "lineItem/ResourceId",
          "lineItem/UnblendedCost", "lineItem/CurrencyCode", "resourceTags/user:team", "resourceTags/user:env"]


def cost(account, service, usage, resource, day):
    """A deterministic cost with ten decimals, in units of 1e-10."""
    units = 1_234_567_891 * (account + 1) + day * 1_000_003 + usage * 77 + resource + service * 9_999
    return f"{units // 10**10}.{units % 10**10:010d}"


def main():
    os.makedirs(OUT, exist_ok=True)
    line = 0
    for month in range(1, 13):
        days = calendar.monthrange(2025, month)[1]
        period = f"2025-{month:02d}-01T00:00:00Z"
        path = os.path.join(OUT, f"org-2025-{month:02d}.csv")
        with open(path, "w", newline="") as out:
            out.write(",".join(HEADER) + "\n")
            for day in range(1, days + 1):
                start = f"2025-{month:02d}-{day:02d}T00:00:00Z"
                end = f"2025-{month:02d}-{day:02d}T23:59:59Z"
                for a, account in enumerate(ACCOUNTS):
                    for s, service in enumerate(SERVICES):
                        for u in range(5):
                            for r in range(5):
                                line += 1
                                region = REGIONS[(u + r) % 2]
                                resource = f"arn:aws:{service.lower()}:{region}:{account}:res-{u}-{r}"
                                out.write(",".join([
                                    f"li-{line}", PAYER, period, account, "Usage", start, end, service,
                                    f"USE1-{service}-usage{u}", f"Op{u}", region, resource,
                                    cost(a, s, u, r, day), "USD", f"team{r}", "prod" if u % 2 == 0 else "dev",
                                ]) + "\n")
        print(path, file=sys.stderr)


if __name__ == "__main__":
    main()

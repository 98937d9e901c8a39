#!/usr/bin/env python3
"""Reads a Prometheus text exposition on standard input with the official
client's parser (PyPI `prometheus-client`), checks that every histogram's
buckets are monotone and end with the count, and prints every sample as
JSON lines: {"name": ..., "labels": {...}, "value": ...}.

Used by crates/cli/tests/integration/metrics.rs; exits 1 on a parse error
or a histogram that is not monotone (the reason on standard error)."""

import json
import sys

from prometheus_client.parser import text_string_to_metric_families


def main() -> int:
    text = sys.stdin.read()
    try:
        families = list(text_string_to_metric_families(text))
    except Exception as e:  # noqa: BLE001 - any parse failure is the answer
        print(f"cannot parse the exposition: {e}", file=sys.stderr)
        return 1
    problems = []
    for family in families:
        for sample in family.samples:
            print(json.dumps({"name": sample.name, "labels": sample.labels, "value": sample.value}))
        if family.type != "histogram":
            continue
        series = {}
        counts = {}
        for sample in family.samples:
            labels = tuple(sorted((k, v) for k, v in sample.labels.items() if k != "le"))
            if sample.name.endswith("_bucket"):
                series.setdefault(labels, []).append((float(sample.labels["le"]), sample.value))
            elif sample.name.endswith("_count"):
                counts[labels] = sample.value
        for labels, buckets in series.items():
            buckets.sort()
            values = [v for _, v in buckets]
            if any(a > b for a, b in zip(values, values[1:])):
                problems.append(f"{family.name}{dict(labels)}: buckets not monotone: {buckets}")
            if buckets[-1][0] != float("inf") or buckets[-1][1] != counts.get(labels):
                problems.append(f"{family.name}{dict(labels)}: +Inf bucket is not the count")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

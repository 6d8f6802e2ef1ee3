"""Independent reference for dev.slipway.data.Splitter: java.util.Random re-implemented from its
JDK specification (48-bit LCG, next(bits), nextInt(bound)) plus the documented Fisher-Yates loop.

Run from the repository root:  /usr/bin/python3 slipway-data/src/test/python/java_random_split.py
"""
import csv
import os

MASK = (1 << 48) - 1


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK

    def next(self, bits):  # bits <= 31 here, so the result is non-negative
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK
        return self.seed >> (48 - bits)

    def next_int(self, bound):
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):  # Java's int overflow test
                return val


def eval_rows(labels, fraction, seed):
    strata = {}
    for i, label in enumerate(labels):
        strata.setdefault(label, []).append(i)  # insertion order = first appearance
    rnd = JavaRandom(seed)
    chosen = set()
    for rows in strata.values():
        for i in range(len(rows) - 1, 0, -1):
            j = rnd.next_int(i + 1)
            rows[i], rows[j] = rows[j], rows[i]
        chosen.update(rows[: int(fraction * len(rows) + 0.5)])  # Math.round for positives
    return sorted(chosen)


print("plain10", eval_rows([0] * 10, 0.3, 42))
print("plain10 seed7", eval_rows([0] * 10, 0.3, 7))
data = os.environ.get("SLIPWAY_DATA", "/work/shared/data")
labels = [r["class"] for r in csv.DictReader(open(os.path.join(data, "credit_g.csv")))]
rows = eval_rows(labels, 0.2, 42)
print("credit_g class 0.2 seed 42:", len(rows), "first", rows[:10], "sum", sum(rows))

"""numpy reference figures for the statistics tests (numpy 1.24, Debian python3).

Run from the repository root:  /usr/bin/python3 slipway-data/src/test/python/reference_statistics.py
"""
import csv
import os

import numpy as np

data = os.environ.get("SLIPWAY_DATA", "/work/shared/data")
qs = [0, .1, .2, .25, .3, .4, .5, .6, .7, .75, .8, .9, 1]
rows = list(csv.DictReader(open(os.path.join(data, "credit_g.csv"))))
for c in ["duration", "credit_amount", "age"]:
    x = np.array([float(r[c]) for r in rows])
    print(c, repr(x.mean()), repr(x.std()), [repr(v) for v in np.quantile(x, qs)])
p = list(csv.DictReader(open(os.path.join(data, "penguins.csv"))))
x = np.array([float(r["bill_length_mm"]) for r in p if r["bill_length_mm"] != ""])
print("bill_length_mm", len(x), repr(x.mean()), repr(x.std()), [repr(v) for v in np.quantile(x, qs)])

"""Reference figures for ExamplePipelinesIT, computed with Debian's scikit-learn 1.2.1.

Run from the repository root:  /usr/bin/python3 slipway-cli/src/test/resources/reference/examples_reference.py
Each figure is over 10 seeded splits of the same kind as the example's (80/20, stratified for
classification; penguins 75/25), so the Slipway figure (one split, seed 42) is compared with a
range, not a single draw. xgboost is not installed for /usr/bin/python3, so sklearn's
HistGradientBoosting stands in for gradient boosting.

Output (2026-11-27, 2-core x86_64 VM, scikit-learn 1.2.1, numpy 1.24.2):
telco_churn LogisticRegression ROC AUC: mean 0.8438 min 0.8272 max 0.8573 over 10 seeds
lending_club LogisticRegression ROC AUC: mean 0.7444 min 0.7061 max 0.7874 over 10 seeds
lending_club LogisticRegression PR AUC (positive = bad): mean 0.1348 min 0.1200 max 0.1693 over 10 seeds
ames_housing HistGradientBoosting R2: mean 0.9075 min 0.8771 max 0.9232 over 10 seeds
penguins LogisticRegression macro F1: mean 0.9957 min 0.9860 max 1.0000 over 10 seeds
spam_assassin tf-idf LogisticRegression ROC AUC: mean 0.9970 min 0.9946 max 0.9987 over 10 seeds
fashion_mnist HistGradientBoosting(20 iterations, depth 4) test accuracy: 0.8452
fashion_mnist MLP(256 ReLU, Adam 0.001, batch 64, 15 epochs), 5 seeds: test accuracy mean 0.8544, min 0.8472, max 0.8609
"""
import csv, sys
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA = "../shared/data/"
csv.field_size_limit(1 << 24)  # spam bodies reach 170 KB

def read(name):
    with open(DATA + name, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return rows

def numeric(rows, c):
    return np.array([float(r[c]) if r[c] != "" else np.nan for r in rows])

def tabular(rows, label, num, cat):
    X = np.column_stack([numeric(rows, c) for c in num] + [np.array([r[c] or "NA" for r in rows], dtype=object) for c in cat])
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(range(len(num)))),
        ("cat", OneHotEncoder(handle_unknown="ignore"), list(range(len(num), len(num) + len(cat))))])
    return X, np.array([r[label] for r in rows]), pre

def summary(name, values):
    v = np.array(values)
    print(f"{name}: mean {v.mean():.4f} min {v.min():.4f} max {v.max():.4f} over {len(v)} seeds")

def columns(rows, label):
    num, cat = [], []
    for c in rows[0]:
        if c == label:
            continue
        try:
            [float(r[c]) for r in rows if r[c] != ""]
            num.append(c)
        except ValueError:
            cat.append(c)
    return num, cat

def telco():
    rows = read("telco_churn.csv"); num, cat = columns(rows, "churn")
    X, y, pre = tabular(rows, "churn", num, cat); y = (y == "Yes").astype(int)
    aucs = []
    for s in range(10):
        a, b, ya, yb = train_test_split(X, y, test_size=0.2, stratify=y, random_state=s)
        m = make_pipeline(pre, LogisticRegression(max_iter=2000)).fit(a, ya)
        aucs.append(roc_auc_score(yb, m.predict_proba(b)[:, 1]))
    summary("telco_churn LogisticRegression ROC AUC", aucs)

def lending():
    rows = read("lending_club.csv"); num, cat = columns(rows, "Class")
    X, y, pre = tabular(rows, "Class", num, cat); y = (y == "bad").astype(int)
    aucs, aps = [], []
    for s in range(10):
        a, b, ya, yb = train_test_split(X, y, test_size=0.2, stratify=y, random_state=s)
        m = make_pipeline(pre, LogisticRegression(max_iter=5000)).fit(a, ya)
        p = m.predict_proba(b)[:, 1]
        aucs.append(roc_auc_score(yb, p)); aps.append(average_precision_score(yb, p))
    summary("lending_club LogisticRegression ROC AUC", aucs)
    summary("lending_club LogisticRegression PR AUC (positive = bad)", aps)

def ames():
    rows = read("ames_housing.csv"); num, cat = columns(rows, "Sale_Price")
    X, y, pre = tabular(rows, "Sale_Price", num, cat); y = y.astype(float)
    r2 = []
    for s in range(10):
        a, b, ya, yb = train_test_split(X, y, test_size=0.2, random_state=s)
        m = make_pipeline(pre, HistGradientBoostingRegressor(random_state=0))
        m.set_params(columntransformer__cat__sparse_output=False).fit(a, ya)
        r2.append(r2_score(yb, m.predict(b)))
    summary("ames_housing HistGradientBoosting R2", r2)

def penguins():
    rows = read("penguins.csv")
    X, y, pre = tabular(rows, "species", ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"], ["island", "sex"])
    f1 = []
    for s in range(10):
        a, b, ya, yb = train_test_split(X, y, test_size=0.25, stratify=y, random_state=s)
        m = make_pipeline(pre, LogisticRegression(max_iter=2000)).fit(a, ya)
        f1.append(f1_score(yb, m.predict(b), average="macro"))
    summary("penguins LogisticRegression macro F1", f1)

def spam():
    rows = read("spam_assassin.csv")
    y = np.array([r["label"] == "spam" for r in rows]).astype(int)
    idx = np.arange(len(rows)); aucs = []
    for s in range(10):
        a, b = train_test_split(idx, test_size=0.2, stratify=y, random_state=s)
        vs = TfidfVectorizer(token_pattern=r"[^\W_]+", max_features=200, min_df=3)
        vb = TfidfVectorizer(token_pattern=r"[^\W_]+", max_features=1000, min_df=5)
        def feats(ix, fit):
            subj = [rows[i]["subject"] for i in ix]; body = [rows[i]["body"] for i in ix]
            f = (lambda v, t: v.fit_transform(t)) if fit else (lambda v, t: v.transform(t))
            from scipy.sparse import hstack
            return hstack([f(vs, subj), f(vb, body)]).tocsr()
        m = LogisticRegression(max_iter=2000).fit(feats(a, True), y[a])
        aucs.append(roc_auc_score(y[b], m.predict_proba(feats(b, False))[:, 1]))
    summary("spam_assassin tf-idf LogisticRegression ROC AUC", aucs)

def fashion():
    def load(name):
        with open(DATA + name) as f:
            next(f); a = np.loadtxt(f, delimiter=",", dtype=np.float32)
        return a[:, 1:] / 255.0, a[:, 0].astype(int)
    xa, ya = load("fashion_mnist_train_10k.csv"); xb, yb = load("fashion_mnist_test.csv")
    m = HistGradientBoostingClassifier(max_iter=20, max_depth=4, learning_rate=0.3, random_state=0).fit(xa, ya)
    print(f"fashion_mnist HistGradientBoosting(20 iterations, depth 4) test accuracy: {(m.predict(xb) == yb).mean():.4f}")
    # the mlp example's network (examples/fashion_mnist/pipeline-mlp.yaml); sklearn warns that 15
    # epochs have not converged, which is the point: the same budget
    import warnings; warnings.filterwarnings("ignore")
    from sklearn.neural_network import MLPClassifier
    acc = [(MLPClassifier(hidden_layer_sizes=(256,), batch_size=64, learning_rate_init=0.001, max_iter=15,
                          random_state=seed).fit(xa, ya).predict(xb) == yb).mean() for seed in range(5)]
    print(f"fashion_mnist MLP(256 ReLU, Adam 0.001, batch 64, 15 epochs), 5 seeds: "
          f"mean {np.mean(acc):.4f} min {min(acc):.4f} max {max(acc):.4f}")

for f in (telco, lending, ames, penguins, spam, fashion):
    f(); sys.stdout.flush()

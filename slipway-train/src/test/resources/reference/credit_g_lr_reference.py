# Run: /usr/bin/python3 credit_g_lr_reference.py  (Debian sklearn 1.2.1, numpy 1.24.2); prints AUC 0.8311 and writes
# eval_rows.txt (-> credit_g_eval_rows.txt) and p_eval.txt (-> credit_g_sklearn_lr_p_good.txt, P(good) by eval row).
import csv, numpy as np
from sklearn.model_selection import train_test_split
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
rows = list(csv.DictReader(open('/work/shared/data/credit_g.csv')))
cols = [c for c in rows[0] if c != 'class']
def isnum(c):
    try: [float(r[c]) for r in rows]; return True
    except ValueError: return False
num = [c for c in cols if isnum(c)]; cat = [c for c in cols if c not in num]
y = np.array([1 if r['class']=='good' else 0 for r in rows])
Xn = np.array([[float(r[c]) for c in num] for r in rows]); Xc = np.array([[r[c] for c in cat] for r in rows], dtype=object)
X = np.concatenate([Xn.astype(object), Xc], axis=1)
idx = np.arange(len(rows))
tr, te = train_test_split(idx, test_size=0.2, stratify=y, random_state=0)
ct = ColumnTransformer([('num', StandardScaler(), list(range(len(num)))), ('cat', OneHotEncoder(handle_unknown='ignore'), list(range(len(num), len(cols))))])
m = make_pipeline(ct, LogisticRegression(C=1.0, max_iter=1000))
m.fit(X[tr], y[tr])
p = m.predict_proba(X[te])[:,1]
print('num', num)
print('auc good-positive', roc_auc_score(y[te], p))
print('auc bad-positive', roc_auc_score(1-y[te], 1-p))
print('n features', ct.transform(X[:2]).shape)
np.savetxt('eval_rows.txt', np.sort(te), fmt='%d')
np.savetxt('p_eval.txt', p[np.argsort(te)], fmt='%.17g')

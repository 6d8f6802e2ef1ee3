# Run: /usr/bin/python3 evaluation_reference.py  (Debian sklearn 1.2.1, numpy 1.24.2)
# Prints every expected figure used in dev.slipway.train.evaluation.*Test; repr() keeps all digits.
import numpy as np
from sklearn import metrics as M
from sklearn.calibration import calibration_curve
y = np.array([0,1,1,0,1,1,0,0,1,1,0,1])
p = np.array([0.1,0.4,0.35,0.8,0.7,0.7,0.2,0.7,0.9,1.0,0.0,0.5])
P = np.column_stack([1-p, p]); pred = P.argmax(axis=1)
print('binary accuracy', repr(M.accuracy_score(y, pred)))
print('binary balanced_accuracy', repr(M.balanced_accuracy_score(y, pred)))
print('binary precision recall f1', repr(M.precision_score(y, pred)), repr(M.recall_score(y, pred)), repr(M.f1_score(y, pred)))
print('binary roc_auc', repr(M.roc_auc_score(y, p)))
print('binary pr_auc (average_precision)', repr(M.average_precision_score(y, p)))
print('binary log_loss', repr(M.log_loss(y, P, eps=1e-15)))
print('binary brier', repr(M.brier_score_loss(y, p)))
print('binary confusion', M.confusion_matrix(y, pred).tolist())
pt, pp = calibration_curve(y, p, n_bins=10, strategy='uniform')
print('calibration prob_true', [repr(v) for v in pt]); print('calibration prob_pred', [repr(v) for v in pp])
fpr, tpr, thr = M.roc_curve(y, p, drop_intermediate=False)
print('roc fpr', fpr.tolist()); print('roc tpr', tpr.tolist())
pr, rc, th = M.precision_recall_curve(y, p)
print('pr precision', pr.tolist()); print('pr recall', rc.tolist())
for t in (0.3, 0.5, 0.75):
    d = (p > t).astype(int)  # positive when the score exceeds the threshold (TFMA convention)
    tn, fp, fn, tp = M.confusion_matrix(y, d).ravel()
    print('threshold', t, 'tp fp tn fn', tp, fp, tn, fn, 'precision', repr(M.precision_score(y, d, zero_division=0)),
          'recall', repr(M.recall_score(y, d)), 'fpr', repr(fp / (fp + tn)), 'f1', repr(M.f1_score(y, d)))
yt = np.array([0,1,2,2,1,0,2,1,0,2])
Q = np.array([[.7,.2,.1],[.1,.8,.1],[.2,.2,.6],[.5,.1,.4],[.3,.35,.35],[.25,.5,.25],[0,0,1],[.1,.6,.3],[.2,.45,.35],[.15,.05,.8]])
qp = Q.argmax(axis=1)
print('multi accuracy', repr(M.accuracy_score(yt, qp)), 'balanced', repr(M.balanced_accuracy_score(yt, qp)))
for avg in ('macro', 'micro', 'weighted'):
    print('multi f1', avg, repr(M.f1_score(yt, qp, average=avg)))
print('multi top2', repr(M.top_k_accuracy_score(yt, Q, k=2)))
print('multi log_loss', repr(M.log_loss(yt, Q, eps=1e-15)))
print('multi confusion', M.confusion_matrix(yt, qp).tolist())
t = np.array([3.0, -0.5, 2.0, 7.0, 4.25, 10.0]); f = np.array([2.5, 0.0, 2.0, 8.0, 3.0, 9.0])
print('reg rmse', repr(M.mean_squared_error(t, f, squared=False)), 'mae', repr(M.mean_absolute_error(t, f)))
print('reg mape', repr(M.mean_absolute_percentage_error(t, f)), 'r2', repr(M.r2_score(t, f)))
print('reg residual quantiles (truth - prediction, numpy linear)', [repr(v) for v in np.quantile(t - f, [0.05, 0.25, 0.5, 0.75, 0.95])])

# Slices of credit_g's eval rows (credit_g_eval_rows.txt) scored with sklearn's logistic regression
# (credit_g_sklearn_lr_p_good.txt); figures used in SlicingTest.
import csv
from collections import Counter
rows = list(csv.DictReader(open('/work/shared/data/credit_g.csv')))
ev = [int(x) for x in open('credit_g_eval_rows.txt').read().split()]
pg = np.loadtxt('credit_g_sklearn_lr_p_good.txt'); yg = np.array([rows[i]['class'] == 'good' for i in ev])
for c in ('personal_status', 'foreign_worker'):
    print(c, sorted(Counter(rows[i][c] for i in ev).items()))
ps = np.array([rows[i]['personal_status'] for i in ev])
for v in sorted(set(ps)):
    m = ps == v
    print('slice personal_status=' + v, m.sum(), 'roc_auc', repr(M.roc_auc_score(yg[m], pg[m])), 'tpr@0.5', repr(M.recall_score(yg[m], pg[m] > 0.5)))

# Run: /usr/bin/python3 metrics_reference.py  (Debian sklearn 1.2.1); figures used in MetricsTest.
import numpy as np
from sklearn import metrics as M
y = np.array([0,1,1,0,1,1,0,0,1,1,0,1])
p = np.array([0.1,0.4,0.35,0.8,0.7,0.7,0.2,0.7,0.9,1.0,0.0,0.5])
P = np.column_stack([1-p, p]); pred = P.argmax(axis=1)
for pos in (1, 0):
    print('pos', pos, repr(M.accuracy_score(y, pred)), repr(M.precision_score(y, pred, pos_label=pos)), repr(M.recall_score(y, pred, pos_label=pos)),
          repr(M.f1_score(y, pred, pos_label=pos)), repr(M.roc_auc_score(y == pos, P[:, pos])), repr(M.log_loss(y, P, eps=1e-15)))
yt = np.array([0,1,2,2,1,0,2,1])
Q = np.array([[.7,.2,.1],[.1,.8,.1],[.2,.2,.6],[.5,.1,.4],[.3,.3,.4],[.25,.5,.25],[0,0,1],[.1,.6,.3]])
qp = Q.argmax(axis=1)
print('multi', repr(M.accuracy_score(yt, qp)), repr(M.f1_score(yt, qp, average='macro')), repr(M.log_loss(yt, Q, eps=1e-15)))
t = np.array([3.0, -0.5, 2.0, 7.0, 4.25]); f = np.array([2.5, 0.0, 2.0, 8.0, 3.0])
print('reg', repr(M.mean_squared_error(t, f, squared=False)), repr(M.mean_absolute_error(t, f)), repr(M.r2_score(t, f)))

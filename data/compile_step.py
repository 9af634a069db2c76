"""Is a compiled victim (torch.compile, inductor on the CPU) a cheaper first-order step? Issue 19, 2026-12-07.

    python data/compile_step.py [ITERS]   (default 100; the measured run used 300)

Times the default's step (finite-difference pixel gradient, one start; the bench's row) eager, then after
`Module.compile()`, and runs ITERS iterations of each for their PSNR on the demo batch (2 threads).
"""
import sys, time, torch
from gradvit_nb.core import set_threads
from gradvit_nb.models import load_victim
from gradvit_nb.data import demo_batch
from gradvit_nb.client import client_scenario
from gradvit_nb.attack import optimise
from gradvit_nb.bench import ours_ms_per_iter, _configs, forward_ms
from gradvit_nb.metrics import evaluate
from dataclasses import replace
set_threads(2)
v = load_victim('vit-p4'); x = demo_batch(v.img_size); y = torch.tensor([3, 17, 42, 77])
g = client_scenario(v, x, labels=y).gradient
cfg = _configs('finite-difference')[1]
def quality():
    r = optimise(v, g, 4, replace(cfg, iters=int(sys.argv[1]) if len(sys.argv) > 1 else 100), progress=False)
    return round(evaluate(r.images, x, r.labels.tolist(), y.tolist(), use_lpips=False)['psnr'], 3), round(r.seconds, 1)
print('eager: forward', round(forward_ms(v, x), 2), 'step', ours_ms_per_iter(v, g, 4, cfg, 40, 3, 5), 'run', quality(), flush=True)
t0 = time.time(); v.model.compile(dynamic=False)
print('compiled: first run', quality(), f'{time.time() - t0:.0f} s with compilation', flush=True)
print('compiled: forward', round(forward_ms(v, x), 2), 'step', ours_ms_per_iter(v, g, 4, cfg, 40, 3, 5), 'run', quality(), flush=True)

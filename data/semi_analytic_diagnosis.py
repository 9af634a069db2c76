"""Why a batch of four on vit-p8 stalls: the semi-analytic attack's end point taken apart (issue 18's diagnosis).

    python data/semi_analytic_diagnosis.py SET [--budget 300] [--threads 1] [--state runs/diag/setS.pt]
    python data/semi_analytic_diagnosis.py SET --starts 0:3 100:3 200:3   (only the projected start: SEED:STARTS each)
    python data/semi_analytic_diagnosis.py SET --lbfgs 200 [--threads 2]   (L-BFGS on the end point, then peeling)
    python data/semi_analytic_diagnosis.py SET --state S.pt --reflect 2,11 2,15 --lbfgs 80   (reflect patches first)

Attacks set SET (as `semi_analytic_sets.py` draws it) with the default preset and a time budget, keeps the end point in
`--state` (reused when it exists), then asks, knowing the truth:
- assignment: how many patches sit at the wrong image (Hungarian match per position) and the PSNR once they are put back;
- head features: each image's class-token feature against the exact one the head's gradient gives (does it flag the bad image?);
- peeling: each image redone by the batch-1 closed form on what the other three leave of the gradient (`semi_analytic.peel`;
  exact from the truth), judged at once (the attack judges it after a few L-BFGS steps).
With `--lbfgs N`, N steps of the attack's L-BFGS stage (`lbfgs_finish`: strong Wolfe line search on the gradient distance
of the projected patches) from the end point, then each image peeled. With `--reflect B,S ...` too, patch S of image B
(0-based, in the end point's order) is first reflected through the mean of the other images' patches at position S
(it stays on its affine set): a move out of a wrong basin, tried by hand on patches the truth shows to be wrong. With `--starts`, only the attack's first stage (projected optimisation) from other seeds: its gradient error, which
predicts where the cycles end.
"""
import argparse, sys, time
from dataclasses import replace
from pathlib import Path

import torch
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).parent))
from semi_analytic_sets import set_scenario
from gradvit_nb.core import set_threads
from gradvit_nb.models import load_victim
from gradvit_nb.attack import preset, optimise, pixel_gradient
from gradvit_nb.labels import recover_labels, head_features
from gradvit_nb.reconstruct import run_attack
from gradvit_nb.metrics import evaluate
from gradvit_nb.closed_form import to_patches, from_patches
from gradvit_nb.gradient_matching import gradient_error
from gradvit_nb.semi_analytic import PatchSystem, lbfgs_finish, peel


def end_point(victim, s:int, budget:float, path:Path) -> dict:
    "The attack's end point on set `s` with the truth beside it, computed once and kept in `path`."
    if path.exists(): return torch.load(path, weights_only=True)
    x, _, sc = set_scenario(victim, s, 4)
    res = run_attack(victim, sc.gradient, 4, preset('cpu-demo', seed=s, time_budget=budget), progress=False)
    state = dict(images=res.images, x=x, labels=res.labels, true=sc.labels, target=sc.gradient)
    path.parent.mkdir(parents=True, exist_ok=True); torch.save(state, path.with_suffix('.part')); path.with_suffix('.part').rename(path)
    return state


def start_errors(victim, s:int, variants:list[str]):
    "The projected start of set `s` from each `SEED:STARTS`: its gradient error and PSNR."
    x, _, sc = set_scenario(victim, s, 4)
    cfg = preset('cpu-demo', seed=s); cfg = replace(cfg, pixel_grad=pixel_gradient(cfg, precise=True))  # as semi_analytic runs it
    y = recover_labels(sc.gradient, 4, cfg.label_rule); system = PatchSystem(victim, sc.gradient, 4)
    for var in variants:
        seed, starts = map(int, var.split(':'))
        r = optimise(victim, sc.gradient, 4, replace(cfg, seed=seed, seeds=starts), labels=y, constraint=system.project, progress=False)
        m = evaluate(r.images, x, y, sc.labels, use_lpips=False)
        print(f'set {s}, seed {seed}, {starts} starts: start error {gradient_error(victim, sc.gradient, victim.normalize(r.images), y):.4f}, '
              f'{m["psnr"]:.2f} dB, {r.seconds:.0f} s', flush=True)


def lbfgs_polish(victim, d:dict, steps:int):
    "The attack's L-BFGS stage (`lbfgs_finish`) on the end point; prints the PSNR every 10 steps; returns the images (normalised)."
    x, y, t, tg = d['x'], d['labels'], d['true'], d['target']; system = PatchSystem(victim, tg, 4); t0 = time.time()
    seen = []
    def report(xn, loss):
        seen.append(loss); k = len(seen)
        if k % 10 == 0 or k == steps:
            m = evaluate(victim.denormalize(xn).clamp(0, 1), x, y, t, use_lpips=False)
            print(f"L-BFGS step {k}, {time.time() - t0:.0f} s: {m['psnr']:.2f} dB {[round(q, 1) for q in m['psnr_per_image']]}", flush=True)
    return lbfgs_finish(system, victim.normalize(d['images']), y, steps, on_step=report, progress=False)[0]


def reflect(victim, images, patches:list[tuple[int, int]]):
    "Each patch (b, s) of `images` (pixels) reflected through the mean of the other images' patches at s, in normalised space."
    X = to_patches(victim.normalize(images), victim.patch_size); Y = X.clone()
    for b, s in patches:
        mean = X[[j for j in range(len(X)) if j != b], s].mean(0); Y[b, s] = 2 * mean - X[b, s]
    return victim.denormalize(from_patches(Y, victim.patch_size, images.shape[-1]))


def head_input(victim, xn):
    "The class-token feature the head reads, per image."
    m = victim.model
    with torch.no_grad(): return m.forward_head(m.forward_features(xn), pre_logits=True)


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('set', type=int); p.add_argument('--budget', type=float, default=300.); p.add_argument('--threads', type=int, default=1)
    p.add_argument('--state', default=None, help='where the end point is kept (default runs/diag/setS.pt)')
    p.add_argument('--lbfgs', type=int, default=0, metavar='N', help='N steps of L-BFGS on the end point before the questions')
    p.add_argument('--starts', nargs='+', default=None, metavar='SEED:STARTS', help='only the projected start from these seeds')
    def patch(q): return tuple(map(int, q.split(',', 1)))  # 'B,S'; argparse turns a bad one into a one-line error
    p.add_argument('--reflect', nargs='+', default=[], metavar='B,S', type=patch, help='reflect these patches before the L-BFGS steps')
    a = p.parse_args(); set_threads(a.threads); v = load_victim('vit-p8'); P = v.patch_size
    if a.starts: start_errors(v, a.set, a.starts); raise SystemExit
    d = end_point(v, a.set, a.budget, Path(a.state or f'runs/diag/set{a.set}.pt'))
    if a.reflect: d = dict(d, images=reflect(v, d['images'], a.reflect))
    if a.lbfgs: d = dict(d, images=v.denormalize(lbfgs_polish(v, d, a.lbfgs)).clamp(0, 1))
    r, x, y, t, tg = d['images'], d['x'], d['labels'], d['true'], d['target']
    order = [int((t == l).nonzero()[0]) for l in y]; xt = x[order]          # the truth in the reconstruction's order
    score = lambda imgs: evaluate(imgs, xt, y, y, use_lpips=False)
    m0 = score(r); fmt = lambda m: f"{m['psnr']:.1f} dB {[round(q, 1) for q in m['psnr_per_image']]}"
    print(f'set {a.set}: end point {fmt(m0)}, gradient error {gradient_error(v, tg, v.normalize(r), y):.4f}')
    # assignment: per position, which reconstructed patch belongs to which true image
    Xr, Xt = to_patches(r, P), to_patches(xt, P); Xo, foreign = Xr.clone(), 0
    for s in range(Xr.shape[1]):
        i, j = linear_sum_assignment(((Xr[:, s, None] - Xt[None, :, s]) ** 2).sum(-1).numpy())
        Xo[j, s] = Xr[i, s]; foreign += int((i != j).sum())
    print(f'assignment: {foreign} of {Xr.shape[0] * Xr.shape[1]} patches at another image; put back: {fmt(score(from_patches(Xo, P, r.shape[-1])))}')
    # head features: exact per image once the labels are known
    F, _ = head_features(v, tg, y)
    err = lambda z: ((head_input(v, z) - F).norm(dim=1) / F.norm(dim=1)).tolist()
    print(f'head feature error per image: end point {[round(e, 4) for e in err(v.normalize(r))]}, truth {[f"{e:.0e}" for e in err(v.normalize(xt))]}')
    # peeling: the batch-1 closed form on what the others leave
    system = PatchSystem(v, tg, 4)
    for b in range(4):
        peeled = peel(system, v.normalize(r), y, b); mp = score(v.denormalize(peeled).clamp(0, 1))
        mo = score(v.denormalize(peel(system, v.normalize(xt), y, b)).clamp(0, 1))
        print(f'peel image {b}: {mp["psnr_per_image"][b]:.1f} dB (was {m0["psnr_per_image"][b]:.1f}), gradient error {gradient_error(v, tg, peeled, y):.4f}; '
              f'from the truth of the others {mo["psnr_per_image"][b]:.1f} dB')

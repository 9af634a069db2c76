"""What a prior changes: the default attack on the demo batch at several weights of R_image or R_patch (lessons 06 and 07).

    python data/prior_weights.py OUT_DIR [--term image|patch] [--weights 0 1e-4 1e-2 1] [--seeds 0 1 2] [--threads 1] [--zoo DIR]

For each weight and seed: the default preset (`cpu-demo`) with `alpha_image` (or `alpha_patch`) set, the images it
reconstructs, their PSNR and gain over the mean-colour picture, R_image of the reconstruction layer by layer and R_patch
(the truth's beside them), and the gradient error. Also the prior alone (no gradient term) from the same start, to show
what it pulls towards. Writes
OUT_DIR/results.json and OUT_DIR/images.safetensors at the end, each completely or not at all.
"""
import argparse, time
from pathlib import Path

import torch
from safetensors.torch import save as st_save

from gradvit_nb.core import set_threads, atomic_write_json, atomic_write_bytes
from gradvit_nb.data import demo_batch, DEMO_NAMES
from gradvit_nb.models import load_victim, load_prior, use_zoo
from gradvit_nb.client import client_scenario
from gradvit_nb.attack import preset
from gradvit_nb.reconstruct import run_attack
from gradvit_nb.image_prior import BNStatsPrior
from gradvit_nb.patch_prior import patch_prior
from gradvit_nb.gradient_matching import gradient_error
from gradvit_nb.metrics import evaluate


def r_image(prior:BNStatsPrior, x:torch.Tensor) -> list[float]:
    "R_image of the batch `x`, one term per BatchNorm layer."
    with torch.no_grad(): return [round(float(t), 4) for t in prior.per_layer(x)]


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('out'); p.add_argument('--term', choices=['image', 'patch'], default='image'); p.add_argument('--weights', type=float, nargs='+', default=[0., 1e-4, 1e-2, 1.])
    p.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2]); p.add_argument('--threads', type=int, default=1)
    p.add_argument('--alone-iters', type=int, default=300, help='iterations of the prior alone')
    p.add_argument('--prior-checkpoint', default=None, help="another resnet-mini's weights (data/train_zoo_photos.py)")
    p.add_argument('--zoo', default=None, help='a folder of retrained zoo models for the victim and the prior (data/train_zoo_photos.py)')
    a = p.parse_args(); out = Path(a.out)
    if (out / 'results.json').exists(): raise SystemExit(f'{out}/results.json exists: choose another folder')
    weight = f'alpha_{a.term}'
    if a.zoo: use_zoo(a.zoo)
    set_threads(a.threads); victim = load_victim('vit-p4'); x = demo_batch(); prior = BNStatsPrior(load_prior(checkpoint=a.prior_checkpoint))
    rows, images = [], {'truth': x}
    for seed in a.seeds:
        sc = client_scenario(victim, x, list(DEMO_NAMES), seed=seed)
        runs = [(f'{w:g}', preset('cpu-demo', seed=seed, **{weight: w})) for w in a.weights]
        if seed == a.seeds[0]:  # what the prior pulls towards: its term alone, from the attack's own start
            alone = dict(alpha_grad=0., alpha_pos=0., alpha_tv=0., alpha_patch=0., alpha_image=0.) | {weight: 1.}
            runs.append(('prior alone', preset('cpu-demo', seed=seed, method='optimise', **alone, use_scheduler=False, iters=a.alone_iters,
                                              keep_best_at=0., seeds=1)))
        for name, cfg in runs:
            res = run_attack(victim, sc.gradient, len(x), cfg, prior=prior.prior, labels=sc.labels, progress=False)
            m = evaluate(res.images, x, res.labels, sc.labels, use_lpips=False)
            rows.append(dict(weight=name, seed=seed, psnr=m['psnr'], psnr_per_image=m['psnr_per_image'],
                             gain_over_mean_colour_db=m['gain_over_mean_colour_db'], seconds=round(res.seconds, 1),
                             gradient_error=round(gradient_error(victim, sc.gradient, victim.normalize(res.images), res.labels), 5),
                             r_image=r_image(prior, res.images), r_image_truth=r_image(prior, x),
                             r_patch=round(float(patch_prior(victim.normalize(res.images), victim.patch_size)), 4),
                             r_patch_truth=round(float(patch_prior(victim.normalize(x), victim.patch_size)), 4), order=m.get('order')))
            images[f'{name}/seed{seed}'] = res.images[m['order']].contiguous()  # in the truth's order
            print(f"{weight} {name}, seed {seed}: {m['psnr']:.2f} dB ({m['gain_over_mean_colour_db']:+.2f}), R_image {sum(rows[-1]['r_image']):.1f} "
                  f"(truth {sum(rows[-1]['r_image_truth']):.1f}), R_patch {rows[-1]['r_patch']:.1f} (truth {rows[-1]['r_patch_truth']:.1f}), {res.seconds:.0f} s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(out / 'images.safetensors', st_save({k: (v * 255).round().to(torch.uint8) for k, v in images.items()}))  # 8-bit pixels, as a PNG keeps them
    atomic_write_json(out / 'results.json', dict(command='python data/prior_weights.py ' + ' '.join(
        [a.out, '--term', a.term, '--weights', *map(str, a.weights), '--seeds', *map(str, a.seeds), '--threads', str(a.threads)]
        + (['--prior-checkpoint', a.prior_checkpoint] if a.prior_checkpoint else []) + (['--zoo', a.zoo] if a.zoo else [])), prior=prior.prior.source, names=list(DEMO_NAMES), rows=rows,
        threads=a.threads, created=time.strftime('%Y-%m-%d')))

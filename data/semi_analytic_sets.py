"""The semi-analytic attack on sets of bundled photos: set S is the batch that seed S draws from the bundled photos.

    python data/semi_analytic_sets.py OUT.jsonl --batch 4 --sets 0 1 2 3 4 [--threads 1] [--model vit-p8] [--kw JSON] [--save DIR]

Each set is attacked with the default preset (`cpu-demo`, method auto; `--kw` overrides its fields) and scored; one JSON line per set is appended
to OUT.jsonl (sets already there are skipped, so an interrupted run resumes). `--save DIR` also writes DIR/setS.png
(originals above, the answer below in their order). `--summary` prints the table of a file.
"""
import argparse, json
from pathlib import Path

import torch
from gradvit_nb.core import set_threads, atomic_save_image, image_grid
from gradvit_nb.data import load_bundled, bundled_names
from gradvit_nb.models import load_victim
from gradvit_nb.client import client_scenario
from gradvit_nb.attack import preset
from gradvit_nb.reconstruct import run_attack
from gradvit_nb.metrics import evaluate


def set_names(seed:int, n:int) -> list[str]:
    "The bundled photos of set `seed`: the first `n` of a permutation drawn from the seed."
    names = bundled_names()
    return [names[i] for i in torch.randperm(len(names), generator=torch.Generator().manual_seed(seed))[:n]]


def set_scenario(victim, seed:int, n:int):
    "Set `seed`'s photos, their names and the client's shared gradient (labels drawn from the same seed, as the CLI does)."
    names = set_names(seed, n); x = load_bundled(names, victim.img_size)
    return x, names, client_scenario(victim, x, names, seed=seed)


def attack_set(victim, seed:int, n:int, save:Path|None=None, **overrides) -> dict:
    "Attack set `seed` and score it; with `save`, write the originals and the answer to `save/setS.png`."
    x, names, sc = set_scenario(victim, seed, n)
    res = run_attack(victim, sc.gradient, n, preset('cpu-demo', seed=seed, **overrides), progress=False)
    m = evaluate(res.images, x, res.labels, sc.labels, use_lpips=False)
    if save: save.mkdir(parents=True, exist_ok=True); atomic_save_image(save/f'set{seed}.png', image_grid([x, res.images[m['order']]], scale=4))
    return dict(set=seed, batch=n, names=names, method=res.method, psnr=m['psnr'], psnr_per_image=m['psnr_per_image'],
                gain_over_mean_colour_db=m['gain_over_mean_colour_db'], seconds=round(res.seconds, 1), threads=torch.get_num_threads(),
                ended=res.notes.get('ended'), gradient_error=res.notes.get('gradient_error'), stages=res.notes.get('stages'))


def summary(path) -> str:
    "A markdown table of a results file."
    rows = [json.loads(l) for l in Path(path).read_text().splitlines() if l.strip()]
    out = ['| set | photos | PSNR (dB) | gain over mean colour (dB) | seconds | ended |', '|---|---|---|---|---|---|']
    for r in rows: out.append(f"| {r['set']} | {', '.join(r['names'])} | {r['psnr']:.1f} | {r['gain_over_mean_colour_db']:+.1f} | {r['seconds']:.0f} | {r['ended']} |")
    ok = sum(r['psnr'] >= 30 for r in rows)
    out.append(f"\n{ok} of {len(rows)} sets at or above 30 dB; mean {sum(r['psnr'] for r in rows) / max(1, len(rows)):.1f} dB")
    return '\n'.join(out)


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('out'); p.add_argument('--batch', type=int, default=4); p.add_argument('--sets', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    p.add_argument('--threads', type=int, default=1); p.add_argument('--model', default='vit-p8'); p.add_argument('--summary', action='store_true')
    p.add_argument('--kw', default='{}', help='preset fields to override, as JSON')
    p.add_argument('--save', type=Path, default=None, metavar='DIR', help='also write DIR/setS.png')
    a = p.parse_args()
    if a.summary: print(summary(a.out)); raise SystemExit
    set_threads(a.threads); victim = load_victim(a.model); out = Path(a.out)
    done = {(r['set'], r['batch']) for r in map(json.loads, out.read_text().splitlines())} if out.exists() else set()
    taken = [a.save/f'set{s}.png' for s in a.sets if a.save and (a.save/f'set{s}.png').exists()]
    if taken: raise SystemExit(f'{taken[0]} exists: choose another --save folder (nothing is overwritten)')
    for s in a.sets:
        if (s, a.batch) in done: continue
        row = dict(attack_set(victim, s, a.batch, a.save, **json.loads(a.kw)), overrides=json.loads(a.kw))
        with out.open('a') as f: f.write(json.dumps(row) + '\n')
        print(f"set {s}: {row['psnr']:.1f} dB ({row['gain_over_mean_colour_db']:+.1f}), {row['seconds']:.0f} s, {row['ended']}", flush=True)

"""How soon the default attack shows its picture: the gain over the mean-colour row at wall-clock marks, per seed.

    python data/time_to_picture.py OUT.jsonl [--seeds 0 1 2 3 4] [--threads 2] [--marks 20 40 60] [--preset cpu-demo] [--kw JSON]

The bundled demo batch on vit-p4 (labels drawn from each seed, as the CLI draws them); one JSON line per seed: the
iteration reached and the gain at each mark (the callback scores the current answer, so a mark is what a student
would see at that moment), then the whole run's gain and seconds. `--kw` overrides preset fields, e.g. '{"iters": 600}'.
"""
import argparse, json, time
from pathlib import Path

from gradvit_nb.core import set_threads
from gradvit_nb.data import demo_batch, DEMO_NAMES
from gradvit_nb.models import load_victim
from gradvit_nb.client import client_scenario
from gradvit_nb.attack import preset
from gradvit_nb.reconstruct import run_attack
from gradvit_nb.metrics import evaluate

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('out'); p.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2, 3, 4])
    p.add_argument('--threads', type=int, default=2); p.add_argument('--marks', type=float, nargs='+', default=[20, 40, 60])
    p.add_argument('--preset', default='cpu-demo'); p.add_argument('--kw', default='{}')
    a = p.parse_args(); threads = set_threads(a.threads)
    victim, x = load_victim('vit-p4'), demo_batch()
    for s in a.seeds:
        sc = client_scenario(victim, x, list(DEMO_NAMES), seed=s)
        cfg = preset(a.preset, seed=s, callback_every=5, **json.loads(a.kw))
        marks, got = list(a.marks), {}
        def seen(st):
            el = time.time() - t0
            while marks and el >= marks[0]:
                got[f'{marks.pop(0):g}'] = dict(iteration=st.t, gain=evaluate(st.images, x, st.labels, sc.labels, use_lpips=False)['gain_over_mean_colour_db'])
            return False
        t0 = time.time(); res = run_attack(victim, sc.gradient, len(x), cfg, callback=seen, progress=False)
        m = evaluate(res.images, x, res.labels, sc.labels, use_lpips=False)
        row = dict(seed=s, preset=a.preset, overrides=json.loads(a.kw), threads=threads, marks=got, gain=m['gain_over_mean_colour_db'],
                   psnr=m['psnr'], iters=res.iters_done, seconds=round(res.seconds, 1))
        with Path(a.out).open('a') as f: f.write(json.dumps(row) + '\n')
        print(json.dumps(row), flush=True)

"""The figures README.md quotes, from the stored runs in data/results (see data/README.md): python data/summarise.py"""
import json, statistics
from pathlib import Path

HERE = Path(__file__).parent/'results'

def runs(pattern):
    "The metrics.json of every stored run matching `pattern`, sorted by path."
    return [(p.parent.relative_to(HERE), json.loads(p.read_text())) for p in sorted(HERE.glob(pattern + '/metrics.json'))]

def row(name, found, exact=None):
    "One line of the table: PSNR and gain over the mean-colour row per run, their mean and range, seconds."
    if not found: return f'| {name} | not run |||||'
    gains = [m['gain_over_mean_colour_db'] for _, m in found]; ps = [m['psnr'] for _, m in found]
    secs = [m['seconds'] for _, m in found]; methods = sorted({m['method'] for _, m in found})
    extra = '' if exact is None else f"; {sum(p >= exact for p in ps)} of {len(ps)} at or above {exact} dB"
    return (f"| {name} | {', '.join(methods)} | {len(found)} | {min(ps):.1f} to {max(ps):.1f} (mean {statistics.fmean(ps):.1f}){extra} | "
            f"{statistics.fmean(gains):+.2f} ({min(gains):+.2f} to {max(gains):+.2f}) | {seconds(secs)} |")

def jsonl(path):
    "The rows of a JSON-lines results file (data/time_to_picture.py, data/semi_analytic_sets.py), as (name, metrics) pairs."
    f = HERE/path
    if not f.exists(): return []
    rows = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
    return [(r.get('set', r.get('seed')), dict(r, gain_over_mean_colour_db=r.get('gain_over_mean_colour_db', r.get('gain')),
                                              method=r.get('method', 'optimise'))) for r in rows]

def seconds(secs):
    "The range of a run's seconds (the attack alone, not loading the models)."
    return f'{max(secs):.2f} at most' if max(secs) < 1 else f'{min(secs):.0f} to {max(secs):.0f}'

def main():
    "Write results/summary.md and print it."
    lines = ['| runs | method | n | PSNR, dB | gain over mean colour, dB: mean (range) | seconds |', '|---|---|---|---|---|---|',
             row('batch 1, every bundled photo, vit-p4', runs('batch1/vit-p4/*'), 60),
             row('batch 1, every bundled photo, vit-p8', runs('batch1/vit-p8/*'), 60),
             row('batch 2, vit-p8, astronaut + chelsea, seeds 0-4, before 2026-12-01', runs('p8-batch2/seed*'), 40),
             row('batch 2, vit-p8, held-out photos, seeds 0-2, before 2026-12-01', runs('heldout/p8-batch2/seed*'), 40),
             row('batch 4, vit-p4, demo batch, seeds 0-4, cpu-study (1 thread)', runs('demo-seeds/seed*')),
             row('batch 4, vit-p4, demo batch, seeds 0-4, the default cpu-demo (1 thread)', jsonl('speed/time_to_picture_1thread.jsonl')),
             row('batch 4, vit-p8, bundled sets 0-4, cycles only, before 2026-12-07 (1 thread, 600 s)', jsonl('p8-batch4/cycles-only/sets.jsonl'), 30),
             row('batch 4, vit-p8, bundled sets 0-4, cycles, then L-BFGS, before 2026-12-08 (1 thread, 600 s)', jsonl('p8-batch4/no-peel/sets.jsonl'), 30),
             row('batch 4, vit-p8, bundled sets 0-4, cycles, then L-BFGS (20 pairs) with peeling, 2026-12-08 (1 thread, 600 s)', jsonl('p8-batch4/peel-20-pairs/sets.jsonl'), 30),
             row('batch 4, vit-p8, bundled sets 0-4, the default: cycles, then L-BFGS (200 pairs) with peeling (1 thread, 600 s)', jsonl('p8-batch4/sets.jsonl'), 30),
             row('batch 4, vit-p8, held-out batches a and b, seed 0, before 2026-12-08 (1 thread, 600 s)', runs('heldout/p8-batch4-no-peel/*'), 30),
             row('batch 4, vit-p8, held-out batches a and b, seed 0, peeling with 20 pairs, 2026-12-08 (1 thread, 600 s)', runs('heldout/p8-batch4-peel-20-pairs/*'), 30),
             row('batch 4, vit-p8, held-out batches a and b, seed 0, the default (1 thread, 600 s)', runs('heldout/p8-batch4/*'), 30),
             row('batch 3, vit-p8, bundled sets 0-2, before 2026-12-08 (1 thread, 600 s)', jsonl('p8-batch3/sets.jsonl'), 30),
             row('batch 3, vit-p8, bundled set 0, peeling with 20 pairs, 2026-12-08 (1 thread, 600 s)', jsonl('p8-batch3/peel/sets.jsonl'), 30),
             row('batch 3, vit-p8, bundled set 0, the default (1 thread, 600 s)', jsonl('p8-batch3/default/sets.jsonl'), 30),
             row('batch 5, vit-p8, bundled sets 0-1, before 2026-12-08 (1 thread, 600 s)', jsonl('p8-batch5/sets.jsonl'), 30),
             row('batch 5, vit-p8, bundled set 0, peeling with 20 pairs, 2026-12-08 (1 thread, 600 s)', jsonl('p8-batch5/peel/sets.jsonl'), 30),
             row('batch 5, vit-p8, bundled set 0, the default (1 thread, 600 s)', jsonl('p8-batch5/default/sets.jsonl'), 30),
             row('batch 4, vit-p4, held-out batch a, seeds 0-2, cpu-study', runs('heldout/a/seed*')),
             row('batch 4, vit-p4, held-out batch b, seeds 0-2, cpu-study', runs('heldout/b/seed*'))]
    text = '\n'.join(lines) + '\n'
    (HERE/'summary.md').write_text(text); print(text)

if __name__ == '__main__': main()

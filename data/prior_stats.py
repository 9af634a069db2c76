"""What a prior's BatchNorm statistics say about real photos, noise and crops (issue 22): R_image under one or more zoos.

    python data/prior_stats.py OUT.json [--zoos bundled runs/zoo-474] [--photos runs/zoo-photos] [--heldout runs/heldout/a] [--threads 1]

For each zoo's prior CNN: R_image (Eq. 4) of the demo batch, of uniform noise and of the mean-colour picture (batches
of 4), of batches of 4, 16, 64 and 256 random crops of the prior's own training pool (10 draws each, mean; a retrained zoo's
pool is rebuilt from its record and `--photos`), and of the held-out photos when given. Lesson 06 explains why a batch of 4 real photos sits far from the running statistics.
"""
import argparse, time
import torch
from gradvit_nb.core import set_threads, atomic_write_json
from gradvit_nb.data import demo_batch, load_bundled, load_images, training_pool_names
from gradvit_nb.models import load_prior, zoo_in_use, zoo_card
from gradvit_nb.image_prior import BNStatsPrior
from gradvit_nb.train_zoo import random_crops, training_pool

def r_image(prior, x):
    "R_image of batch `x` under `prior`."
    with torch.no_grad(): return round(float(prior(x)), 2)

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('out'); p.add_argument('--zoos', nargs='+', default=['bundled']); p.add_argument('--heldout', nargs='*', default=[]); p.add_argument('--photos', nargs='*', default=[])
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args(); set_threads(a.threads)
    x = demo_batch(); g = torch.Generator().manual_seed(0); noise = torch.rand(x.shape, generator=g)
    pool = load_bundled(training_pool_names(), 64); held = [load_images(h, 32)[0] for h in a.heldout]
    rows = {}
    for z in a.zoos:
        with zoo_in_use(None if z == 'bundled' else z):
            prior = BNStatsPrior(load_prior()); g = torch.Generator().manual_seed(0); card = zoo_card('resnet-mini')
            own = pool if z == 'bundled' else training_pool(card['pool_size'], a.photos, tuple(card['scales']))[0]
            row = dict(demo=r_image(prior, x), noise=r_image(prior, noise),
                       mean_colour=r_image(prior, x.mean((2, 3), keepdim=True).expand_as(x).contiguous()))
            for B in (4, 16, 64, 256): row[f'{B} crops'] = round(sum(r_image(prior, random_crops(own, B, g)) for _ in range(10)) / 10, 2)
            for h, t in zip(a.heldout, held): row[f'heldout {h}'] = r_image(prior, t)
        rows[z] = row; print(z, row, flush=True)
    atomic_write_json(a.out, dict(command='python data/prior_stats.py ' + ' '.join([a.out, '--zoos', *a.zoos] + (['--photos', *a.photos] if a.photos else []) + (['--heldout', *a.heldout] if a.heldout else [])),
                                  rows=rows, created=time.strftime('%Y-%m-%d')))

"""A zoo trained on the bundled training photos plus more (issue 22): victims and prior CNN, for comparison with the bundled zoo.

    bash data/zoo_photos.sh runs/zoo-photos
    python data/train_zoo_photos.py runs/zoo-26 --photos runs/zoo-photos [--models vit-p4 vit-p8 resnet-mini]
        [--pool-size 128] [--scales 1 0.5 0.25] [--threads 1]

Each photo joins the pool as square tiles at the given scales (`train_zoo.photo_tiles`; `--scales 1`: its centred
square only). Writes DEST/<name>.safetensors and DEST/<name>.json per model (the bundled architecture and recipe, a
larger pool); use the folder with `--zoo DEST` (CLI) or `load_victim(checkpoint=...)` / `load_prior(checkpoint=...)`.
"""
import argparse
from pathlib import Path
from gradvit_nb.core import set_threads
from gradvit_nb.models import VICTIM_ZOO, PRIOR_ZOO
from gradvit_nb.train_zoo import train_victim, train_prior, training_pool, save_zoo_model

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('dest'); p.add_argument('--photos', nargs='+', required=True)
    p.add_argument('--models', nargs='+', default=[*VICTIM_ZOO, *PRIOR_ZOO], choices=[*VICTIM_ZOO, *PRIOR_ZOO])
    p.add_argument('--pool-size', type=int, default=128); p.add_argument('--scales', type=float, nargs='+', default=[1.])
    p.add_argument('--threads', type=int, default=1)
    a = p.parse_args()
    taken = [m for m in a.models if (Path(a.dest)/f'{m}.safetensors').exists()]
    if taken: raise SystemExit(f'{a.dest}/{taken[0]}.safetensors exists: choose another folder')
    print(f'pool: {len(training_pool(a.pool_size, a.photos, a.scales)[1])} images')  # also checks the photos before training
    set_threads(a.threads)
    for m in a.models:
        train = train_prior if m in PRIOR_ZOO else train_victim
        model, card = train(m, pool_size=a.pool_size, photos=a.photos, scales=tuple(a.scales))
        save_zoo_model(model, card, a.dest)
        print(f"{m}: {len(card['pool'])} pool images, {card['seconds']:.0f} s, final loss {card['final_loss']:.3f}"
              + (f", train accuracy {card['final_train_acc']:.2f}" if 'final_train_acc' in card else ''))

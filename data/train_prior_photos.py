"""The prior CNN retrained on the bundled training photos plus more (issue 22), for comparison with the bundled one.

    bash data/zoo_photos.sh runs/zoo-photos
    python data/train_prior_photos.py runs/prior-photos --photos runs/zoo-photos [--pool-size 128] [--threads 2]

Writes DEST/resnet-mini.safetensors and DEST/resnet-mini.json (the bundled prior's architecture and recipe, a larger
pool); use it with `--prior resnet-mini --prior-checkpoint DEST/resnet-mini.safetensors` or `load_prior(checkpoint=...)`.
"""
import argparse
from pathlib import Path
from gradvit_nb.core import set_threads
from gradvit_nb.train_zoo import train_prior, save_zoo_model

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('dest'); p.add_argument('--photos', nargs='+', required=True)
    p.add_argument('--pool-size', type=int, default=128); p.add_argument('--steps', type=int, default=800); p.add_argument('--threads', type=int, default=2)
    a = p.parse_args()
    if (Path(a.dest)/'resnet-mini.safetensors').exists(): raise SystemExit(f'{a.dest}/resnet-mini.safetensors exists: choose another folder')
    set_threads(a.threads)
    model, card = train_prior(steps=a.steps, pool_size=a.pool_size, photos=a.photos)
    save_zoo_model(model, card, a.dest)
    print(f"trained on {len(card['pool'])} photos in {card['seconds']:.0f} s; final loss {card['final_loss']:.3f}")

"Imprint attack (lesson 24_malicious) on the held-out photos: batch 16, 128 bins, seeds 0-4. Run from the checkout after bash data/heldout.sh."
import time
from gradvit_nb.data import load_images
from gradvit_nb.models import load_victim
from gradvit_nb.malicious import photo_crops, imprint_attack, public_photos
victim, public = load_victim('vit-p4'), public_photos()
big, names = load_images(['runs/heldout/a', 'runs/heldout/b'], 128)
rows = []
for s in range(5):
    x = photo_crops(16, s, size=32, photos=big)
    t0 = time.time(); r = imprint_attack(victim, x, 128, public=public, seed=s); t = time.time() - t0
    rows.append(dict(seed=s, recovered=r['recovered'], batch=16, bins=128, seconds=round(t, 3)))
    print(rows[-1])
print('mean', sum(r['recovered'] for r in rows) / len(rows), 'of 16')

# the 'FedAvg E 5, unrolled' rows of the defences experiment, run beside the main process and merged into its results.csv
import json, sys, torch
from pathlib import Path
from gradvit_nb.core import set_threads
from gradvit_nb.experiments import settings_for, run_setting, experiment_images, _tensor_bytes
from gradvit_nb.attack import preset
from gradvit_nb.models import load_prior
set_threads(1)
s = [s for s in settings_for('defences') if s.name == 'FedAvg E 5, unrolled'][0]
x_all, names = experiment_images('defences', None, None, (1, 2, 4, 8))
base = preset('cpu-demo', seeds=1).validate(); prior = load_prior(); out = Path(sys.argv[1])
for k in range(3):
    row, pic, refs = run_setting(s, x_all, k, base, prior, False)
    (out/f'row{k}.json').write_text(json.dumps(dict(experiment='defences', **row)))
    if k == 0: (out/'FedAvg_E_5,_unrolled.pt').write_bytes(_tensor_bytes(pic))
    print(row['psnr'], row['seconds'], flush=True)

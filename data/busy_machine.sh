#!/bin/bash
# the demo alone, then beside two busy single-thread torch processes: default threads (idle cores) and --threads 2
cd "$(dirname "$0")/.."; G=.venv/bin/gradvit-nb; O=runs/busy; rm -rf $O; mkdir -p $O
sleep 30
/usr/bin/time -f "quiet default %e s" $G attack --out $O/quiet --no-lpips --quiet 2>> $O/times.txt
python3 -c "import json; m=json.load(open('$O/quiet/metrics.json')); print('quiet threads', m['threads'], 'psnr', m['psnr'])" >> $O/times.txt
BUSY='import torch; torch.set_num_threads(1); a = torch.randn(512, 512)
while True: a = (a @ a).tanh()'
.venv/bin/python -c "$BUSY" & P1=$!
.venv/bin/python -c "$BUSY" & P2=$!
sleep 75; uptime >> $O/times.txt
/usr/bin/time -f "busy default %e s" $G attack --out $O/busy --no-lpips --quiet 2>> $O/times.txt
python3 -c "import json; m=json.load(open('$O/busy/metrics.json')); print('busy threads', m['threads'], 'psnr', m['psnr'])" >> $O/times.txt
/usr/bin/time -f "busy threads2 %e s" $G attack --out $O/busy2 --no-lpips --quiet --threads 2 2>> $O/times.txt
kill $P1 $P2
echo done >> $O/times.txt

#!/bin/bash
# fresh venv: pip install the wheel with [lessons], gradvit-nb lessons DIR, run every copied lesson with nbconvert
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"  # the checkout; build the wheel first: pip wheel --no-deps . -w /tmp/whl
V=/tmp/lv; W=/tmp/lw; LOG=/tmp/lw.log
rm -rf $V $W; python3.11 -m venv $V
$V/bin/pip install -q torch==2.14.1 torchvision==0.29.1 2>&1 | grep -v WARNING
$V/bin/pip install -q -c "$ROOT/constraints.txt" "$(ls /tmp/whl/*.whl)[lessons]" 2>&1 | grep -v WARNING
echo "installed: $($V/bin/pip show gradvit_nb | grep Location)"
$V/bin/gradvit-nb lessons $W
cd $W/lessons
for nb in *.ipynb; do
  start=$(date +%s)
  MPLBACKEND=Agg OMP_NUM_THREADS=1 $V/bin/jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=1800 \
     --ExecutePreprocessor.kernel_name=python3 --output "ran-$nb" "$nb" > /dev/null 2> "err-$nb.txt"
  rc=$?; echo "$nb rc=$rc $(( $(date +%s) - start )) s"
done
echo finished

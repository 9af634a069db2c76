#!/usr/bin/env bash
# Eight photos that the attack's defaults were never tuned on, for held-out figures: Debian's plasma-workspace-wallpapers
# (LGPLv3; Volna CC BY-SA 4.0; authors in each wallpaper's metadata.json). Not bundled: fetched from the Debian archive
# when a developer reruns the held-out measurement. Usage: bash data/heldout.sh [DEST]  (default runs/heldout)
# Writes DEST/a and DEST/b, four photos each, the smallest size each wallpaper ships.
set -euo pipefail
dest=${1:-runs/heldout}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download plasma-workspace-wallpapers >/dev/null 2>&1) || { echo "apt-get download plasma-workspace-wallpapers failed" >&2; exit 1; }
dpkg-deb -x "$tmp"/plasma-workspace-wallpapers_*.deb "$tmp/x"
mkdir -p "$dest/a" "$dest/b"
i=0
for w in BytheWater ColdRipple ColorfulCups EveningGlow FallenLeaf OneStandsOut Path Volna; do
  src=$(ls -S "$tmp/x/usr/share/wallpapers/$w/contents/images/"* | tail -n 1)  # the smallest file
  part=$([ $i -lt 4 ] && echo a || echo b)
  cp "$src" "$dest/$part/$w.${src##*.}"; i=$((i + 1))
done
echo "wrote $dest/a and $dest/b"

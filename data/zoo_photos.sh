#!/usr/bin/env bash
# Sixteen photographs from Debian's wallpaper packages for a prior CNN that has seen more than the ten bundled training
# photos (issue 22): the fifteen photos of lomiri-wallpapers-16.04 and Kleiber of lomiri-wallpapers-20.04 (CC-BY-4.0,
# CC-BY-SA-3.0/4.0, CC0-1.0; authors and licences in the packages' copyright files, copied beside the photos). Not
# bundled: fetched from the Debian archive when a developer retrains the prior. Never Debian's mate-backgrounds
# (reserved for evaluation) nor plasma-workspace-wallpapers (the held-out photos of data/heldout.sh).
# Usage: bash data/zoo_photos.sh [DEST]  (default runs/zoo-photos)
set -euo pipefail
dest=${1:-runs/zoo-photos}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for p in lomiri-wallpapers-16.04 lomiri-wallpapers-20.04; do
  (cd "$tmp" && apt-get download "$p" >/dev/null 2>&1) || { echo "apt-get download $p failed" >&2; exit 1; }
  dpkg-deb -x "$tmp/${p}"_*.deb "$tmp/x"
done
mkdir -p "$dest"
cp "$tmp"/x/usr/share/backgrounds/*_by_*.jpg "$dest/"
for f in Fossa_by_Jasper_Roks.jpg Infinite-Sea_by_Aury88.jpg Painting-Colors_by__herobrine7gamer.jpg; do rm -f "$dest/$f"; done  # renders, not photos
for p in lomiri-wallpapers-16.04 lomiri-wallpapers-20.04; do cp "$tmp/x/usr/share/doc/$p/copyright" "$dest/$p.copyright"; done
echo "wrote $(ls "$dest"/*.jpg | wc -l) photos to $dest"

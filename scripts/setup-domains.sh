#!/usr/bin/env bash
# Unpacks the inputs of the generated domains (syndigits: fonts; mnistm: photographs) from a
# documented set of Debian packages into $LATENTBRIDGE_ASSETS (default ~/.cache/latentbridge/assets).
# Needs no root: `apt-get download` fetches the .deb files and `dpkg-deb -x` unpacks them.
#   scripts/setup-domains.sh [ASSETS_DIR]
set -euo pipefail
assets="${1:-${LATENTBRIDGE_ASSETS:-$HOME/.cache/latentbridge/assets}}"

# TrueType fonts that draw the ten digits (bookworm versions at the time of writing are
# recorded per font file, with SHA-256, in each generated domain's manifest.json)
fonts=(fonts-dejavu-core fonts-liberation fonts-freefont-ttf fonts-crosextra-carlito
       fonts-crosextra-caladea fonts-roboto-unhinted fonts-open-sans fonts-lato fonts-noto-mono)
# scikit-image's sample photographs (only its data folder is used; nothing is installed)
photos_pkg=python3-skimage
photos=(astronaut.png chelsea.png coffee.png rocket.jpg motorcycle_left.png motorcycle_right.png
        hubble_deep_field.jpg retina.jpg ihc.png)

command -v apt-get >/dev/null || { echo "setup-domains: apt-get is needed (Debian/Ubuntu)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "${fonts[@]}" "$photos_pkg" >/dev/null 2>"$work/apt.log") || {
  cat "$work/apt.log" >&2; echo "setup-domains: apt-get download failed (see above)" >&2; exit 1; }
mkdir -p "$work/x"
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done

mkdir -p "$assets.partial/fonts" "$assets.partial/photos"
find "$work/x/usr/share/fonts" -iname '*.ttf' -exec cp {} "$assets.partial/fonts/" \;
for p in "${photos[@]}"; do
  cp "$work/x/usr/lib/python3/dist-packages/skimage/data/$p" "$assets.partial/photos/"
done
rm -rf "$assets"; mkdir -p "$(dirname "$assets")"; mv "$assets.partial" "$assets"
echo "setup-domains: $(ls "$assets/fonts" | wc -l) fonts and $(ls "$assets/photos" | wc -l) photographs in $assets"

#!/bin/sh
# Debian/Ubuntu packages that the headless tests need (syncthing for the fleet, poppler-utils to look at printed PDFs; a virtual X screen and OpenGL in
# software; for the installed kiosk's tests, cage and its screenshot tool grim, Xwayland, Debian's
# Python venv and systemd-analyze; espeak-ng and vorbis-tools for kiosk narrate). Installs them when they are missing and we are root; otherwise says what to
# install. Used by `make test`.
set -e
PACKAGES="xvfb xauth libgl1 libgl1-mesa-dri libegl1 libmtdev1 cage grim xwayland python3-venv systemd espeak-ng vorbis-tools syncthing poppler-utils"
missing=""
for package in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages:$missing"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
else
    echo "missing system packages:$missing"
    echo "install them with: sudo apt-get install$missing"
    exit 1
fi

#!/bin/sh
# Installs the Musée du Kapitalisme kiosk on Debian 12 or Raspberry Pi OS (bookworm), x86-64 or arm64, so that
# the machine starts straight into the kiosk, full screen, with no desktop:
#
#     sudo sh packaging/install.sh
#
# Run it again to update the kiosk (the exhibition, statistics and settings are kept). Steps, each said as it goes:
#   1. system packages: cage (the kiosk compositor), Xwayland, Python's venv, OpenGL, espeak-ng (audio guidance),
#      Syncthing (a fleet);
#   2. an unprivileged user "kiosk", allowed the screen and the touch devices;
#   3. the app in a virtual environment in /opt/musee-kiosk, at the versions in constraints.txt;
#   4. the exhibition in /srv/musee-kiosk/exhibition (the bundled one, the first time) and the kiosk's own files
#      (settings, PIN, statistics) in /var/lib/musee-kiosk;
#   5. the service musee-kiosk (systemd, under cage), its PAM session and a bounded journal; the command
#      musee-kiosk (the kiosk's commands, as its user: musee-kiosk set-pin, musee-kiosk validate …);
#   6. start at boot, into the kiosk.
#
# Options (for an unusual layout, or a test): --prefix DIR, --user NAME, --content DIR, --data DIR (full paths
# of letters, digits, '.', '_', '-'), --wheel FILE (install that build instead of this folder), --no-system
# (steps 2 to 4 only: no packages, no service), --units DIR (only write the filled-in service files into DIR).
#
# A script rather than a .deb: one file a volunteer can read, the same on both architectures and both systems,
# and the app's Python libraries come at pinned versions from the Python package index, which a .deb would have
# to fetch in its maintainer scripts anyway.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
SYSTEM=yes
WHEEL=
UNITS=
PROJECT=$(dirname "$HERE")

usage() {
    sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit "${1:-0}"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix|--user|--content|--data) set_folder "$1" "${2:-}"; shift 2 ;;
        --wheel) WHEEL=$2; shift 2 ;;
        --no-system) SYSTEM=no; shift ;;
        --units) UNITS=$2; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown option '$1'" >&2; usage 2 ;;
    esac
done

say() { printf '\n== %s\n' "$*"; }

fill() {  # fill FILE: the packaging file with this installation's folders
    sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@USER@|$KIOSK_USER|g" -e "s|@CONF@|$CONF|g" \
        -e "s|@CONTENT@|$CONTENT|g" -e "s|@DATA@|$DATA|g" "$HERE/$1"
}

write_units() {  # write_units DIR: the service, its PAM session, the journal's bounds and the settings
    mkdir -p "$1"
    fill musee-kiosk.service > "$1/musee-kiosk.service"
    fill musee-kiosk-fleet.service > "$1/musee-kiosk-fleet.service"
    fill musee-kiosk.pam > "$1/musee-kiosk.pam"
    fill journald-musee-kiosk.conf > "$1/journald-musee-kiosk.conf"
    fill musee-kiosk.conf > "$1/musee-kiosk.conf"
}

if [ -n "$UNITS" ]; then
    write_units "$UNITS"
    echo "the service files are in $UNITS"
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "install.sh must run as root: sudo sh $0" >&2
    exit 1
fi

if [ "$SYSTEM" = yes ]; then
    say "1/6 System packages: cage, Xwayland, Python, OpenGL, espeak-ng, Syncthing"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        cage xwayland python3-venv libgl1 libgl1-mesa-dri libegl1 libmtdev1 espeak-ng syncthing ca-certificates
fi

own_folder() {  # own_folder DIR MODE: create it for the kiosk; one that exists must be the kiosk's already
    if [ ! -e "$1" ]; then
        install -d -o "$KIOSK_USER" -g "$KIOSK_USER" -m "$2" "$1"
    elif [ "$(stat -c %U "$1")" != "$KIOSK_USER" ]; then
        echo "install.sh: $1 exists and belongs to $(stat -c %U "$1"), not to $KIOSK_USER: choose a folder of the" \
             "kiosk's own (the default is $(dirname "$1")/…)" >&2
        exit 1
    fi
}

say "2/6 The user '$KIOSK_USER', with the screen and the touch devices"
created=no
if ! id "$KIOSK_USER" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$DATA" --no-create-home --shell /usr/sbin/nologin "$KIOSK_USER"
    created=yes
fi
for group in video input render; do
    if getent group "$group" >/dev/null; then usermod -a -G "$group" "$KIOSK_USER"; fi
done
own_folder "$DATA" 0750
if [ "$created" = yes ]; then : > "$DATA/$CREATED_USER"; fi

say "3/6 The app in $PREFIX"
# Debian's own Python: another user may not be able to run a Python installed in root's home.
/usr/bin/python3 -m venv "$PREFIX"
"$PREFIX/bin/python" -m pip install --quiet --upgrade pip
"$PREFIX/bin/python" -m pip install --quiet --upgrade --constraint "$HERE/constraints.txt" "${WHEEL:-$PROJECT}"
# the app itself again, even at the same version number: an update from a newer checkout or build
"$PREFIX/bin/python" -m pip install --quiet --force-reinstall --no-deps "${WHEEL:-$PROJECT}"
chmod -R a+rX "$PREFIX"

say "4/6 The exhibition in $CONTENT, the kiosk's files in $DATA"
as_kiosk() {
    runuser -u "$KIOSK_USER" -- env HOME="$DATA" KIOSK_DATA_DIR="$DATA" KIOSK_CONTENT="$CONTENT" "$@"
}
if [ -e "$CONTENT" ]; then
    echo "kept: $CONTENT (to replace it, install a bundle from the facilitator's menu or with 'musee-kiosk install-bundle')"
else
    own_folder "$(dirname "$CONTENT")" 0755   # the versions of the exhibition go beside it
    first=$(mktemp -d)
    "$PREFIX/bin/kiosk" bundle "$PROJECT/exhibits" -o "$first/exhibition.zip"
    chmod -R a+rX "$first"
    as_kiosk "$PREFIX/bin/kiosk" install-bundle "$first/exhibition.zip" --target "$CONTENT"
    rm -rf "$first"
fi

if [ "$SYSTEM" = no ]; then
    say "Done (--no-system: no service). Start it by hand: $PREFIX/bin/kiosk run --content $CONTENT"
    exit 0
fi

say "5/6 The service musee-kiosk, its session, the journal's bounds, the backlight, the musee-kiosk command"
units=$(mktemp -d)
write_units "$units"
install -m 0644 "$units/musee-kiosk.service" /etc/systemd/system/musee-kiosk.service
install -m 0644 "$units/musee-kiosk-fleet.service" /etc/systemd/system/musee-kiosk-fleet.service
install -m 0644 "$units/musee-kiosk.pam" /etc/pam.d/musee-kiosk
install -d /etc/systemd/journald.conf.d
install -m 0644 "$units/journald-musee-kiosk.conf" /etc/systemd/journald.conf.d/musee-kiosk.conf
if [ -e "$CONF" ]; then   # the volunteer's own settings stay; the new file, with any new setting, sits beside it
    install -m 0644 "$units/musee-kiosk.conf" "$CONF.new"
    echo "kept: $CONF (the new file is $CONF.new)"
else
    install -m 0644 "$units/musee-kiosk.conf" "$CONF"
fi
install -m 0644 "$HERE/70-musee-kiosk-backlight.rules" /etc/udev/rules.d/70-musee-kiosk-backlight.rules
udevadm control --reload 2>/dev/null && udevadm trigger --action=add --subsystem-match=backlight 2>/dev/null || true
rm -rf "$units"
cat > /usr/local/bin/musee-kiosk <<COMMAND
#!/bin/sh
# The kiosk's commands, as the kiosk's user and with its folders: musee-kiosk set-pin, musee-kiosk doctor …
# (A file given to it must be where the kiosk's user can read it: a USB stick, /tmp.)
set -a; [ -r $CONF ] && . $CONF; set +a
export KIOSK_CONTENT=$CONTENT KIOSK_DATA_DIR=$DATA HOME=$DATA KIVY_HOME=$DATA/kivy KIVY_NO_FILELOG=1
if [ "\$(id -u)" = 0 ]; then exec runuser -u $KIOSK_USER -- $PREFIX/bin/kiosk "\$@"; fi
if [ "\$(id -un)" = $KIOSK_USER ]; then exec $PREFIX/bin/kiosk "\$@"; fi
exec sudo "\$0" "\$@"
COMMAND
chmod 0755 /usr/local/bin/musee-kiosk
systemctl daemon-reload
systemctl restart systemd-journald || true

say "6/6 Start at boot, into the kiosk"
systemctl set-default graphical.target
systemctl enable musee-kiosk.service musee-kiosk-fleet.service   # the fleet's starts only once in a fleet
systemctl try-restart musee-kiosk.service   # an update: the running kiosk takes the new app now
cat <<DONE

The kiosk is installed. What next:
  - set the facilitator's PIN:        sudo musee-kiosk set-pin
  - say where the screen hangs (mm):  sudo musee-kiosk reach --screen-height 535 --bottom 800
  - start it now (or restart):        sudo systemctl restart musee-kiosk
  - is it well? what did it say?      systemctl status musee-kiosk ; journalctl -u musee-kiosk -b
  - the exhibition is in $CONTENT, the kiosk's own files in $DATA.
At the next power-on the machine starts straight into the kiosk.
DONE

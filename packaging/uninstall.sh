#!/bin/sh
# Removes the kiosk that install.sh installed: the service, its session and journal settings, the musee-kiosk
# command and the app in /opt/musee-kiosk. The machine starts to a login prompt again.
#
#     sudo sh packaging/uninstall.sh            # keeps the exhibition, the statistics and the settings
#     sudo sh packaging/uninstall.sh --purge    # also deletes them, and the user 'kiosk' if install.sh made it
#
# --prefix, --user, --content and --data as given to install.sh; --no-system for a kiosk installed with --no-system
# (its app, folders and user only: the service and /etc are left alone).
#
# The system packages (cage, Xwayland…) stay: other programs may use them (sudo apt remove cage to remove it).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/common.sh"
PURGE=no
SYSTEM=yes

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix|--user|--content|--data) set_folder "$1" "${2:-}"; shift 2 ;;
        --purge) PURGE=yes; shift ;;
        --no-system) SYSTEM=no; shift ;;
        -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
done

if [ "$(id -u)" != 0 ]; then
    echo "uninstall.sh must run as root: sudo sh $0" >&2
    exit 1
fi

if [ "$SYSTEM" = yes ]; then
    if command -v systemctl >/dev/null 2>&1 && [ -f /etc/systemd/system/musee-kiosk.service ]; then
        systemctl disable --now musee-kiosk.service musee-kiosk-fleet.service || true
    fi
    rm -f /etc/systemd/system/musee-kiosk.service /etc/systemd/system/musee-kiosk-fleet.service /etc/pam.d/musee-kiosk \
          /etc/systemd/journald.conf.d/musee-kiosk.conf /usr/local/bin/musee-kiosk "$CONF.new" \
          /etc/udev/rules.d/70-musee-kiosk-backlight.rules
    if [ "$PURGE" = yes ]; then rm -f "$CONF"; fi
    if command -v systemctl >/dev/null 2>&1; then
        systemctl daemon-reload || true
        systemctl start getty@tty1.service 2>/dev/null || true   # the login prompt, now rather than at the next boot
    fi
    echo "removed: the service and the musee-kiosk command"
fi
rm -rf "$PREFIX"
echo "removed: the app in $PREFIX"

if [ "$PURGE" = yes ]; then
    made_user=no
    if [ -e "$DATA/$CREATED_USER" ] && [ "$(id -u "$KIOSK_USER" 2>/dev/null || echo 0)" -lt 1000 ]; then made_user=yes; fi
    # the exhibition's versions sit beside its live path, in .NAME.versions (install-bundle keeps one for rollback)
    rm -rf "$CONTENT" "$(dirname "$CONTENT")/.$(basename "$CONTENT").versions" "$DATA"
    rmdir "$(dirname "$CONTENT")" 2>/dev/null || true
    echo "removed: $CONTENT (and its earlier versions) and $DATA"
    if [ "$made_user" = yes ]; then
        # a kiosk installed with --no-system may still be running: its processes would keep the user alive
        if pkill -TERM -u "$KIOSK_USER" 2>/dev/null; then
            for _ in 1 2 3 4 5 6 7 8 9 10; do pgrep -u "$KIOSK_USER" >/dev/null || break; sleep 1; done
            pkill -KILL -u "$KIOSK_USER" 2>/dev/null || true
            sleep 1
        fi
        if userdel "$KIOSK_USER"; then
            echo "removed: the user $KIOSK_USER"
        else
            echo "uninstall.sh: the user $KIOSK_USER could not be removed (see above); remove it later with" \
                 "sudo userdel $KIOSK_USER" >&2
            exit 1
        fi
    elif id "$KIOSK_USER" >/dev/null 2>&1; then
        echo "kept: the user $KIOSK_USER (install.sh did not make it)"
    fi
else
    echo "kept: the exhibition in $CONTENT, the statistics and settings in $DATA and $CONF (--purge deletes them)"
fi

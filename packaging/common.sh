# Shared by install.sh and uninstall.sh: where an installed kiosk lives (the Filesystem Hierarchy Standard's
# places), and the options that move it.
PREFIX=/opt/musee-kiosk                 # the app, in its own Python virtual environment
KIOSK_USER=kiosk                        # the unprivileged user the kiosk runs as
CONTENT=/srv/musee-kiosk/exhibition     # the live exhibition (bundles are installed here)
DATA=/var/lib/musee-kiosk               # the kiosk's own files: settings, PIN, statistics, ideas
CONF=/etc/musee-kiosk.conf              # the volunteer's own settings (rotation, screen power, the clock)
CREATED_USER=.user-created-by-install   # in $DATA: the installer made the user, so the uninstaller may remove it

set_folder() {  # set_folder OPTION VALUE: --prefix, --user, --content or --data
    [ -n "${2:-}" ] || { echo "$1 needs a value" >&2; exit 2; }
    case "$1" in
        --user) printf '%s' "$2" | grep -Eq '^[a-z_][a-z0-9_-]{0,30}$' \
                    || { echo "$1: '$2' is not a user name (lower-case letters, digits, - and _)" >&2; exit 2; } ;;
        *) printf '%s' "$2" | grep -Eq '^/[A-Za-z0-9._/-]+$' \
               || { echo "$1: '$2' must be a full path of letters, digits, '.', '_', '-' and '/'" >&2; exit 2; } ;;
    esac
    case "$1" in
        --prefix) PREFIX=$2 ;;
        --user) KIOSK_USER=$2 ;;
        --content) CONTENT=$2 ;;
        --data) DATA=$2 ;;
    esac
}

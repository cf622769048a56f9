#!/bin/sh
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring, so tests use
# a real Secret Service without touching the person's keychain. Usage: scripts/with-keyring.sh CMD…
set -e
KR=$(mktemp -d)
mkdir -m700 "$KR/run"
export XDG_DATA_HOME="$KR/data" XDG_RUNTIME_DIR="$KR/run"
exec dbus-run-session -- sh -c 'echo -n ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' sh "$@"

#!/bin/sh
# Usage: run-with-keyring.sh COMMAND [ARGS...]
# Runs COMMAND inside a private D-Bus session with an unlocked GNOME Keyring (Secret Service)
# and a throw-away HOME, so the keychain test never touches the developer's own keyring.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c '
  printf "warroom-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  exec "$@"' sh "$@"

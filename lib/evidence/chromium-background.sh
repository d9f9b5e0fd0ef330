#!/bin/sh
# Starts Chromium for a capture's rendering at a lower CPU priority (lib/evidence/render.ts): the
# rendering is background work and must not slow the people using the app. Niceness is inherited
# by every process Chromium starts. Chromium raises its own threads' priority where it may (as root
# its browser process ran at nice -8, above the app), so as root it also loses the right to, where
# setpriv exists: without CAP_SYS_NICE a process can only lower its priority. (Any other user has
# no such right, and could not drop it: setpriv would fail.)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  exec setpriv --bounding-set -sys_nice nice -n 10 "$RENDER_CHROMIUM" "$@"
fi
exec nice -n 10 "$RENDER_CHROMIUM" "$@"

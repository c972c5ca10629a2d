#!/usr/bin/env bash
# Installs, once, the Debian packages the tests need; does nothing when they are all present.
#   libatompub-perl            Atompub::Client, the independent AtomPub client that drives the box
#   libatombus-perl libplack-perl curl  AtomBus, the independent AtomPub server (scripts/start-atombus.sh;
#                              curl checks it is up)
#   chromium                   the headless browser of the box's browser test (with playwright-core)
#   jing libxml2-utils         scripts/validate-atom.sh (RFC 4287 RELAX NG scripts/atom/atom.rnc + Schematron checks)
#   libavalon-framework-java libbatik-java  jars Debian's jing wrapper looks for: without them it warns
#                              on stderr, and the validator counts the warnings as errors
#   link-grammar               the benchmarks' judge of generated English (npm run bench:quality), not the tests
# Checks each with `dpkg -s`; runs `apt-get update` once, only if something is missing.
set -euo pipefail
PACKAGES=(libatompub-perl libatombus-perl libplack-perl curl chromium jing libxml2-utils libavalon-framework-java libbatik-java link-grammar)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo; command -v sudo >/dev/null || { echo "system-deps: missing ${missing[*]}; run as root to install them" >&2; exit 1; }
else SUDO=; fi
echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

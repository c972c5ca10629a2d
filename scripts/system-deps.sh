#!/usr/bin/env bash
# Installs, once, the Debian packages the tests need; does nothing when they are all present.
#   libatompub-perl            Atompub::Client, the independent AtomPub client that drives the box
#   libatombus-perl libplack-perl curl  AtomBus, the independent AtomPub server (scripts/start-atombus.sh;
#                              curl checks it is up)
#   chromium                   the headless browser of the box's browser test (with playwright-core)
#   jing libxml2-utils         scripts/validate-atom.sh (RFC 4287 RELAX NG scripts/atom/atom.rnc + Schematron checks)
#   libavalon-framework-java libbatik-java  jars Debian's jing wrapper looks for: without them it warns
#                              on stderr, and the validator counts the warnings as errors
#   link-grammar               the generator's judge (the benchmarks judge of generated English)
#   wordpress mariadb-server mariadb-client php-cli php-mysql php-xml php-mbstring php-curl curl
#                              the real WordPress the publish tests post to (scripts/wordpress-local.sh
#                              runs it on 127.0.0.1 with PHP's built-in server; no apache, no system service)
#   hugo                       the static site generator the static-target tests build a site with
# Checks each with `dpkg -s`; runs `apt-get update` once, only if something is missing. Package
# scripts are kept from starting services (apache2, mariadb) while installing: policy-rc.d says no.
set -euo pipefail
PACKAGES=(libatompub-perl libatombus-perl libplack-perl chromium jing libxml2-utils libavalon-framework-java libbatik-java link-grammar
  wordpress mariadb-server mariadb-client php-cli php-mysql php-xml php-mbstring php-curl curl hugo)
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
made_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d && made_policy=1
fi
trap 'if [ "$made_policy" = 1 ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi' EXIT
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# Validates an Atom 1.0 document (feed or entry) against RFC 4287 Appendix B.
#   scripts/validate-atom.sh FILE   -> prints "OK" (exit 0) or the errors (exit 1); exit 2 when it cannot run
# RELAX NG part: Debian's `jing` with the compact schema scripts/atom/atom.rnc (RFC 4287 Appendix B).
# jing does not run the schema's embedded Schematron rules (author; alternate link or content), so
# they are checked here with xmllint XPath (Debian libxml2-utils). Both come from scripts/system-deps.sh.
set -uo pipefail
F="${1:?usage: $0 FILE}"
RNC="${ATOM_RNC:-$(cd "$(dirname "$0")" && pwd)/atom/atom.rnc}"
if [ ! -s "$RNC" ]; then echo "validate-atom: schema $RNC missing" >&2; exit 2; fi
if [ ! -r "$F" ]; then echo "validate-atom: cannot read $F" >&2; exit 2; fi
for t in jing xmllint; do
  command -v "$t" >/dev/null || {
    echo "validate-atom: $t is not installed; run scripts/system-deps.sh (as root) to install jing and libxml2-utils" >&2
    exit 2
  }
done
# jing on some Debian releases warns on stderr about optional jars it cannot find; those lines are no verdict
ERR="$(jing -c "$RNC" "$F" 2>&1)"; rc=$?
ERR="$(printf '%s\n' "$ERR" | grep -v '^\[warning\] .*jing: Unable to locate')"
if [ $rc -eq 0 ]; then   # the Schematron rules only mean something on a well-formed, schema-valid document
  A='namespace-uri()="http://www.w3.org/2005/Atom"'
  el() { echo "*[local-name()=\"$1\" and $A]"; }
  n() { xmllint --xpath "count($1)" "$F" 2>/dev/null || echo 0; }
  c1=$(n "/$(el feed)[not($(el author))]/$(el entry)[not($(el author))]")
  c2=$(n "//$(el entry)[not($(el link)[@rel=\"alternate\"] or $(el link)[not(@rel)] or $(el content))]")
  c3=$(n "//$(el entry)[not($(el author) or ../$(el author) or $(el source)/$(el author))]")
  [ "$c1" != 0 ] && ERR+="$F: schematron: atom:feed has no atom:author but $c1 atom:entry lack one"$'\n'
  [ "$c2" != 0 ] && ERR+="$F: schematron: $c2 atom:entry without link rel=alternate (or rel-less link) or atom:content"$'\n'
  [ "$c3" != 0 ] && ERR+="$F: schematron: $c3 atom:entry without atom:author (own, feed's, or source's)"$'\n'
fi
if [ -z "$ERR" ]; then echo OK; exit 0; fi
printf '%s\n' "${ERR%$'\n'}"; exit 1

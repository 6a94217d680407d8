#!/usr/bin/env bash
# Writes scripts/data/debian-package-words.txt: the names of software that Debian packages, as single lower-case
# words ("eslint", "lodash", "kubectl", "esbuild"), from the package index of the machine it runs on
# (`apt-cache pkgnames`). build-lexicons.mjs adds those that no name or word list holds to the vocabulary, so that
# the name of a program in prose ("try kubectl", "switched to Esprima") is not taken for a person's name no list
# holds. Run it on Debian after `apt-get update`; the committed file names the release it came from.
set -euo pipefail
out="$(dirname "$0")/data/debian-package-words.txt"
{
  echo "# apt-cache pkgnames, Debian $(cat /etc/debian_version), $(date -u +%Y-%m-%d); see scripts/debian-package-words.sh"
  apt-cache pkgnames |
    sed -E 's/^(node|python3|python|ruby|golang|r-cran|r-bioc|php|lua|libghc|haskell|ocaml|perl|elpa|fonts|gir1\.2|librust|rust|libjs|libjava|tcl|pypy|texlive|vim|xfonts|gnome-shell-extension)-//; s/^lib//; s/-(dev|doc|dbg|common|data|bin|utils|tools|perl|java|cil|ocaml|el|plugin|examples|tests|dbgsym|runtime|all|headers)$//; s/[0-9.]+$//' |
    grep -E '^[a-z]{3,24}$' | LC_ALL=C sort -u
} > "$out"
wc -l "$out"

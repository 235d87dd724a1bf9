#!/bin/sh
# The GitHub Action's one step (action.yml): installs Debian's Chromium when the formats need a
# browser and the runner has none, then builds the decks. The action's inputs arrive as environment
# variables, never as shell code:
#   RINGKAS_INPUTS   files and folders, separated by spaces or newlines (default .)
#   RINGKAS_FORMAT   --format (default pdf)
#   RINGKAS_THEME    --theme (default ringkas)
#   RINGKAS_OUT      --out (default out)
#   RINGKAS_VERSION  the npm version to run with npx (default latest); `local` runs the ringkas the
#                    working folder already has (a dependency, or ringkas's own checkout after npm ci)
#   RINGKAS_BIN      a built bin.js to run with node instead of npx (tests, a checkout of ringkas)
set -eu

format=${RINGKAS_FORMAT:-pdf}
version=${RINGKAS_VERSION:-latest}

has_browser() {
  [ -n "${CHROME_PATH:-}" ] && return 0
  for name in google-chrome-stable google-chrome chromium chromium-browser chrome microsoft-edge; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}

case ",$format," in
  *,pdf,* | *,pptx,* | *,png,*)
    if ! has_browser && command -v apt-get >/dev/null 2>&1; then
      sudo=''
      [ "$(id -u)" -eq 0 ] || sudo=sudo
      echo "ringkas: no Chrome or Chromium on this runner; installing Debian's chromium" >&2
      # If this fails (not Debian, no sudo), ringkas still tries its own Chromium (Linux x64) and
      # otherwise exits 3 saying how to point it to a browser.
      { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium; } \
        || echo "ringkas: chromium could not be installed" >&2
    fi
    ;;
esac

ringkas() {
  if [ -n "${RINGKAS_BIN:-}" ]; then
    node "$RINGKAS_BIN" "$@"
  elif [ "$version" = local ]; then
    npx --no-install ringkas "$@"
  else
    npx --yes "ringkas@$version" "$@"
  fi
}

# The inputs are split on spaces and newlines only: no globbing, no other expansion; after "--",
# an input named like an option is still an input.
set -f
IFS=' 
'
# shellcheck disable=SC2086
set -- ${RINGKAS_INPUTS:-.}
unset IFS
set +f
ringkas build --format "$format" --theme "${RINGKAS_THEME:-ringkas}" --out "${RINGKAS_OUT:-out}" -- "$@"

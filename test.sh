#!/usr/bin/env bash
# The test command (README.md): installs what the tests need when it is missing, builds, checks the code style, runs
# every test and prints one line "N passed, N failed". Needs the .NET SDK; the rest it installs itself:
#   - PostgreSQL's server binaries (initdb, pg_ctl): the storage tests start a throwaway cluster on 127.0.0.1;
#   - Node.js and npm: the end-to-end test installs Microsoft's Teams simulator from npm and drives it.
# Nothing is installed when both are there. Developers: ./test.sh --filter <dotnet test filter> runs a subset (and
# skips the style check).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker processes left running after the tests (they would hold the folder, e.g. a chroot's mounts).
export MSBUILDDISABLENODEREUSE=1

usage() {
  echo "usage: ./test.sh [--filter <expression>]   (the expression as for dotnet test --filter)"
}

filter=""
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) [ $# -ge 2 ] || { usage >&2; exit 2; }; filter="$2"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

say() { echo "[test.sh] $*" >&2; }

have_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null
}

have_node() { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }

# Installs Debian/Ubuntu packages as root, or through sudo when it needs no password; otherwise says what to install.
install_packages() {
  if ! command -v apt-get >/dev/null 2>&1; then
    say "missing: $* (not a Debian/Ubuntu machine: install PostgreSQL's server package and Node.js with npm, then run ./test.sh again)"
    exit 1
  fi
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      run=(sudo)
    else
      say "missing: $*; install them with: sudo apt-get install -y $*"
      exit 1
    fi
  fi
  say "installing $* (apt)"
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
have_postgres || missing+=(postgresql)
have_node || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  install_packages "${missing[@]}"
  have_postgres || { say "the postgresql package installed, but initdb and pg_ctl were not found"; exit 1; }
  have_node || { say "nodejs and npm installed, but node or npm is not on PATH"; exit 1; }
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet restore JobSheetQA.Bot.sln --verbosity quiet -clp:ErrorsOnly
dotnet build JobSheetQA.Bot.sln --no-restore --verbosity quiet --nologo -clp:ErrorsOnly

style_failed=0
if [ -z "$filter" ]; then
  # One style for the whole solution (.editorconfig); `dotnet format JobSheetQA.Bot.sln` fixes what it reports.
  if ! dotnet format JobSheetQA.Bot.sln --no-restore --verify-no-changes; then
    say "style check failed: run 'dotnet format JobSheetQA.Bot.sln' and commit the result"
    style_failed=1
  fi
fi

# A test that hangs fails the run after TEST_HANG_TIMEOUT (default 10 minutes; the longest test takes about 2), naming
# itself in the output, instead of holding CI until its own limit.
test_args=(--no-build --logger trx --results-directory "$results"
  --blame-hang --blame-hang-timeout "${TEST_HANG_TIMEOUT:-10m}" --blame-hang-dump-type none)
[ -n "$filter" ] && test_args+=(--filter "$filter")
set +e
dotnet test JobSheetQA.Bot.sln "${test_args[@]}"
status=$?
set -e

# Count from the test results themselves, not from dotnet test's summary.
passed=0; failed=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  count() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters"; }
  p=$(count passed); f=$(count failed); e=$(count error); t=$(count timeout); a=$(count aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done
# A test host that crashed or hung leaves no result for the tests it had not finished: the run counts as one failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  say "dotnet test failed (exit $status) with no failed test in $files result file(s): a test host aborted or hung; counted as one failure"
  failed=1
fi
# The style check counts as one check that failed.
failed=$((failed + style_failed))

echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi

#!/usr/bin/env bash
# Runs every TeamsBot test: unit, integration (real Azurite, real Kestrel on loopback), card validation with the
# adaptivecards library, and end-to-end through the Microsoft 365 Agents Playground and headless Chromium.
# Installs what it needs first (pinned npm tools, Debian's chromium). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '[test] %s\n' "$*"; }
fail() { printf '[test] %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "Needs root to run: $*"; fi; }

command -v dotnet >/dev/null || fail "The .NET SDK 10 is needed: https://learn.microsoft.com/dotnet/core/install/linux"
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then say "Installing Node.js…"; apt_install nodejs npm; fi
if ! command -v chromium >/dev/null; then say "Installing Debian's chromium for the browser tests…"; apt_install chromium; fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing the pinned Node tools (npm ci)…"
  npm ci --no-fund --no-audit --loglevel=error
fi

say "Restoring the NuGet packages…"
dotnet restore TeamsBot.sln -v quiet -clp:ErrorsOnly

# The style in .editorconfig, checked on the restored projects before anything is built (no network needed here):
# layout and import order by dotnet format; the analyzers' findings (its third part) are errors of the build below
# (EnforceCodeStyleInBuild, warnings as errors), so they are not run twice (that halves this step: ~1 min on 2 cores).
say "Checking the code style (dotnet format whitespace/style --verify-no-changes)…"
{ dotnet format whitespace --folder --verify-no-changes --verbosity quiet . \
  && dotnet format style TeamsBot.sln --verify-no-changes --no-restore --verbosity quiet; } \
  || fail "The code differs from the style in .editorconfig (listed above); 'dotnet format TeamsBot.sln' fixes most of it."

say "Building (Release, warnings are errors, code style enforced)…"
dotnet build TeamsBot.sln -c Release --no-restore -nologo -v quiet -clp:ErrorsOnly

say "Running the tests…"
mkdir -p TestResults
log=TestResults/test-output.log
set +e
dotnet test TeamsBot.sln -c Release --no-build -nologo --results-directory TestResults \
  --logger "console;verbosity=normal" --logger "trx" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects. VSTest ends each project with either
# "Passed!  - Failed: F, Passed: P, …" (minimal verbosity) or a "Total tests / Passed: P / Failed: F" block (normal).
awk '/^(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") mf += $(i+1); if ($i == "Passed:") mp += $(i+1) }
     }
     /^ +Passed: +[0-9]+ *$/ { bp += $2 }
     /^ +Failed: +[0-9]+ *$/ { bf += $2 }
     END {
       p = bp + mp; f = bf + mf
       printf "Tests: %d passed, %d failed\n", p, f
       if (p == 0) exit 1
     }' "$log" || status=1
exit "$status"

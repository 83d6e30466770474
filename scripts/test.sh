#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine as root: installs what the tests need, builds, checks the
# SQL Server migration script, runs every test project and ends with one line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
extra_failed=0
extra_passed=0

step() { printf '\n== %s\n' "$*"; }
fail_step() { echo "FAILED: $*"; extra_failed=$((extra_failed + 1)); }
pass_step() { echo "passed: $*"; extra_passed=$((extra_passed + 1)); }

step "Prerequisites"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK 10 is required (https://dot.net); it is not on PATH." >&2
  echo "0 passed, 1 failed"
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=scripts/test-prerequisites.sh
source "$root/scripts/test-prerequisites.sh" || fail_step "installing test prerequisites"

step "Build"
if ! dotnet tool restore >/dev/null || ! dotnet build Platform.sln -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

step "SQL Server migration script (generated without a server)"
if dotnet ef migrations script --idempotent --no-build --context SqlServerPlatformDbContext \
    --project src/Infrastructure --startup-project src/Infrastructure -o artifacts/sqlserver-migrations.sql >/dev/null \
  && grep -q 'CREATE TABLE \[MetricPoints\]' artifacts/sqlserver-migrations.sql \
  && grep -q 'IX_MetricPoints_RunId_Key_Step' artifacts/sqlserver-migrations.sql; then
  echo "artifacts/sqlserver-migrations.sql: $(wc -l < artifacts/sqlserver-migrations.sql) lines"
else
  fail_step "SQL Server migration script"
fi

step "GPU flavour of the worker (its own output folder): loads, runs on CUDA or falls back to the CPU with the reason"
if scripts/check-gpu-flavour.sh; then pass_step "GPU flavour check"; else fail_step "GPU flavour check"; fi

for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  step "$name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    || echo "($name reported failures)"
  [ -f "$results/$name.trx" ] || fail_step "$name produced no results"
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
passed=$((passed + extra_passed))
failed=$((failed + extra_failed))
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

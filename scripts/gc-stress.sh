#!/usr/bin/env bash
# Does training depend on garbage collection? Repeats a 12-step CDLM run REPS times in one JVM
# and prints how many distinct final losses it saw (one, if it does not).
#   scripts/gc-stress.sh THREADS REPS [GC_MS]     GC_MS > 0: a thread calls System.gc() that often
# Needs LATENTBRIDGE_DATA; LATENTBRIDGE_JAR picks the jar (default: the built CLI jar).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${LATENTBRIDGE_JAR:-$root/latentbridge-cli/target/latentbridge-cli.jar}"
cache="${LATENTBRIDGE_CACHE:-$root/target/djl-cache}"
classes="$(mktemp -d)"
trap 'rm -rf "$classes"' EXIT
javac -cp "$jar" -d "$classes" "$root/scripts/gc-stress/GcStress.java"
java -Dai.djl.offline=true -DDJL_CACHE_DIR="$cache" -Djna.tmpdir="$cache/jna" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$jar:$classes" GcStress "$@"

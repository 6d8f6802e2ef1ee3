#!/usr/bin/env bash
# Slipway statistics vs DuckDB SUMMARIZE on a generated 10M-row × 20-column CSV (issue 3).
# Usage: bench/statistics.sh [ROWS] [REPEATS]   — not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
JDK="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q install -pl slipway-core,slipway-data -DskipTests
./mvnw -B -q dependency:build-classpath -pl slipway-data -Dmdep.outputFile=target/bench.cp >/dev/null
CP="slipway-data/target/classes:slipway-core/target/classes:$(cat slipway-data/target/bench.cp)"
mkdir -p bench/target
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED -Xmx2g \
  -Xlog:gc:file=bench/target/statistics-gc.log -cp "$CP" bench/StatisticsBench.java "$@"
echo "GC log: bench/target/statistics-gc.log (largest heap after GC: $(grep -o '[0-9]*M->[0-9]*M' bench/target/statistics-gc.log | sed 's/.*->//' | sort -n | tail -1))"

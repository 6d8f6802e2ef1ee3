#!/usr/bin/env bash
# XGBoost inside a pipeline's train step vs raw XGBoost4J on the same matrix, one JVM (issue 4:
# "≤ 1.10× the raw time"). See bench/XGBoostStepBench.java for what is timed.
# Usage: bench/xgboost-step.sh [REPEATS] [PIPELINE.yaml ...]   — not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."
JDK="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# in the reactor (-am), so that the modules' own poms decide, not whatever ~/.m2 holds
./mvnw -B -q compile dependency:build-classpath -pl slipway-pipeline -am -Dmdep.outputFile=target/bench.cp >/dev/null
# this checkout's modules from target/classes, third-party jars from the local repository
CP=$(ls -d slipway-{core,store,data,features,train,pipeline}/target/classes | paste -sd:)
CP="$CP:$(tr ':' '\n' < slipway-pipeline/target/bench.cp | grep -v '/dev/slipway/' | paste -sd:)"
"$JDK/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx2g \
  -cp "$CP" bench/XGBoostStepBench.java "$@"

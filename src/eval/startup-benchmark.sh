#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, "Start-up on the JVM"): builds the three JVM set-ups into target/startup
# (JDK 17 plain, JDK 17 + AppCDS with -Pappcds, JDK 25 + AOT cache with -Paot, left in target/quarkus-app), makes sure the database exists and is
# migrated, then runs io.newsdesk.bench.StartupBenchmark on them.
#   src/eval/startup-benchmark.sh ../shared/eval/bbc.jsonl
# Environment: JDK17 and JDK25 (JDK homes), DATABASE (default newsdesk_startup on 127.0.0.1:5432, user postgres),
# RUNS (3), INGESTS (1000), SETUPS (plain,appcds,aot), JVM_ARGS (the container's settings), SKIP_BUILD=1 to reuse
# the builds (target/startup and target/quarkus-app).
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus="${1:?usage: $0 path/to/bbc.jsonl}"
jdk17="${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
database="${DATABASE:-newsdesk_startup}"
export MAVEN_ARGS="${MAVEN_ARGS:--B --no-transfer-progress}"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  rm -rf target/startup && mkdir -p target/startup/plain target/startup/appcds
  JAVA_HOME="$jdk17" ./mvnw -q package -DskipTests
  cp -a target/quarkus-app target/startup/plain/
  JAVA_HOME="$jdk17" ./mvnw -q -Pappcds package -DskipTests
  cp -a target/quarkus-app target/startup/appcds/
  # Last, and left in place: the AOT cache refers to the directory it was trained in.
  rm -rf target/aot-training-data
  JAVA_HOME="$jdk25" ./mvnw -q -Paot verify
fi

psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $database"
# One untimed start migrates the database (Flyway), so that every measured start finds it up to date.
(
  cd target/startup/plain/quarkus-app
  export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:5432/$database" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
  data="$(mktemp -d)"
  "$jdk17/bin/java" -Dquarkus.http.port=0 -Dnewsdesk.data-dir="$data" -jar quarkus-run.jar >"$data/migrate.log" 2>&1 &
  pid=$!
  until grep -q "started in" "$data/migrate.log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/migrate.log"; exit 1; }
    sleep 0.5
  done
  kill "$pid" && wait "$pid" || true
  rm -rf "$data"
)

JAVA_HOME="$jdk17" ./mvnw -q -Peval,bench test-compile exec:java -Dbench.main=io.newsdesk.bench.StartupBenchmark \
  -Dbench.ingest.corpus="$corpus" -Dbench.jdk17="$jdk17" -Dbench.jdk25="$jdk25" \
  -Dbench.startup.database="$database" -Dbench.runs="${RUNS:-3}" -Dbench.startup.ingests="${INGESTS:-1000}" \
  -Dbench.startup.setups="${SETUPS:-plain,appcds,aot}" \
  ${JVM_ARGS:+"-Dbench.service.jvm-args=$JVM_ARGS"}

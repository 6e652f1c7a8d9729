#!/usr/bin/env bash
# Run by `mvn package` after the jar and target/lib: puts the launcher in target/bin/calsync,
# records which Java built the jar (target/calsync.java: the launcher prefers it, since a
# class-data-sharing archive only fits the JVM that dumped it) and trains the archive
# target/calsync.jsa (packaging/cds/train.sh) when packaged with `mvn package -Dcds`.
#
#   packaging/jar-layout.sh JAVA train|skip
set -euo pipefail
cd "$(dirname "$0")/.."
java=$1
mkdir -p target/bin
cp packaging/bin/calsync target/bin/calsync
chmod 755 target/bin/calsync
printf '%s\n' "$java" >target/calsync.java
if [ "${2:-train}" = skip ]; then
  rm -f target/calsync.jsa
  echo "jar-layout: target/bin/calsync (no class-data archive; mvn package -Dcds trains one)"
  exit 0
fi
# an absolute jar path: the archive records the class path as given, and bin/calsync gives it absolute
packaging/cds/train.sh target/calsync.jsa "$java" -jar "$PWD/target/calsync.jar"
echo "jar-layout: target/bin/calsync with target/calsync.jsa"

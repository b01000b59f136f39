#!/usr/bin/env bash
# Serialises Tycho builds in this working tree (several engineers share it): runs ./mvnw under a lock.
# usage: releng/dev/build.sh -o verify -pl tests/io.mtaprov.server.dns.tests -am
set -euo pipefail
cd "$(dirname "$0")/../.."
source releng/java-home.sh
# -o: the command does not inherit the lock, so an orphaned child (an Xvfb left by a killed build) cannot hold it
exec flock -o /tmp/mtaprov-build.lock xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B "$@"

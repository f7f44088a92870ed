#!/usr/bin/env bash
# Prints the JVM flags the container image starts the service with (src/main/docker/Dockerfile.jvm), in the order
# the base image's run-java.sh puts them on the command line: first its java-default-options, computed from the
# Dockerfile's ENV settings as that script does (ubi9/openjdk-17-runtime, /opt/jboss/container/java/jvm/), then
# JAVA_OPTS_APPEND. Where a flag comes twice, the later one wins.
#
# The base image chooses a garbage collector of its own (-XX:+UseParallelGC, unless GC_CONTAINER_OPTIONS names
# another) and sets the heap's free ratios (GC_MIN_HEAP_FREE_RATIO, GC_MAX_HEAP_FREE_RATIO): a collector named in
# JAVA_OPTS_APPEND as well stops the JVM ("Multiple garbage collectors selected"). DeployFilesIT starts a JVM with
# what this prints; bench/ and deploy/start-memory.sh start the service with it.
#
# Usage: bash deploy/image-java-opts.sh [where the class-data archive is here; without it, the flag is left out]
set -euo pipefail
cd "$(dirname "$0")/.."
dockerfile=src/main/docker/Dockerfile.jvm

# An ENV setting of the Dockerfile (ENV NAME=value or ENV NAME="value"), or empty.
env_of() { sed -n "s/^ENV $1=\"\{0,1\}\([^\"]*\)\"\{0,1\}$/\1/p" "$dockerfile"; }

GC_CONTAINER_OPTIONS=$(env_of GC_CONTAINER_OPTIONS)
GC_MIN_HEAP_FREE_RATIO=$(env_of GC_MIN_HEAP_FREE_RATIO)
GC_MAX_HEAP_FREE_RATIO=$(env_of GC_MAX_HEAP_FREE_RATIO)
GC_TIME_RATIO=$(env_of GC_TIME_RATIO)
GC_ADAPTIVE_SIZE_POLICY_WEIGHT=$(env_of GC_ADAPTIVE_SIZE_POLICY_WEIGHT)
GC_METASPACE_SIZE=$(env_of GC_METASPACE_SIZE)
JAVA_MAX_MEM_RATIO=$(env_of JAVA_MAX_MEM_RATIO)

# java-default-options: the heap's share of the container's memory (50.0 or 80.0 by the image's version; the
# Dockerfile's JAVA_OPTS_APPEND sets its own), the collector and its sizing, and exit on OutOfMemoryError.
defaults="-XX:MaxRAMPercentage=${JAVA_MAX_MEM_RATIO:-50.0}"
defaults+=" ${GC_CONTAINER_OPTIONS:--XX:+UseParallelGC}"
defaults+=" -XX:MinHeapFreeRatio=${GC_MIN_HEAP_FREE_RATIO:-10} -XX:MaxHeapFreeRatio=${GC_MAX_HEAP_FREE_RATIO:-20}"
defaults+=" -XX:GCTimeRatio=${GC_TIME_RATIO:-4} -XX:AdaptiveSizePolicyWeight=${GC_ADAPTIVE_SIZE_POLICY_WEIGHT:-90}"
[ -n "$GC_METASPACE_SIZE" ] && defaults+=" -XX:MetaspaceSize=${GC_METASPACE_SIZE}m"
defaults+=" -XX:+ExitOnOutOfMemoryError"

append=$(env_of JAVA_OPTS_APPEND)
if [ -n "${1:-}" ]; then
  append=${append//\/deployments\/app-cds.jsa/$1}
else
  append=$(sed 's/-XX:SharedArchiveFile=[^ ]* *//' <<<"$append")
fi
echo "$defaults $append"

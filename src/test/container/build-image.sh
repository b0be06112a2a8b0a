#!/usr/bin/env bash
# Builds the project's Dockerfile with podman, as far as this kind of machine allows: there is no
# container registry here, so the base images are made locally from Debian packages (debootstrap)
# and passed in as the Dockerfile's BUILD_IMAGE and RUN_IMAGE arguments. See docs/operations.md.
#
#   src/test/container/build-image.sh IMAGE_TAG
#
# Needs root, podman, runc and debootstrap (.ci/run installs them). The base images are cached in
# podman's store and as tar files under $IMAGE_CACHE (default ~/.cache/eligibility-images).
set -euo pipefail
tag=${1:?usage: build-image.sh IMAGE_TAG}
cd "$(dirname "$0")/../../.."
cache=${IMAGE_CACHE:-$HOME/.cache/eligibility-images}
mkdir -p "$cache"

# podman's defaults fail in this sandbox (rlimits, crun, cgroups): use runc and cgroupfs.
export CONTAINERS_CONF="$cache/containers.conf"
cat > "$CONTAINERS_CONF" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
CONF

# make_base DIST PACKAGE TAR: a minimal Debian DIST with PACKAGE installed, as a tar of its root.
make_base() {
  local dist=$1 package=$2 tar=$3 mirror rootfs
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  rootfs=$(mktemp -d)
  debootstrap --variant=minbase "$dist" "$rootfs" "$mirror" > "$cache/debootstrap-$dist.log"
  printf 'deb %s %s main\ndeb %s %s-updates main\n' "$mirror" "$dist" "$mirror" "$dist" > "$rootfs/etc/apt/sources.list"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"
  trap 'umount "'"$rootfs"'/proc" 2>/dev/null || true' EXIT
  chroot "$rootfs" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $package > /dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*"
  umount "$rootfs/proc"
  trap - EXIT
  : > "$rootfs/etc/resolv.conf"
  tar --numeric-owner -C "$rootfs" -cf "$tar" .
  rm -rf "$rootfs"
}

# The build stage: Debian 12's JDK 17 (the jar is built for release 17). The run stage: Debian 13's
# Java 25 runtime, as the Dockerfile's default run image installs it.
bases=("base-jdk:17 bookworm openjdk-17-jdk-headless" "base-jre:25 trixie openjdk-25-jre-headless")
for base in "${bases[@]}"; do
  read -r image dist package <<< "$base"
  if ! podman image exists "localhost/$image"; then
    tar="$cache/${image/:/-}.tar"
    [ -f "$tar" ] || make_base "$dist" "$package" "$tar"
    podman import "$tar" "localhost/$image" > /dev/null
  fi
done

# The build stage fetches from Maven Central over the host's network and reuses its Maven cache.
mkdir -p "$HOME/.m2"
podman build --pull=never --network host --volume "$HOME/.m2:/root/.m2" \
  --build-arg BUILD_IMAGE=localhost/base-jdk:17 --build-arg RUN_IMAGE=localhost/base-jre:25 \
  --tag "$tag" .

#!/usr/bin/env bash
# Networking side by side on this machine (as root): wharfd vs Debian's dockerd (+ docker-proxy) vs podman (CNI).
#
#   sudo bench/networking.sh
#
# Each engine runs in a network namespace of its own (made here, loopback only, removed on exit), so that dockerd's
# iptables rules, podman's CNI bridge and wharf's nftables table never meet, nor touch the host's network; all
# traffic stays inside those namespaces.
#
# 1. `run --rm busybox true` on the default bridge network and with --network none, RUNS times per engine (engines
#    taking turns): medians, and each engine's bridge median divided by wharf's.
# 2. Network setup per container: `start` of a created container, bridge minus none (the engine's share of bringing
#    up a namespace, veth, addresses, DNS and rules), median of RUNS.
# 3. TCP throughput through a published port: a container running bench/tcp-sink.c (built static with clang into an
#    image of its own; busybox nc reads a few KiB at a time and would measure itself) published on 127.0.0.1:5001,
#    SIZE_MB sent from the engine's namespace (python3 client, one connection), best of 3. wharf forwards with
#    nftables DNAT in the kernel; dockerd's default goes through its userland docker-proxy.
#
# Environment:
#   WHARF_BIN_DIR   directory holding wharfd, wharf and wharf-shim (default: artifacts/bin, then /usr/local/bin)
#   DOCKER_CLI      the docker CLI (default /usr/local/bin/docker, else docker on PATH)
#   ENGINES         which engines, in order (default "wharf dockerd podman")
#   RUNS            timed runs per engine and case (default 20)
#   SIZE_MB         megabytes sent in the throughput test (default 1024)
#   SECTIONS        which parts to run (default "run setup throughput")
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-20}"
SIZE_MB="${SIZE_MB:-1024}"
SECTIONS="${SECTIONS:-run setup throughput}"
ENGINES="${ENGINES:-wharf dockerd podman}"
DOCKER_CLI="${DOCKER_CLI:-$(command -v /usr/local/bin/docker || command -v docker || true)}"
IMAGE="busybox:latest"

bench_require_root
bench_init_work

declare -A DIR SOCKET NS NOTE TIMES
ACTIVE=()
NAMESPACES=()

now() { date +%s%N; }

cleanup_namespaces() {
  local ns
  bench_cleanup
  for ns in "${NAMESPACES[@]}"; do
    ip netns del "${ns}" 2>/dev/null || true
  done
}
trap cleanup_namespaces EXIT

WHARFD="$(bench_find_wharfd)" || { echo "error: no wharfd found (set WHARF_BIN_DIR)" >&2; exit 1; }
WHARF_CLI="$(dirname "${WHARFD}")/wharf"
[[ -x "${WHARF_CLI}" ]] || { echo "error: ${WHARF_CLI} missing" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 is needed for the throughput client" >&2; exit 1; }
command -v clang >/dev/null || { echo "error: clang is needed to build bench/tcp-sink.c" >&2; exit 1; }
SINK_IMAGE="wharf-bench-sink:latest"

in_ns() {
  local name="$1"
  shift
  # nsenter, not `ip netns exec`: that one remounts /sys, hiding the cgroup mounts runc needs.
  nsenter --net="/run/netns/${NS[${name}]}" "$@"
}

engine_cli() {
  local name="$1"
  shift
  case "${name}" in
    wharf) "${WHARF_CLI}" -H "unix://${SOCKET[wharf]}" "$@" ;;
    dockerd) "${DOCKER_CLI}" -H "unix://${SOCKET[dockerd]}" "$@" ;;
    podman)
      # See bench/containers.sh for default_ulimits; podman runs inside its namespace (CNI works there).
      CONTAINERS_CONF="${DIR[podman]}/containers.conf" CONTAINERS_STORAGE_CONF="${DIR[podman]}/storage.conf" TMPDIR="${DIR[podman]}/tmp" \
        in_ns podman podman --root "${DIR[podman]}/root" --runroot "${DIR[podman]}/runroot" --tmpdir "${DIR[podman]}/libpod" \
        --storage-driver overlay --events-backend file --cgroup-manager cgroupfs "$@"
      ;;
    *) echo "error: no CLI for ${name}" >&2; return 2 ;;
  esac
}

make_namespace() {
  local name="$1" ns
  ns="wharf-bench-${name}-$$"
  ip netns add "${ns}"
  NAMESPACES+=("${ns}")
  ip -n "${ns}" link set lo up
  NS[${name}]="${ns}"
}

start_engines() {
  local name
  mkdir -p "${BENCH_WORK}/image"
  for name in ${ENGINES}; do
    DIR[${name}]="${BENCH_WORK}/${name}"
    mkdir -p "${DIR[${name}]}"
    make_namespace "${name}"
    case "${name}" in
      wharf)
        echo '{}' >"${DIR[wharf]}/daemon.json"
        in_ns wharf "${WHARFD}" --config-file "${DIR[wharf]}/daemon.json" --data-root "${DIR[wharf]}/data" --exec-root "${DIR[wharf]}/exec" \
          --pidfile "${DIR[wharf]}/wharfd.pid" -H "unix://${DIR[wharf]}/wharf.sock" >"${DIR[wharf]}/wharfd.log" 2>&1 &
        BENCH_PIDS+=("$!")
        SOCKET[wharf]="${DIR[wharf]}/wharf.sock"
        bench_wait_for_api "${SOCKET[wharf]}" /_ping 20 || { NOTE[wharf]="did not start"; cat "${DIR[wharf]}/wharfd.log" >&2; continue; }
        engine_cli wharf image bootstrap busybox >/dev/null
        engine_cli wharf save -o "${BENCH_WORK}/image/busybox.tar" "${IMAGE}"
        mkdir -p "${BENCH_WORK}/sink"
        clang -static -O2 -o "${BENCH_WORK}/sink/sink" "${BENCH_REPO_ROOT}/bench/tcp-sink.c"
        tar -C "${BENCH_WORK}/sink" -cf "${BENCH_WORK}/image/sink.tar" sink
        engine_cli wharf import "${BENCH_WORK}/image/sink.tar" "${SINK_IMAGE}" >/dev/null
        NOTE[wharf]="wharf CLI → wharfd (nftables DNAT)"
        ;;
      dockerd)
        command -v dockerd >/dev/null 2>&1 || { NOTE[dockerd]="not installed"; continue; }
        echo '{}' >"${DIR[dockerd]}/daemon.json"
        in_ns dockerd dockerd --config-file "${DIR[dockerd]}/daemon.json" --data-root "${DIR[dockerd]}/data" --exec-root "${DIR[dockerd]}/exec" \
          -H "unix://${DIR[dockerd]}/docker.sock" --pidfile "${DIR[dockerd]}/docker.pid" >"${DIR[dockerd]}/dockerd.log" 2>&1 &
        BENCH_PIDS+=("$!")
        SOCKET[dockerd]="${DIR[dockerd]}/docker.sock"
        bench_wait_for_api "${SOCKET[dockerd]}" /_ping 60 || { NOTE[dockerd]="did not start"; tail -n 20 "${DIR[dockerd]}/dockerd.log" >&2; continue; }
        engine_cli dockerd load -q -i "${BENCH_WORK}/image/busybox.tar" >/dev/null
        engine_cli dockerd import "${BENCH_WORK}/image/sink.tar" "${SINK_IMAGE}" >/dev/null
        NOTE[dockerd]="docker → dockerd $(dockerd --version | sed -n 's/^Docker version \([^,]*\).*/\1/p') (iptables, docker-proxy)"
        ;;
      podman)
        command -v podman >/dev/null 2>&1 || { NOTE[podman]="not installed"; continue; }
        mkdir -p "${DIR[podman]}/root" "${DIR[podman]}/runroot" "${DIR[podman]}/tmp" "${DIR[podman]}/libpod"
        printf '[storage]\ndriver = "overlay"\ngraphroot = "%s"\nrunroot = "%s"\n' "${DIR[podman]}/root" "${DIR[podman]}/runroot" >"${DIR[podman]}/storage.conf"
        printf '[containers]\ndefault_ulimits = []\n' >"${DIR[podman]}/containers.conf"
        engine_cli podman load -q -i "${BENCH_WORK}/image/busybox.tar" >/dev/null
        engine_cli podman import "${BENCH_WORK}/image/sink.tar" "${SINK_IMAGE}" >/dev/null
        NOTE[podman]="podman $(podman --version | awk '{ print $3 }') (CNI bridge)"
        ;;
    esac
    ACTIVE+=("${name}")
  done
}

# rm -f; podman's waits out a 10 s stop timeout first unless told not to.
remove() {
  if [[ "$1" == podman ]]; then
    engine_cli "$1" rm -f -t 0 "$2" >/dev/null
  else
    engine_cli "$1" rm -f "$2" >/dev/null
  fi
}

percentile() {
  local p="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v p="${p}" '{ v[NR] = $1 } END { i = int((NR - 1) * p / 100 + 0.5) + 1; printf "%.1f", v[i] / 1e6 }'
}

bench_run() {
  local run name network t0 t1
  echo "==> run --rm ${IMAGE} true, default bridge vs --network none, ${RUNS} runs per engine and case"
  for ((run = 1; run <= RUNS; run++)); do
    for name in "${ACTIVE[@]}"; do
      for network in bridge none; do
        t0="$(now)"
        if [[ "${network}" == bridge ]]; then
          engine_cli "${name}" run --rm "${IMAGE}" true >/dev/null
        else
          engine_cli "${name}" run --rm --network none "${IMAGE}" true >/dev/null
        fi
        t1="$(now)"
        TIMES[run-${network}-${name}]+="$((t1 - t0)) "
      done
    done
  done
  local base bridge none
  # shellcheck disable=SC2086
  base="$(percentile 50 ${TIMES[run-bridge-${ACTIVE[0]}]})"
  printf '%-10s %14s %14s %12s   %s\n' engine "bridge med ms" "none med ms" "bridge/${ACTIVE[0]}" what
  for name in "${ACTIVE[@]}"; do
    # shellcheck disable=SC2086
    bridge="$(percentile 50 ${TIMES[run-bridge-${name}]})"
    # shellcheck disable=SC2086
    none="$(percentile 50 ${TIMES[run-none-${name}]})"
    printf '%-10s %14s %14s %11.2fx   %s\n' "${name}" "${bridge}" "${none}" "$(awk -v a="${bridge}" -v b="${base}" 'BEGIN { print a / b }')" "${NOTE[${name}]}"
  done
}

bench_setup() {
  local run name network id t0 t1
  echo
  echo "==> start of a created container (sleep 600), bridge vs none: the network's share, ${RUNS} runs"
  for ((run = 1; run <= RUNS; run++)); do
    for name in "${ACTIVE[@]}"; do
      for network in bridge none; do
        id="$(engine_cli "${name}" create --network "${network}" "${IMAGE}" sleep 600)"
        t0="$(now)"
        engine_cli "${name}" start "${id}" >/dev/null
        t1="$(now)"
        TIMES[start-${network}-${name}]+="$((t1 - t0)) "
        remove "${name}" "${id}"
      done
    done
  done
  local bridge none
  printf '%-10s %14s %14s %14s\n' engine "bridge med ms" "none med ms" "network ms"
  for name in "${ACTIVE[@]}"; do
    # shellcheck disable=SC2086
    bridge="$(percentile 50 ${TIMES[start-bridge-${name}]})"
    # shellcheck disable=SC2086
    none="$(percentile 50 ${TIMES[start-none-${name}]})"
    printf '%-10s %14s %14s %14.1f\n' "${name}" "${bridge}" "${none}" "$(awk -v a="${bridge}" -v b="${none}" 'BEGIN { print a - b }')"
  done
}

# Sends SIZE_MB to 127.0.0.1:5001 in the engine's namespace and prints MB/s once the server has closed.
send_once() {
  in_ns "$1" python3 - "${SIZE_MB}" <<'EOF'
import socket, sys, time
size = int(sys.argv[1]) * 1024 * 1024
chunk = b"\0" * (1 << 20)
for attempt in range(100):
    try:
        s = socket.create_connection(("127.0.0.1", 5001), timeout=30)
        break
    except OSError:
        time.sleep(0.05)
else:
    sys.exit("no listener on 127.0.0.1:5001")
start = time.monotonic()
sent = 0
while sent < size:
    s.sendall(chunk)
    sent += len(chunk)
s.shutdown(socket.SHUT_WR)
while s.recv(65536):
    pass
elapsed = time.monotonic() - start
print(f"{size / elapsed / 1e6:.0f}")
EOF
}

bench_throughput() {
  local name attempt id rate best
  echo
  echo "==> TCP throughput into a container through a published port (127.0.0.1:5001 → tcp-sink), ${SIZE_MB} MB, best of 3"
  printf '%-10s %12s %12s   %s\n' engine "MB/s" "vs ${ACTIVE[0]}" path
  local base=""
  for name in "${ACTIVE[@]}"; do
    best=0
    for attempt in 1 2 3; do
      id="$(engine_cli "${name}" run -d -p 127.0.0.1:5001:5001 "${SINK_IMAGE}" /sink 5001)"
      sleep 0.5
      rate="$(send_once "${name}" || echo 0)"
      remove "${name}" "${id}"
      [[ "${rate}" -gt "${best}" ]] && best="${rate}"
    done
    [[ -n "${base}" ]] || base="${best}"
    printf '%-10s %12s %11.2fx   %s\n' "${name}" "${best}" "$(awk -v a="${best}" -v b="${base}" 'BEGIN { print (b > 0 ? a / b : 0) }')" "${NOTE[${name}]}"
  done
}

start_engines
[[ ${#ACTIVE[@]} -gt 0 ]] || { echo "error: no engine started" >&2; exit 1; }
echo "machine: $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
for section in ${SECTIONS}; do
  "bench_${section}"
done

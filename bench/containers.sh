#!/usr/bin/env bash
# Containers side by side on this machine (as root): wharfd vs Debian's dockerd vs podman vs bare runc.
#
#   sudo bench/containers.sh
#
# 1. `run --rm --network none busybox true`, end to end as a user types it, RUNS times per engine, the engines taking
#    turns run by run so that a busy spell on a shared machine does not land on one engine only: median and p90, and
#    each divided by wharf's. wharf is timed twice: with its own CLI (`wharf run`) and with the docker CLI, so that
#    the CLI's share is visible. Bare runc is `runc run` of a prepared bundle (the floor: no engine at all).
# 2. Memory per running container: RSS and PSS of the per-container process each engine keeps beside the container
#    (wharf-shim, containerd-shim-runc-v2, conmon), with one `sleep` container running.
# 3. PARALLEL containers (`run -d busybox sleep 600`) started all at once: wall time, containers per second; then
#    `rm -f` of all of them.
#
# The busybox image is made locally (`wharf image bootstrap busybox`, i.e. the host's busybox-static) and loaded into
# every engine from the same archive. The network is `none` everywhere: this measures containers, not networking.
# Each engine gets its own temporary roots, removed on exit (daemons stopped, mounts undone), Ctrl-C included.
#
# Environment:
#   WHARF_BIN_DIR   directory holding wharfd, wharf and wharf-shim (default: artifacts/bin, then /usr/local/bin)
#   DOCKER_CLI      the docker CLI (default /usr/local/bin/docker, else docker on PATH)
#   ENGINES         which engines, in order (default "wharf docker-cli-on-wharf dockerd podman runc")
#   RUNS            timed runs per engine (default 30)
#   PARALLEL        containers started at once in part 3 (default 50)
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${RUNS:-30}"
PARALLEL="${PARALLEL:-50}"
ENGINES="${ENGINES:-wharf docker-cli-on-wharf dockerd podman runc}"
DOCKER_CLI="${DOCKER_CLI:-$(command -v /usr/local/bin/docker || command -v docker || true)}"
IMAGE="busybox:latest"

bench_require_root
bench_init_work

now() { date +%s%N; }

declare -A DIR SOCKET DAEMON NOTE TIMES
ACTIVE=()

WHARFD="$(bench_find_wharfd)" || { echo "error: no wharfd found (set WHARF_BIN_DIR)" >&2; exit 1; }
WHARF_DIR="$(dirname "${WHARFD}")"
WHARF_CLI="${WHARF_DIR}/wharf"
[[ -x "${WHARF_CLI}" ]] || { echo "error: ${WHARF_CLI} missing" >&2; exit 1; }

# The CLI of an engine: wharf's own, the docker CLI on wharfd's or dockerd's socket, or podman on its own roots
# (nothing of the host's container storage or configuration read or written).
engine_cli() {
  local name="$1"
  shift
  case "${name}" in
    wharf) "${WHARF_CLI}" -H "unix://${SOCKET[wharf]}" "$@" ;;
    docker-cli-on-wharf) "${DOCKER_CLI}" -H "unix://${SOCKET[wharf]}" "$@" ;;
    dockerd) "${DOCKER_CLI}" -H "unix://${SOCKET[dockerd]}" "$@" ;;
    podman)
      # Podman raises RLIMIT_NOFILE past the host's hard limit, which needs CAP_SYS_RESOURCE (not every host grants
      # it to root, this CI machine does not); containers.conf's `default_ulimits = []` keeps the host's limits.
      CONTAINERS_CONF="${DIR[podman]}/containers.conf" CONTAINERS_STORAGE_CONF="${DIR[podman]}/storage.conf" TMPDIR="${DIR[podman]}/tmp" \
        podman --root "${DIR[podman]}/root" --runroot "${DIR[podman]}/runroot" --tmpdir "${DIR[podman]}/libpod" \
        --storage-driver overlay --events-backend file --cgroup-manager cgroupfs "$@"
      ;;
    *) echo "error: no CLI for ${name}" >&2; return 2 ;;
  esac
}

# One `run --rm … true`; for runc a fresh `runc run` of the prepared bundle.
run_once() {
  local name="$1" run="$2"
  if [[ "${name}" == runc ]]; then
    runc --root "${DIR[runc]}/state" run --bundle "${DIR[runc]}/bundle" "bench-${run}" >/dev/null
  else
    engine_cli "${name}" run --rm --network none "${IMAGE}" true >/dev/null
  fi
}

start_engines() {
  local name
  mkdir -p "${BENCH_WORK}/image"
  for name in ${ENGINES}; do
    DIR[${name}]="${BENCH_WORK}/${name}"
    case "${name}" in
      wharf)
        bench_start_wharfd "${WHARFD}" "${DIR[wharf]}" || { NOTE[wharf]="did not start"; continue; }
        DAEMON[wharf]="${BENCH_LAST_PID}"
        SOCKET[wharf]="${DIR[wharf]}/wharf.sock"
        engine_cli wharf image bootstrap "${IMAGE}" >/dev/null
        engine_cli wharf save -o "${BENCH_WORK}/image/busybox.tar" "${IMAGE}"
        NOTE[wharf]="wharf CLI → wharfd (${WHARFD})"
        ;;
      docker-cli-on-wharf)
        [[ -n "${SOCKET[wharf]:-}" ]] || { NOTE[${name}]="needs the wharf engine first in ENGINES"; continue; }
        NOTE[${name}]="docker CLI $("${DOCKER_CLI}" --version | awk '{ print $3 }' | tr -d ,) → wharfd"
        ;;
      dockerd)
        command -v dockerd >/dev/null 2>&1 || { NOTE[dockerd]="not installed (apt-get install docker.io)"; continue; }
        bench_start_dockerd "${DIR[dockerd]}" || { NOTE[dockerd]="did not start"; continue; }
        DAEMON[dockerd]="${BENCH_LAST_PID}"
        SOCKET[dockerd]="${DIR[dockerd]}/docker.sock"
        engine_cli dockerd load -q -i "${BENCH_WORK}/image/busybox.tar" >/dev/null
        NOTE[dockerd]="docker CLI → dockerd $(dockerd --version | sed -n 's/^Docker version \([^,]*\).*/\1/p') + containerd"
        ;;
      podman)
        command -v podman >/dev/null 2>&1 || { NOTE[podman]="not installed (apt-get install podman)"; continue; }
        mkdir -p "${DIR[podman]}/root" "${DIR[podman]}/runroot" "${DIR[podman]}/tmp" "${DIR[podman]}/libpod"
        printf '[storage]\ndriver = "overlay"\ngraphroot = "%s"\nrunroot = "%s"\n' "${DIR[podman]}/root" "${DIR[podman]}/runroot" \
          >"${DIR[podman]}/storage.conf"
        printf '[containers]\ndefault_ulimits = []\n' >"${DIR[podman]}/containers.conf"
        engine_cli podman load -q -i "${BENCH_WORK}/image/busybox.tar" >/dev/null
        NOTE[podman]="podman $(podman --version | awk '{ print $3 }') (conmon, runc)"
        ;;
      runc)
        mkdir -p "${DIR[runc]}/bundle/rootfs" "${DIR[runc]}/state"
        tar -xf "${BENCH_WORK}/image/busybox.tar" -C "${BENCH_WORK}/image"
        make_runc_bundle "${DIR[runc]}/bundle"
        NOTE[runc]="runc $(runc --version | awk 'NR == 1 { print $3 }') run, no engine"
        ;;
      *) echo "error: unknown engine ${name}" >&2; exit 2 ;;
    esac
    ACTIVE+=("${name}")
  done
}

# A bundle whose rootfs is the busybox image's layers and whose process is `true`, without a terminal.
make_runc_bundle() {
  local bundle="$1" layer
  for layer in $(find "${BENCH_WORK}/image/blobs" -type f -size +10k); do
    tar -xf "${layer}" -C "${bundle}/rootfs" 2>/dev/null || true
  done
  (cd "${bundle}" && runc spec)
  sed -i -e 's/"terminal": true/"terminal": false/' -e 's/"sh"/"true"/' "${bundle}/config.json"
}

percentile() {
  local p="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v p="${p}" '{ v[NR] = $1 } END { i = int((NR - 1) * p / 100 + 0.5) + 1; printf "%.1f", v[i] / 1e6 }'
}

bench_latency() {
  local run name t0 t1
  echo "==> run --rm --network none ${IMAGE} true, ${RUNS} runs per engine (engines take turns)"
  for ((run = 1; run <= RUNS; run++)); do
    for name in "${ACTIVE[@]}"; do
      t0="$(now)"
      run_once "${name}" "${run}" || { echo "error: ${name}: run ${run} failed" >&2; exit 1; }
      t1="$(now)"
      TIMES[${name}]+="$((t1 - t0)) "
    done
  done
  local base_median base_p90 median p90
  # shellcheck disable=SC2086 # the times are a space-separated list on purpose
  base_median="$(percentile 50 ${TIMES[${ACTIVE[0]}]})"
  # shellcheck disable=SC2086
  base_p90="$(percentile 90 ${TIMES[${ACTIVE[0]}]})"
  printf '%-22s %10s %10s %10s %10s   %s\n' engine "median ms" "p90 ms" "med/${ACTIVE[0]}" "p90/${ACTIVE[0]}" what
  for name in "${ACTIVE[@]}"; do
    # shellcheck disable=SC2086
    median="$(percentile 50 ${TIMES[${name}]})"
    # shellcheck disable=SC2086
    p90="$(percentile 90 ${TIMES[${name}]})"
    printf '%-22s %10s %10s %9.2fx %9.2fx   %s\n' "${name}" "${median}" "${p90}" \
      "$(awk -v a="${median}" -v b="${base_median}" 'BEGIN { print a / b }')" \
      "$(awk -v a="${p90}" -v b="${base_p90}" 'BEGIN { print a / b }')" "${NOTE[${name}]}"
  done
}

# RSS and PSS (kB) of a process.
memory_of() {
  local pid="$1"
  printf '%s %s\n' "$(awk '/^VmRSS:/ { print $2 }' "/proc/${pid}/status")" "$(awk '/^Pss:/ { print $2 }' "/proc/${pid}/smaps_rollup")"
}

bench_memory() {
  local name id pid pattern rss pss
  echo
  echo "==> memory of the per-container process, one 'sleep' container running"
  printf '%-22s %-26s %10s %10s\n' engine process "RSS MB" "PSS MB"
  for name in "${ACTIVE[@]}"; do
    case "${name}" in
      wharf) pattern="wharf-shim" ;;
      dockerd) pattern="containerd-shim" ;;
      podman) pattern="conmon" ;;
      *) continue ;;
    esac
    id="$(engine_cli "${name}" run -d --network none "${IMAGE}" sleep 600)"
    sleep 1
    pid="$(pgrep -f "${pattern}.*${id:0:12}" | head -n 1 || true)"
    if [[ -z "${pid}" ]]; then
      printf '%-22s %-26s %10s\n' "${name}" "${pattern}" "not found"
    else
      read -r rss pss < <(memory_of "${pid}")
      printf '%-22s %-26s %10.1f %10.1f\n' "${name}" "${pattern}" "$(awk -v k="${rss}" 'BEGIN { print k / 1024 }')" \
        "$(awk -v k="${pss}" 'BEGIN { print k / 1024 }')"
    fi
    engine_cli "${name}" rm -f "${id}" >/dev/null
  done
}

bench_parallel() {
  local name t0 t1 t2 ids
  echo
  echo "==> ${PARALLEL} containers (run -d sleep 600) started at once, then rm -f of all"
  printf '%-22s %12s %14s %12s\n' engine "start s" "containers/s" "rm -f s"
  for name in "${ACTIVE[@]}"; do
    [[ "${name}" != runc ]] || continue
    t0="$(now)"
    ids="$(seq "${PARALLEL}" | xargs -P "${PARALLEL}" -I{} bash -c "$(declare -f engine_cli); $(declare -p DIR SOCKET WHARF_CLI DOCKER_CLI); engine_cli ${name} run -d --network none ${IMAGE} sleep 600")"
    t1="$(now)"
    # shellcheck disable=SC2086 # one ID per word
    engine_cli "${name}" rm -f ${ids} >/dev/null
    t2="$(now)"
    printf '%-22s %12.2f %14.1f %12.2f\n' "${name}" "$(awk -v n=$((t1 - t0)) 'BEGIN { print n / 1e9 }')" \
      "$(awk -v n=$((t1 - t0)) -v c="${PARALLEL}" 'BEGIN { print c / (n / 1e9) }')" "$(awk -v n=$((t2 - t1)) 'BEGIN { print n / 1e9 }')"
  done
}

start_engines
[[ ${#ACTIVE[@]} -gt 0 ]] || { echo "error: no engine started" >&2; exit 1; }
echo "machine: $(nproc) CPUs, $(uname -r), cgroup $(stat -fc %T /sys/fs/cgroup)"
bench_latency
bench_memory
bench_parallel

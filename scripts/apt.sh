# shellcheck shell=bash
# apt_get ARGS…: apt-get that waits for another apt-get or dpkg to finish instead of failing on its lock (a fresh
# machine often runs its own updates at boot). dpkg's lock is waited for by apt itself (DPkg::Lock::Timeout); the
# lists and archive locks of `apt-get update` are retried every 10 s for up to 15 minutes. Sourced by test.sh, run.sh.
apt_get() {
  local out attempt
  for attempt in $(seq 1 90); do
    if out="$(DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 "$@" 2>&1)"; then
      return 0
    fi
    if grep -qiE 'could not get lock|unable to acquire|unable to lock|is another process using it' <<<"$out"; then
      [ "$attempt" -eq 1 ] && echo "== waiting for another apt-get/dpkg to finish" >&2
      sleep 10
      continue
    fi
    printf '%s\n' "$out" >&2
    return 1
  done
  printf '%s\n' "$out" >&2
  return 1
}

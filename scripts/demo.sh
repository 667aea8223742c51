#!/usr/bin/env bash
# make demo: runs the hello example sandboxed through cloudabi-run, showing
# the YAML it is given; then the HTTP example: serves a page on a loopback
# port, fetched with curl, and fails to read a file outside its document root
# even when its own path check is switched off.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."

echo "== examples/hello/hello.yaml"
cat examples/hello/hello.yaml
echo
echo "== $build/bin/cloudabi-run $build/target/examples/hello/hello examples/hello/hello.yaml"
"$build/bin/cloudabi-run" "$build/target/examples/hello/hello" examples/hello/hello.yaml

# ---------------------------------------------------------------------------
# The HTTP example: a static-file server that holds a listening socket, a
# read-only document root and a log descriptor, and nothing else.
httpd="$build/target/examples/httpd/httpd"
native_httpd="$build/bench/native/httpd"
if [ ! -x "$httpd" ]; then
  echo
  echo "== $httpd was not built (see the CMake warnings of the target build); skipping the HTTP demo" >&2
  exit 1
fi

demo=$(mktemp -d /tmp/cloudabi-demo.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$demo"
}
trap cleanup EXIT

# A copy of the example's document root, and a secret next to it (outside it).
cp -r examples/httpd/www "$demo/www"
echo "the secret, which must not be served" > "$demo/secret.txt"

free_port() {
  for p in $(seq "$1" $(($1 + 200))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "demo: no free port near $1" >&2
  exit 1
}

# Waits until the server on port $1 answers (process $2 must stay alive).
wait_ready() {
  for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# The shipped configuration, with the copied root and a free port.
port=$(free_port 8080)
sed -e "s|127.0.0.1:8080|127.0.0.1:$port|" -e "s|path: examples/httpd/www|path: $demo/www|" \
  examples/httpd/httpd.yaml > "$demo/httpd.yaml"

echo
echo "== The HTTP example, sandboxed. Its whole world ($demo/httpd.yaml):"
grep -v '^#' "$demo/httpd.yaml"
echo
echo "== $build/bin/cloudabi-run $httpd $demo/httpd.yaml &"
"$build/bin/cloudabi-run" "$httpd" "$demo/httpd.yaml" 2> "$demo/httpd.log" &
pids+=($!)
if ! wait_ready "$port" "${pids[-1]}"; then
  echo "demo: the server did not start:" >&2
  cat "$demo/httpd.log" >&2
  exit 1
fi

echo
echo "== curl -i http://127.0.0.1:$port/"
curl -s -i "http://127.0.0.1:$port/" | head -n 12
echo "..."

echo
echo "== Asking for the secret outside the document root: curl --path-as-is http://127.0.0.1:$port/../secret.txt"
curl -s -i --path-as-is "http://127.0.0.1:$port/../secret.txt" | head -n 1
echo "(the server refuses '..' itself)"

# The same server with its own path check switched off, as if it had a
# path-traversal bug: now only the sandbox stands between it and the file.
kill "${pids[-1]}"
wait "${pids[-1]}" 2>/dev/null || true
port=$(free_port $((port + 1)))
sed -e "s|127.0.0.1:[0-9]*|127.0.0.1:$port|" "$demo/httpd.yaml" > "$demo/buggy.yaml"
echo "check_paths: false   # simulates a path-traversal bug" >> "$demo/buggy.yaml"
echo
echo "== The same server with its path check off (check_paths: false, a simulated bug), sandboxed:"
"$build/bin/cloudabi-run" "$httpd" "$demo/buggy.yaml" 2>> "$demo/httpd.log" &
pids+=($!)
wait_ready "$port" "${pids[-1]}" || { cat "$demo/httpd.log" >&2; exit 1; }
for path in /../secret.txt /%2e%2e/secret.txt //etc/passwd; do
  echo "curl --path-as-is http://127.0.0.1:$port$path  ->  $(curl -s -o /dev/null -w '%{http_code}' --path-as-is "http://127.0.0.1:$port$path")"
done
echo "(403: the runtime refused to open anything outside the root descriptor: ENOTCAPABLE)"

if [ -x "$native_httpd" ]; then
  nport=$(free_port $((port + 1)))
  echo
  echo "== For comparison, the same buggy server built natively, without the sandbox:"
  "$native_httpd" "socket=127.0.0.1:$nport" "root=$demo/www" log=2 check_paths=0 2>> "$demo/native.log" &
  pids+=($!)
  if wait_ready "$nport" "${pids[-1]}"; then
    echo "curl --path-as-is http://127.0.0.1:$nport/../secret.txt  ->  $(curl -s --path-as-is "http://127.0.0.1:$nport/../secret.txt")"
  fi
fi

echo
echo "== The sandboxed server's log (one line per request):"
cat "$demo/httpd.log"
echo
echo "== Stopping the servers"
cleanup
pids=()
trap - EXIT
echo "done"

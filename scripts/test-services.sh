#!/usr/bin/env bash
# Private RabbitMQ and Redis servers for the integration tests, on loopback, with their own ports and data:
#   scripts/test-services.sh start|stop|add-vhost NAME
#   PLATFORM_TEST_RABBITMQ_PORT=P scripts/test-services.sh start-fresh-rabbitmq|stop-rabbitmq|start-rabbitmq
# Runs as root without systemd. Ports: AMQP 35672, Redis 36379 (never the system defaults). A test that restarts a
# broker gets one of its own (another port, node and data folder), so that the shared one is never restarted: a
# broker restarted with dozens of virtual hosts can take minutes to recover them.
set -uo pipefail
data=${PLATFORM_TEST_SERVICES_DIR:-/tmp/platform-test-services}
port=${PLATFORM_TEST_RABBITMQ_PORT:-35672}
export RABBITMQ_NODENAME=platform-test-$port@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$port \
  RABBITMQ_DIST_PORT=$((port + 10)) RABBITMQ_MNESIA_BASE=$data/rabbitmq-$port/mnesia RABBITMQ_LOG_BASE=$data/rabbitmq-$port/log \
  RABBITMQ_PID_FILE=$data/rabbitmq-$port/pid RABBITMQ_ENABLED_PLUGINS_FILE=$data/rabbitmq-$port/enabled_plugins
# Every CLI call is bounded: a wedged node must fail a test, not hang the run.
ctl() { timeout -k 5 60 rabbitmqctl -n "$RABBITMQ_NODENAME" -q "$@"; }
port_open() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_rabbitmq() {
  mkdir -p "$data/rabbitmq-$port"
  [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  chown -R rabbitmq:rabbitmq "$data/rabbitmq-$port"
  port_open "$port" && return 0
  local out="$data/rabbitmq-$port/server.out" launch i
  # A launch can die before it writes a log or its pid (seen once in a full run, not reproducible alone): when no
  # node process is alive 20 s after a launch, launch again, up to three times. Its own output is kept for diagnosis.
  for launch in 1 2 3; do
    rabbitmq-server -detached >>"$out" 2>&1
    # Wait on the port, not with rabbitmqctl: a CLI probe during boot can make the listener fail (eaddrinuse).
    for i in $(seq 1 240); do
      port_open "$port" && return 0
      if [ "$i" -ge 40 ] && ! { [ -f "$RABBITMQ_PID_FILE" ] && kill -0 "$(cat "$RABBITMQ_PID_FILE")" 2>/dev/null; }; then
        echo "RabbitMQ launch $launch on port $port left no live node; launching again" >>"$out"
        break
      fi
      sleep 0.5
    done
  done
  echo "RabbitMQ did not start; see $RABBITMQ_LOG_BASE and $out" >&2
  return 1
}

stop_rabbitmq() {
  local pid
  pid=$(cat "$RABBITMQ_PID_FILE" 2>/dev/null)
  port_open "$port" || { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || return 0
  ctl shutdown >/dev/null 2>&1
  # A node that does not answer its CLI within a minute is wedged: end it, so that a stop never hangs.
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  for _ in $(seq 1 40); do port_open "$port" || return 0; sleep 0.25; done
  return 0
}

case "${1:-}" in
  start)
    "$0" stop
    rm -rf "$data" && mkdir -p "$data/redis"
    start_rabbitmq || exit 1
    redis-server --port 36379 --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
      --dir "$data/redis" --pidfile "$data/redis/pid" --logfile "$data/redis/log" || exit 1
    for _ in $(seq 1 40); do port_open 36379 && break; sleep 0.25; done
    echo "RabbitMQ on 127.0.0.1:35672, Redis on 127.0.0.1:36379"
    ;;
  stop)
    for dir in "$data"/rabbitmq-*/; do
      [ -d "$dir" ] && PLATFORM_TEST_RABBITMQ_PORT=$(basename "$dir" | cut -d- -f2) "$0" stop-rabbitmq
    done
    [ -f "$data/redis/pid" ] && kill "$(cat "$data/redis/pid")" 2>/dev/null
    true
    ;;
  start-fresh-rabbitmq)
    stop_rabbitmq && rm -rf "$data/rabbitmq-$port" && start_rabbitmq
    ;;
  stop-rabbitmq) stop_rabbitmq ;;
  start-rabbitmq) start_rabbitmq ;;
  add-vhost)
    ctl add_vhost "$2" >/dev/null && ctl set_permissions -p "$2" guest ".*" ".*" ".*" >/dev/null
    ;;
  *) echo "usage: $0 start|stop|add-vhost NAME|start-fresh-rabbitmq|stop-rabbitmq|start-rabbitmq" >&2; exit 2 ;;
esac

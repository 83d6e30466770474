#!/usr/bin/env bash
# Private RabbitMQ and Redis servers for the integration tests, on loopback, with their own ports and data:
#   scripts/test-services.sh start|stop|restart-rabbitmq|add-vhost NAME
# Runs as root without systemd. Ports: AMQP 35672, Redis 36379 (never the system defaults).
set -uo pipefail
data=${PLATFORM_TEST_SERVICES_DIR:-/tmp/platform-test-services}
export RABBITMQ_NODENAME=platform-test@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=35672 \
  RABBITMQ_DIST_PORT=35682 RABBITMQ_MNESIA_BASE=$data/rabbitmq/mnesia RABBITMQ_LOG_BASE=$data/rabbitmq/log \
  RABBITMQ_PID_FILE=$data/rabbitmq/pid RABBITMQ_ENABLED_PLUGINS_FILE=$data/rabbitmq/enabled_plugins
ctl() { rabbitmqctl -n "$RABBITMQ_NODENAME" -q "$@"; }
port_open() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_rabbitmq() {
  mkdir -p "$data/rabbitmq"
  [ -f "$RABBITMQ_ENABLED_PLUGINS_FILE" ] || echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  chown -R rabbitmq:rabbitmq "$data/rabbitmq"
  port_open 35672 && return 0
  rabbitmq-server -detached >/dev/null 2>&1
  # Wait on the port, not with rabbitmqctl: a CLI probe during boot can make the listener fail (eaddrinuse).
  for _ in $(seq 1 240); do port_open 35672 && return 0; sleep 0.5; done
  echo "RabbitMQ did not start; see $RABBITMQ_LOG_BASE" >&2
  return 1
}

stop_rabbitmq() {
  port_open 35672 || ctl ping >/dev/null 2>&1 || return 0
  ctl shutdown >/dev/null 2>&1 || true
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
    stop_rabbitmq
    [ -f "$data/redis/pid" ] && kill "$(cat "$data/redis/pid")" 2>/dev/null
    true
    ;;
  restart-rabbitmq)
    stop_rabbitmq && start_rabbitmq
    ;;
  stop-rabbitmq) stop_rabbitmq ;;
  start-rabbitmq) start_rabbitmq ;;
  add-vhost)
    ctl add_vhost "$2" >/dev/null && ctl set_permissions -p "$2" guest ".*" ".*" ".*" >/dev/null
    ;;
  *) echo "usage: $0 start|stop|restart-rabbitmq|stop-rabbitmq|start-rabbitmq|add-vhost NAME" >&2; exit 2 ;;
esac

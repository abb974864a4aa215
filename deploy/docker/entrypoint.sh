#!/bin/sh
# The image's entry point: `gateway` runs the gateway, anything else is an `xz` command
# (serve --subgraph NAME, migrate, check, compose, events dead …).
set -e
case "$1" in
  gateway) shift; exec node /app/apps/gateway/dist/main.js "$@" ;;
  *) exec node /app/libs/deployment/dist/cli.js "$@" ;;
esac

#!/usr/bin/env bash
# Every Vitest tier, the browser tests in a process of their own beside the others: on a 2-core
# machine Vitest alone would run every file one after the other, and the browser files (the
# longest) would wait for the database files. The exit code is non-zero if either run failed.
set -u
LP_TEST_TIER=browser npx vitest run "$@" &
browser=$!
LP_TEST_TIER=server npx vitest run "$@"
server=$?
wait "$browser"
browser_status=$?
echo "test tiers: server exit ${server}, browser exit ${browser_status}"
[ "$server" -eq 0 ] && [ "$browser_status" -eq 0 ]

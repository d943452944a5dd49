#!/bin/bash
# samples the gateway's bulkhead and breaker gauges every 0.5 s until killed
while true; do
  m=$(curl -s --max-time 1 localhost:8080/actuator/prometheus | grep -E '^resilience4j_bulkhead_available_concurrent_calls\{.*enrollment|^resilience4j_circuitbreaker_state\{.*enrollment-service.*state="open"' | awk '{print $2}' | tr '\n' ' ')
  echo "$(date +%T.%N | cut -c1-12) $m"
  sleep 0.5
done

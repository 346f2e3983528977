-- wrk reports p50/p75/p90/p99 only; this prints the figures bench/run.py reads, p95 included, as one JSON line.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "errors": %d, "non_2xx_3xx": %d, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f, "mean_ms": %.3f}\n',
    summary.requests, summary.duration, errors, summary.errors.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.mean / 1000))
end

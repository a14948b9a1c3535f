#!/usr/bin/python3
"""Benchmark of the coral-java kernel through jupyter_client (Debian's, /usr/bin/python3).

Measures, against the kernelspec Jupyter finds (set JUPYTER_PATH for a private install):
  * start to ready: from starting the kernel process to its kernel_info reply (KernelClient.wait_for_ready);
  * round trip of a trivial cell: executing "1 + i", from sending execute_request to receiving
    execute_reply, after a warm-up; median and 90th percentile;
  * interrupt latency: a cell runs "while (true) {}"; from sending interrupt_request to receiving the
    cell's execute_reply (the cell stopped).

Usage: kernel_benchmark.py [--starts N] [--cells N] [--interrupts N]
Prints one line per figure and a JSON summary on the last line.
"""
import argparse
import json
import statistics
import time

from jupyter_client.manager import KernelManager


def reply_to(kc, msg_id, timeout=60):
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def wait_idle(kc, msg_id, timeout=60):
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return


def start(kernel_name):
    started = time.perf_counter()
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc, time.perf_counter() - started


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def execute(kc, code):
    sent = time.perf_counter()
    msg_id = kc.execute(code)
    reply = reply_to(kc, msg_id)
    elapsed = time.perf_counter() - sent
    wait_idle(kc, msg_id)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {code!r}: {reply['content']}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", default="coral-java")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--cells", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--interrupts", type=int, default=5)
    args = parser.parse_args()

    starts = []
    for _ in range(args.starts):
        km, kc, seconds = start(args.kernel)
        starts.append(seconds)
        stop(km, kc)
    print(f"start to ready: median {statistics.median(starts) * 1000:.0f} ms "
          f"(min {min(starts) * 1000:.0f}, max {max(starts) * 1000:.0f}, n={len(starts)})", flush=True)

    km, kc, _ = start(args.kernel)
    for i in range(args.warmup):
        execute(kc, f"1 + {i}")
    trips = sorted(execute(kc, f"1 + {i}") for i in range(args.cells))
    median_ms = statistics.median(trips) * 1000
    p90_ms = trips[int(len(trips) * 0.9) - 1] * 1000
    print(f"trivial cell round trip: median {median_ms:.1f} ms, p90 {p90_ms:.1f} ms (n={len(trips)})", flush=True)

    latencies = []
    for _ in range(args.interrupts):
        msg_id = kc.execute("while (true) {}")
        time.sleep(0.5)
        sent = time.perf_counter()
        km.interrupt_kernel()
        reply = reply_to(kc, msg_id)
        latencies.append(time.perf_counter() - sent)
        wait_idle(kc, msg_id)
        if reply["content"].get("ename") != "Interrupted":
            raise RuntimeError(f"the busy loop was not interrupted: {reply['content']}")
        execute(kc, "1 + 1")
    print(f"interrupt latency (busy loop): median {statistics.median(latencies) * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms (n={len(latencies)})", flush=True)
    stop(km, kc)

    print(json.dumps({
        "start_to_ready_ms_median": round(statistics.median(starts) * 1000),
        "trivial_cell_round_trip_ms_median": round(median_ms, 1),
        "trivial_cell_round_trip_ms_p90": round(p90_ms, 1),
        "interrupt_latency_ms_median": round(statistics.median(latencies) * 1000),
        "interrupt_latency_ms_max": round(max(latencies) * 1000),
    }))


if __name__ == "__main__":
    main()

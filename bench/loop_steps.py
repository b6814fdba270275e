"""Event-loop responsiveness while Cosigner screens large inputs.

    python -m bench.loop_steps [--requests 40] [--kb 16]

A probe task wakes every millisecond and records how late it ran: the worst lateness is the longest single
event-loop step (the target is no step over 5 ms on a 16 KB input; heavy screening runs in a worker thread).
The proxy, a zero-think-time fake provider and the client share one loop here, so the figure is an upper bound.

Lateness is wall time, so it also counts time the operating system gave to other processes (on a shared 2-core
machine that alone can exceed 5 ms).  The probe therefore also records the loop thread's own CPU time between two
wake-ups: the work the loop did in that interval, whatever else the machine was doing.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time

import aiohttp

from bench.distinct import distinct
from bench.redaction.speed import _mixed_text
from cosigner.testing import Behaviour, FakeUpstream, proxy_config, start_proxy


async def run(requests: int, kb: int) -> tuple[list[float], list[float], list[float]]:
    fake = await FakeUpstream("openai", Behaviour(mode="fixed", text="Noted.")).start()
    with tempfile.TemporaryDirectory() as tmp:
        proxy = await start_proxy(proxy_config(tmp, {"oa": fake}))
        note = _mixed_text(kb * 1024)
        lateness: list[float] = []
        loop_cpu: list[float] = []
        latencies: list[float] = []
        stop = asyncio.Event()

        async def probe() -> None:
            while not stop.is_set():
                before, cpu_before = time.perf_counter(), time.thread_time()
                await asyncio.sleep(0.001)
                lateness.append((time.perf_counter() - before - 0.001) * 1000)
                loop_cpu.append((time.thread_time() - cpu_before) * 1000)

        headers = {"Authorization": f"Bearer {proxy.token}"}
        bodies = [
            {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": distinct(note, i)}]}
            for i in range(requests + 2)
        ]  # each text distinct: the scan cache never answers
        async with aiohttp.ClientSession() as session:
            for body in bodies[:2]:  # warm-up: first-use costs (connection set-up, caches) are not steady state
                async with session.post(proxy.url + "/v1/chat/completions", json=body, headers=headers) as resp:
                    await resp.read()
            probe_task = asyncio.create_task(probe())
            for body in bodies[2:]:
                started = time.perf_counter()
                async with session.post(proxy.url + "/v1/chat/completions", json=body, headers=headers) as resp:
                    await resp.read()
                    assert resp.status == 200, resp.status
                latencies.append((time.perf_counter() - started) * 1000)
        stop.set()
        await probe_task
        await proxy.close()
    await fake.close()
    return lateness, loop_cpu, latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--kb", type=int, default=16)
    args = parser.parse_args()
    lateness, loop_cpu, latencies = asyncio.run(run(args.requests, args.kb))
    ordered, cpu = sorted(lateness), sorted(loop_cpu)
    print(f"input {args.kb} KB, {args.requests} requests, {len(lateness)} probe wake-ups")
    print(
        f"longest event-loop step (ms, wall): {ordered[-1]:.2f}   p99: {ordered[int(0.99 * len(ordered))]:.2f}   "
        f"target: no step over 5 ms"
    )
    print(
        f"most loop-thread CPU between two wake-ups (ms): {cpu[-1]:.2f}   p99: {cpu[int(0.99 * len(cpu))]:.2f}   "
        "(the loop's own work, an upper bound on its longest step)"
    )
    print(f"request latency p50 (ms): {statistics.median(latencies):.2f}")


if __name__ == "__main__":
    main()

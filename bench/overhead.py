"""Proxy overhead: Cosigner vs a bare aiohttp relay (the Python floor), against a zero-think-time fake provider.

    python -m bench.overhead [--requests 2000] [--seconds 8] [--concurrency 50]

Prints added latency p50/p99 at concurrency 1, throughput and p99 at concurrency N, per-chunk added latency for
streams, and Cosigner's resident memory idle and under load. Each server runs in its own process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.distinct import distinct

ROOT = Path(__file__).resolve().parents[1]
# A 4 KB passthrough note: ordinary case-note prose with no identifiers in it.
SENTENCE = (
    "the visit took place at the family home and the practitioner observed the children playing "
    "calmly while the parent described the week, including school attendance and meals. "
)
NOTE = (SENTENCE * 40)[:4096]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _spawn(args: list[str], tmp: Path, name: str) -> tuple[subprocess.Popen[bytes], int]:
    port_file = tmp / f"{name}.port"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench._procs", args[0], str(port_file), *args[1:]], cwd=ROOT
    )
    deadline = time.time() + 20
    while not port_file.exists() or not port_file.read_text():
        if time.time() > deadline or proc.poll() is not None:
            raise RuntimeError(f"{name} did not start")
        time.sleep(0.05)
    return proc, int(port_file.read_text())


def _spawn_cosigner(tmp: Path, fake_port: int) -> tuple[subprocess.Popen[str], int, str]:
    cfg = tmp / "cosigner.toml"
    cfg.write_text(
        f'[server]\nport = 0\ndata_dir = "{(tmp / "data").as_posix()}"\n[logging]\nlevel = "WARNING"\n'
        f'[[upstreams]]\nname = "fake"\nkind = "openai_compatible"\nbase_url = "http://127.0.0.1:{fake_port}/v1"\n'
        '[[routes]]\nprefix = ""\nupstream = "fake"\n'
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "cosigner.cli", "--config", str(cfg), "serve"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r":(\d+)\s*$", line)
    if not match:
        proc.kill()
        raise RuntimeError("cosigner did not start")
    token = json.loads((tmp / "data" / "auth.json").read_text())["api_token"]
    return proc, int(match.group(1)), token


async def _one(session: aiohttp.ClientSession, url: str, body: bytes, headers: dict[str, str]) -> float:
    start = time.perf_counter()
    async with session.post(url, data=body, headers=headers) as resp:
        await resp.read()
        if resp.status != 200:
            raise RuntimeError(f"status {resp.status} from {url}")
    return (time.perf_counter() - start) * 1000


def _bodies(count: int) -> list[bytes]:
    """Request bodies whose notes all differ, so every request is screened cold (no scan-cache hits)."""
    return [
        json.dumps({"model": "gpt-b", "messages": [{"role": "user", "content": distinct(NOTE, i)}]}).encode()
        for i in range(count)
    ]


async def latency_c1(targets: dict[str, tuple[str, dict[str, str]]], n: int) -> dict[str, list[float]]:
    bodies = _bodies(n + 50)
    out: dict[str, list[float]] = {k: [] for k in targets}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as session:
        for body in bodies[:50]:  # warm-up
            for url, headers in targets.values():
                await _one(session, url, body, headers)
        for body in bodies[50:]:  # interleaved, so drift hits every target alike
            for name, (url, headers) in targets.items():
                out[name].append(await _one(session, url, body, headers))
    return out


async def throughput(
    url: str, headers: dict[str, str], concurrency: int, seconds: float, pid: int | None
) -> tuple[float, float, float]:
    bodies = _bodies(40_000)
    sent = 0
    latencies: list[float] = []
    rss_peak = 0.0
    stop_at = time.perf_counter() + seconds

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal sent
        while time.perf_counter() < stop_at:
            body = bodies[sent % len(bodies)]
            sent += 1
            latencies.append(await _one(session, url, body, headers))

    async def sample() -> None:
        nonlocal rss_peak
        while time.perf_counter() < stop_at and pid is not None:
            rss_peak = max(rss_peak, _rss_mb(pid))
            await asyncio.sleep(0.2)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(worker(session) for _ in range(concurrency)), sample())
        elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, _percentile(latencies, 0.99), rss_peak


async def chunk_latency(url: str, headers: dict[str, str], streams: int) -> list[float]:
    body = json.dumps(
        {
            "model": "gpt-b",
            "stream": True,
            "n_chunks": 50,
            "messages": [{"role": "user", "content": "please tidy the note"}],
        }
    ).encode()
    delays: list[float] = []
    async with aiohttp.ClientSession() as session:
        for _ in range(streams):
            async with session.post(url, data=body, headers=headers) as resp:
                buffer = b""
                async for chunk in resp.content.iter_any():
                    now = time.perf_counter_ns()
                    buffer += chunk
                    for sent in re.findall(rb"<(\d+)>", buffer):
                        delays.append((now - int(sent)) / 1e6)
                    buffer = buffer[buffer.rfind(b">") + 1 :] if b">" in buffer else buffer
    return delays[50:]  # drop the first stream's warm-up


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--streams", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        procs: list[subprocess.Popen[bytes] | subprocess.Popen[str]] = []
        try:
            fake, fake_port = _spawn(["fake"], tmp, "fake")
            procs.append(fake)
            relay, relay_port = _spawn(["relay", f"http://127.0.0.1:{fake_port}/v1"], tmp, "relay")
            procs.append(relay)
            cos, cos_port, token = _spawn_cosigner(tmp, fake_port)
            procs.append(cos)
            time.sleep(1.0)
            rss_idle = _rss_mb(cos.pid)
            json_h = {"Content-Type": "application/json"}
            targets = {
                "direct": (f"http://127.0.0.1:{fake_port}/v1/chat/completions", json_h),
                "relay": (f"http://127.0.0.1:{relay_port}/v1/chat/completions", json_h),
                "cosigner": (
                    f"http://127.0.0.1:{cos_port}/v1/chat/completions",
                    {**json_h, "Authorization": f"Bearer {token}"},
                ),
            }
            lat = asyncio.run(latency_c1(targets, args.requests))
            p50 = {k: statistics.median(v) for k, v in lat.items()}
            p99 = {k: _percentile(v, 0.99) for k, v in lat.items()}
            relay_rps, relay_p99, _ = asyncio.run(
                throughput(targets["relay"][0], json_h, args.concurrency, args.seconds, None)
            )
            cos_rps, cos_p99, rss_load = asyncio.run(
                throughput(
                    targets["cosigner"][0], targets["cosigner"][1], args.concurrency, args.seconds, cos.pid
                )
            )
            direct_chunks = asyncio.run(chunk_latency(targets["direct"][0], json_h, args.streams))
            cos_chunks = asyncio.run(
                chunk_latency(targets["cosigner"][0], targets["cosigner"][1], args.streams)
            )
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait(timeout=30)
    rows = [
        ("added latency p50, c=1 (ms)", p50["relay"] - p50["direct"], p50["cosigner"] - p50["direct"], "≤ 1"),
        ("added latency p99, c=1 (ms)", p99["relay"] - p99["direct"], p99["cosigner"] - p99["direct"], "≤ 3"),
        (f"throughput, c={args.concurrency} (req/s)", relay_rps, cos_rps, "≥ 1500 and ≥ 70 % of relay"),
        (f"p99 latency, c={args.concurrency} (ms)", relay_p99, cos_p99, "≤ 50"),
        (
            "stream chunk added p50 (ms)",
            float("nan"),
            statistics.median(cos_chunks) - statistics.median(direct_chunks),
            "",
        ),
        (
            "stream chunk added p99 (ms)",
            float("nan"),
            _percentile(cos_chunks, 0.99) - _percentile(direct_chunks, 0.99),
            "≤ 1",
        ),
        ("cosigner RSS idle (MB)", float("nan"), rss_idle, "≤ 150"),
        ("cosigner RSS peak under load (MB)", float("nan"), rss_load, ""),
    ]
    print(f"{'figure':40} {'bare relay':>12} {'cosigner':>12}  target")
    for name, relay_v, cos_v, target in rows:
        relay_s = "" if relay_v != relay_v else f"{relay_v:12.2f}"
        print(f"{name:40} {relay_s:>12} {cos_v:12.2f}  {target}")
    print(
        f"throughput ratio cosigner/relay: {cos_rps / relay_rps:.0%}   direct p50 {p50['direct']:.3f} ms; "
        f"cpu cores {os.cpu_count()}"
    )


if __name__ == "__main__":
    main()

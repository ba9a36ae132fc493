#!/usr/bin/env python3
"""Summarises a speedscope file written by dotnet-trace (sampled thread time): the frames holding the most time on
top of the stack (exclusive) and anywhere on it (inclusive), over the threads that ran the app's code. Threads that
only waited (idle thread-pool workers, timers) are left out, and so are the frames of waiting itself, so that what
remains is where the requests spent their time.

    python3 bench/speedscope-top.py trace.speedscope.json [--top 30] [--match REGEX] [--under REGEX]

--under REGEX: only the time spent below a frame matching REGEX (a method of the app, say), to see where it goes.
"""
import argparse
import collections
import json
import re

# Frames that are a thread idle rather than serving a request: time in them is time spent doing nothing. A sleep or a
# lock inside a request is not idle: it is time the request waits, and is counted.
WAITING = re.compile(
    r"WaitHandle\.|LowLevelLifoSemaphore|LowLevelMonitor|Monitor\.Wait|"
    r"WaitForSignal|WaitOne|epoll|SocketAsyncEngine\.EventLoop|ManualResetEventSlim\.Wait|"
    r"Interop\+Sys\.(WaitForSocketEvents|LowLevelMonitor)|"
    r"PortableThreadPool\.GateThread|TimerQueue\.TimerThread|Task\.SpinThenBlockingWait|"
    r"Task\.InternalWaitCore|EventPipe|DiagnosticServer|GC\.RunFinalizers|FileSystem\.Watcher"
)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--under", help="count only samples with a frame matching this below the top")
    parser.add_argument("--match", default=r"LibrarianExercises|Markdig|EntityFrameworkCore|Data\.Sqlite|Antiforgery|DataProtection|Serilog|Razor|Mvc\.|OutputCaching|Sqlite")
    args = parser.parse_args()

    with open(args.file, encoding="utf-8") as f:
        data = json.load(f)
    frames = [fr["name"] for fr in data["shared"]["frames"]]
    interesting = re.compile(args.match)
    under = re.compile(args.under) if args.under else None

    exclusive = collections.Counter()
    inclusive = collections.Counter()
    busy_total = 0.0
    threads_used = 0
    for profile in data["profiles"]:
        stack = []
        last = None
        thread_exclusive = collections.Counter()
        thread_inclusive = collections.Counter()
        thread_busy = 0.0
        for event in profile.get("events", []):
            at = event["at"]
            if last is not None and stack and at > last:
                span = at - last
                # dotnet-trace ends each sample's stack with CPU_TIME (managed code running) or UNMANAGED_CODE_TIME
                # (native code: running, or blocked in the kernel); the frame beneath is the method responsible.
                leaf = frames[stack[-1]]
                native = leaf == "UNMANAGED_CODE_TIME"
                owner = frames[stack[-2]] if leaf in ("CPU_TIME", "UNMANAGED_CODE_TIME") and len(stack) > 1 else leaf
                wanted = under is None or any(under.search(frames[i]) for i in stack)
                if wanted and not any(WAITING.search(frames[i]) for i in stack[-4:]):
                    thread_busy += span
                    thread_exclusive[owner + (" [native]" if native else "")] += span
                    for name in {frames[i] for i in stack}:
                        thread_inclusive[name] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif event["type"] == "C" and stack:
                stack.pop()
        # A thread that never ran a frame of interest is the runtime's own or an idle worker.
        if any("!" in name and interesting.search(name) for name in thread_inclusive):
            threads_used += 1
            busy_total += thread_busy
            exclusive.update(thread_exclusive)
            inclusive.update(thread_inclusive)

    unit = data["profiles"][0].get("unit", "milliseconds") if data["profiles"] else "milliseconds"
    print(f"threads running the app: {threads_used}; time not waiting: {busy_total:,.0f} {unit}")
    print()
    print(f"top {args.top} frames by exclusive time (share of the time not waiting)")
    for name, span in exclusive.most_common(args.top):
        print(f"  {100 * span / busy_total:5.1f}%  {name[:150]}")
    print()
    print(f"top {args.top} frames by inclusive time, matching /{args.match}/")
    shown = 0
    for name, span in inclusive.most_common():
        if "!" in name and interesting.search(name):
            print(f"  {100 * span / busy_total:5.1f}%  {name[:150]}")
            shown += 1
            if shown == args.top:
                break


if __name__ == "__main__":
    main()

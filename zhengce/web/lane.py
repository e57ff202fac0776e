"""One thread that answers the server's searches in arrival order, embedding queued questions together.

Run in the thread pool, 200 concurrent searches share the GIL round-robin: each gets a slice in
turn and nearly all finish near the end of the burst (p50 ~ 0.7 x the burst's length), and each
question is embedded alone or in whatever small batch the QueryBatcher catches. Here one thread
takes the searches in the order they came: whatever is queued when it looks (up to ``max_batch``)
has its questions embedded in one call (``Searcher.prime``), then each is ranked and answered as
soon as it is done, so the first ones in are the first ones out. The event loop stays free to
read requests and send answers meanwhile.
"""
from __future__ import annotations

import asyncio
import queue
import threading
from typing import Any, Callable, Optional


class SearchLane:
    def __init__(self, max_batch: int = 64):
        self.max_batch = max(1, int(max_batch))
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: Optional[threading.Thread] = None
        self._start = threading.Lock()
        self.batches = 0          # for benches and tests: how many batches, how many searches
        self.answered = 0

    async def run(self, prime: Optional[Callable[[list[str]], None]], question: Optional[str],
                  work: Callable[[], Any]) -> Any:
        """``work()``'s result, computed in the lane. ``prime`` (the searcher's, or None when the
        search needs no embedding) is called once per batch with the batch's questions."""
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        self._submit((prime, question, work, loop, fut))
        return await fut

    def _submit(self, job: tuple) -> None:
        """Queue ``job`` for the lane's live thread (started on first use). Under the lock that
        ``stop`` takes, so a job is never queued behind a stopped thread's end mark."""
        with self._start:
            if self._thread is None:
                self._jobs = queue.SimpleQueue()     # a new thread gets its own queue
                t = threading.Thread(target=self._loop, args=(self._jobs,), name="zhengce-search-lane", daemon=True)
                t.start()
                self._thread = t
            self._jobs.put(job)

    def stop(self) -> None:
        """End the lane's thread after the searches queued before this call (the app's shutdown);
        a later search starts a new one."""
        with self._start:
            if self._thread is not None:
                self._jobs.put(None)
                self._thread = None

    def _loop(self, jobs: queue.SimpleQueue) -> None:
        stopping = False
        while not stopping:
            first = jobs.get()
            if first is None:
                return
            batch = [first]
            while len(batch) < self.max_batch:
                try:
                    job = jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:             # stop: answer what came before it, then end
                    stopping = True
                    break
                batch.append(job)
            self.batches += 1
            by_prime: dict[Any, list[str]] = {}
            for prime, question, *_ in batch:
                if prime is not None and question:
                    by_prime.setdefault(prime, []).append(question)
            for prime, questions in by_prime.items():
                try:
                    prime(questions)
                except Exception:     # each search then embeds its own question and reports its own error
                    pass
            for _, _, work, loop, fut in batch:
                try:
                    result, error = work(), None
                except BaseException as e:   # handed to the request that asked
                    result, error = None, e
                self.answered += 1
                try:
                    loop.call_soon_threadsafe(_settle, fut, result, error)
                except RuntimeError:         # that request's event loop has closed
                    pass


def _settle(fut: asyncio.Future, result: Any, error: Optional[BaseException]) -> None:
    if fut.done():                           # the request was cancelled (client gone)
        return
    if error is not None:
        fut.set_exception(error)
    else:
        fut.set_result(result)

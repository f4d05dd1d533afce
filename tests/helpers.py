"""Shared test helpers."""

import time
from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url: str) -> tuple[int, int]:
    """Fetch `url`; return (status code, number of database queries it made)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def assert_queries_do_not_grow(
    client, url: str, add_data: Callable[[], None], *, times: int = 3
) -> int:
    """Fetch `url`, add more data `times` over, and fail if the page's query count rises.

    Data is added once before the first count, so that an empty page (which may skip
    a query) is not the baseline.
    """
    add_data()
    status, baseline = count_queries(client, url)
    assert status == 200, f"{url} answered {status}"
    for round_number in range(1, times + 1):
        add_data()
        status, queries = count_queries(client, url)
        assert status == 200, f"{url} answered {status}"
        assert queries <= baseline, (
            f"{url} made {queries} queries after adding data (round {round_number}), "
            f"{baseline} before: the count grows with the data"
        )
    return baseline


def wait_for(condition, *, seconds: float = 10, pause: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(pause)
    return False


class MadeUpUpload:
    """A multipart request body made up as it is read: the fields, then one file of `size` bytes.

    `position` says how much of it the server read, so a test can show that a huge upload was
    refused without being read, and none of it is ever held in the test's own memory.
    """

    boundary = "MadeUpBoundary"

    def __init__(self, fields: dict[str, str], *, field: str, size: int):
        lines = []
        for name, value in fields.items():
            lines += [f"--{self.boundary}", f'Content-Disposition: form-data; name="{name}"', ""]
            lines.append(value)
        lines += [
            f"--{self.boundary}",
            f'Content-Disposition: form-data; name="{field}"; filename="big.pdf"',
            "Content-Type: application/pdf",
            "",
            "%PDF-1.7",
        ]
        self.head = "\r\n".join(lines).encode()
        self.size = size
        self.tail = f"\r\n--{self.boundary}--\r\n".encode()
        self.length = len(self.head) + size + len(self.tail)
        self.position = 0

    def _bytes(self, start: int, end: int) -> bytes:
        file_end = len(self.head) + self.size
        head = self.head[start:end]
        filler = b"0" * max(0, min(end, file_end) - max(start, len(self.head)))
        tail = self.tail[max(0, start - file_end) : max(0, end - file_end)]
        return head + filler + tail

    def read(self, size: int | None = -1) -> bytes:
        end = self.length if size is None or size < 0 else min(self.length, self.position + size)
        data = self._bytes(self.position, end)
        self.position = end
        return data

    def readline(self, size: int | None = -1) -> bytes:
        """WSGI asks for it; the multipart parser reads in chunks and never calls it."""
        line = b""
        while self.position < self.length and not line.endswith(b"\n"):
            if size is not None and 0 <= size <= len(line):
                break
            line += self.read(1)
        return line

    def post(self, client, url: str):
        """Send it to `url` through the test client, as a browser would."""
        return client.generic(
            "POST",
            url,
            CONTENT_TYPE=f"multipart/form-data; boundary={self.boundary}",
            CONTENT_LENGTH=str(self.length),
            **{"wsgi.input": self},
        )

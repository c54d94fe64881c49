"""What Pagefind reads from a page, to tell whether a changed page changes the index.

An article page changes in many ways the index never sees: its newer and
older links, its "More coverage" lists. Pagefind reads only the element
marked ``data-pagefind-body`` (less what is inside ``data-pagefind-ignore``)
and the ``data-pagefind-filter``, ``-meta`` and ``-sort`` attributes with
the text of their elements. Two pages with the same such parts give the
same index.

What is read errs on the side of more: every tag and attribute inside the
body, every ``data-pagefind-*`` attribute anywhere, the text of the body and
of every element carrying one.
"""

from __future__ import annotations

from html.parser import HTMLParser

PREFIX = "data-pagefind-"
VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr".split()
)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[tuple] = []
        # Open elements: (tag, inside the body, text read).
        self.open: list[tuple[str, bool, bool]] = []

    def _state(self) -> tuple[bool, bool]:
        return self.open[-1][1:] if self.open else (False, False)

    def handle_starttag(self, tag, attrs):
        in_body, reading = self._state()
        marks = [(name, value) for name, value in attrs if name.startswith(PREFIX)]
        names = {name for name, _ in marks}
        if f"{PREFIX}body" in names:
            in_body = reading = True
        if f"{PREFIX}ignore" in names:
            reading = False
        if in_body or marks:
            self.parts.append(("tag", tag, tuple(attrs)))
        if marks and not reading and f"{PREFIX}ignore" not in names:
            reading = True  # a filter's or meta's text, outside the body
        if tag not in VOID:
            self.open.append((tag, in_body, reading))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.open:
            self.open.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                break

    def handle_data(self, data):
        if self._state()[1]:
            self.parts.append(("text", data))


def indexed_parts(html: bytes) -> list[tuple]:
    """The parts of a page Pagefind indexes, in order."""
    # Nothing before the first marked element is read: start at its tag.
    start = max(html.rfind(b"<", 0, html.find(PREFIX.encode())), 0)
    reader = _Reader()
    reader.feed(html[start:].decode("utf-8", errors="replace"))
    reader.close()
    return reader.parts


def _common_prefix(a: bytes, b: bytes) -> int:
    low, high = 0, min(len(a), len(b))
    while low < high:  # slices compare in C: a binary search beats a loop
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _common_suffix(a: bytes, b: bytes, most: int) -> int:
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if a[len(a) - middle :] == b[len(b) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


def same_for_index(old: bytes, new: bytes) -> bool:
    """Whether two versions of a page give Pagefind the same parts.

    Most changed article pages differ only in their newer and older links,
    after everything Pagefind reads: when the bytes that differ, widened to
    whole tags, hold no ``data-pagefind-`` attribute and lie outside every
    element that is read, the page is read once, up to them, not twice.
    """
    if old == new:
        return True
    start = _common_prefix(old, new)
    tail = _common_suffix(old, new, min(len(old), len(new)) - start)
    start = max(old.rfind(b"<", 0, start), 0)
    close = old.find(b">", len(old) - tail)
    end = len(old) if close < 0 else close + 1
    spans = old[start:end], new[start : len(new) - (len(old) - end)]
    mark = PREFIX.encode()
    if mark not in spans[0] and mark not in spans[1]:
        first = old.find(mark)
        if first < 0 or first > start:
            return True  # nothing before the change is marked
        reader = _Reader()
        reader.feed(
            old[max(old.rfind(b"<", 0, first), 0) : start].decode(errors="replace")
        )
        if not any(in_body or reading for _, in_body, reading in reader.open):
            return True
    return indexed_parts(old) == indexed_parts(new)

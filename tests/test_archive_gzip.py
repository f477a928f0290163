"""The archive's gzip members are written and read by ISA-L; any gzip reader reads them, and ISA-L reads any."""

import gzip
from io import BytesIO

from scrapy import Request
from scrapy.http import HtmlResponse
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from kyivind.archive.reader import fast_gunzip, iter_records
from kyivind.archive.writer import WarcFile, capture

URL = "https://kyivindependent.com/a-story/"
PAGE = ("<html><body><article><h1>A story</h1>" + "<p>Kyiv, the capital of Ukraine.</p>" * 400
        + "</article></body></html>").encode()


def written(path, level: int) -> WarcFile:
    warc = WarcFile(path, level)
    for n in range(3):
        url = f"{URL}?n={n}"
        capture(warc, Request(url), HtmlResponse(url, body=PAGE, headers={"Content-Type": "text/html"}), url)
    warc.close()
    return warc


def test_members_are_compressed_at_isal_levels_and_read_by_any_gzip_reader(tmp_path):
    fast, small = written(tmp_path / "1.warc.gz", 1), written(tmp_path / "3.warc.gz", 9)
    assert (fast.level, small.level) == (1, 3), "ISA-L's levels are 0 to 3: a higher one is taken as 3"
    data = (tmp_path / "1.warc.gz").read_bytes()
    assert len(data) < 3 * len(PAGE) / 5 and gzip.decompress(data).count(PAGE) == 3  # Python's gzip, every member
    with open(tmp_path / "1.warc.gz", "rb") as handle:
        assert [r.content_stream().read() for r in ArchiveIterator(handle) if r.rec_type == "response"] == [PAGE] * 3


def test_the_isal_reader_reads_what_zlib_wrote_and_an_uncompressed_file(tmp_path):
    for name, compressed in (("zlib.warc.gz", True), ("plain.warc", False)):
        path = tmp_path / name
        with open(path, "wb") as handle:
            writer = WARCWriter(handle, gzip=compressed)
            for n in range(3):
                writer.write_record(writer.create_warc_record(f"{URL}?n={n}", "resource", payload=BytesIO(PAGE),
                                                              length=len(PAGE)))
        bodies: list[bytes] = []
        assert list(iter_records(path, lambda offset, record, out=bodies: out.append(record.content_stream().read()))) \
            == []
        assert bodies == [PAGE] * 3
        with open(path, "rb") as handle:
            iterator = fast_gunzip(ArchiveIterator(handle))
            assert "isal" in type(iterator.reader.decompressor).__module__
            assert [r.content_stream().read() for r in iterator] == [PAGE] * 3

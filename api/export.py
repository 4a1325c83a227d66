"""GET /export: the whole graph in one of the export formats, as a download."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.deps import PoolsDep, StoreDep
from api.errors import error_responses
from kg.export import FORMATS, export_format, write_export

router = APIRouter(tags=["export"])

# Exports up to this size stay in memory; larger ones spill to a temporary file, so memory stays flat.
_SPOOL_BYTES = 8 * 1024 * 1024
_CHUNK_BYTES = 256 * 1024


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    """Read a finished export back in chunks, closing (and so deleting) it at the end."""
    with spool:
        spool.seek(0)
        while chunk := spool.read(_CHUNK_BYTES):
            yield chunk


_EXPORTS = {
    200: {
        "description": "the graph in the requested format, as an attachment",
        "content": {fmt.media_type: {"schema": {}} for fmt in FORMATS.values()},
    },
    **error_responses(400, 422, 503),
}


@router.get("/export", summary="Export the whole graph", responses=_EXPORTS)
async def export(
    store: StoreDep,
    pools: PoolsDep,
    format: Annotated[
        str, Query(description=f"one of: {', '.join(FORMATS)}", json_schema_extra={"enum": list(FORMATS)})
    ] = "turtle",
) -> StreamingResponse:
    """The whole graph as gexf, graphml, turtle, ntriples, nquads, trig, jsonld or csv (a zip of nodes/edges)."""
    chosen = export_format(format)
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 - closed by _chunks
    try:
        # Written in full before the first byte goes out, so a failure is still a clean error response.
        await pools.run("query", write_export, store, format, spool)
    except BaseException:
        spool.close()
        raise
    filename = f"ainews-kg.{chosen.extension}"
    return StreamingResponse(
        _chunks(spool),
        media_type=chosen.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )

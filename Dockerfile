# The API service: the `kg` command over an embedded store kept in the /data volume.
# It listens on every interface, so without a token it is read-only: POST and DELETE /documents
# answer 403 until the container gets one (`docker run -e KG_API_TOKEN=$(openssl rand -hex 32) ...`).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    KG_STORE=/data/kg-data \
    KG_HOST=0.0.0.0 \
    KG_PORT=8000

WORKDIR /app
COPY pyproject.toml README.md ./
COPY kg ./kg
COPY loaders ./loaders
COPY api ./api
COPY ontology ./ontology
RUN pip install . \
    && useradd --create-home --uid 1000 kg \
    && mkdir -p /data \
    && chown kg /data

USER kg
VOLUME ["/data"]
EXPOSE 8000
CMD ["kg", "serve", "--host", "0.0.0.0"]

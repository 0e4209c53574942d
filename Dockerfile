# The convene binary and the built SPA in one small image.
FROM node:20-bookworm AS spa
WORKDIR /src
COPY schema.graphql ./
COPY frontend/package.json frontend/package-lock.json frontend/
RUN cd frontend && npm ci --no-audit --no-fund
COPY frontend frontend
RUN cd frontend && npm run build

FROM rust:1-bookworm AS server
WORKDIR /src
COPY . .
RUN cargo build --release -p convene-server

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /var/lib/convene convene && mkdir -p /var/lib/convene && chown convene /var/lib/convene
COPY --from=server /src/target/release/convene /usr/local/bin/convene
COPY --from=spa /src/frontend/dist /usr/share/convene/spa
USER convene
WORKDIR /var/lib/convene
ENV CONVENE_LISTEN=0.0.0.0:8080 CONVENE_STATIC_DIR=/usr/share/convene/spa
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8080/ready || exit 1
ENTRYPOINT ["convene"]
CMD ["serve"]

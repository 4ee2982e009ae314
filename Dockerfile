# syntax=docker/dockerfile:1
# Build: a static binary (the SQLite driver is pure Go, so no cgo).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# timetzdata embeds the IANA zones digests are scheduled in.
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata -ldflags="-s -w" -o /out/bot ./cmd/bot \
 && mkdir -p /out/data
# The run image has no shell or curl: the health check is a tiny static probe
# of /healthz (HEALTH_URL overrides it when --addr is not :8080).
RUN mkdir -p /probe && cat > /probe/main.go <<'GO' \
 && cd /probe && go mod init probe && CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/healthcheck .
package main

import (
	"net/http"
	"os"
	"time"
)

func main() {
	url := os.Getenv("HEALTH_URL")
	if url == "" {
		url = "http://127.0.0.1:8080/healthz"
	}
	c := http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get(url)
	if err != nil || resp.StatusCode != http.StatusOK {
		os.Exit(1)
	}
}
GO

# Run: no shell, no package manager, CA certificates included, non-root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bot /usr/local/bin/bot
COPY --from=build /out/healthcheck /usr/local/bin/healthcheck
COPY --from=build --chown=65532:65532 /out/data /data
COPY config.example.yaml /etc/briefbot/config.yaml
# GOMEMLIMIT keeps the Go heap's slack in check: at 100k passages the index
# holds about 75 MB and serve peaks at ~140 MB RSS with this limit (~185 MB
# without). Raise it with the store: it is a soft limit, not a cap.
ENV BOT_DB=/data/brief.db \
    BOT_CONFIG=/etc/briefbot/config.yaml \
    GOMEMLIMIT=120MiB
VOLUME ["/data"]
USER 65532:65532
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/usr/local/bin/healthcheck"]
ENTRYPOINT ["/usr/local/bin/bot"]
CMD ["serve"]

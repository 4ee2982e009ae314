# Build: a static binary (the SQLite driver is pure Go, so no cgo).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# timetzdata embeds the IANA zones digests are scheduled in.
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata -ldflags="-s -w" -o /out/bot ./cmd/bot \
 && mkdir -p /out/data

# Run: no shell, no package manager, CA certificates included, non-root.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/bot /usr/local/bin/bot
COPY --from=build --chown=65532:65532 /out/data /data
COPY config.example.yaml /etc/briefbot/config.yaml
ENV BOT_DB=/data/brief.db \
    BOT_CONFIG=/etc/briefbot/config.yaml
VOLUME ["/data"]
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/bot"]
CMD ["serve"]

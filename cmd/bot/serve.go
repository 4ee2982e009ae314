package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/metrics"
	"github.com/mss-brief/briefbot/internal/slackbot"
)

func cmdServe(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "serve", "")
	addr := fs.String("addr", "", "listen `address` for Slack's requests (HTTP mode) and /healthz, /metrics (both modes); default slack.addr, :8080")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments (got %q); settings come from --config and the environment", strings.Join(rest, " "))}
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	if *addr != "" {
		cfg.Slack.Addr = *addr
	}
	if cfg.Slack.Addr == "" {
		cfg.Slack.Addr = ":8080"
	}
	return serve(ctx, e, cfg)
}

// serve wires and runs everything `bot serve` is: the store, the answerer,
// the ingester behind "/brief add", the digest scheduler, and the Slack
// transport, until ctx is cancelled (SIGTERM); then the bot drains its work
// and the scheduler stops.
func serve(ctx context.Context, e *env, cfg config.Config) error {
	sec := cfg.Secrets
	// Before touching the store: a missing token is the likeliest mistake.
	if err := slackbot.CheckSecrets(sec.SlackBotToken, sec.SlackAppToken, sec.SlackSigningSecret); err != nil {
		return err
	}
	// One registry for /metrics: the transport's series (slackbot) and the
	// rest (internal/metrics), which the parts wired below report to
	// through e.
	reg := prometheus.NewRegistry()
	m, err := metrics.New(reg)
	if err != nil {
		return err
	}
	served := *e
	served.metrics = m
	e = &served
	store, err := openStore(ctx, e, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	search, err := searcher(e, cfg, store)
	if err != nil {
		return err
	}
	defer backfillVectors(ctx, search, cfg)()
	answerer, err := newAnswerer(e, cfg, search)
	if err != nil {
		return err
	}
	scheduler, err := newServeScheduler(e, cfg, store)
	if err != nil {
		return err
	}
	bot, err := slackbot.New(ctx, slackbot.Options{
		Settings:      slackSettings(cfg.Slack),
		Topic:         slackTopic(cfg.Topic),
		BotToken:      sec.SlackBotToken,
		AppToken:      sec.SlackAppToken,
		SigningSecret: sec.SlackSigningSecret,
		APIURL:        sec.SlackAPIURL,
		Answerer:      answerer,
		Store:         store,
		Ledger:        ledger.New(store.Database()),
		Adder:         newIngestAdder(ingestStore(e, cfg, store), cfg.Ingest, e.ingestObserver()),
		Digests:       scheduler,
		Home:          newHome(cfg, store, scheduler),
		Log:           e.log,
		Registry:      reg,
		HTTPClient:    &http.Client{Timeout: slackCallTimeout},
	})
	if err != nil {
		return err
	}
	if !answerer.HasModel() {
		e.log.Info("no language model configured: answers quote the sources (set OPENAI_API_KEY or OPENAI_BASE_URL)")
	}
	if err := scheduler.Start(ctx); err != nil {
		return err
	}
	runErr := bot.Run(ctx, cfg.Slack.Addr)
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), cfg.Slack.ShutdownTimeout+5*time.Second)
	defer cancel()
	return errors.Join(runErr, scheduler.Stop(stopCtx))
}

// ingestAdder reads one web page into the store for "/brief add <url>".
// The URL comes from a chat user: it must be a public web address, never a
// path on this machine or an address in its network.
type ingestAdder struct{ in *corpus.Ingester }

func newIngestAdder(store corpus.Putter, c config.Ingest, obs corpus.IngestObserver) ingestAdder {
	opts := ingestOptions(c, nil)
	opts.PublicOnly, opts.Observer = true, obs
	return ingestAdder{corpus.NewIngester(store, opts)}
}

func (a ingestAdder) AddURL(ctx context.Context, rawURL string) (string, error) {
	if u, err := url.Parse(rawURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not a web address (http:// or https://)", rawURL)
	}
	results := a.in.Ingest(ctx, []string{rawURL})
	if len(results) == 0 {
		return "", errors.New("nothing was read")
	}
	var parts []string
	for _, r := range results {
		switch r.Outcome {
		case corpus.Failed, corpus.Skipped:
			return "", r.Err
		case corpus.Unchanged:
			parts = append(parts, fmt.Sprintf("“%s” is already in the sources", r.Title))
		default:
			parts = append(parts, fmt.Sprintf("“%s” %s (%s)", r.Title, r.Outcome, plural(r.Passages, "passage")))
		}
	}
	return strings.Join(parts, "; "), nil
}

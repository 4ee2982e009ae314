// Package metrics keeps the bot's Prometheus series beyond the Slack
// transport's own (internal/slackbot): language model calls, ingestion,
// feed polls, digests and the build. The packages doing the work know
// only small observer interfaces (brief.ModelObserver, corpus's ingest
// observer, schedule.Observer); *Metrics implements them all, and cmd/bot
// wires it in for `bot serve`.
package metrics

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/schedule"
)

// Metrics are the series, registered on one registry.
type Metrics struct {
	now func() time.Time

	modelCalls   *prometheus.CounterVec   // model, outcome
	modelSeconds *prometheus.HistogramVec // model
	modelTokens  *prometheus.CounterVec   // model, kind
	fallbacks    *prometheus.CounterVec   // reason

	ingested    *prometheus.CounterVec // outcome
	ingestLast  prometheus.Gauge
	feedPolls   *prometheus.CounterVec // feed, outcome
	feedLast    *prometheus.GaugeVec   // feed
	digests     *prometheus.CounterVec // channel, outcome
	digestsLast *prometheus.GaugeVec   // channel
}

// New registers the series on reg, with a build-info series naming this
// binary.
func New(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		now: time.Now,
		modelCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_model_calls_total", Help: "Language model calls, after their retries, by model and outcome (ok, or why they failed: timeout, rate_limited, server_error, ...).",
		}, []string{"model", "outcome"}),
		modelSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "briefbot_model_call_seconds", Help: "Time of a language model call, retries and their waits included.",
			Buckets: prometheus.ExponentialBuckets(0.1, 2, 10),
		}, []string{"model"}),
		modelTokens: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_model_tokens_total", Help: "Tokens the language model server counted, by kind (prompt, completion); calls whose server did not say are not counted.",
		}, []string{"model", "kind"}),
		fallbacks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_model_fallbacks_total", Help: "Answers that were to be written by the model and were quoted from the sources instead, by reason (model_failed, deadline, prompt, rejected).",
		}, []string{"reason"}),
		ingested: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_ingest_documents_total", Help: "Documents ingested (feeds and /brief add), by outcome (added, updated, unchanged, skipped, failed).",
		}, []string{"outcome"}),
		ingestLast: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefbot_ingest_last_success_timestamp_seconds", Help: "When a document was last ingested without failing (Unix time; 0: not yet).",
		}),
		feedPolls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_feed_polls_total", Help: "Feed polls by feed and outcome (ok, failed).",
		}, []string{"feed", "outcome"}),
		feedLast: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "briefbot_feed_last_success_timestamp_seconds", Help: "When each feed was last polled without failing (Unix time).",
		}, []string{"feed"}),
		digests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_digests_total", Help: "Digest runs by channel and outcome (posted, repaired, skipped, failed).",
		}, []string{"channel", "outcome"}),
		digestsLast: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "briefbot_digest_last_posted_timestamp_seconds", Help: "When each channel's digest was last posted by this process (Unix time).",
		}, []string{"channel"}),
	}
	version, revision := build()
	info := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "briefbot_build_info", Help: "The running binary: its module version, VCS revision and Go version (always 1).",
		ConstLabels: prometheus.Labels{"version": version, "revision": revision, "goversion": runtime.Version()},
	})
	info.Set(1)
	for _, c := range []prometheus.Collector{m.modelCalls, m.modelSeconds, m.modelTokens, m.fallbacks,
		m.ingested, m.ingestLast, m.feedPolls, m.feedLast, m.digests, m.digestsLast, info} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("metrics: %w", err)
		}
	}
	return m, nil
}

// build reads the binary's version and revision ("unknown" when not
// stamped, as under go test).
func build() (version, revision string) {
	version, revision = "unknown", "unknown"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return version, revision
	}
	if v := bi.Main.Version; v != "" {
		version = v
	}
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty && revision != "unknown" {
		revision += "-dirty"
	}
	return version, revision
}

// ModelCall implements brief.ModelObserver.
func (m *Metrics) ModelCall(c brief.ModelCall) {
	outcome := c.Failure
	if outcome == "" {
		outcome = "ok"
	}
	m.modelCalls.WithLabelValues(c.Model, outcome).Inc()
	m.modelSeconds.WithLabelValues(c.Model).Observe(c.Took.Seconds())
	if c.PromptTokens > 0 {
		m.modelTokens.WithLabelValues(c.Model, "prompt").Add(float64(c.PromptTokens))
	}
	if c.CompletionTokens > 0 {
		m.modelTokens.WithLabelValues(c.Model, "completion").Add(float64(c.CompletionTokens))
	}
}

// ModelFallback implements brief.ModelObserver.
func (m *Metrics) ModelFallback(reason string) { m.fallbacks.WithLabelValues(reason).Inc() }

// Ingested is told of each input an ingester finished (corpus).
func (m *Metrics) Ingested(r corpus.IngestResult) {
	m.ingested.WithLabelValues(string(r.Outcome)).Inc()
	if r.Outcome != corpus.Failed && r.Outcome != corpus.Skipped {
		m.ingestLast.Set(float64(m.now().Unix()))
	}
}

// FeedPolled implements schedule.Observer.
func (m *Metrics) FeedPolled(url string, at time.Time, err error) {
	// The feed label is the configured URL with any credentials removed:
	// the set of feeds is the configuration's, so it stays small.
	feed := document.RedactURL(url)
	if err != nil {
		m.feedPolls.WithLabelValues(feed, "failed").Inc()
		return
	}
	m.feedPolls.WithLabelValues(feed, "ok").Inc()
	m.feedLast.WithLabelValues(feed).Set(float64(at.Unix()))
}

// DigestRun implements schedule.Observer.
func (m *Metrics) DigestRun(channel string, outcome schedule.Outcome, err error) {
	o := string(outcome)
	if err != nil {
		o = "failed"
	}
	m.digests.WithLabelValues(channel, o).Inc()
	if err == nil && outcome == schedule.Posted {
		m.digestsLast.WithLabelValues(channel).Set(float64(m.now().Unix()))
	}
}

var (
	_ brief.ModelObserver = (*Metrics)(nil)
	_ schedule.Observer   = (*Metrics)(nil)
)
var _ corpus.IngestObserver = (*Metrics)(nil)

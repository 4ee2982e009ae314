package metrics

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/schedule"
)

func TestSeries(t *testing.T) {
	reg := prometheus.NewRegistry()
	m, err := New(reg)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1_790_000_000, 0)
	m.now = func() time.Time { return at }
	m.ModelCall(brief.ModelCall{Model: "gpt-4o-mini", Took: 2 * time.Second, Attempts: 1, PromptTokens: 400, CompletionTokens: 60})
	m.ModelCall(brief.ModelCall{Model: "gpt-4o-mini", Took: time.Second, Attempts: 3, Failure: "rate_limited"})
	m.ModelFallback(brief.FallbackModelFailed)
	m.Ingested(corpus.IngestResult{Outcome: corpus.Added})
	m.Ingested(corpus.IngestResult{Outcome: corpus.Failed, Err: errors.New("HTTP 404")})
	m.FeedPolled("https://user:secret@feeds.example/rss", at, nil)
	m.FeedPolled("https://feeds.example/down", at, errors.New("HTTP 502"))
	m.DigestRun("CNEWS", schedule.Posted, nil)
	m.DigestRun("CNEWS", schedule.Skipped, nil)
	m.DigestRun("CNEWS", "", errors.New("chat.postMessage: fatal"))

	tests := []struct {
		c    prometheus.Collector
		want float64
	}{
		{m.modelCalls.WithLabelValues("gpt-4o-mini", "ok"), 1},
		{m.modelCalls.WithLabelValues("gpt-4o-mini", "rate_limited"), 1},
		{m.modelTokens.WithLabelValues("gpt-4o-mini", "prompt"), 400},
		{m.modelTokens.WithLabelValues("gpt-4o-mini", "completion"), 60},
		{m.fallbacks.WithLabelValues("model_failed"), 1},
		{m.ingested.WithLabelValues("added"), 1},
		{m.ingested.WithLabelValues("failed"), 1},
		{m.ingestLast, float64(at.Unix())},
		{m.feedPolls.WithLabelValues("https://user:xxxxx@feeds.example/rss", "ok"), 1},
		{m.feedPolls.WithLabelValues("https://feeds.example/down", "failed"), 1},
		{m.digests.WithLabelValues("CNEWS", "posted"), 1},
		{m.digests.WithLabelValues("CNEWS", "skipped"), 1},
		{m.digests.WithLabelValues("CNEWS", "failed"), 1},
		{m.digestsLast.WithLabelValues("CNEWS"), float64(at.Unix())},
	}
	for i, tt := range tests {
		if got := value(t, tt.c); got != tt.want {
			t.Errorf("series %d = %v, want %v", i, got, tt.want)
		}
	}
	fams, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*dto.MetricFamily{}
	for _, f := range fams {
		byName[f.GetName()] = f
	}
	if h := byName["briefbot_model_call_seconds"]; h == nil || h.Metric[0].GetHistogram().GetSampleCount() != 2 {
		t.Errorf("latency = %v, want 2 calls observed", h)
	}
	info := byName["briefbot_build_info"]
	if info == nil || len(info.Metric) != 1 || info.Metric[0].GetGauge().GetValue() != 1 {
		t.Fatalf("build info = %v", info)
	}
	labels := map[string]string{}
	for _, l := range info.Metric[0].Label {
		labels[l.GetName()] = l.GetValue()
	}
	if labels["goversion"] == "" || labels["version"] == "" || labels["revision"] == "" {
		t.Errorf("build info labels %v", labels)
	}
	// No series carries a feed's credentials.
	for _, name := range []string{"briefbot_feed_polls_total", "briefbot_feed_last_success_timestamp_seconds"} {
		for _, s := range byName[name].Metric {
			for _, l := range s.Label {
				if strings.Contains(l.GetValue(), "secret") {
					t.Errorf("%s label holds the feed's password: %s", name, l.GetValue())
				}
			}
		}
	}
}

// value reads a counter's or gauge's one value.
func value(t *testing.T, c prometheus.Collector) float64 {
	t.Helper()
	ch := make(chan prometheus.Metric, 1)
	c.Collect(ch)
	var m dto.Metric
	if err := (<-ch).Write(&m); err != nil {
		t.Fatal(err)
	}
	if m.Counter != nil {
		return m.Counter.GetValue()
	}
	return m.Gauge.GetValue()
}

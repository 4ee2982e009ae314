package schedule

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// flakyPoller fails the feeds named in down.
type flakyPoller struct {
	mu   sync.Mutex
	down map[string]bool
}

func (p *flakyPoller) PollFeed(ctx context.Context, url string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down[url] {
		return errors.New("HTTP 502 from " + url)
	}
	return nil
}

func (p *flakyPoller) set(url string, down bool) {
	p.mu.Lock()
	p.down[url] = down
	p.mu.Unlock()
}

// polls is an Observer that keeps what it is told.
type polls struct {
	mu   sync.Mutex
	seen []string
	runs []string
}

func (o *polls) FeedPolled(url string, at time.Time, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.seen = append(o.seen, url+" "+at.Format(time.TimeOnly)+" "+map[bool]string{true: "ok", false: "failed"}[err == nil])
}

func (o *polls) DigestRun(channel string, outcome Outcome, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if err != nil {
		outcome = "failed"
	}
	o.runs = append(o.runs, channel+" "+string(outcome))
}

// Digest runs, scheduled or asked for, are told when they post, skip or
// fail; runs that find nothing to do are not.
func TestDigestRunsObserved(t *testing.T) {
	w := newWorld(t, mar09)
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	s := w.process(nyDigest)
	obs := &polls{}
	s.obs = obs
	ctx := context.Background()
	if res := mustRun(t, s, nyDigest); res.Outcome != Posted {
		t.Fatalf("first run: %+v", res)
	}
	mustRun(t, s, nyDigest) // up to date: not told
	w.clock.Add(10 * time.Minute)
	if _, err := s.PostNow(ctx, nyDigest.Channel); err != nil {
		t.Fatal(err)
	}
	w.slack.FailNext("chat.postMessage", 10, slacktest.ServerError())
	w.clock.Add(time.Minute)
	if _, err := s.PostNow(ctx, nyDigest.Channel); err == nil {
		t.Fatal("PostNow with Slack failing: no error")
	}
	want := []string{"CNEWS posted", "CNEWS posted", "CNEWS failed"}
	if !slices.Equal(obs.runs, want) {
		t.Errorf("runs told %q, want %q", obs.runs, want)
	}
}

func TestFeedStates(t *testing.T) {
	w := newWorld(t, mar09)
	g, _ := brief.NewDigester(brief.DigesterConfig{Store: w.store})
	p := &flakyPoller{down: map[string]bool{"https://b.example/feed": true}}
	obs := &polls{}
	urls := []string{"https://a.example/feed", "https://b.example/feed", "https://c.example/feed"}
	s, err := New(Options{Runs: w.ledger, Composer: g, Poller: p, Now: w.clock.Now, Observer: obs,
		Feeds: FeedConfig{Schedule: "*/30 * * * *", URLs: urls}})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range s.FeedStates() {
		if !st.LastPoll.IsZero() || st.LastError != "" {
			t.Errorf("before any poll: %+v", st)
		}
	}
	first := w.clock.Now()
	s.PollFeeds(context.Background())
	w.clock.Add(30 * time.Minute)
	p.set("https://a.example/feed", true)
	p.set("https://b.example/feed", false)
	second := w.clock.Now()
	s.PollFeeds(context.Background())

	tests := []struct {
		url           string
		lastSuccess   time.Time
		errorContains string
	}{
		{urls[0], first, "HTTP 502"}, // failed now, succeeded before
		{urls[1], second, ""},        // recovered
		{urls[2], second, ""},
	}
	states := s.FeedStates()
	if len(states) != len(tests) {
		t.Fatalf("states = %+v", states)
	}
	for i, tt := range tests {
		st := states[i]
		if st.URL != tt.url || !st.LastPoll.Equal(second) || !st.LastSuccess.Equal(tt.lastSuccess) {
			t.Errorf("state %d = %+v, want %s polled at %s, last success %s", i, st, tt.url, second, tt.lastSuccess)
		}
		if (tt.errorContains == "") != (st.LastError == "") || !strings.Contains(st.LastError, tt.errorContains) {
			t.Errorf("state %d error %q, want %q", i, st.LastError, tt.errorContains)
		}
	}
	if len(obs.seen) != 6 || obs.seen[1] != "https://b.example/feed 13:00:00 failed" || obs.seen[3] != "https://a.example/feed 13:30:00 failed" {
		t.Errorf("observer saw %q", obs.seen)
	}
}

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
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// flakyPoller fails the feeds named in down.
type flakyPoller struct {
	mu   sync.Mutex
	down map[string]bool
}

func (p *flakyPoller) PollFeed(ctx context.Context, url string) (PollCounts, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.down[url] {
		return PollCounts{}, errors.New("HTTP 502 from " + url)
	}
	return PollCounts{Items: 10, Added: 2}, nil
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
	t.Parallel()
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

func TestFeedPollsInTheStore(t *testing.T) { onEachDB(t, testFeedPollsInTheStore) }

// Two replicas poll the same feeds on one store, half an hour apart: each
// feed's record is the latest poll, whichever replica made it, read alike
// through either replica's store handle and through a process started
// afterwards (a restart). A feed that fails keeps its last success.
func testFeedPollsInTheStore(t *testing.T, db func(testing.TB) string) {
	w := newWorldOn(t, db(t), mar09)
	urls := []string{"https://a.example/feed", "https://b.example/feed", "https://c.example/feed"}
	p := &flakyPoller{down: map[string]bool{urls[1]: true}}
	obs := &polls{}
	replica := func() (*Scheduler, *ledger.Ledger) {
		_, l := w.openStore()
		g, _ := brief.NewDigester(brief.DigesterConfig{Store: w.store})
		s, err := New(Options{Runs: l, Composer: g, Poller: p, Polls: l, Now: w.clock.Now, Observer: obs,
			Feeds: FeedConfig{Schedule: "*/30 * * * *", URLs: urls}})
		if err != nil {
			t.Fatal(err)
		}
		return s, l
	}
	a, aStore := replica()
	b, bStore := replica()
	ctx := context.Background()
	read := func(l *ledger.Ledger) []ledger.FeedPoll {
		t.Helper()
		got, err := l.FeedPolls(ctx, urls)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	for _, st := range read(bStore) {
		if !st.LastPoll.IsZero() || st.LastError != "" {
			t.Errorf("before any poll: %+v", st)
		}
	}
	first := w.clock.Now()
	a.PollFeeds(ctx)
	if got := read(bStore); !got[0].LastPoll.Equal(first) || got[0].Items != 10 || got[0].Added != 2 || !strings.Contains(got[1].LastError, "HTTP 502") {
		t.Errorf("replica B reads A's poll as %+v", got)
	}
	w.clock.Add(30 * time.Minute)
	p.set(urls[0], true)
	p.set(urls[1], false)
	second := w.clock.Now()
	b.PollFeeds(ctx)

	tests := []struct {
		url           string
		lastSuccess   time.Time
		items         int
		errorContains string
	}{
		{urls[0], first, 0, "HTTP 502"}, // failed now, succeeded before
		{urls[1], second, 10, ""},       // recovered
		{urls[2], second, 10, ""},
	}
	_, restarted := w.openStore()
	for name, l := range map[string]*ledger.Ledger{"replica A": aStore, "replica B": bStore, "after a restart": restarted} {
		states := read(l)
		for i, tt := range tests {
			st := states[i]
			if st.URL != tt.url || !st.LastPoll.Equal(second) || !st.LastSuccess.Equal(tt.lastSuccess) || st.Items != tt.items {
				t.Errorf("%s: feed %d = %+v, want %s polled at %s, last success %s, %d items", name, i, st, tt.url, second, tt.lastSuccess, tt.items)
			}
			if (tt.errorContains == "") != (st.LastError == "") || !strings.Contains(st.LastError, tt.errorContains) {
				t.Errorf("%s: feed %d error %q, want %q", name, i, st.LastError, tt.errorContains)
			}
		}
	}
	if len(obs.seen) != 6 || obs.seen[1] != "https://b.example/feed 13:00:00 failed" || obs.seen[3] != "https://a.example/feed 13:30:00 failed" {
		t.Errorf("observer saw %q", obs.seen)
	}
}

// blockingPoller polls until its context ends.
type blockingPoller struct{ started chan struct{} }

func (p blockingPoller) PollFeed(ctx context.Context, url string) (PollCounts, error) {
	close(p.started)
	<-ctx.Done()
	return PollCounts{}, ctx.Err()
}

// A poll cut short by the scheduler stopping is not the feed's failure:
// nothing is recorded, so the home tab keeps the last poll that ended.
// Feeds that are polled must have somewhere to be recorded.
func TestFeedPollCutShort(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	g, _ := brief.NewDigester(brief.DigesterConfig{Store: w.store})
	feeds := FeedConfig{Schedule: "*/30 * * * *", URLs: []string{"https://slow.example/feed"}}
	p := blockingPoller{started: make(chan struct{})}
	if _, err := New(Options{Runs: w.ledger, Composer: g, Poller: p, Feeds: feeds}); err == nil || !strings.Contains(err.Error(), "Polls") {
		t.Errorf("feeds polled with nowhere to record them: %v", err)
	}
	s, err := New(Options{Runs: w.ledger, Composer: g, Poller: p, Polls: w.ledger, Now: w.clock.Now, Feeds: feeds})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-p.started; cancel() }()
	if failed := s.PollFeeds(ctx); failed != 0 {
		t.Errorf("%d feeds failed when the poll was stopped, want 0", failed)
	}
	got, err := w.ledger.FeedPolls(context.Background(), feeds.URLs)
	if err != nil || len(got) != 1 || !got[0].LastPoll.IsZero() || got[0].LastError != "" {
		t.Errorf("after a stopped poll: %+v, %v; want nothing recorded", got, err)
	}
}

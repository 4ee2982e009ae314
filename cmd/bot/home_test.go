package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/schedule"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// homeConfig has a feed and a weekly digest, so the home tab has both.
func homeConfig(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bot.yaml")
	cfg := "feeds:\n  schedule: \"0 0 1 1 *\"\n  urls: [\"https://feeds.example.invalid/haiti.rss\"]\n" +
		"digests:\n  - channel: CDIGEST\n    schedule: \"0 9 * * 1\"\n"
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantHomeFigures reads the store the bot used and says what its home tab
// must show of it.
func wantHomeFigures(t *testing.T, db string) []string {
	t.Helper()
	store, err := corpus.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ov, err := store.Overview(context.Background(), 1, 1)
	if err != nil || ov.Documents == 0 || len(ov.Newest) == 0 {
		t.Fatalf("overview %+v, %v: the bundled documents should be there", ov, err)
	}
	return []string{
		"*" + thousands(ov.Documents) + "* documents in *" + thousands(ov.Passages) + "* passages",
		ov.Publishers[0].Source + ": " + thousands(ov.Publishers[0].Documents),
		ov.Newest[0].Title,
		"https://feeds.example.invalid/haiti.rss>: 0 documents",
		"`CDIGEST`: next Mon",
		"Brief me on this",
	}
}

// thousands writes n as the home tab does: 12400 -> "12,400".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func checkHome(t *testing.T, fake *slacktest.Server, user string, want []string) {
	t.Helper()
	if !fake.Wait(serveWait, func() bool { return len(fake.Views()) > 0 }) {
		t.Fatal("opening App Home published no view")
	}
	v := fake.Views()[0]
	text := v.BlockText()
	if v.UserID != user || v.Type != "home" {
		t.Errorf("view for %q, type %q", v.UserID, v.Type)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("home view lacks %q:\n%s", w, text)
		}
	}
	for _, u := range fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

// TestServeBinaryAppHome: the bot as its own process publishes the home
// tab, with the figures of the store it serves, when a reader opens it.
func TestServeBinaryAppHome(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	addr := freeAddr(t)
	db := filepath.Join(t.TempDir(), "brief.db")
	p := startServe(t, bin, addr, serveVars(fake, llm, false), "--db", db, "--config", homeConfig(t))
	ev := slacktest.EventCallback("EvHome", slacktest.AppHomeOpened("U1", "home"))
	if status, _ := signedPost(t, "http://"+addr+"/slack/events", slacktest.SigningSecret, slacktest.JSONType, ev); status != http.StatusOK {
		t.Fatalf("event status %d", status)
	}
	checkHome(t, fake, "U1", wantHomeFigures(t, db))
	p.stop(t)
}

// Over Socket Mode the same event publishes the same view.
func TestServeBinarySocketAppHome(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	db := filepath.Join(t.TempDir(), "brief.db")
	p := startServe(t, bin, freeAddr(t), serveVars(fake, llm, true), "--db", db, "--config", homeConfig(t))
	if err := fake.WaitForSocket(serveWait); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.SendEvent(slacktest.EventCallback("EvHomeSock", slacktest.AppHomeOpened("U2", "home")), 0); err != nil {
		t.Fatal(err)
	}
	checkHome(t, fake, "U2", wantHomeFigures(t, db))
	p.stop(t)
}

// The home tab's corpus figures are kept between openings, and read
// again once a passage was written.
func TestHomeOverviewFollowsTheStore(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	put := func(title, url string) {
		t.Helper()
		if _, err := store.Put(ctx, corpus.Document{Title: title, Source: "Wire", URL: url, Text: title + ": the mission's police arrived in the capital this week."}); err != nil {
			t.Fatal(err)
		}
	}
	put("First report", "https://example.org/1")
	home := newHome(config.Default(), store, nil)
	f1, err := home.Overview(ctx)
	if err != nil || f1.Documents != 1 {
		t.Fatalf("first overview: %+v, %v", f1, err)
	}
	again, _ := home.Overview(ctx)
	if again.Documents != 1 || home.cached == nil {
		t.Fatalf("second overview %+v, cached %v", again, home.cached != nil)
	}
	put("Second report", "https://example.org/2")
	f2, err := home.Overview(ctx)
	if err != nil || f2.Documents != 2 || len(f2.Newest) != 2 {
		t.Errorf("after a new document: %+v, %v", f2, err)
	}
}

// pollerFunc is a schedule.FeedPoller from a func.
type pollerFunc func(ctx context.Context, url string) error

func (f pollerFunc) PollFeed(ctx context.Context, url string) error { return f(ctx, url) }

// The home tab's feeds carry this process's last poll of each and its
// error.
func TestHomeFeedsShowTheirPolls(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	cfg := config.Default()
	cfg.Feeds.Schedule = "*/30 * * * *"
	cfg.Feeds.URLs = []string{"https://feeds.example.invalid/up.rss", "https://feeds.example.invalid/down.rss"}
	g, err := brief.NewDigester(brief.DigesterConfig{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	polled := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	sched, err := schedule.New(schedule.Options{Runs: ledger.New(store.Database()), Composer: g, Now: func() time.Time { return polled },
		Feeds: schedule.FeedConfig{Schedule: cfg.Feeds.Schedule, URLs: cfg.Feeds.URLs},
		Poller: pollerFunc(func(_ context.Context, url string) error {
			if strings.Contains(url, "down") {
				return errors.New("HTTP 503 from the feed")
			}
			return nil
		})})
	if err != nil {
		t.Fatal(err)
	}
	home := newHome(cfg, store, sched)
	before, err := home.Overview(ctx)
	if err != nil || len(before.Feeds) != 2 || !before.Feeds[0].LastPoll.IsZero() {
		t.Fatalf("before polling: %+v, %v", before.Feeds, err)
	}
	sched.PollFeeds(ctx)
	f, err := home.Overview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Feeds) != 2 {
		t.Fatalf("feeds = %+v", f.Feeds)
	}
	up, down := f.Feeds[0], f.Feeds[1]
	if up.URL != cfg.Feeds.URLs[0] || !up.LastPoll.Equal(polled) || up.LastError != "" {
		t.Errorf("feed that polled fine: %+v", up)
	}
	if down.URL != cfg.Feeds.URLs[1] || !down.LastPoll.Equal(polled) || !strings.Contains(down.LastError, "HTTP 503") {
		t.Errorf("feed that failed: %+v", down)
	}
}

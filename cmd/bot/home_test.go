package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
	"github.com/mss-brief/briefbot/internal/slackbot"
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
	db := filepath.Join(t.TempDir(), "brief.db")
	socketHome(t, db, homeConfig(t), "U2", func() []string { return wantHomeFigures(t, db) })
}

// socketHome runs `bot serve` over Socket Mode on the store at db with
// the configuration at cfgPath, opens user's home tab and checks that the
// view published holds what want says (asked once the bot is up).
func socketHome(t *testing.T, db, cfgPath, user string, want func() []string) {
	t.Helper()
	bin := botBinary(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	p := startServe(t, bin, freeAddr(t), serveVars(fake, llm, true), "--db", db, "--config", cfgPath)
	if err := fake.WaitForSocket(serveWait); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.SendEvent(slacktest.EventCallback("EvHome"+user, slacktest.AppHomeOpened(user, "home")), 0); err != nil {
		t.Fatal(err)
	}
	checkHome(t, fake, user, want())
	p.stop(t)
}

// The home tab's corpus figures are kept between openings, and read
// again once a passage was written.
func TestHomeOverviewFollowsTheStore(t *testing.T) {
	t.Parallel()
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

// feedServer serves one RSS feed with one item (its article on the same
// server) and one feed that answers 503.
func feedServer(t *testing.T) (up, down string) {
	t.Helper()
	body := strings.Repeat("Officers of the mission patrolled the port district of the capital and reported calm streets. ", 8)
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("/up.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Port Wire</title><link>%[1]s/</link><description>d</description>`+
			`<item><title>Patrols resume in the port district</title><link>%[1]s/patrols</link><guid>%[1]s/patrols</guid>`+
			`<pubDate>Wed, 02 Dec 2026 08:00:00 +0000</pubDate><description>%[2]s</description></item></channel></rss>`, srv.URL, body)
	})
	mux.HandleFunc("/patrols", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>Patrols resume in the port district</title></head><body><article><p>%s</p></article></body></html>", body)
	})
	mux.HandleFunc("/down.rss", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + "/up.rss", srv.URL + "/down.rss"
}

// pollOnce is one bot process polling the configured feeds, as `bot
// serve`'s scheduler does on its schedule, on the store at db.
func pollOnce(t *testing.T, cfg config.Config, db string) {
	t.Helper()
	ctx := context.Background()
	store, err := corpus.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	e := &env{log: slog.New(slog.DiscardHandler)}
	sched, err := newServeScheduler(e, cfg, store)
	if err != nil {
		t.Fatal(err)
	}
	if failed := sched.PollFeeds(ctx); failed != 1 {
		t.Fatalf("%d feeds failed, want the one that answers 503", failed)
	}
}

// The home tab's feeds show the store's record of their polls: a second
// bot on the same store, which never polled, shows what the first one's
// poll found (the item it read, the error of the feed that is down), and
// so does a bot started after both are gone. On SQLite and PostgreSQL.
func TestHomeFeedsShowTheStoresPolls(t *testing.T) {
	t.Parallel()
	for _, target := range databasetest.Targets(t) {
		t.Run(target.Name, func(t *testing.T) {
			ctx := context.Background()
			db := target.URL(t)
			cfg := config.Default()
			up, down := feedServer(t)
			cfg.Feeds.URLs = []string{up, down}
			before := time.Now().Add(-time.Second)
			pollOnce(t, cfg, db) // the first bot, gone once it has polled

			home := func() []slackbot.FeedFacts {
				t.Helper()
				store, err := corpus.Open(ctx, db)
				if err != nil {
					t.Fatal(err)
				}
				defer store.Close()
				e := &env{log: slog.New(slog.DiscardHandler)}
				sched, err := newServeScheduler(e, cfg, store) // polls nothing here
				if err != nil {
					t.Fatal(err)
				}
				f, err := newHome(cfg, store, sched).Overview(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return f.Feeds
			}
			for _, name := range []string{"second bot", "after a restart"} {
				feeds := home()
				if len(feeds) != 2 {
					t.Fatalf("%s: feeds %+v", name, feeds)
				}
				ok, failed := feeds[0], feeds[1]
				if ok.URL != up || ok.Documents != 1 || ok.Items != 1 || ok.Added != 1 || ok.LastError != "" ||
					ok.LastPoll.Before(before) || !ok.LastSuccess.Equal(ok.LastPoll) {
					t.Errorf("%s: the feed that polled fine shows %+v", name, ok)
				}
				if failed.URL != down || !strings.Contains(failed.LastError, "503") || failed.LastPoll.Before(before) || !failed.LastSuccess.IsZero() {
					t.Errorf("%s: the feed that failed shows %+v", name, failed)
				}
			}
		})
	}
}

// TestServeBinaryHomeShowsAnotherBotsPolls: `bot serve` as its own
// process, which has not polled, publishes a home tab with the polls
// another bot recorded in the same store.
func TestServeBinaryHomeShowsAnotherBotsPolls(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "brief.db")
	up, down := feedServer(t)
	cfg := config.Default()
	cfg.Feeds.URLs = []string{up, down}
	pollOnce(t, cfg, db)
	cfgPath := filepath.Join(t.TempDir(), "bot.yaml")
	yaml := fmt.Sprintf("feeds:\n  schedule: \"0 0 1 1 *\"\n  urls: [%q, %q]\n", up, down)
	if err := os.WriteFile(cfgPath, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	socketHome(t, db, cfgPath, "U3", func() []string {
		return []string{
			up + ">: 1 document, last new item just now, polled just now (1 item, 1 new)",
			down + ">: 0 documents, polled just now\n   last error: ", "503", "no poll has succeeded yet",
		}
	})
}

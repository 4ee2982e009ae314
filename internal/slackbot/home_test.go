package slackbot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

type homeStub struct {
	facts HomeFacts
	err   error
}

func (h homeStub) Overview(context.Context) (HomeFacts, error) { return h.facts, h.err }

func TestHomeTabPublished(t *testing.T) {
	t.Parallel()
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	facts := HomeFacts{
		Documents: 1240, Passages: 12400,
		Publishers: []PublisherFacts{{"UN News", 700}, {"<!channel> Prank Wire", 40}, {"", 3}},
		Newest: []HomeDocument{
			{Title: "Kenya leads the mission", Source: "UN News", URL: "https://example.org/kenya", Published: day(20), Ingested: day(21)},
			{Title: "Ping <@U0ADMIN> now", Source: "Prank Wire", URL: "javascript:alert(1)", Ingested: day(22)},
		},
		Feeds: []FeedFacts{
			{URL: "https://example.org/rss", Documents: 12, LastItem: day(21), LastPoll: day(22), LastSuccess: day(21), LastError: "HTTP 503 <!here>"},
			{URL: "https://example.org/ok.rss", Documents: 3, LastPoll: day(22), LastSuccess: day(22), Items: 10, Added: 1},
			{URL: "https://example.org/new.rss", LastPoll: day(22), LastError: "no such host"},
		},
		Digests: []DigestFacts{{Channel: "CDIGEST", Next: day(30), LastPosted: day(23)}},
	}
	tests := []struct {
		name  string
		home  Home
		tab   string
		want  []string
		views int
	}{
		{"figures", homeStub{facts: facts}, "home", []string{"*1,240* documents in *12,400* passages", "UN News: 700", "others: 497",
			"publisher unknown: 3", "<https://example.org/kenya|Kenya leads the mission> — UN News, 2026-11-20",
			"Ping &lt;@U0ADMIN&gt; now — Prank Wire, undated, added 2026-11-22", "<https://example.org/rss>: 12 documents",
			"last error: HTTP 503 &lt;!here&gt;; last success on 2026-11-21",
			"<https://example.org/ok.rss>: 3 documents, polled on 2026-11-22 (10 items, 1 new)",
			"last error: no such host; no poll has succeeded yet", "`CDIGEST`: next Mon 30 Nov 09:00 UTC; last covered up to Mon 23 Nov 09:00 UTC",
			"Who leads the mission?", "Brief me on this"}, 1},
		{"messages tab shows no view", homeStub{facts: facts}, "messages", nil, 0},
		{"figures unavailable", homeStub{err: errors.New("disk gone")}, "home", []string{"cannot read my sources' figures", "How to ask"}, 1},
		{"no home configured", nil, "home", []string{"How to ask", "Who leads the mission?"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil, nil, func(o *Options) {
				o.Home = tt.home
				o.Topic.Examples = []string{"Who leads the mission?"}
			})
			h.event("EvHome"+tt.name, slacktest.AppHomeOpened("U1", tt.tab), 0)
			if tt.views == 0 {
				h.stop() // waits for background work: nothing may have been published
				if v := h.fake.Views(); len(v) != 0 {
					t.Fatalf("%d views published for the %s tab", len(v), tt.tab)
				}
				return
			}
			if !h.fake.Wait(wait, func() bool { return len(h.fake.Views()) > 0 }) {
				t.Fatal("no view published")
			}
			v := h.fake.Views()[0]
			if v.UserID != "U1" || v.Type != "home" {
				t.Errorf("view for %q of type %q", v.UserID, v.Type)
			}
			text := v.BlockText()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("view lacks %q:\n%s", w, text)
				}
			}
			if strings.Contains(text, "javascript:") && strings.Contains(text, "<javascript") {
				t.Error("a non-http link was made live")
			}
		})
	}
}

// A home tab stays within a view's 100 blocks and each section's size
// however many publishers, documents, feeds and digests there are.
func TestHomeViewLimits(t *testing.T) {
	t.Parallel()
	var f HomeFacts
	f.Documents, f.Passages = 100000, 400000
	long := strings.Repeat("word ", 200)
	for i := range 200 {
		f.Publishers = append(f.Publishers, PublisherFacts{Name: long, Documents: 10})
		f.Newest = append(f.Newest, HomeDocument{Title: long, Source: long, URL: "https://example.org/" + fmt.Sprint(i), Ingested: time.Now()})
		f.Feeds = append(f.Feeds, FeedFacts{URL: "https://example.org/feed/" + fmt.Sprint(i), LastError: long})
		f.Digests = append(f.Digests, DigestFacts{Channel: "C" + fmt.Sprint(i), Next: time.Now()})
	}
	v := outgoingView(homeView(f, homeFigures, "/brief", []string{long, long}, time.Now()))
	raw, err := json.Marshal(v.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(v.Blocks.BlockSet); n > slacktest.MaxViewBlocks {
		t.Errorf("%d blocks", n)
	}
	for i := 0; i < len(v.Blocks.BlockSet); i += slacktest.MaxBlocks {
		run, _ := json.Marshal(v.Blocks.BlockSet[i:min(i+slacktest.MaxBlocks, len(v.Blocks.BlockSet))])
		if err := slacktest.CheckBlocks(run); err != nil {
			t.Errorf("blocks %d…: %v", i, err)
		}
	}
	if !strings.Contains(string(raw), "others: 99,880") {
		t.Errorf("the publishers not named are not summed")
	}
}

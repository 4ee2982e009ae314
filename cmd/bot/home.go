package main

import (
	"context"
	"sync"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/schedule"
	"github.com/mss-brief/briefbot/internal/slackbot"
)

// serveHome gives the Slack home tab its figures: the corpus overview,
// what each feed brought, and each channel's digest schedule.
type serveHome struct {
	store *corpus.Store
	runs  *ledger.Ledger
	sched *schedule.Scheduler
	feeds []string
	now   func() time.Time

	// The corpus part is read again only when a passage was written or
	// deleted since (the store's generation), so reopening the tab costs
	// one counter read; at 100k documents the aggregates take ~85 ms.
	mu     sync.Mutex
	gen    int64
	cached *corpus.Overview
}

func newHome(cfg config.Config, store *corpus.Store, sched *schedule.Scheduler) *serveHome {
	return &serveHome{store: store, runs: ledger.New(store.Database()), sched: sched, feeds: cfg.Feeds.URLs, now: time.Now}
}

// Home tab sizes: the view shows these many, the rest summed.
const (
	homePublishers = 12
	homeNewest     = 10
)

func (h *serveHome) corpusOverview(ctx context.Context) (corpus.Overview, error) {
	gen, err := h.store.Generation(ctx)
	if err != nil {
		return corpus.Overview{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.cached != nil && h.gen == gen {
		return *h.cached, nil
	}
	ov, err := h.store.Overview(ctx, homePublishers, homeNewest)
	if err != nil {
		return corpus.Overview{}, err
	}
	h.cached, h.gen = &ov, gen
	return ov, nil
}

func (h *serveHome) Overview(ctx context.Context) (slackbot.HomeFacts, error) {
	ov, err := h.corpusOverview(ctx)
	if err != nil {
		return slackbot.HomeFacts{}, err
	}
	f := slackbot.HomeFacts{Documents: ov.Documents, Passages: ov.Passages}
	for _, p := range ov.Publishers {
		f.Publishers = append(f.Publishers, slackbot.PublisherFacts{Name: p.Source, Documents: p.Documents})
	}
	for _, d := range ov.Newest {
		f.Newest = append(f.Newest, slackbot.HomeDocument{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Ingested: d.Ingested})
	}
	// Feed items keep the feed's URL as their origin; the polls are the
	// store's record, written by whichever replica polled, so every
	// replica shows the same and a restart forgets nothing.
	act, err := h.store.OriginActivity(ctx, h.feeds)
	if err != nil {
		return slackbot.HomeFacts{}, err
	}
	polls, err := h.runs.FeedPolls(ctx, h.feeds)
	if err != nil {
		return slackbot.HomeFacts{}, err
	}
	for i, a := range act {
		p := polls[i] // both in the order of h.feeds
		f.Feeds = append(f.Feeds, slackbot.FeedFacts{URL: document.RedactURL(a.Origin), Documents: a.Documents, LastItem: a.LastIngested,
			LastPoll: p.LastPoll, LastSuccess: p.LastSuccess, LastError: p.LastError, Items: p.Items, Added: p.Added})
	}
	if h.sched != nil {
		now := h.now()
		for _, d := range h.sched.Digests() {
			df := slackbot.DigestFacts{Channel: d.Channel, Location: d.Location}
			if d.Schedule != nil {
				df.Next = d.Schedule.Next(now.In(d.Location))
			}
			last, ok, err := h.runs.LastPostedDigest(ctx, d.Channel)
			if err != nil {
				return slackbot.HomeFacts{}, err
			}
			if ok {
				df.LastPosted = last.End
			}
			f.Digests = append(f.Digests, df)
		}
	}
	return f, nil
}

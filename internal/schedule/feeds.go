package schedule

import (
	"context"
	"fmt"
	"time"

	"github.com/mss-brief/briefbot/internal/ledger"
)

// Observer is told what the scheduler did, for metrics kept elsewhere
// (schedule does not know how they are exported). Nil: nobody.
type Observer interface {
	// FeedPolled is one poll of a feed; err is nil when it succeeded.
	FeedPolled(url string, at time.Time, err error)
	// DigestRun is one digest run that did something or failed: outcome
	// is Posted, Repaired or Skipped when err is nil (runs finding the
	// period up to date or busy are not told).
	DigestRun(channel string, outcome Outcome, err error)
}

// observeRun tells the observer of a digest run (scheduled or asked for)
// that did something or failed.
func (s *Scheduler) observeRun(channel string, res Result, err error) {
	if s.obs != nil && (err != nil || (res.Outcome != UpToDate && res.Outcome != Busy)) {
		s.obs.DigestRun(channel, res.Outcome, err)
	}
}

// PollFeeds reads every configured feed once and records each poll in the
// store (Options.Polls), where every replica's home tab, and this one's
// after a restart, reads it. A feed that fails is logged and tried again
// at the next poll; it never stops the others. It returns how many feeds
// failed.
func (s *Scheduler) PollFeeds(ctx context.Context) int {
	if s.poller == nil {
		return 0
	}
	failed := 0
	for _, url := range s.feeds.URLs {
		if ctx.Err() != nil {
			return failed
		}
		fctx, cancel := context.WithTimeout(ctx, runTimeout)
		start := time.Now()
		n, err := s.pollOne(fctx, url)
		cancel()
		if ctx.Err() != nil {
			// Stopped mid-poll: the feed is not to blame, so its record
			// keeps the last poll that ended.
			return failed
		}
		at := s.now()
		s.recordPoll(ctx, url, at, n, err)
		if s.obs != nil {
			s.obs.FeedPolled(url, at, err)
		}
		if err != nil {
			failed++
			s.log.Warn("feed poll failed; trying again at the next poll", "feed", url, "err", err)
			continue
		}
		s.log.Debug("feed polled", "feed", url, "items", n.Items, "added", n.Added, "took", time.Since(start).Round(time.Millisecond))
	}
	return failed
}

// recordPoll writes one poll to the store. A store that cannot take it
// costs the home tab a line, not the poll: it is logged and polling goes on.
func (s *Scheduler) recordPoll(ctx context.Context, url string, at time.Time, n PollCounts, err error) {
	p := ledger.FeedPoll{URL: url, LastPoll: at, Items: n.Items, Added: n.Added}
	if err != nil {
		p.LastError = err.Error()
	}
	if rerr := s.polls.RecordFeedPoll(ctx, p); rerr != nil {
		s.log.Error("feed poll not recorded; the home tab shows the one before", "feed", url, "err", rerr)
	}
}

// pollOne polls one feed, turning a panic in the poller into an error so
// one bad feed cannot take the others down with it.
func (s *Scheduler) pollOne(ctx context.Context, url string) (n PollCounts, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = PollCounts{}, fmt.Errorf("panic: %v", r)
		}
	}()
	return s.poller.PollFeed(ctx, url)
}

package schedule

import (
	"context"
	"fmt"
	"sync"
	"time"
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

// FeedState is what this process last saw of a feed (each replica polls
// the feeds itself, so each keeps its own).
type FeedState struct {
	URL         string
	LastPoll    time.Time // when the last poll ended; zero: not polled yet
	LastSuccess time.Time // zero: no poll has succeeded yet
	LastError   string    // the last poll's error; "" when it succeeded
}

// feedLog keeps each feed's state; the zero value is ready.
type feedLog struct {
	mu    sync.Mutex
	state map[string]FeedState
}

func (l *feedLog) record(url string, at time.Time, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.state == nil {
		l.state = map[string]FeedState{}
	}
	st := l.state[url]
	st.URL, st.LastPoll, st.LastError = url, at, ""
	if err != nil {
		st.LastError = err.Error()
	} else {
		st.LastSuccess = at
	}
	l.state[url] = st
}

// FeedStates says, for each configured feed in order, when this process
// last polled it and how that went.
func (s *Scheduler) FeedStates() []FeedState {
	s.polls.mu.Lock()
	defer s.polls.mu.Unlock()
	out := make([]FeedState, len(s.feeds.URLs))
	for i, url := range s.feeds.URLs {
		out[i] = s.polls.state[url]
		out[i].URL = url
	}
	return out
}

// PollFeeds reads every configured feed once. A feed that fails is logged
// and tried again at the next poll; it never stops the others. It returns
// how many feeds failed.
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
		err := s.pollOne(fctx, url)
		cancel()
		at := s.now()
		s.polls.record(url, at, err)
		if s.obs != nil {
			s.obs.FeedPolled(url, at, err)
		}
		if err != nil {
			failed++
			s.log.Warn("feed poll failed; trying again at the next poll", "feed", url, "err", err)
			continue
		}
		s.log.Debug("feed polled", "feed", url, "took", time.Since(start).Round(time.Millisecond))
	}
	return failed
}

// pollOne polls one feed, turning a panic in the poller into an error so
// one bad feed cannot take the others down with it.
func (s *Scheduler) pollOne(ctx context.Context, url string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return s.poller.PollFeed(ctx, url)
}

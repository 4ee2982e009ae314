package schedule

import (
	"context"
	"fmt"
	"time"
)

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

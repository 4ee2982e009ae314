// Package schedule runs the bot's timed work: each channel's digest on its
// cron schedule, posted exactly once per period whatever happens (restarts,
// crashes mid-post, several bot processes on one store), and feed polling.
//
// Exactly once rests on the store's digest_runs table: a period is claimed
// with a lease before posting, and a claim found still "posting" later
// (its owner died) is repaired by looking for the message in Slack first.
package schedule

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
)

// Publisher posts digests and finds them again; *slackbot.Publisher is one.
type Publisher interface {
	// PostDigest posts d tagged with runKey and returns the message ts. On
	// error the post may or may not have happened.
	PostDigest(ctx context.Context, channel string, d brief.Digest, runKey string) (string, error)
	// FindDigest looks for a message tagged with runKey posted since since.
	FindDigest(ctx context.Context, channel, runKey string, since time.Time) (string, bool, error)
}

// Composer writes the digest of a window; *brief.Digester is one.
type Composer interface {
	Digest(ctx context.Context, r brief.DigestRequest) (brief.Digest, error)
}

// Runs is the record of digest periods; *ledger.Ledger is one.
type Runs interface {
	LastPostedDigest(ctx context.Context, channel string) (ledger.DigestRun, bool, error)
	DigestRunAt(ctx context.Context, channel string, end time.Time) (ledger.DigestRun, bool, error)
	PendingDigestRun(ctx context.Context, channel string, before time.Time) (ledger.DigestRun, bool, error)
	ClaimDigestRun(ctx context.Context, channel string, start, end time.Time, owner string, lease time.Duration) (ledger.DigestRun, bool, error)
	CompleteDigestRun(ctx context.Context, channel string, end time.Time, owner, messageTS string, docIDs []string) error
	AbandonDigestRun(ctx context.Context, channel string, end time.Time, owner string) error
}

// FeedPoller reads one feed and stores what is new in it.
type FeedPoller interface {
	// PollFeed says how many items the feed held and how many of them
	// were new or changed; on error, what it read before failing.
	PollFeed(ctx context.Context, url string) (PollCounts, error)
}

// PollCounts is what one poll of a feed read.
type PollCounts struct {
	Items int // items the feed held
	Added int // of them, documents that were new or changed
}

// Polls is the record of each feed's last poll; *ledger.Ledger is one. It
// is in the store, not in the scheduler, because every replica polls the
// feeds and every replica's home tab shows them.
type Polls interface {
	RecordFeedPoll(ctx context.Context, p ledger.FeedPoll) error
}

// Timing defaults.
const (
	// DefaultLease is how long a claim on a period holds: long enough for
	// one post with its rate-limit waits (the digest is written before
	// claiming), short enough that a crashed owner's period is taken over
	// within minutes.
	DefaultLease = 5 * time.Minute
	// sweepSpec is how often due digests are checked besides their own
	// ticks: this retries failed posts (with backoff), takes over periods
	// whose owner died, and catches up a tick missed while the bot was down.
	sweepSpec = "@every 1m"
	// Retry backoff after a failed run: 1, 2, 4 … minutes, at most 30.
	retryFirst = time.Minute
	retryMax   = 30 * time.Minute
	// runTimeout bounds one digest run or one feed poll.
	runTimeout = 10 * time.Minute
	// findSlack widens the search for a crashed post back in time, for
	// clocks that disagree between the store's host and Slack.
	findSlack = 10 * time.Minute
)

// Options configures a Scheduler.
type Options struct {
	Digests   []DigestConfig
	Feeds     FeedConfig
	Runs      Runs
	Composer  Composer
	Publisher Publisher  // nil: digests are not scheduled (no Slack)
	Poller    FeedPoller // nil: feeds are not polled
	Polls     Polls      // where polls are recorded; required with a Poller and feeds
	// Now is the clock; nil means time.Now. Tests pin it.
	Now func() time.Time
	// Owner names this process in claims; empty means host, pid and a
	// random suffix, unique per process.
	Owner    string
	Lease    time.Duration // 0 means DefaultLease
	Log      *slog.Logger
	Observer Observer // told of feed polls and digest runs (metrics); nil: nobody
}

// Scheduler runs digests and feed polling on their schedules.
type Scheduler struct {
	digests   []Digest
	byChannel map[string]Digest
	feeds     FeedConfig
	runs      Runs
	composer  Composer
	publisher Publisher
	poller    FeedPoller
	now       func() time.Time
	owner     string
	lease     time.Duration
	log       *slog.Logger
	obs       Observer
	polls     Polls

	mu      sync.Mutex
	locks   map[string]*sync.Mutex // one digest run at a time per channel, in this process
	retries map[string]retryState

	cron   *cron.Cron
	cancel context.CancelFunc
	extra  sync.WaitGroup // jobs started outside cron (the catch-up at Start)
}

type retryState struct {
	failures  int
	notBefore time.Time
}

// New checks the configuration and makes a scheduler; Start runs it.
func New(o Options) (*Scheduler, error) {
	if o.Runs == nil || o.Composer == nil {
		return nil, errors.New("schedule: needs the store and a digester")
	}
	s := &Scheduler{
		byChannel: map[string]Digest{}, feeds: o.Feeds, runs: o.Runs, composer: o.Composer,
		publisher: o.Publisher, poller: o.Poller, polls: o.Polls, now: o.Now, owner: o.Owner, lease: o.Lease, log: o.Log, obs: o.Observer,
		locks: map[string]*sync.Mutex{}, retries: map[string]retryState{},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.lease <= 0 {
		s.lease = DefaultLease
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.owner == "" {
		s.owner = processOwner()
	}
	var errs []error
	for i, c := range o.Digests {
		d, err := Resolve(c)
		if err != nil {
			errs = append(errs, fmt.Errorf("digests[%d]: %w", i, err))
			continue
		}
		if _, dup := s.byChannel[d.Channel]; dup {
			// The watermark is per channel: two schedules would eat each
			// other's periods.
			errs = append(errs, fmt.Errorf("digests[%d]: channel %s has a digest already; give each channel one", i, d.Channel))
			continue
		}
		s.byChannel[d.Channel] = d
		s.digests = append(s.digests, d)
	}
	if o.Poller != nil && len(o.Feeds.URLs) > 0 && o.Polls == nil {
		errs = append(errs, errors.New("feeds are polled but not recorded: give Options.Polls (the ledger)"))
	}
	if len(o.Feeds.URLs) > 0 && o.Feeds.Schedule == "" {
		errs = append(errs, errors.New("feeds.schedule: must be a cron expression such as \"*/30 * * * *\" when feeds are given"))
	} else if len(o.Feeds.URLs) > 0 {
		if _, err := specParser().Parse(o.Feeds.Schedule); err != nil {
			errs = append(errs, fmt.Errorf("feeds.schedule %q is not a cron expression such as \"*/30 * * * *\": %w", o.Feeds.Schedule, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("schedule: %w", err)
	}
	return s, nil
}

func processOwner() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(b))
}

// Owner is the name this scheduler claims periods under.
func (s *Scheduler) Owner() string { return s.owner }

// Digests returns the configured digests, resolved.
func (s *Scheduler) Digests() []Digest { return append([]Digest(nil), s.digests...) }

// cronLogger sends cron's own messages (recovered panics, skipped runs) to
// slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append([]any{"err", err}, kv...)...)
}

// Start schedules the jobs and returns; the jobs run until Stop, which
// alone ends them (ctx only lends its values, so a shutdown signal that
// cancels ctx does not cut a post short: Stop lets it finish). Digests are
// scheduled only with a Publisher, feeds only with a Poller. Start also
// checks at once for a digest tick missed while the bot was down.
func (s *Scheduler) Start(ctx context.Context) error {
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	l := cronLogger{s.log}
	c := cron.New(cron.WithParser(specParser()), cron.WithLogger(l), cron.WithChain(cron.Recover(l), cron.SkipIfStillRunning(l)))
	if s.publisher != nil {
		for _, d := range s.digests {
			c.Schedule(d.Schedule, cron.FuncJob(func() { s.runLogged(ctx, d, true) }))
			s.log.Info("digest scheduled", "channel", d.Channel, "schedule", d.Spec, "time_zone", d.Location.String(),
				"next", d.Schedule.Next(s.now()).Format(time.RFC3339))
		}
		if len(s.digests) > 0 {
			if _, err := c.AddFunc(sweepSpec, func() { s.sweep(ctx) }); err != nil {
				cancel()
				return fmt.Errorf("schedule: %w", err)
			}
		}
	}
	if s.poller != nil && len(s.feeds.URLs) > 0 {
		spec := s.feeds.Schedule
		if _, err := c.AddFunc(spec, func() { s.PollFeeds(ctx) }); err != nil {
			cancel()
			return fmt.Errorf("schedule: feeds.schedule %q: %w", spec, err)
		}
		s.log.Info("feeds scheduled", "feeds", len(s.feeds.URLs), "schedule", spec)
	}
	s.cron, s.cancel = c, cancel
	c.Start()
	if s.publisher != nil && len(s.digests) > 0 {
		// A tick missed while down is caught up now, not a period later;
		// through cron's chain so a panic there is recovered too.
		job := cron.NewChain(cron.Recover(l)).Then(cron.FuncJob(func() { s.sweep(ctx) }))
		s.extra.Go(job.Run)
	}
	return nil
}

// Stop stops scheduling and waits for running jobs to finish; when ctx
// ends first, they are cancelled (a digest cut short mid-post is repaired
// by the next run) and Stop returns ctx's error once they have returned.
func (s *Scheduler) Stop(ctx context.Context) error {
	if s.cron == nil {
		return nil
	}
	c, cancel := s.cron, s.cancel
	s.cron = nil
	done := make(chan struct{})
	go func() {
		<-c.Stop().Done()
		s.extra.Wait()
		close(done)
	}()
	defer cancel()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		cancel()
		<-done
		return fmt.Errorf("schedule: stop: jobs cancelled: %w", ctx.Err())
	}
}

// sweep runs every digest that is due and not backing off after a failure.
func (s *Scheduler) sweep(ctx context.Context) {
	for _, d := range s.digests {
		if ctx.Err() != nil {
			return
		}
		s.runLogged(ctx, d, false)
	}
}

// runLogged runs one digest, logs the outcome and keeps the retry state.
// A scheduled tick runs whatever the backoff; a sweep respects it.
func (s *Scheduler) runLogged(ctx context.Context, d Digest, tick bool) {
	now := s.now()
	s.mu.Lock()
	rs := s.retries[d.Channel]
	s.mu.Unlock()
	if !tick && now.Before(rs.notBefore) {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, runTimeout)
	defer cancel()
	res, err := s.RunDue(ctx, d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		rs.failures++
		wait := min(retryFirst<<min(rs.failures-1, 10), retryMax)
		rs.notBefore = s.now().Add(wait)
		s.retries[d.Channel] = rs
		s.log.Error("digest failed; retrying later", "channel", d.Channel, "err", err, "failures", rs.failures, "retry_in", wait)
		return
	}
	delete(s.retries, d.Channel)
	if res.Outcome != UpToDate && res.Outcome != Busy {
		s.log.Info("digest "+string(res.Outcome), "channel", d.Channel, "start", res.Start.Format(time.RFC3339),
			"end", res.End.Format(time.RFC3339), "ts", res.TS, "items", len(res.Digest.Items))
	}
}

// lock serialises digest runs for one channel within this process.
func (s *Scheduler) lock(channel string) *sync.Mutex {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.locks[channel]
	if !ok {
		m = &sync.Mutex{}
		s.locks[channel] = m
	}
	return m
}

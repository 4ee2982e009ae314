package schedule

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
)

// Outcome says what a digest run did.
type Outcome string

const (
	Posted   Outcome = "posted"     // a new message was posted and recorded
	Repaired Outcome = "repaired"   // a crashed run's message was found in Slack and recorded; nothing posted
	Skipped  Outcome = "skipped"    // nothing new and the policy is skip: recorded without a message
	UpToDate Outcome = "up to date" // the period is posted already, or no tick is due
	Busy     Outcome = "busy"       // another process holds the period right now
)

// Result is what one digest run did.
type Result struct {
	Outcome    Outcome
	Start, End time.Time
	TS         string       // the digest's message, when posted or repaired
	Digest     brief.Digest // when one was written
}

// ErrNoPublisher is returned when a digest should be posted but Slack is
// not configured.
var ErrNoPublisher = errors.New("slack is not configured (set SLACK_BOT_TOKEN)")

// RunKey names a channel's period in the message metadata of its post, so
// that a post whose recording was lost can be found again.
func RunKey(channel string, end time.Time) string {
	return "digest:" + channel + ":" + end.UTC().Format(time.RFC3339)
}

// DigestFor returns the channel's configured digest, or the defaults for a
// channel that has none (UTC, default schedule and size, empty weeks
// skipped). Channel "" is no channel: the defaults, for previews.
func (s *Scheduler) DigestFor(channel string) (Digest, error) {
	if d, ok := s.byChannel[channel]; ok {
		return d, nil
	}
	d, err := Resolve(configDigest("default"))
	if err != nil {
		return Digest{}, err
	}
	d.Channel = channel
	return d, nil
}

// RunDue posts d's digest for the period ending at the latest tick of its
// schedule, unless that period is posted already. After downtime across
// several ticks, the one digest covers everything since the last posted
// period: catch-up never comes as a burst.
func (s *Scheduler) RunDue(ctx context.Context, d Digest) (Result, error) {
	now := s.now()
	tick, ok := LatestTick(d.Schedule, now)
	if !ok {
		return Result{Outcome: UpToDate}, nil
	}
	if now.Sub(tick) > FirstRunGrace {
		fresh, err := s.neverRan(ctx, d.Channel, tick)
		if err != nil {
			return Result{}, err
		}
		if fresh {
			return Result{Outcome: UpToDate, End: tick}, nil
		}
	}
	return s.runPeriod(ctx, d, time.Time{}, tick)
}

// FirstRunGrace is how long after a tick a channel's very first digest may
// still go out: a bot deployed at 09:05 posts Monday's digest, but one
// started on Thursday waits for the next tick instead of posting last
// week's news. Once a channel has a digest, missed ticks are always caught
// up.
const FirstRunGrace = time.Hour

// neverRan reports whether the channel has no digest record at all: none
// posted, and no claim on the period ending at tick.
func (s *Scheduler) neverRan(ctx context.Context, channel string, tick time.Time) (bool, error) {
	if _, ok, err := s.runs.LastPostedDigest(ctx, channel); err != nil || ok {
		return false, err
	}
	_, ok, err := s.runs.DigestRunAt(ctx, channel, tick)
	return !ok, err
}

// PostNow posts the channel's digest of everything since its last posted
// period, now (the /brief digest now command). It posts even when nothing
// is new, since someone asked for it; it returns the message ts.
func (s *Scheduler) PostNow(ctx context.Context, channel string) (string, error) {
	res, err := s.Post(ctx, channel, time.Time{})
	if err != nil {
		return "", err
	}
	return res.TS, nil
}

// Post posts the channel's digest of [since, now) (since zero: from the
// watermark), recorded like a scheduled one so the next scheduled digest
// starts where it ends.
func (s *Scheduler) Post(ctx context.Context, channel string, since time.Time) (Result, error) {
	d, err := s.DigestFor(channel)
	if err != nil {
		return Result{}, err
	}
	d.EmptyWeek = EmptyPost
	res, err := s.runPeriod(ctx, d, since, s.now().Truncate(time.Second))
	if err != nil {
		return res, err
	}
	switch res.Outcome {
	case Busy:
		return res, fmt.Errorf("digest for %s: another process is posting one right now; try again in a few minutes", channel)
	case UpToDate:
		return res, fmt.Errorf("digest for %s: one was posted moments ago; nothing to add", channel)
	}
	return res, nil
}

// Preview writes the channel's digest of everything since its last posted
// period, without posting or recording anything.
func (s *Scheduler) Preview(ctx context.Context, channel string) (brief.Digest, error) {
	return s.PreviewSince(ctx, channel, time.Time{})
}

// PreviewSince is Preview with the window's start given (zero: the
// watermark).
func (s *Scheduler) PreviewSince(ctx context.Context, channel string, since time.Time) (brief.Digest, error) {
	d, err := s.DigestFor(channel)
	if err != nil {
		return brief.Digest{}, err
	}
	// The store keeps whole seconds: a preview ends after the current one,
	// so what was stored a moment ago shows. (A recorded digest ends at the
	// current second instead, so nothing stored later in that second is
	// lost between two digests.)
	end := s.now().Truncate(time.Second).Add(time.Second)
	start, _, err := s.window(ctx, d, since, end)
	if err != nil {
		return brief.Digest{}, err
	}
	if !start.Before(end) {
		// Posted this very second: show the empty window, not an error.
		start = end.Add(-time.Second)
	}
	return s.compose(ctx, d, start, end)
}

// window returns the start of the period ending at end: since when given,
// else the channel's watermark (the end of its last posted period), else
// DefaultFirstSpan before end. upToDate reports a watermark at or past end.
func (s *Scheduler) window(ctx context.Context, d Digest, since, end time.Time) (start time.Time, upToDate bool, err error) {
	if !since.IsZero() {
		return since, !since.Before(end), nil
	}
	last, ok, err := s.runs.LastPostedDigest(ctx, d.Channel)
	if err != nil {
		return time.Time{}, false, err
	}
	if ok {
		return last.End, !last.End.Before(end), nil
	}
	return end.Add(-DefaultFirstSpan), false, nil
}

func (s *Scheduler) compose(ctx context.Context, d Digest, start, end time.Time) (brief.Digest, error) {
	dg, err := s.composer.Digest(ctx, brief.DigestRequest{Start: start, End: end, Location: d.Location, MaxItems: d.MaxItems})
	if err != nil {
		return brief.Digest{}, fmt.Errorf("write digest for %s: %w", d.Channel, err)
	}
	return dg, nil
}

// runPeriod posts the digest of the channel's period ending at end exactly
// once. The digest is written first (a model call can be slow), then the
// period is claimed with a lease; a claim left "posting" by a run that
// died is repaired by finding its message in Slack before anything is
// posted; then the post, then the record.
func (s *Scheduler) runPeriod(ctx context.Context, d Digest, since, end time.Time) (res Result, err error) {
	defer func() { s.observeRun(d.Channel, res, err) }()
	if s.publisher == nil {
		return Result{}, ErrNoPublisher
	}
	if d.Channel == "" {
		return Result{}, errors.New("digest: no channel to post to")
	}
	mu := s.lock(d.Channel)
	mu.Lock()
	defer mu.Unlock()

	// An earlier period claimed and not posted comes first: its post may
	// have gone out, so a later digest must wait for it (or for its lease to
	// end) rather than repeat its news or leave it claimed for ever.
	pending, ok, err := s.runs.PendingDigestRun(ctx, d.Channel, end)
	if err != nil {
		return Result{}, err
	}
	if ok {
		res, err := s.runPeriodLocked(ctx, d, time.Time{}, pending.End)
		if err != nil || res.Outcome == Busy {
			return res, err
		}
	}
	return s.runPeriodLocked(ctx, d, since, end)
}

// runPeriodLocked is runPeriod for one period, under the channel's lock.
func (s *Scheduler) runPeriodLocked(ctx context.Context, d Digest, since, end time.Time) (Result, error) {
	start, upToDate, err := s.window(ctx, d, since, end)
	if err != nil {
		return Result{}, err
	}
	res := Result{Outcome: UpToDate, Start: start, End: end}
	if upToDate {
		return res, nil
	}
	prev, existed, err := s.runs.DigestRunAt(ctx, d.Channel, end)
	if err != nil {
		return res, err
	}
	if existed {
		if prev.Taken(s.owner, s.now()) {
			if prev.Status != ledger.DigestPosted {
				res.Outcome = Busy
			}
			return res, nil
		}
		// A claim of ours or an expired one: keep the period it was
		// claimed for, since its message may carry that content.
		start, res.Start = prev.Start, prev.Start
	}
	dg, err := s.compose(ctx, d, start, end)
	if err != nil {
		return res, err
	}
	run, took, err := s.runs.ClaimDigestRun(ctx, d.Channel, start, end, s.owner, s.lease)
	if err != nil {
		return res, err
	}
	if !took {
		if run.Status == ledger.DigestPosted {
			return res, nil
		}
		res.Outcome = Busy
		return res, nil
	}
	// Taken over: an earlier owner's claim, whose post may have happened.
	takenOver := existed || run.Created.Before(run.Updated)
	if !run.Start.Equal(start) {
		// Someone claimed this period from another watermark first.
		start, res.Start = run.Start, run.Start
		if dg, err = s.compose(ctx, d, start, end); err != nil {
			if takenOver {
				return res, err // keep the claim: the next run looks in Slack first
			}
			return res, s.abandon(ctx, d.Channel, end, err)
		}
	}
	res.Digest = dg
	key := RunKey(d.Channel, end)
	if takenOver {
		// The earlier owner may have posted and died before recording it.
		// Never post blind: if Slack cannot tell, wait.
		ts, found, err := s.publisher.FindDigest(ctx, d.Channel, key, run.Created.Add(-findSlack))
		if err != nil {
			return res, fmt.Errorf("digest %s: cannot check whether an interrupted post went out, so not posting (the bot needs the channels:history scope): %w", key, err)
		}
		if found {
			if err := s.record(ctx, d.Channel, end, ts, dg.DocIDs()); err != nil {
				return res, err
			}
			res.Outcome, res.TS = Repaired, ts
			return res, nil
		}
	}
	if len(dg.Items) == 0 && d.EmptyWeek == EmptySkip {
		// Recorded as done without a message, so the watermark moves on:
		// the next digest starts at end, and nothing is lost because
		// nothing entered the store in [start, end).
		if err := s.runs.CompleteDigestRun(ctx, d.Channel, end, s.owner, "", nil); err != nil {
			return res, err
		}
		res.Outcome = Skipped
		return res, nil
	}
	ts, err := s.publisher.PostDigest(ctx, d.Channel, dg, key)
	if err != nil {
		// The post may have happened: keep the claim, so the next attempt
		// looks for it before posting again.
		return res, fmt.Errorf("post digest %s: %w", key, err)
	}
	res.TS = ts
	if err := s.record(ctx, d.Channel, end, ts, dg.DocIDs()); err != nil {
		if errors.Is(err, ledger.ErrNotOwner) {
			// Our lease ran out while we posted: the replica that took the
			// period over looks in Slack for this message before posting.
			return res, fmt.Errorf("digest %s posted as %s after this replica's lease ran out, so not recorded here: %w", key, ts, err)
		}
		return res, fmt.Errorf("digest %s posted as %s but not recorded (the next run will find it): %w", key, ts, err)
	}
	res.Outcome = Posted
	return res, nil
}

// record marks the period posted as ts. Once Slack has the message,
// recording it must not be cut short by a shutdown cancelling ctx.
func (s *Scheduler) record(ctx context.Context, channel string, end time.Time, ts string, docIDs []string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return s.runs.CompleteDigestRun(ctx, channel, end, s.owner, ts, docIDs)
}

// abandon drops our claim on a period whose post certainly did not happen,
// so it can be tried again at once, and returns cause.
func (s *Scheduler) abandon(ctx context.Context, channel string, end time.Time, cause error) error {
	// The run's context may be what failed: drop the claim regardless.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := s.runs.AbandonDigestRun(ctx, channel, end, s.owner); err != nil {
		return errors.Join(cause, err)
	}
	return cause
}

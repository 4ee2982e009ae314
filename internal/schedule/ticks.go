package schedule

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mss-brief/briefbot/internal/brief"
)

// Digest defaults, for digests configured without them and for channels
// with no digest configured.
const (
	DefaultSchedule  = "0 9 * * MON"
	DefaultMaxItems  = brief.DefaultDigestItems
	DefaultFirstSpan = 7 * 24 * time.Hour // the first digest of a channel covers this much
	EmptySkip        = "skip"
	EmptyPost        = "post"
)

// DigestConfig is one digest as configured (cmd/bot copies it from the
// configuration file); empty fields take the defaults above.
type DigestConfig struct {
	Channel   string
	Schedule  string // cron; DefaultSchedule when empty
	TimeZone  string // IANA name; UTC when empty
	MaxItems  int    // DefaultMaxItems when 0
	EmptyWeek string // EmptySkip (when empty) or EmptyPost
}

// FeedConfig is which feeds are polled, and when.
type FeedConfig struct {
	Schedule string // cron; required when URLs are given
	URLs     []string
}

// Digest is one configured digest, resolved: its schedule parsed in its
// zone.
type Digest struct {
	Channel   string
	Spec      string        // the cron expression as configured
	Schedule  cron.Schedule // fires in Location
	Location  *time.Location
	MaxItems  int
	EmptyWeek string // EmptySkip or EmptyPost
}

// specParser reads standard five-field cron expressions and descriptors
// such as @weekly, with an optional CRON_TZ= prefix.
func specParser() cron.Parser {
	return cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
}

// Resolve fills in a configured digest's defaults and parses its schedule
// in its time zone. Errors name the key to fix.
func Resolve(c DigestConfig) (Digest, error) {
	d := Digest{Channel: strings.TrimSpace(c.Channel), Spec: strings.TrimSpace(c.Schedule), MaxItems: c.MaxItems, EmptyWeek: c.EmptyWeek}
	if d.Channel == "" {
		return Digest{}, errors.New("digest channel: must name a Slack channel id such as C0123456789")
	}
	if d.Spec == "" {
		d.Spec = DefaultSchedule
	}
	if d.MaxItems <= 0 {
		d.MaxItems = DefaultMaxItems
	}
	switch d.EmptyWeek {
	case "":
		d.EmptyWeek = EmptySkip
	case EmptySkip, EmptyPost:
	default:
		return Digest{}, fmt.Errorf("digest %s: empty_week %q is not one of skip, post", d.Channel, c.EmptyWeek)
	}
	zone := strings.TrimSpace(c.TimeZone)
	if zone == "" {
		zone = "UTC"
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return Digest{}, fmt.Errorf("digest %s: time_zone %q is not an IANA zone such as Africa/Nairobi: %w", d.Channel, zone, err)
	}
	d.Location = loc
	if strings.HasPrefix(d.Spec, "TZ=") || strings.HasPrefix(d.Spec, "CRON_TZ=") {
		return Digest{}, fmt.Errorf("digest %s: schedule %q: give the zone in time_zone, not in the schedule", d.Channel, d.Spec)
	}
	if strings.HasPrefix(d.Spec, "@every") {
		// A constant delay has no fixed ticks to hang periods on.
		return Digest{}, fmt.Errorf("digest %s: schedule %q: use a cron expression such as %q, not @every", d.Channel, d.Spec, DefaultSchedule)
	}
	sched, err := specParser().Parse("CRON_TZ=" + loc.String() + " " + d.Spec)
	if err != nil {
		return Digest{}, fmt.Errorf("digest %s: schedule %q is not a cron expression such as %q: %w", d.Channel, d.Spec, DefaultSchedule, err)
	}
	if sched.Next(time.Now()).IsZero() {
		return Digest{}, fmt.Errorf("digest %s: schedule %q never fires", d.Channel, d.Spec)
	}
	d.Schedule = sched
	return d, nil
}

// LatestTick returns the latest time at or before now when s fires, and
// false when it has not fired in the last five years. cron schedules only
// look forward (Next), so this walks forward from a point far enough back.
func LatestTick(s cron.Schedule, now time.Time) (time.Time, bool) {
	// Search back ever further: the first span that holds a tick is walked
	// forward, so the walk stays short for any schedule from every minute
	// to yearly.
	lookbacks := [...]time.Duration{time.Minute, time.Hour, 24 * time.Hour, 8 * 24 * time.Hour, 32 * 24 * time.Hour,
		367 * 24 * time.Hour, 5 * 367 * 24 * time.Hour}
	for _, back := range lookbacks {
		t := s.Next(now.Add(-back))
		if t.IsZero() || t.After(now) {
			continue
		}
		for {
			n := s.Next(t)
			if n.IsZero() || n.After(now) {
				return t, true
			}
			t = n
		}
	}
	return time.Time{}, false
}

// configDigest is the configuration of a channel with no digest of its
// own: every default.
func configDigest(channel string) DigestConfig { return DigestConfig{Channel: channel} }

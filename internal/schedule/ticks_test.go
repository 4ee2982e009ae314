package schedule

import (
	"strings"
	"testing"
	"time"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLatestTickAcrossDST(t *testing.T) {
	t.Parallel()
	d, err := Resolve(DigestConfig{Channel: "C1", TimeZone: "America/New_York"}) // default: Mondays 09:00
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		now  string
		want string
	}{
		// 2026-03-08: clocks go forward; 09:00 EST is 14:00Z, 09:00 EDT 13:00Z.
		{"monday before spring change, at the tick", "2026-03-02T14:00:00Z", "2026-03-02T14:00:00Z"},
		{"monday after spring change, a second before", "2026-03-09T12:59:59Z", "2026-03-02T14:00:00Z"},
		{"monday after spring change, at the tick", "2026-03-09T13:00:00Z", "2026-03-09T13:00:00Z"},
		{"midweek after spring change", "2026-03-11T20:00:00Z", "2026-03-09T13:00:00Z"},
		// 2026-11-01: clocks go back.
		{"monday before autumn change", "2026-10-26T13:00:30Z", "2026-10-26T13:00:00Z"},
		{"monday after autumn change, an hour early in UTC terms", "2026-11-02T13:30:00Z", "2026-10-26T13:00:00Z"},
		{"monday after autumn change, at the tick", "2026-11-02T14:00:00Z", "2026-11-02T14:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := LatestTick(d.Schedule, utc(tt.now))
			if !ok || !got.Equal(utc(tt.want)) {
				t.Errorf("LatestTick(%s) = %s, %v; want %s", tt.now, got.UTC().Format(time.RFC3339), ok, tt.want)
			}
			if local := got.In(d.Location); local.Hour() != 9 || local.Minute() != 0 || local.Weekday() != time.Monday {
				t.Errorf("tick %s is not Monday 09:00 local", local)
			}
		})
	}
	// A year of ticks: always Monday 09:00 in New York, so the periods are
	// 167 or 169 hours long across the changes and 168 otherwise.
	tick := utc("2026-01-05T14:00:00Z")
	lengths := map[time.Duration]int{}
	for range 52 {
		next := d.Schedule.Next(tick)
		if l := next.In(d.Location); l.Hour() != 9 || l.Weekday() != time.Monday {
			t.Fatalf("tick after %s is %s", tick, l)
		}
		lengths[next.Sub(tick)]++
		tick = next
	}
	if lengths[167*time.Hour] != 1 || lengths[169*time.Hour] != 1 || lengths[168*time.Hour] != 50 {
		t.Errorf("period lengths %v: want one of 167h, one of 169h, the rest 168h", lengths)
	}
}

func TestLatestTickSchedules(t *testing.T) {
	t.Parallel()
	now := utc("2026-03-11T10:17:30Z")
	tests := []struct {
		spec, zone, want string
	}{
		{"* * * * *", "", "2026-03-11T10:17:00Z"},
		{"*/5 * * * *", "", "2026-03-11T10:15:00Z"},
		{"0 9 * * *", "Africa/Nairobi", "2026-03-11T06:00:00Z"},
		{"0 9 1 * *", "UTC", "2026-03-01T09:00:00Z"},
		{"@yearly", "UTC", "2026-01-01T00:00:00Z"},
		{"0 0 29 2 *", "UTC", "2024-02-29T00:00:00Z"},
	}
	for _, tt := range tests {
		d, err := Resolve(DigestConfig{Channel: "C1", Schedule: tt.spec, TimeZone: tt.zone})
		if err != nil {
			t.Fatalf("%s: %v", tt.spec, err)
		}
		got, ok := LatestTick(d.Schedule, now)
		if !ok || !got.Equal(utc(tt.want)) {
			t.Errorf("%s in %q: LatestTick = %s, %v; want %s", tt.spec, tt.zone, got.UTC().Format(time.RFC3339), ok, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	d, err := Resolve(DigestConfig{Channel: " C1 "})
	if err != nil {
		t.Fatal(err)
	}
	if d.Channel != "C1" || d.Spec != DefaultSchedule || d.Location.String() != "UTC" || d.MaxItems != 8 || d.EmptyWeek != EmptySkip {
		t.Errorf("defaults: %+v", d)
	}
	bad := []struct {
		c    DigestConfig
		want string
	}{
		{DigestConfig{}, "channel"},
		{DigestConfig{Channel: "C1", TimeZone: "Mars/Olympus"}, "time_zone"},
		{DigestConfig{Channel: "C1", Schedule: "every monday"}, "not a cron expression"},
		{DigestConfig{Channel: "C1", Schedule: "@every 1h"}, "not @every"},
		{DigestConfig{Channel: "C1", Schedule: "CRON_TZ=UTC 0 9 * * MON"}, "time_zone"},
		{DigestConfig{Channel: "C1", EmptyWeek: "maybe"}, "empty_week"},
		{DigestConfig{Channel: "C1", Schedule: "0 0 30 2 *"}, "never fires"},
	}
	for _, tt := range bad {
		_, err := Resolve(tt.c)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Resolve(%+v) = %v; want an error naming %q", tt.c, err, tt.want)
		}
	}
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/schedule"
	"github.com/mss-brief/briefbot/internal/slackbot"
	"github.com/mss-brief/briefbot/prompts"
)

// cmdDigest prints or posts a digest now.
func cmdDigest(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "digest", "")
	channel := fs.String("channel", "", "Slack channel `id` whose digest settings and watermark apply (default: the only configured digest)")
	since := fs.String("since", "", "start the window at `DATE` (YYYY-MM-DD in the digest's time zone, or RFC 3339) instead of the last posted digest")
	dryRun := fs.Bool("dry-run", false, "print the digest; post and record nothing")
	asJSON := fs.Bool("json", false, "print the digest as JSON, each item with its cited documents")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q (flags only; see bot digest -h)", rest[0])}
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	ch, err := digestChannel(cfg, *channel)
	if err != nil {
		return err
	}
	post := !*dryRun
	if post && cfg.Secrets.SlackBotToken == "" && *channel != "" {
		return fmt.Errorf("cannot post to %s: SLACK_BOT_TOKEN is not set (export the bot token, or add --dry-run to print the digest)", *channel)
	}
	if post && cfg.Secrets.SlackBotToken == "" {
		fmt.Fprintln(e.stderr, "SLACK_BOT_TOKEN is not set: printing the digest instead of posting it (dry run: nothing recorded).")
		post = false
	}
	if post && ch == "" {
		return usageError{"--channel is needed to post a digest (no digest is configured); add --dry-run to print one"}
	}

	store, err := openStore(ctx, e, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	var pub schedule.Publisher
	if post {
		pub = digestPublisher(e.log, cfg)
	}
	sched, err := newScheduler(e, cfg, store, pub, nil)
	if err != nil {
		return err
	}
	d, err := sched.DigestFor(ch)
	if err != nil {
		return err
	}
	start, err := parseSince(*since, d.Location, time.Now())
	if err != nil {
		return err
	}

	var dg brief.Digest
	var res schedule.Result
	if post {
		res, err = sched.Post(ctx, ch, start)
		if err != nil {
			return err
		}
		dg = res.Digest
	} else if dg, err = sched.PreviewSince(ctx, ch, start); err != nil {
		return err
	}
	if *asJSON {
		return writeDigestJSON(e.stdout, ch, dg, res.TS)
	}
	writeDigest(e.stdout, ch, dg)
	switch {
	case post:
		fmt.Fprintf(e.stdout, "\nPosted to %s (message ts %s); the next scheduled digest starts at %s.\n", ch, res.TS, res.End.In(d.Location).Format("2 Jan 2006 15:04 MST"))
	default:
		fmt.Fprintln(e.stdout, "\nDry run: nothing posted or recorded.")
	}
	return nil
}

// digestChannel picks the channel: the flag, else the only configured
// digest's, else none (defaults apply; printing only).
func digestChannel(cfg config.Config, flagValue string) (string, error) {
	if ch := strings.TrimSpace(flagValue); ch != "" {
		return ch, nil
	}
	switch len(cfg.Digests) {
	case 0:
		return "", nil
	case 1:
		return cfg.Digests[0].Channel, nil
	}
	var chs []string
	for _, d := range cfg.Digests {
		chs = append(chs, d.Channel)
	}
	return "", usageError{fmt.Sprintf("several digests are configured: choose one with --channel (%s)", strings.Join(chs, ", "))}
}

// parseSince reads --since: a date (midnight in the digest's zone) or an
// RFC 3339 time, which must lie in the past.
func parseSince(s string, loc *time.Location, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, s); err != nil {
			return time.Time{}, usageError{fmt.Sprintf("--since %q: give a date as YYYY-MM-DD or a time as 2026-03-02T09:00:00Z", s)}
		}
	}
	if !t.Before(now) {
		return time.Time{}, usageError{fmt.Sprintf("--since %s is not in the past", s)}
	}
	return t, nil
}

// slackCallTimeout bounds one Web API call of a digest post, well inside
// the scheduler's lease on the period.
const slackCallTimeout = 30 * time.Second

// digestPublisher posts digests with the bot token.
func digestPublisher(log *slog.Logger, cfg config.Config) *slackbot.Publisher {
	hc := &http.Client{Timeout: slackCallTimeout}
	return slackbot.NewPublisher(slackbot.NewClient(cfg.Secrets.SlackBotToken, "", cfg.Secrets.SlackAPIURL, hc, log), log)
}

// newServeScheduler is the scheduler `bot serve` runs: digests posted
// with the bot token, feeds polled into the store. It is also what the
// Slack layer's "/brief digest preview|now" calls (Preview, PostNow).
func newServeScheduler(e *env, cfg config.Config, store *corpus.Store) (*schedule.Scheduler, error) {
	var pub schedule.Publisher
	if cfg.Secrets.SlackBotToken != "" {
		pub = digestPublisher(e.log, cfg)
	}
	opts := ingestOptions(cfg.Ingest, nil)
	opts.Observer = e.ingestObserver()
	return newScheduler(e, cfg, store, pub, corpus.NewIngester(ingestStore(e, cfg, store), opts))
}

// newScheduler wires the digest scheduler from the configuration: the
// digester (with the language model when one is configured), the store's
// digest records, pub for posting (nil: preview only) and the feed ingester
// (nil: no feed polling). `bot serve` calls it with its Slack publisher.
func newScheduler(e *env, cfg config.Config, store *corpus.Store, pub schedule.Publisher, ingester *corpus.Ingester) (*schedule.Scheduler, error) {
	g, err := newDigester(e, cfg, store)
	if err != nil {
		return nil, err
	}
	book := ledger.New(store.Database())
	o := schedule.Options{Digests: digestConfigs(cfg.Digests), Feeds: schedule.FeedConfig{Schedule: cfg.Feeds.Schedule, URLs: cfg.Feeds.URLs}, Runs: book, Composer: g, Publisher: pub, Log: e.log,
		Lease: cfg.DigestLease, Observer: e.scheduleObserver()}
	if ingester != nil {
		o.Poller, o.Polls = feedIngester{ingester}, book
	}
	return schedule.New(o)
}

// newDigester makes the digester: through the language model when one is
// configured, else extractive.
func newDigester(e *env, cfg config.Config, store *corpus.Store) (*brief.Digester, error) {
	dc := brief.DigesterConfig{Store: store, Topic: cfg.Topic.Name, Log: e.log}
	dc.TopicNames = append(dc.TopicNames, cfg.Topic.Name)
	for _, group := range cfg.Topic.Aliases {
		dc.TopicNames = append(dc.TopicNames, group...)
	}
	if cfg.LLMConfigured() {
		model, err := brief.NewOpenAIChat(openAIConfig(cfg.LLM), cfg.Secrets.OpenAIKey, e.modelOptions()...)
		if err != nil {
			return nil, err
		}
		p, err := prompts.Load(cfg.Prompts.Dir, "digest.tmpl")
		if err != nil {
			return nil, err
		}
		dc.Model, dc.Prompt = model, p
	}
	return brief.NewDigester(dc)
}

// feedIngester polls one feed through the corpus ingester.
type feedIngester struct{ in *corpus.Ingester }

// PollFeed reads the feed and its items; any item that failed fails the
// poll (its error names the item), after the others were stored.
func (f feedIngester) PollFeed(ctx context.Context, url string) (schedule.PollCounts, error) {
	var errs []error
	var n schedule.PollCounts
	for _, r := range f.in.IngestFeeds(ctx, []string{url}) {
		if r.Feed != "" { // an item; the feed's own result (when it failed, or had none) has no Feed
			n.Items++
			if r.Outcome == corpus.Added || r.Outcome == corpus.Updated {
				n.Added++
			}
		}
		if r.Outcome == corpus.Failed {
			errs = append(errs, fmt.Errorf("%s: %w", r.Input, r.Err))
		}
	}
	return n, errors.Join(errs...)
}

// writeDigest prints a digest for a reader: a header naming the period and
// zone, then numbered stories, each with its summary and sources.
func writeDigest(w io.Writer, channel string, d brief.Digest) {
	name := "Digest"
	if channel != "" {
		name += " for " + channel
	}
	fmt.Fprintf(w, "%s: %s (%s)\n", name, d.Period(), d.TimeZone)
	switch {
	case d.Mode == brief.ModeExtractive && d.Note != "":
		fmt.Fprintf(w, "Extractive (titles and lead sentences): %s\n", d.Note)
	case d.Note != "":
		fmt.Fprintln(w, d.Note)
	}
	if len(d.Items) == 0 {
		fmt.Fprintln(w, "\nNothing new entered the corpus in this period.")
		return
	}
	for i, it := range d.Items {
		fmt.Fprintf(w, "\n%d. %s\n   %s\n", i+1, it.Headline, it.Summary)
		for _, n := range it.Cites {
			fmt.Fprintf(w, "   %s\n", digestSourceLine(d.Citations[n-1]))
		}
	}
}

func digestSourceLine(c brief.Citation) string {
	parts := []string{"publisher unknown"}
	if c.Source != "" {
		parts[0] = c.Source
	}
	if c.Published != nil {
		parts = append(parts, c.Published.Format(time.DateOnly))
	} else {
		parts = append(parts, "date unknown")
	}
	line := fmt.Sprintf("[%d] %s — %s", c.N, c.Title, strings.Join(parts, ", "))
	if c.URL != "" {
		line += " <" + c.URL + ">"
	}
	return line
}

// digestJSON is the --json shape: each item with the documents it cites.
type digestJSON struct {
	Channel  string           `json:"channel,omitempty"`
	Start    time.Time        `json:"start"`
	End      time.Time        `json:"end"`
	TimeZone string           `json:"time_zone"`
	Mode     brief.Mode       `json:"mode"`
	Note     string           `json:"note,omitempty"`
	TS       string           `json:"message_ts,omitempty"`
	Items    []digestItemJSON `json:"items"`
}

type digestItemJSON struct {
	Headline string           `json:"headline"`
	Summary  string           `json:"summary"`
	Sources  []digestDocument `json:"sources"`
}

type digestDocument struct {
	N int `json:"n"`
	docJSON
}

func writeDigestJSON(w io.Writer, channel string, d brief.Digest, ts string) error {
	out := digestJSON{Channel: channel, Start: d.Start, End: d.End, TimeZone: d.TimeZone, Mode: d.Mode, Note: d.Note, TS: ts,
		Items: []digestItemJSON{}}
	for _, it := range d.Items {
		item := digestItemJSON{Headline: it.Headline, Summary: it.Summary, Sources: []digestDocument{}}
		for _, n := range it.Cites {
			c := d.Citations[n-1]
			item.Sources = append(item.Sources, digestDocument{N: c.N, docJSON: newDocJSON(c.DocID, c.Title, c.Source, c.URL, timeOf(c.Published))})
		}
		out.Items = append(out.Items, item)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// digestConfigs are the configured digests as the scheduler takes them.
func digestConfigs(ds []config.Digest) []schedule.DigestConfig {
	out := make([]schedule.DigestConfig, len(ds))
	for i, d := range ds {
		out[i] = schedule.DigestConfig{Channel: d.Channel, Schedule: d.Schedule, TimeZone: d.TimeZone, MaxItems: d.MaxItems, EmptyWeek: d.EmptyWeek}
	}
	return out
}

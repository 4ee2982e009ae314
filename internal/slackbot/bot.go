// Package slackbot is the bot's Slack transport: the slash command,
// @mentions, threads and DMs over Socket Mode or HTTP (signed requests),
// a bounded worker pool behind a fast acknowledgement, exactly-once replies
// through claims in the store, Block Kit rendering, and the digest
// publisher. What to say comes from elsewhere (an Answerer, Digests).
package slackbot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
)

// Answerer answers a question; *brief.Answerer is one.
type Answerer interface {
	Answer(ctx context.Context, req brief.Request) (brief.Answer, error)
}

// Ledger is the bookkeeping the bot keeps; *ledger.Ledger is one.
type Ledger interface {
	Claim(ctx context.Context, key string, ttl time.Duration) (bool, error)
	Release(ctx context.Context, key string) error
	RecordAnswer(ctx context.Context, a ledger.AnswerRecord) (int64, error)
	Answer(ctx context.Context, id int64) (ledger.AnswerRecord, error)
	RecordFeedback(ctx context.Context, f ledger.Feedback) error
	MarkThread(ctx context.Context, channel, threadTS, kind string) error
	ThreadKind(ctx context.Context, channel, threadTS string) (string, bool, error)
	DigestDocs(ctx context.Context, channel, messageTS string) ([]string, bool, error)
}

// Store is the corpus "/brief sources" lists (through brief); *corpus.Store
// is one.
type Store = brief.DocumentLister

// Adder ingests a web page for "/brief add <url>" and says what it added.
type Adder interface {
	AddURL(ctx context.Context, url string) (summary string, err error)
}

// Digests makes and posts digests for "/brief digest preview|now".
type Digests interface {
	Preview(ctx context.Context, channel string) (brief.Digest, error)
	PostNow(ctx context.Context, channel string) (ts string, err error)
}

// Settings are how the transport behaves; cmd/bot copies them from the
// configuration's slack section, whose defaults (config.Default) are the
// only ones: New takes the values as given.
type Settings struct {
	Command         string        // the slash command; empty: /brief, as slack-app-manifest.yaml declares it
	Admins          []string      // user ids allowed "add" and "digest now"
	Channels        []string      // allow-list; empty: all
	Workers         int           // answer workers; 0: sized for the work
	Queue           int           // questions waiting for a worker before "busy"; 0: none wait
	QueueWait       time.Duration // longest a question waits; 0: no limit
	MaxBodyBytes    int64         // HTTP request cap; required in HTTP mode
	DedupeTTL       time.Duration // how long event ids are remembered; at least 10 minutes
	ShutdownTimeout time.Duration // drain time on shutdown; 0: work in flight is cancelled at once
}

// Topic is what the help text says the bot is about.
type Topic struct {
	Name     string
	Examples []string // questions to suggest
}

// Options is what a Bot is made of.
type Options struct {
	Settings Settings // command, admins, channels, pool, limits
	Topic    Topic    // examples for the help text

	BotToken      string // SLACK_BOT_TOKEN
	AppToken      string // SLACK_APP_TOKEN: set means Socket Mode
	SigningSecret string // SLACK_SIGNING_SECRET: needed for HTTP mode
	APIURL        string // SLACK_API_URL; empty: Slack itself

	Answerer Answerer
	Store    Store
	Ledger   Ledger
	Adder    Adder   // nil: "/brief add" says adding is not configured
	Digests  Digests // nil: "/brief digest" says digests are not configured
	Home     Home    // nil: the home tab shows only how to ask

	Log        *slog.Logger
	Registry   *prometheus.Registry // metrics go here; nil: a new one
	HTTPClient *http.Client         // for the Web API and response_url posts
	Now        func() time.Time     // the clock signatures are checked against
	// StreamInterval is the least time between redraws of an answer the
	// model is still writing; 0: one second, as Slack's chat.update allows.
	StreamInterval time.Duration
	// PingInterval overrides how long Socket Mode waits for Slack's pings
	// before reconnecting (tests with a fake server); 0: slack-go's 30s.
	PingInterval time.Duration
}

// Bot is the running Slack transport.
type Bot struct {
	opt      Options
	set      Settings
	log      *slog.Logger
	api      *slack.Client
	pub      *Publisher
	verify   *verifier
	metrics  *metrics
	pool     *pool
	admins   map[string]bool
	channels map[string]bool
	hasModel bool // answers wait on a remote model (I/O), not the CPU

	botUserID string
	botID     string
	teamID    string

	streams  streamSupport // workspaces that refused native streaming
	statuses streamSupport // workspaces that refused thread status in channels

	draining chan struct{} // closed when shutdown starts
	aux      sync.WaitGroup
}

// Slack's documented timings the bot works within.
const (
	ackBudget        = 3 * time.Second  // Slack retries an event not acked in this
	minDedupeTTL     = 10 * time.Minute // Slack retries an event up to about 5 minutes after it
	authTestDeadline = 15 * time.Second
)

// manifestCommand is the slash command slack-app-manifest.yaml declares (a
// test holds them together); the help text names it when no other is set.
const manifestCommand = "/brief"

// New checks the tokens with Slack (auth.test) and returns a Bot ready to
// Run. A missing or refused token is an error naming its variable.
func New(ctx context.Context, opt Options) (*Bot, error) {
	if opt.Answerer == nil || opt.Store == nil || opt.Ledger == nil {
		return nil, errors.New("slackbot: New needs an Answerer, a Store and a Ledger")
	}
	if err := CheckSecrets(opt.BotToken, opt.AppToken, opt.SigningSecret); err != nil {
		return nil, err
	}
	set := opt.Settings
	if set.Command == "" {
		set.Command = manifestCommand
	}
	if !strings.HasPrefix(set.Command, "/") {
		return nil, fmt.Errorf("slackbot: Settings.Command %q must be a slash command such as /brief (slack.command)", set.Command)
	}
	if opt.AppToken == "" && set.MaxBodyBytes <= 0 {
		return nil, errors.New("slackbot: HTTP mode needs a positive Settings.MaxBodyBytes (slack.max_body_bytes)")
	}
	set.Queue = max(set.Queue, 0)
	set.ShutdownTimeout = max(set.ShutdownTimeout, 0)
	// Not a default but a floor: a shorter memory would answer Slack's
	// retries of an event twice.
	set.DedupeTTL = max(set.DedupeTTL, minDedupeTTL)
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	// An answerer that cannot say is taken to wait on I/O, as a model does.
	hasModel := true
	if m, ok := opt.Answerer.(interface{ HasModel() bool }); ok {
		hasModel = m.HasModel()
	}
	if n := poolWorkers(set.Workers, hasModel, procs()); n != set.Workers {
		if set.Workers > n {
			opt.Log.Info("no language model: answering on fewer workers, as the work is CPU-bound", "workers", n, "configured", set.Workers)
		}
		set.Workers = n
	}
	if set.QueueWait < 0 {
		set.QueueWait = 0
	}
	if opt.Registry == nil {
		opt.Registry = prometheus.NewRegistry()
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.HTTPClient == nil {
		opt.HTTPClient = &http.Client{Timeout: 30 * time.Second}
	}
	if opt.HTTPClient.Transport == nil {
		// Every worker talks to the same two hosts (the Web API and
		// response_url): keep a connection per worker instead of
		// DefaultTransport's two.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = set.Workers + 4
		hc := *opt.HTTPClient
		hc.Transport = t
		opt.HTTPClient = &hc
	}
	b := &Bot{
		opt:      opt,
		set:      set,
		log:      opt.Log,
		api:      NewClient(opt.BotToken, opt.AppToken, opt.APIURL, opt.HTTPClient, opt.Log),
		verify:   &verifier{secret: []byte(opt.SigningSecret), now: opt.Now},
		admins:   toSet(set.Admins),
		channels: toSet(set.Channels),
		hasModel: hasModel,
		draining: make(chan struct{}),
	}
	b.pub = NewPublisher(b.api, b.log)
	m, err := newMetrics(opt.Registry)
	if err != nil {
		return nil, err
	}
	b.metrics = m

	actx, cancel := context.WithTimeout(ctx, authTestDeadline)
	defer cancel()
	auth, err := b.api.AuthTestContext(actx)
	if err != nil {
		var se slack.SlackErrorResponse
		if errors.As(err, &se) || isAuthError(err) {
			return nil, fmt.Errorf("SLACK_BOT_TOKEN was refused by Slack (auth.test: %w): reinstall the app and copy the Bot User OAuth Token again", err)
		}
		return nil, fmt.Errorf("checking SLACK_BOT_TOKEN with auth.test: %w (is SLACK_API_URL right and Slack reachable?)", err)
	}
	b.botUserID, b.botID, b.teamID = auth.UserID, auth.BotID, auth.TeamID
	return b, nil
}

// CheckSecrets says what is missing or malformed among the Slack secrets,
// naming the variable to set, before anything else starts: a bot token,
// and an app-level token (Socket Mode) or a signing secret (HTTP mode).
func CheckSecrets(botToken, appToken, signingSecret string) error {
	switch {
	case botToken == "":
		return errors.New("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page")
	case !strings.HasPrefix(botToken, "xoxb-"):
		return errors.New("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)")
	case appToken == "" && signingSecret == "":
		return errors.New("set SLACK_APP_TOKEN (xapp-…, for Socket Mode) or SLACK_SIGNING_SECRET (for HTTP mode, from Basic Information)")
	case appToken != "" && !strings.HasPrefix(appToken, "xapp-"):
		return errors.New("SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)")
	}
	return nil
}

func isAuthError(err error) bool {
	s := err.Error()
	for _, code := range []string{"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope", "not_allowed_token_type"} {
		if strings.Contains(s, code) {
			return true
		}
	}
	return false
}

func toSet(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		if s = strings.TrimSpace(s); s != "" {
			m[s] = true
		}
	}
	return m
}

// BotUserID is the bot's own user id, from auth.test.
func (b *Bot) BotUserID() string { return b.botUserID }

// Client is the Web API client the bot uses (the digest scheduler can share it).
func (b *Bot) Client() *slack.Client { return b.api }

// Publisher posts digests through the bot's client.
func (b *Bot) Publisher() *Publisher { return b.pub }

// SocketMode reports whether the bot talks to Slack over Socket Mode.
func (b *Bot) SocketMode() bool { return b.opt.AppToken != "" }

// Run listens on addr and serves until ctx is cancelled, then drains.
func (b *Bot) Run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (choose another with --addr)", addr, err)
	}
	return b.Serve(ctx, ln)
}

// Serve runs the bot with ln for HTTP (Slack's requests in HTTP mode;
// /healthz and /metrics always) until ctx is cancelled. Then it stops
// taking work, lets the work in flight finish within the shutdown timeout,
// and returns.
func (b *Bot) Serve(ctx context.Context, ln net.Listener) error {
	guess := guessExtractiveTurn
	if b.hasModel {
		guess = guessModelAnswer
	}
	b.pool = newPool(b.set.Workers, b.set.Queue, b.set.QueueWait, guess, b.metrics)
	srv := &http.Server{
		Handler:           b.handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 2)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errc <- fmt.Errorf("http server: %w", err)
		}
	}()
	mode := "http"
	sockCtx, stopSocket := context.WithCancel(ctx)
	defer stopSocket()
	sockDone := make(chan struct{})
	if b.SocketMode() {
		mode = "socket"
		go func() {
			defer close(sockDone)
			if err := b.runSocket(sockCtx); err != nil && sockCtx.Err() == nil {
				errc <- err
			}
		}()
	} else {
		close(sockDone)
	}
	b.log.Info("slack bot running", "mode", mode, "addr", ln.Addr().String(), "bot_user", b.botUserID,
		"command", b.set.Command, "workers", b.set.Workers, "queue", b.set.Queue, "queue_wait", b.set.QueueWait)

	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-errc:
	}
	b.log.Info("slack bot stopping: draining work in flight", "timeout", b.set.ShutdownTimeout)
	close(b.draining)
	stopSocket()
	<-sockDone
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), b.set.ShutdownTimeout)
	defer cancel()
	_ = srv.Shutdown(shutCtx) // stops taking requests; waits for handlers
	drained := b.pool.close(shutCtx)
	b.aux.Wait()
	if !drained {
		b.log.Warn("shutdown timeout: work in flight was cancelled")
	}
	b.log.Info("slack bot stopped")
	return runErr
}

// handler is the bot's HTTP surface. In Socket Mode only /healthz and
// /metrics are served.
func (b *Bot) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", b.serveHealth)
	mux.Handle("GET /metrics", b.metrics.handler())
	if !b.SocketMode() {
		mux.Handle("POST /slack/events", b.slackRequest("events", b.serveEvents))
		mux.Handle("POST /slack/commands", b.slackRequest("commands", b.serveCommand))
		mux.Handle("POST /slack/interactive", b.slackRequest("interactive", b.serveInteractive))
	}
	return mux
}

func (b *Bot) serveHealth(w http.ResponseWriter, _ *http.Request) {
	if b.isDraining() {
		http.Error(w, "draining", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

func (b *Bot) isDraining() bool {
	select {
	case <-b.draining:
		return true
	default:
		return false
	}
}

// allowed applies the channel allow-list; DMs are always allowed.
func (b *Bot) allowed(channel string) bool {
	if len(b.channels) == 0 || strings.HasPrefix(channel, "D") {
		return true
	}
	return b.channels[channel]
}

// background runs f outside the pool (short notices such as "busy"),
// counted so shutdown waits for it.
func (b *Bot) background(f func(ctx context.Context)) {
	b.aux.Add(1)
	go func() {
		defer b.aux.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		f(ctx)
	}()
}

// recordAnswer stores an answer, the whole of it, so that feedback and
// "Share in channel" can refer to it by id, after a restart too.
func (b *Bot) recordAnswer(ctx context.Context, rec ledger.AnswerRecord, ans brief.Answer) (int64, error) {
	payload, err := json.Marshal(ans)
	if err != nil {
		return 0, fmt.Errorf("encode answer: %w", err)
	}
	rec.Answer, rec.Mode, rec.Payload = ans.Text, string(ans.Mode), payload
	return b.opt.Ledger.RecordAnswer(ctx, rec)
}

// recordedAnswer returns a stored answer as it was given.
func (b *Bot) recordedAnswer(ctx context.Context, id int64) (brief.Answer, ledger.AnswerRecord, error) {
	rec, err := b.opt.Ledger.Answer(ctx, id)
	if err != nil {
		return brief.Answer{}, rec, err
	}
	var ans brief.Answer
	if err := json.Unmarshal(rec.Payload, &ans); err != nil {
		return brief.Answer{}, rec, fmt.Errorf("answer %d: stored without its content: %w", id, err)
	}
	return ans, rec, nil
}

// socketClient builds the Socket Mode client.
func (b *Bot) socketClient() *socketmode.Client {
	opts := []socketmode.Option{}
	if b.opt.PingInterval > 0 {
		opts = append(opts, socketmode.OptionPingInterval(b.opt.PingInterval))
	}
	return socketmode.New(b.api, opts...)
}

package slackbot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
)

// DigestEventType is the message metadata type a posted digest carries; its
// payload holds the run key, so a post can be found again after a crash.
const DigestEventType = "brief_digest"

// NewClient makes a Web API client for the bot token. apiURL (SLACK_API_URL)
// may be empty for Slack itself; the trailing slash slack-go needs is added.
// appToken is only needed for Socket Mode. Its calls wait out rate limits
// (slack-go's retry option, see rateLimitRetry); log (nil: none) hears of
// each wait.
func NewClient(botToken, appToken, apiURL string, hc *http.Client, log *slog.Logger) *slack.Client {
	opts := []slack.Option{}
	if apiURL != "" {
		opts = append(opts, slack.OptionAPIURL(strings.TrimRight(apiURL, "/")+"/"))
	}
	if appToken != "" {
		opts = append(opts, slack.OptionAppLevelToken(appToken))
	}
	if hc != nil {
		opts = append(opts, slack.OptionHTTPClient(hc))
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// After the HTTP client: the retry option wraps whichever is set.
	opts = append(opts, slack.OptionRetryConfig(rateLimitRetry(log)))
	return slack.New(botToken, opts...)
}

// Publisher posts digests to channels. It needs only a Web API client, so
// the scheduler can use it without the rest of the bot.
type Publisher struct {
	api *slack.Client
	log *slog.Logger
}

// NewPublisher returns a Publisher posting through api.
func NewPublisher(api *slack.Client, log *slog.Logger) *Publisher {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Publisher{api: api, log: log}
}

// PostDigest posts d to channel, tagged with runKey in the message
// metadata, and returns the message ts. A rate limit is waited out; any
// other failure is returned, and the post may or may not have happened:
// FindDigest tells.
func (p *Publisher) PostDigest(ctx context.Context, channel string, d brief.Digest, runKey string) (string, error) {
	msg := RenderDigest(d)
	_, ts, err := p.api.PostMessageContext(ctx, channel, append(outgoing(msg),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionMetadata(slack.SlackMetadata{
			EventType:    DigestEventType,
			EventPayload: map[string]any{"run": runKey},
		}))...)
	if err != nil {
		return "", fmt.Errorf("post digest to %s (run %s): %w", channel, runKey, err)
	}
	return ts, nil
}

// historyPage is how many messages FindDigest reads per call.
const historyPage = 200

// FindDigest looks through the channel's messages since since for a digest
// posted with runKey, so that a crash between posting and recording is
// repaired without posting twice.
func (p *Publisher) FindDigest(ctx context.Context, channel, runKey string, since time.Time) (string, bool, error) {
	params := &slack.GetConversationHistoryParameters{
		ChannelID:          channel,
		Oldest:             slackTS(since),
		Inclusive:          true,
		Limit:              historyPage,
		IncludeAllMetadata: true,
	}
	for {
		resp, err := p.api.GetConversationHistoryContext(ctx, params)
		if err != nil {
			return "", false, fmt.Errorf("find digest run %s in %s: %w", runKey, channel, err)
		}
		for _, m := range resp.Messages {
			if m.Metadata.EventType != DigestEventType {
				continue
			}
			if run, ok := m.Metadata.EventPayload["run"].(string); ok && run == runKey {
				return m.Timestamp, true, nil
			}
		}
		if !resp.HasMore || resp.ResponseMetaData.NextCursor == "" {
			return "", false, nil
		}
		params.Cursor = resp.ResponseMetaData.NextCursor
	}
}

// slackTS writes a time as a Slack ts ("seconds.micros"); zero is "0".
func slackTS(t time.Time) string {
	if t.IsZero() {
		return "0"
	}
	us := t.UnixMicro()
	return fmt.Sprintf("%d.%06d", us/1e6, us%1e6)
}

// Rate-limit handling: Slack answers 429 with Retry-After and has not done
// the call, so waiting and calling again is safe. slack-go's retry option
// does this for every call through the client (the Web API and
// response_url posts alike): it waits Retry-After (whole seconds, at
// least one, with jitter) within the call's context, up to
// maxRateLimitRetries times. Only 429s are retried: a 5xx or a dropped
// connection may have happened after Slack acted (a post would appear
// twice). rateLimitWait adds what our own retry did and slack-go's does
// not: a log line per wait, and giving up at once on a wait beyond
// maxRetryAfter instead of holding a worker for minutes.
const (
	maxRateLimitRetries = 4
	maxRetryAfter       = 30 * time.Second
)

func rateLimitRetry(log *slog.Logger) slack.RetryConfig {
	cfg := slack.DefaultRetryConfig()
	cfg.MaxRetries = maxRateLimitRetries
	cfg.RetryAfterDuration = time.Second // Slack always sends Retry-After; a proxy might not
	cfg.RetryAfterJitter = 250 * time.Millisecond
	cfg.Handlers = []slack.RetryHandler{rateLimitWait{next: slack.NewRateLimitErrorRetryHandler(cfg), log: log}}
	return cfg
}

// rateLimitWait is slack-go's 429 handler, logged and bounded.
type rateLimitWait struct {
	next slack.RetryHandler
	log  *slog.Logger
}

func (h rateLimitWait) ShouldRetry(state *slack.RetryState, req *http.Request, resp *http.Response, err error) (bool, time.Duration) {
	retry, wait := h.next.ShouldRetry(state, req, resp, err)
	if !retry {
		return false, 0
	}
	method := strings.TrimPrefix(req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:], "/")
	if wait > maxRetryAfter+time.Second {
		h.log.Warn("slack rate limit: the wait asked for is too long; giving up", "method", method, "retry_after", resp.Header.Get("Retry-After"))
		return false, 0
	}
	h.log.Warn("slack rate limit: waiting", "method", method, "retry_after", wait.Round(time.Millisecond), "attempt", state.Attempt+1)
	return true, wait
}

// withRetry waits out rate limits for the one call slack-go's client does
// not make: assistant.threads.setStatus, which we post as JSON ourselves
// (callJSON) because slack-go joins loading_messages with commas. It
// honours Retry-After the same way, with the same bounds.
func withRetry(ctx context.Context, log *slog.Logger, method string, call func() error) error {
	for attempt := 0; ; attempt++ {
		err := call()
		var rl *slack.RateLimitedError
		if err == nil || !errors.As(err, &rl) || attempt >= maxRateLimitRetries || rl.RetryAfter > maxRetryAfter {
			return err
		}
		wait := max(rl.RetryAfter, time.Second)
		log.Warn("slack rate limit: waiting", "method", method, "retry_after", wait, "attempt", attempt+1)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w (gave up waiting: %w)", err, ctx.Err())
		case <-t.C:
		}
	}
}

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
// appToken is only needed for Socket Mode.
func NewClient(botToken, appToken, apiURL string, hc *http.Client) *slack.Client {
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
	var ts string
	err := withRetry(ctx, p.log, "chat.postMessage", func() error {
		var err error
		_, ts, err = p.api.PostMessageContext(ctx, channel, append(outgoing(msg),
			slack.MsgOptionDisableLinkUnfurl(),
			slack.MsgOptionMetadata(slack.SlackMetadata{
				EventType:    DigestEventType,
				EventPayload: map[string]any{"run": runKey},
			}))...)
		return err
	})
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
		var resp *slack.GetConversationHistoryResponse
		err := withRetry(ctx, p.log, "conversations.history", func() error {
			var err error
			resp, err = p.api.GetConversationHistoryContext(ctx, params)
			return err
		})
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
// the call, so waiting and calling again is safe. Other failures are not
// retried here: a 5xx may have happened after Slack acted (a post would
// appear twice).
const (
	maxRateLimitRetries = 4
	maxRetryAfter       = 30 * time.Second
)

func withRetry(ctx context.Context, log *slog.Logger, method string, call func() error) error {
	for attempt := 0; ; attempt++ {
		err := call()
		var rl *slack.RateLimitedError
		if err == nil || !errors.As(err, &rl) || attempt >= maxRateLimitRetries {
			return err
		}
		wait := min(max(rl.RetryAfter, 0), maxRetryAfter)
		log.Warn("slack rate limit: waiting", "method", method, "retry_after", rl.RetryAfter, "attempt", attempt+1)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("%w (gave up waiting: %w)", err, ctx.Err())
		case <-t.C:
		}
	}
}

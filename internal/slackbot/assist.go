package slackbot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// Assistant threads: while an answer is on its way the thread shows a
// status with rotating loading messages (assistant.threads.setStatus; with
// chat:write it works in channel threads too, not only the assistant
// pane); the pane gets the topic's examples as suggested prompts when it
// opens, and each new assistant thread a title from its first question.

const (
	workingStatus  = "is reading the sources…"
	maxTitleRunes  = 80 // a thread title is shown in one line of the history
	maxPromptTitle = 75
)

// loadingMessages are the steps of an answer, rotated under the status.
func (b *Bot) loadingMessages(ctx context.Context) []string {
	return []string{
		searchTitle(ctx, b.opt.Store) + "…",
		"Reading the passages that match…",
		"Checking each claim against its source…",
		"Writing the answer…",
	}
}

// showStatus sets the working status in q's thread and returns the func
// that clears it; ok is false when Slack would not take it. In a channel,
// a workspace that refuses thread status there is remembered and not
// asked again.
func (b *Bot) showStatus(ctx context.Context, q question) (clear func(), ok bool) {
	team := q.team
	if team == "" {
		team = b.teamID
	}
	inChannel := !strings.HasPrefix(q.channel, "D")
	if inChannel {
		if _, refused := b.statuses.refusedFor(team); refused {
			return nil, false
		}
	}
	err := b.setStatus(ctx, q.channel, q.threadTS, workingStatus, b.loadingMessages(ctx))
	if err != nil {
		if code, whole := streamRefusal(err); inChannel && (whole || code == "channel_type_not_supported") {
			b.statuses.refuse(team, code)
		}
		b.log.Debug("thread status not set", q.logArgs("err", err)...)
		return nil, false
	}
	return func() {
		// Slack clears the status when the reply lands; clearing it
		// ourselves covers the paths that post nothing.
		_ = b.setStatus(context.WithoutCancel(ctx), q.channel, q.threadTS, "", nil)
	}, true
}

// setStatus is assistant.threads.setStatus, sent as JSON: Slack takes
// loading_messages as an array, which slack-go's form encoding joins with
// commas (so a message holding a comma would split).
func (b *Bot) setStatus(ctx context.Context, channel, threadTS, status string, loading []string) error {
	body := map[string]any{"channel_id": channel, "thread_ts": threadTS, "status": sanitizePlain(status)}
	if len(loading) > 0 {
		clean := make([]string, 0, len(loading))
		for _, m := range loading[:min(10, len(loading))] {
			clean = append(clean, sanitizePlain(m))
		}
		body["loading_messages"] = clean
	}
	return withRetry(ctx, b.log, "assistant.threads.setStatus", func() error {
		return b.callJSON(ctx, "assistant.threads.setStatus", body)
	})
}

// callJSON posts a Web API method with a JSON body and reads Slack's
// envelope, with the errors slack-go's own calls give.
func (b *Bot) callJSON(ctx context.Context, method string, body any) error {
	data, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	base := slack.APIURL
	if b.opt.APIURL != "" {
		base = strings.TrimRight(b.opt.APIURL, "/") + "/"
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+method, bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+b.opt.BotToken)
	resp, err := b.opt.HTTPClient.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		return &slack.RateLimitedError{RetryAfter: time.Duration(secs) * time.Second}
	}
	if resp.StatusCode != http.StatusOK {
		return slack.StatusCodeError{Code: resp.StatusCode, Status: resp.Status}
	}
	var env struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&env); err != nil {
		return fmt.Errorf("%s: reading the answer: %w", method, err)
	}
	if !env.OK {
		return slack.SlackErrorResponse{Err: env.Error}
	}
	return nil
}

// setTitle names a new assistant thread after its first question.
func (b *Bot) setTitle(ctx context.Context, q question) {
	title := sanitizePlain(truncateRunes(oneLine(plainText(q.text, b.botUserID)), maxTitleRunes))
	if title == "" {
		return
	}
	err := b.api.SetAssistantThreadsTitleContext(ctx, slack.AssistantThreadsSetTitleParameters{ChannelID: q.channel, ThreadTS: q.threadTS, Title: title})
	if err != nil {
		b.log.Debug("thread title not set", q.logArgs("err", err)...)
	}
}

// suggestPrompts offers the topic's example questions when someone opens
// the bot's assistant pane (in a DM with the bot, from anywhere).
func (b *Bot) suggestPrompts(e *slackevents.AssistantThreadStartedEvent) {
	if len(b.opt.Topic.Examples) == 0 {
		return
	}
	b.background(func(ctx context.Context) {
		topic := strings.TrimSpace(b.opt.Topic.Name)
		title := "Ask me about the sources I have read"
		if topic != "" {
			title = "Ask me about " + truncateRunes(topic, 60)
		}
		p := slack.AssistantThreadsSetSuggestedPromptsParameters{
			Title: sanitizePlain(title), ChannelID: e.AssistantThread.ChannelID, ThreadTS: e.AssistantThread.ThreadTimeStamp,
		}
		for _, ex := range b.opt.Topic.Examples[:min(4, len(b.opt.Topic.Examples))] {
			ex = oneLine(ex)
			p.AddPrompt(sanitizePlain(truncateRunes(ex, maxPromptTitle)), sanitizePlain(ex))
		}
		err := b.api.SetAssistantThreadsSuggestedPromptsContext(ctx, p)
		if err != nil {
			b.log.Debug("suggested prompts not set", "channel", p.ChannelID, "err", err)
		}
	})
}

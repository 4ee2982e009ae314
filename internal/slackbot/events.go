package slackbot

import (
	"context"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
)

// question is a message the bot will answer.
type question struct {
	via      string // "mention", "dm" or "thread"
	eventID  string
	retry    string // X-Slack-Retry-Num or Socket Mode retry_attempt, for logs
	team     string // the workspace the event came from
	channel  string
	user     string
	text     string // as Slack sent it
	ts       string // the question's own message
	threadTS string // where the answer goes; "" posts at the top of a DM
	history  bool   // inside an existing thread: its earlier turns are context
	kind     string // the thread's kind when the bot takes part in it already
	assist   bool   // a DM thread, where the assistant status can show progress
	received time.Time
}

func (q question) logArgs(extra ...any) []any {
	return append([]any{"via", q.via, "channel", q.channel, "ts", q.ts, "thread_ts", q.threadTS,
		"event_id", q.eventID, "retry", q.retry}, extra...)
}

// dispatchEvent decides whether an event is a question for the bot,
// claims it so it is answered once, and hands it to the pool. An error
// means the store failed and the event should be delivered again.
func (b *Bot) dispatchEvent(ctx context.Context, eventID, retry string, ev slackevents.EventsAPIEvent) (string, error) {
	if inner, ok := ev.InnerEvent.Data.(*slackevents.AssistantThreadStartedEvent); ok {
		b.suggestPrompts(inner)
		return "assistant_thread", nil
	}
	if inner, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok {
		return b.homeOpened(inner), nil
	}
	q, ok, err := b.classify(ctx, ev.InnerEvent.Data)
	if err != nil || !ok {
		return "ignored", err
	}
	q.eventID, q.retry, q.received, q.team = eventID, retry, time.Now(), ev.TeamID
	keys, took, err := b.claim(ctx, eventID, q.channel, q.ts)
	if err != nil {
		return "error", err
	}
	if !took {
		b.metrics.duplicates.WithLabelValues(q.via).Inc()
		b.log.Debug("already answered", q.logArgs()...)
		return "duplicate", nil
	}
	pl, ok := b.pool.submitTask(task{
		run: func(ctx context.Context) { b.answerQuestion(ctx, q) },
		expired: func(ctx context.Context) {
			b.metrics.busy.WithLabelValues(q.via).Inc()
			b.log.Warn("waited too long for a worker: turned a question away", q.logArgs()...)
			b.postNotice(ctx, q, waitedTooLong)
		},
	})
	if ok {
		if pl.long() {
			b.background(func(ctx context.Context) { b.tellPlace(ctx, q, pl) })
		}
		return "queued", nil
	}
	// The work cannot start: give the claims back so a later delivery may
	// answer, and tell the asker now.
	b.release(keys)
	text := "I'm answering a lot of questions right now. Please ask again in a minute."
	if b.isDraining() {
		text = "I'm restarting. Please ask again in a minute."
	} else {
		b.metrics.busy.WithLabelValues(q.via).Inc()
		b.log.Warn("pool full: turned a question away", q.logArgs()...)
	}
	b.background(func(ctx context.Context) { b.postNotice(ctx, q, text) })
	return "busy", nil
}

// classify turns an event into a question, or says it is not one.
func (b *Bot) classify(ctx context.Context, data any) (question, bool, error) {
	switch e := data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == b.botUserID || e.Edited != nil || !b.allowed(e.Channel) {
			return question{}, false, nil
		}
		q := question{via: "mention", channel: e.Channel, user: e.User, text: e.Text, ts: e.TimeStamp, threadTS: e.TimeStamp}
		if e.ThreadTimeStamp != "" && e.ThreadTimeStamp != e.TimeStamp {
			q.threadTS, q.history = e.ThreadTimeStamp, true
			kind, _, err := b.opt.Ledger.ThreadKind(ctx, e.Channel, e.ThreadTimeStamp)
			if err != nil {
				return question{}, false, err
			}
			q.kind = kind
		}
		return q, true, nil
	case *slackevents.MessageEvent:
		if e.SubType != "" || e.BotID != "" || e.User == "" || e.User == b.botUserID {
			return question{}, false, nil
		}
		inThread := e.ThreadTimeStamp != "" && e.ThreadTimeStamp != e.TimeStamp
		if e.ChannelType == "im" {
			q := question{via: "dm", channel: e.Channel, user: e.User, text: e.Text, ts: e.TimeStamp,
				threadTS: e.ThreadTimeStamp, history: inThread, assist: e.ThreadTimeStamp != ""}
			if inThread {
				kind, _, err := b.opt.Ledger.ThreadKind(ctx, e.Channel, e.ThreadTimeStamp)
				if err != nil {
					return question{}, false, err
				}
				q.kind = kind
			}
			return q, true, nil
		}
		if !inThread || !b.allowed(e.Channel) {
			return question{}, false, nil
		}
		kind, ok, err := b.opt.Ledger.ThreadKind(ctx, e.Channel, e.ThreadTimeStamp)
		if err != nil || !ok {
			return question{}, false, err
		}
		return question{via: "thread", channel: e.Channel, user: e.User, text: e.Text, ts: e.TimeStamp,
			threadTS: e.ThreadTimeStamp, history: true, kind: kind}, true, nil
	}
	return question{}, false, nil
}

// claim takes the event id and the message's channel+ts, so that Slack's
// retries, a re-send under a new event id, the app_mention and message
// events of one message, a restart and a second replica all answer once.
func (b *Bot) claim(ctx context.Context, eventID, channel, ts string) ([]string, bool, error) {
	var keys []string
	if eventID != "" {
		key := "event:" + eventID
		took, err := b.opt.Ledger.Claim(ctx, key, b.set.DedupeTTL)
		if err != nil || !took {
			return nil, false, err
		}
		keys = append(keys, key)
	}
	key := "msg:" + channel + ":" + ts
	took, err := b.opt.Ledger.Claim(ctx, key, b.set.DedupeTTL)
	if err != nil {
		b.release(keys)
		return nil, false, err
	}
	if !took {
		return nil, false, nil
	}
	return append(keys, key), true, nil
}

func (b *Bot) release(keys []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, k := range keys {
		if err := b.opt.Ledger.Release(ctx, k); err != nil {
			b.log.Error("release claim", "key", k, "err", err)
		}
	}
}

// waitedTooLong is said when a question waited past slack.queue_wait.
const waitedTooLong = "Sorry, so many questions came in that I could not get to yours in time. Please ask again."

// placeText tells an asker where their question stands in a long queue.
func placeText(pl place) string {
	wait := pl.wait.Round(time.Second)
	about := fmt.Sprintf("%d seconds", int(wait.Seconds()))
	if wait >= 90*time.Second {
		about = fmt.Sprintf("%d minutes", int(wait.Round(time.Minute).Minutes()))
	}
	return fmt.Sprintf("Many questions came in at once: yours is number %d in line, and I expect to answer in about %s.", pl.ahead+1, about)
}

// tellPlace tells the asker alone, where the answer will go, that it will
// take a while.
func (b *Bot) tellPlace(ctx context.Context, q question, pl place) {
	opts := outgoing(notice(placeText(pl)))
	if q.threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(q.threadTS))
	}
	if _, err := b.api.PostEphemeralContext(ctx, q.channel, q.user, opts...); err != nil {
		b.metrics.apiErrors.WithLabelValues("chat.postEphemeral").Inc()
		b.log.Debug("place in line not shown", q.logArgs("err", err)...)
	}
}

// interrupted is said when a restart cut an answer short.
const interrupted = "Sorry, I was restarting and lost track of your question. Please ask again."

const (
	workingReaction = "hourglass_flowing_sand"
	maxHistoryTurns = 12
	maxTurnChars    = 2000
)

// answerQuestion is the work behind a mention, DM or thread message.
func (b *Bot) answerQuestion(ctx context.Context, q question) {
	if q.threadTS != "" {
		// Marked before answering so a quick follow-up is not missed.
		if err := b.opt.Ledger.MarkThread(ctx, q.channel, q.threadTS, ledger.ThreadAnswer); err != nil {
			b.log.Error("mark thread", q.logArgs("err", err)...)
		}
	}
	stop, status := b.showWorking(ctx, q)
	defer stop()

	req := brief.Request{Question: plainText(q.text, b.botUserID)}
	if strings.TrimSpace(req.Question) == "" {
		b.postNotice(ctx, q, "Ask me a question, for example: "+b.example()+"\nOr try `"+b.set.Command+" help`.")
		return
	}
	if q.history {
		req.History = b.threadHistory(ctx, q)
	}
	if q.kind == ledger.ThreadDigest {
		docs, ok, err := b.opt.Ledger.DigestDocs(ctx, q.channel, q.threadTS)
		if err != nil {
			b.log.Error("digest docs", q.logArgs("err", err)...)
		} else if ok {
			req.PreferDocs = docs
		}
	}
	stream := b.newStreamer(ctx, q, status)
	req.OnPartial, req.OnStep = stream.partial, stream.step
	start := time.Now()
	ans, err := b.opt.Answerer.Answer(ctx, req)
	answerTime := time.Since(start)
	placeholder := stream.finish()
	if err != nil {
		b.log.Error("answer failed", q.logArgs("err", err)...)
		text := "Sorry, I could not answer that just now. Please try again in a few minutes."
		if ctx.Err() != nil {
			// Shutdown ran out of time: say so with a context of our own.
			nctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			ctx, text = nctx, interrupted
		}
		if err := stream.deliver(ctx, placeholder, []Message{notice(text)}); err != nil {
			b.log.Error("notice not posted", q.logArgs("err", err)...)
		}
		return
	}
	id, err := b.recordAnswer(ctx, ledger.AnswerRecord{Channel: q.channel, ThreadTS: q.threadTS, UserID: q.user, Question: req.Question}, ans)
	if err != nil {
		b.log.Error("record answer (feedback buttons left out)", q.logArgs("err", err)...)
	}
	if err := stream.deliverAnswer(ctx, placeholder, ans, id); err != nil {
		b.answerLost(ctx, q, err)
		return
	}
	b.metrics.answers.WithLabelValues(q.via, string(ans.Mode)).Inc()
	total := time.Since(q.received)
	b.metrics.answerSecs.WithLabelValues(q.via).Observe(total.Seconds())
	b.metrics.overheadSecs.Observe((total - answerTime).Seconds())
	b.log.Info("answered", q.logArgs("mode", ans.Mode, "citations", len(ans.Citations), "answer_id", id,
		"answer_ms", answerTime.Milliseconds(), "total_ms", total.Milliseconds())...)
}

// notice is a short plain message.
func notice(text string) Message { return Message{Text: text, Blocks: []slack.Block{section(text)}} }

// answerLost tells the asker that an answer could not be posted: first as
// a short message where the answer should have gone, else privately.
func (b *Bot) answerLost(ctx context.Context, q question, cause error) {
	b.log.Error("answer not posted", q.logArgs("err", cause)...)
	text := "Sorry, I found an answer but Slack would not take it (" + escape(slackErrorCode(cause)) + "). Please ask again."
	if _, err := b.postOne(ctx, q.channel, q.threadTS, notice(text)); err == nil {
		return
	}
	opts := outgoing(Message{Text: text})
	if q.threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(q.threadTS))
	}
	_, err := b.api.PostEphemeralContext(ctx, q.channel, q.user, opts...)
	if err != nil {
		b.metrics.apiErrors.WithLabelValues("chat.postEphemeral").Inc()
		b.log.Error("could not tell the asker either", q.logArgs("err", err)...)
	}
}

// postNotice posts a short plain message where the answer would go.
func (b *Bot) postNotice(ctx context.Context, q question, text string) {
	if _, err := b.postOne(ctx, q.channel, q.threadTS, notice(text)); err != nil {
		b.log.Error("notice not posted", q.logArgs("err", err)...)
	}
}

func slackErrorCode(err error) string {
	var rl *slack.RateLimitedError
	var sc slack.StatusCodeError
	switch {
	case errors.As(err, &rl):
		return "rate limited"
	case errors.As(err, &sc):
		return fmt.Sprintf("HTTP %d", sc.Code)
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return truncateRunes(s, 80)
}

// showWorking shows that the bot is on it: in an assistant thread the
// status (and a first question names the thread), else a reaction on the
// question, with the status in a channel thread too, where the answer will
// appear. The returned func clears what was shown; status says the thread
// shows the status.
func (b *Bot) showWorking(ctx context.Context, q question) (stop func(), status bool) {
	if q.assist {
		if q.kind == "" {
			b.setTitle(ctx, q)
		}
		if clear, ok := b.showStatus(ctx, q); ok {
			return clear, true
		}
		b.log.Debug("assistant status unavailable; using a reaction", q.logArgs()...)
	}
	clearStatus := func() {}
	if !q.assist && q.threadTS != "" && !strings.HasPrefix(q.channel, "D") {
		if clear, ok := b.showStatus(ctx, q); ok {
			clearStatus, status = clear, true
		}
	}
	ref := slack.NewRefToMessage(q.channel, q.ts)
	if err := b.api.AddReactionContext(ctx, workingReaction, ref); err != nil {
		b.log.Debug("working reaction not added", q.logArgs("err", err)...)
		return clearStatus, status
	}
	return func() {
		if err := b.api.RemoveReactionContext(context.WithoutCancel(ctx), workingReaction, ref); err != nil {
			b.log.Debug("working reaction not removed", q.logArgs("err", err)...)
		}
		clearStatus()
	}, status
}

// threadHistory reads the thread's earlier turns, oldest first: the bot's
// messages as the assistant's, people's as the user's.
func (b *Bot) threadHistory(ctx context.Context, q question) []brief.Turn {
	var msgs []slack.Message
	params := &slack.GetConversationRepliesParameters{ChannelID: q.channel, Timestamp: q.threadTS, Limit: 200}
	for {
		page, more, cursor, err := b.api.GetConversationRepliesContext(ctx, params)
		if err != nil {
			b.metrics.apiErrors.WithLabelValues("conversations.replies").Inc()
			b.log.Warn("thread history unavailable; answering without it", q.logArgs("err", err)...)
			break
		}
		msgs = append(msgs, page...)
		if !more || cursor == "" {
			break
		}
		params.Cursor = cursor
	}
	var turns []brief.Turn
	for _, m := range msgs {
		if !tsBefore(m.Timestamp, q.ts) || m.SubType != "" {
			continue
		}
		role := "user"
		switch {
		case m.User == b.botUserID || (b.botID != "" && m.BotID == b.botID):
			role = "assistant"
		case m.BotID != "":
			continue // another app's message
		}
		text := truncateRunes(plainText(m.Text, b.botUserID), maxTurnChars)
		if text == "" {
			continue
		}
		turns = append(turns, brief.Turn{Role: role, Text: text})
	}
	if len(turns) > maxHistoryTurns {
		turns = turns[len(turns)-maxHistoryTurns:]
	}
	return turns
}

// tsBefore compares Slack timestamps ("seconds.micros").
func tsBefore(a, b string) bool {
	as, af, _ := strings.Cut(a, ".")
	bs, bf, _ := strings.Cut(b, ".")
	if len(as) != len(bs) {
		return len(as) < len(bs)
	}
	if as != bs {
		return as < bs
	}
	return (af + "000000")[:6] < (bf + "000000")[:6]
}

var slackMarkup = regexp.MustCompile(`<([^<>]*)>`)

// plainText turns Slack's message markup into plain text for the answerer:
// the bot's own mention goes, other mentions become @id / #channel, links
// their label, and entities are decoded.
func plainText(s, botUserID string) string {
	s = slackMarkup.ReplaceAllStringFunc(s, func(m string) string {
		inner := m[1 : len(m)-1]
		target, label, _ := strings.Cut(inner, "|")
		switch {
		case target == "@"+botUserID:
			return ""
		case strings.HasPrefix(target, "@"), strings.HasPrefix(target, "#"):
			if label != "" {
				return target[:1] + label
			}
			return target
		case strings.HasPrefix(target, "!"):
			return "@" + strings.TrimPrefix(strings.SplitN(target, "^", 2)[0], "!")
		case label != "":
			return label
		default:
			return target
		}
	})
	return strings.TrimSpace(html.UnescapeString(s))
}

func (b *Bot) example() string {
	if len(b.opt.Topic.Examples) > 0 {
		return "“" + escape(b.opt.Topic.Examples[0]) + "”"
	}
	return "“What is new this week?”"
}
